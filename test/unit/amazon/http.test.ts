import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient } from '../../../main/amazon/client';
import { LwaError, NetworkError, OutcomeUnknownError, ResponseFormatError, SpApiError } from '../../../main/amazon/errors';
import type { Exchange } from '../../../main/amazon/http';
import type { FakeAmazon, FakeHandler } from './helpers/fake-amazon';
import { TEST_CREDENTIALS, startFakeAmazon } from './helpers/fake-amazon';

let fake: FakeAmazon | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function client(handler: FakeHandler, extra: { timeoutMs?: number; maxRetries?: number; onExchange?: (e: Exchange) => void; lwa?: FakeHandler } = {}) {
  fake = await startFakeAmazon(handler, extra.lwa);
  const clock = new VirtualClock();
  const c = createSpApiClient({
    endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl },
    credentials: TEST_CREDENTIALS,
    clock,
    userAgent: 'Vitrine/9.9.9 (Language=TypeScript/Node 20; Platform=linux)',
    random: () => 0.5,
    timeoutMs: extra.timeoutMs ?? 2000,
    maxRetries: extra.maxRetries ?? 3,
    onExchange: extra.onExchange,
  });
  return { c, clock };
}

const FEED = { feedId: 'F1', feedType: 'JSON_LISTINGS_FEED', createdTime: '2026-11-22T12:00:00Z', processingStatus: 'IN_QUEUE' };
const THROTTLED = { status: 429, body: { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] } };
const FEED_SPEC = { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: ['A2Q3Y263D00KWC'], inputFeedDocumentId: 'doc-1' };

describe('HttpPipeline', () => {
  it('sends the access token, user-agent, csv query and JSON body as Amazon specifies', async () => {
    const { c } = await client(() => ({ status: 200, body: { sku: 'S1', status: 'ACCEPTED', submissionId: 'x', issues: [] } }));

    await c.putListingsItem({
      sellerId: 'A1SELLER',
      sku: 'ANEL/prata 19',
      marketplaceId: 'A2Q3Y263D00KWC',
      includedData: ['identifiers', 'issues'],
      mode: 'VALIDATION_PREVIEW',
      body: { productType: 'BRACELET', attributes: { item_name: [{ value: 'Pulseira' }] } },
    });

    const [request] = fake!.requests;
    expect(request?.method).toBe('PUT');
    expect(request?.path).toBe('/listings/2021-08-01/items/A1SELLER/ANEL%2Fprata%2019');
    expect(request?.rawQuery).toBe('?marketplaceIds=A2Q3Y263D00KWC&includedData=identifiers,issues&mode=VALIDATION_PREVIEW');
    expect(request?.headers['x-amz-access-token']).toBe('Atza|fake-access-token');
    expect(request?.headers['user-agent']).toBe('Vitrine/9.9.9 (Language=TypeScript/Node 20; Platform=linux)');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({ productType: 'BRACELET', attributes: { item_name: [{ value: 'Pulseira' }] } });
  });

  it('keeps Amazon code, message, details and request id on a 400', async () => {
    const { c } = await client(() => ({
      status: 400,
      headers: { 'x-amzn-RequestId': 'abc-123' },
      body: { errors: [{ code: 'BAD_REQUEST', message: 'Invalid input', details: 'Invalid input' }] },
    }));

    const error = await c.getListingsItem({ sellerId: 'A1', sku: 'BadSKU', marketplaceIds: ['ATVPDKIKX0DER'] }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SpApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      amazonMessage: 'Invalid input',
      details: 'Invalid input',
      requestId: 'abc-123',
      retryable: false,
    });
    expect(fake!.requests).toHaveLength(1);
  });

  it('retries a 429 with back-off on the clock and succeeds', async () => {
    let calls = 0;
    const { c, clock } = await client(() => (++calls <= 2 ? THROTTLED : { status: 200, body: FEED }));
    const start = clock.now();

    const feed = await c.getFeed({ feedId: 'F1' });

    expect(feed.feedId).toBe('F1');
    expect(calls).toBe(3);
    expect(clock.now() - start).toBeGreaterThan(0);
  });

  it('retries even createFeed on 429, because a throttled call was not processed', async () => {
    let calls = 0;
    const { c } = await client(() => (++calls === 1 ? THROTTLED : { status: 202, body: { feedId: 'F9' } }));

    await expect(c.createFeed(FEED_SPEC)).resolves.toEqual({ feedId: 'F9' });
    expect(calls).toBe(2);
  });

  it('retries a 503 HTML page on a read until maxRetries, then throws the typed error', async () => {
    const { c } = await client(() => ({ status: 503, headers: { 'content-type': 'text/html' }, body: '<html>Service Unavailable</html>' }), { maxRetries: 2 });

    const error = await c.getFeed({ feedId: 'F1' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SpApiError);
    expect(error).toMatchObject({ status: 503, code: 'HTTP_503', retryable: true });
    expect(fake!.requests).toHaveLength(3);
  });

  it('never repeats createFeed after a 500: OutcomeUnknownError after one request', async () => {
    const { c } = await client(() => ({ status: 500, body: { errors: [{ code: 'InternalFailure', message: 'We encountered an internal error.' }] } }));

    const error = await c.createFeed(FEED_SPEC).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(SpApiError);
    expect(fake!.requests).toHaveLength(1);
  });

  it('never repeats createFeed after a timeout', async () => {
    const { c } = await client(() => ({ status: 202, body: { feedId: 'late' }, delayMs: 400 }), { timeoutMs: 100 });

    const error = await c.createFeed(FEED_SPEC).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toMatchObject({ name: 'NetworkError', reason: 'timeout' });
    expect(fake!.requests).toHaveLength(1);
  });

  it('repeats an idempotent read after the connection dropped', async () => {
    let calls = 0;
    const { c } = await client(() => (++calls === 1 ? { status: 200, hangUp: true } : { status: 200, body: FEED }));

    await expect(c.getFeed({ feedId: 'F1' })).resolves.toMatchObject({ feedId: 'F1' });
    expect(calls).toBe(2);
  });

  it('turns a malformed 200 body into ResponseFormatError instead of crashing', async () => {
    const { c } = await client(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"feedId": "F1", ' }));

    const error = await c.getFeed({ feedId: 'F1' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({ problem: 'body is malformed JSON', requestId: 'req-1' });
  });

  it('rejects a 200 that breaks the response model', async () => {
    const { c } = await client(() => ({ status: 200, body: { feedId: 'F1', processingStatus: 'WEIRD' } }));

    const error = await c.getFeed({ feedId: 'F1' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).problem).toMatch(/feedType|processingStatus|createdTime/);
  });

  it('refreshes an expired access token once and repeats the call', async () => {
    let calls = 0;
    const { c } = await client(() =>
      ++calls === 1
        ? {
            status: 403,
            body: {
              errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }],
            },
          }
        : { status: 200, body: FEED },
    );

    await expect(c.getFeed({ feedId: 'F1' })).resolves.toMatchObject({ feedId: 'F1' });
    expect(fake!.tokenRequests).toHaveLength(2);
  });

  it('a 403 saying the access token was revoked gets a fresh token first, whose refusal then stops the call', async () => {
    let exchanges = 0;
    const { c } = await client(
      () => ({
        status: 403,
        body: {
          errors: [
            {
              code: 'Unauthorized',
              message: 'Access to requested resource is denied.',
              details: 'The access token you provided is revoked, malformed or invalid.',
            },
          ],
        },
      }),
      {
        lwa: () =>
          ++exchanges === 1
            ? { status: 200, body: { access_token: 'Atza|old', token_type: 'bearer', expires_in: 3600 } }
            : { status: 400, body: { error: 'invalid_grant', error_description: 'revoked' } },
      },
    );

    await expect(c.getFeed({ feedId: 'F1' })).rejects.toMatchObject({ name: 'LwaError', error: 'invalid_grant' });
    expect(fake!.requests).toHaveLength(1);
    expect(fake!.tokenRequests).toHaveLength(2);
  });

  it('does not retry a plain 403 Unauthorized', async () => {
    const { c } = await client(() => ({ status: 403, body: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] } }));

    await expect(c.getFeed({ feedId: 'F1' })).rejects.toMatchObject({ status: 403, code: 'Unauthorized' });
    expect(fake!.requests).toHaveLength(1);
  });

  it('fails without calling Amazon when LWA says invalid_grant', async () => {
    const { c } = await client(() => ({ status: 200, body: FEED }), {
      lwa: () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'revoked' } }),
    });

    await expect(c.getFeed({ feedId: 'F1' })).rejects.toBeInstanceOf(LwaError);
    expect(fake!.requests).toHaveLength(0);
  });

  it('adopts x-amzn-RateLimit-Limit for the operation', async () => {
    const { c } = await client(() => ({ status: 200, headers: { 'x-amzn-RateLimit-Limit': '10.0' }, body: FEED }));

    await c.getFeed({ feedId: 'F1' });

    expect(c.currentRate('getFeed')).toBe(10);
    expect(c.currentRate('getFeeds')).toBeCloseTo(0.0222);
  });

  it('reports every exchange to onExchange, failures included', async () => {
    const seen: Exchange[] = [];
    let calls = 0;
    const { c } = await client(() => (++calls === 1 ? THROTTLED : { status: 200, body: FEED }), { onExchange: (e) => seen.push(e) });

    await c.getFeed({ feedId: 'F 1' });

    expect(seen.map((e) => e.status)).toEqual([429, 200]);
    expect(seen[1]).toMatchObject({
      operationId: 'getFeed',
      model: 'feeds_2021-06-30',
      method: 'GET',
      path: '/feeds/2021-06-30/feeds/F%201',
      pathParams: { feedId: 'F 1' },
      responseBody: FEED,
    });
  });

  it('surfaces a network error on a read after exhausting retries', async () => {
    const { c } = await client(() => ({ status: 200, hangUp: true }), { maxRetries: 1 });

    await expect(c.getFeed({ feedId: 'F1' })).rejects.toBeInstanceOf(NetworkError);
    expect(fake!.requests).toHaveLength(2);
  });
});
