import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { LwaError } from '../../../main/amazon/errors';
import { LwaTokenProvider } from '../../../main/amazon/lwa';
import type { FakeAmazon, FakeHandler } from './helpers/fake-amazon';
import { TEST_CREDENTIALS, startFakeAmazon } from './helpers/fake-amazon';

let fake: FakeAmazon | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function provider(lwa: FakeHandler, clock = new VirtualClock()) {
  fake = await startFakeAmazon(() => ({ status: 404 }), lwa);
  return new LwaTokenProvider({ url: fake.lwaUrl, credentials: TEST_CREDENTIALS, clock, fetch, timeoutMs: 5000 });
}

let issued = 0;
const issuing: FakeHandler = () => ({ status: 200, body: { access_token: `Atza|token-${++issued}`, token_type: 'bearer', expires_in: 3600 } });

describe('LwaTokenProvider', () => {
  it('posts the refresh-token grant as a form', async () => {
    const tokens = await provider(issuing);

    const token = await tokens.getAccessToken();

    const [request] = fake!.tokenRequests;
    expect(token).toMatch(/^Atza\|token-/);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    const form = new URLSearchParams(request?.body.toString('utf8'));
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: TEST_CREDENTIALS.refreshToken,
      client_id: TEST_CREDENTIALS.clientId,
      client_secret: TEST_CREDENTIALS.clientSecret,
    });
  });

  it('caches the token, and refreshes it a few minutes before the hour ends', async () => {
    const clock = new VirtualClock();
    const tokens = await provider(issuing, clock);

    const first = await tokens.getAccessToken();
    clock.advance(50 * 60_000);
    const stillCached = await tokens.getAccessToken();
    clock.advance(6 * 60_000);
    const refreshed = await tokens.getAccessToken();

    expect(stillCached).toBe(first);
    expect(refreshed).not.toBe(first);
    expect(fake!.tokenRequests).toHaveLength(2);
  });

  it('shares one exchange between concurrent callers', async () => {
    const tokens = await provider(async (req) => {
      await new Promise((r) => setTimeout(r, 50));
      return issuing(req);
    });

    const results = await Promise.all(Array.from({ length: 20 }, () => tokens.getAccessToken()));

    expect(new Set(results).size).toBe(1);
    expect(fake!.tokenRequests).toHaveLength(1);
  });

  it('drops an invalidated token and fetches a new one', async () => {
    const tokens = await provider(issuing);
    const first = await tokens.getAccessToken();

    tokens.invalidate(first);
    const second = await tokens.getAccessToken();

    expect(second).not.toBe(first);
  });

  it('keeps the LWA error code and marks invalid_grant as not retryable', async () => {
    const tokens = await provider(() => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' },
    }));

    const error = await tokens.getAccessToken().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LwaError);
    expect(error).toMatchObject({ status: 400, error: 'invalid_grant', retryable: false });
    expect((error as LwaError).description).toContain('invalid grant');
  });

  it('a refusal of the credentials is final: reported once, and later calls fail without asking LWA again', async () => {
    fake = await startFakeAmazon(
      () => ({ status: 404 }),
      () => ({ status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } }),
    );
    const refused: LwaError[] = [];
    const tokens = new LwaTokenProvider({
      url: fake.lwaUrl,
      credentials: TEST_CREDENTIALS,
      clock: new VirtualClock(),
      fetch,
      timeoutMs: 5000,
      onCredentialsRejected: (e) => void refused.push(e),
    });

    const first = await tokens.getAccessToken().catch((e: unknown) => e);
    const second = await tokens.getAccessToken().catch((e: unknown) => e);

    expect(first).toMatchObject({ error: 'invalid_client' });
    expect(second).toBe(first);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(refused).toEqual([first]);
  });

  it('a temporary failure is not final: the next call asks LWA again', async () => {
    let calls = 0;
    const tokens = await provider(() => (++calls === 1 ? { status: 503, body: { error: 'temporarily_unavailable' } } : issuing({} as never)));

    await expect(tokens.getAccessToken()).rejects.toMatchObject({ retryable: true });
    await expect(tokens.getAccessToken()).resolves.toMatch(/^Atza\|/);
  });

  it('marks server_error and HTML 503 pages as retryable', async () => {
    const a = await provider(() => ({ status: 500, body: { error: 'server_error', error_description: 'x' } }));
    const serverError = await a.getAccessToken().catch((e: unknown) => e);
    await fake!.close();
    const b = await provider(() => ({ status: 503, headers: { 'content-type': 'text/html' }, body: '<html>down</html>' }));
    const htmlError = await b.getAccessToken().catch((e: unknown) => e);

    expect(serverError).toMatchObject({ error: 'server_error', retryable: true });
    expect(htmlError).toMatchObject({ error: 'http_503', retryable: true });
  });

  it('rejects a 200 without an access token', async () => {
    const tokens = await provider(() => ({ status: 200, body: { token_type: 'bearer' } }));

    await expect(tokens.getAccessToken()).rejects.toMatchObject({ name: 'LwaError', error: 'invalid_response' });
  });
});
