import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.sim.control.responseViolations()).toEqual([]);
  await h.sim.close();
});

async function lwa(body: string, contentType: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(h.sim.lwaUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe('LWA token endpoint', () => {
  it('exchanges a refresh token sent form-urlencoded', async () => {
    const { demo } = h.sim;
    const res = await lwa(
      form({ grant_type: 'refresh_token', refresh_token: demo.refreshToken, client_id: demo.clientId, client_secret: demo.clientSecret }),
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ token_type: 'bearer', expires_in: 3600, refresh_token: demo.refreshToken });
    expect(String(res.json.access_token)).toMatch(/^Atza\|/);
  });

  it('accepts the same fields as a JSON body', async () => {
    const { demo } = h.sim;
    const res = await lwa(
      JSON.stringify({ grant_type: 'refresh_token', refresh_token: demo.refreshToken, client_id: demo.clientId, client_secret: demo.clientSecret }),
      'application/json',
    );
    expect(res.status).toBe(200);
  });

  it('answers invalid_grant for an unknown refresh token', async () => {
    const { demo } = h.sim;
    const res = await lwa(
      form({ grant_type: 'refresh_token', refresh_token: 'Atzr|nope', client_id: demo.clientId, client_secret: demo.clientSecret }),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
    expect(typeof res.json.error_description).toBe('string');
  });

  it('answers invalid_client for a wrong client secret', async () => {
    const { demo } = h.sim;
    const res = await lwa(
      form({ grant_type: 'refresh_token', refresh_token: demo.refreshToken, client_id: demo.clientId, client_secret: 'wrong' }),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });

  it('answers invalid_request when a field is missing', async () => {
    const res = await lwa(form({ grant_type: 'refresh_token' }), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
  });
});

describe('access token checks on SP-API calls', () => {
  const path = '/sellers/v1/marketplaceParticipations';

  it('answers 403 Unauthorized when the token is missing', async () => {
    const res = await h.call('GET', path, { token: null });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'Access token is missing in the request header.' }],
    });
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(res.headers.get('x-amzn-ratelimit-limit')).toBeNull();
  });

  it('answers 403 for a token it never issued', async () => {
    const res = await h.call('GET', path, { token: 'Atza|forged' });
    expect(res.status).toBe(403);
    expect((res.body as { errors: { details: string }[] }).errors[0]?.details).toMatch(/invalid/);
  });

  it('accepts a token for an hour of simulator time, then answers 403 expired', async () => {
    const token = await h.token();
    h.sim.control.advance(3599_000);
    expect((await h.call('GET', path, { token })).status).toBe(200);
    h.sim.control.advance(2_000);
    const res = await h.call('GET', path, { token });
    expect(res.status).toBe(403);
    expect((res.body as { errors: { details: string }[] }).errors[0]?.details).toMatch(/expired/);
  });

  it('returns the seller participations with request id and rate limit headers', async () => {
    const res = await h.call('GET', path);
    expect(res.status).toBe(200);
    const ids = (res.body as { payload: { marketplace: { id: string; defaultCurrencyCode: string } }[] }).payload.map((p) => [
      p.marketplace.id,
      p.marketplace.defaultCurrencyCode,
    ]);
    expect(ids).toEqual([
      ['A2Q3Y263D00KWC', 'BRL'],
      ['ATVPDKIKX0DER', 'USD'],
    ]);
    expect(res.headers.get('x-amzn-ratelimit-limit')).toBe('0.016');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('credential lifecycle', () => {
  async function exchange(c: { clientId: string; clientSecret: string; refreshToken: string }) {
    return lwa(
      form({ grant_type: 'refresh_token', refresh_token: c.refreshToken, client_id: c.clientId, client_secret: c.clientSecret }),
      'application/x-www-form-urlencoded',
    );
  }

  it('gives a second seller its own credentials and data', async () => {
    const other = h.sim.control.addSeller({ sellerId: 'A2OTHERSELLER', storeName: 'Outra Loja', marketplaceIds: ['ATVPDKIKX0DER'] });
    const token = String((await exchange(other)).json.access_token);
    const res = await h.call('GET', '/sellers/v1/marketplaceParticipations', { token });
    expect((res.body as { payload: { storeName: string }[] }).payload.map((p) => p.storeName)).toEqual(['Outra Loja']);
  });

  it('answers invalid_grant after the seller revokes the app', async () => {
    h.sim.control.revokeRefreshToken(h.sim.demo.refreshToken);
    expect((await exchange(h.sim.demo)).json.error).toBe('invalid_grant');
  });

  it('answers invalid_client with the old secret after a rotation, and works with the new one', async () => {
    const secret = h.sim.control.rotateClientSecret(h.sim.demo.clientId);
    expect((await exchange(h.sim.demo)).json.error).toBe('invalid_client');
    expect((await exchange({ ...h.sim.demo, clientSecret: secret })).status).toBe(200);
  });
});
