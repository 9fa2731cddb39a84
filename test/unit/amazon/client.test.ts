import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient } from '../../../main/amazon/client';
import { submitFeedOnce } from '../../../main/amazon/feed-submission';
import type { FakeAmazon } from './helpers/fake-amazon';
import { TEST_CREDENTIALS, startFakeAmazon } from './helpers/fake-amazon';

let fake: FakeAmazon | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const LISTING = { sku: 'S1', summaries: [] };

/** Amazon's side of a usage plan: a token bucket on the same clock that answers 429 when empty. */
function throttlingServer(clock: VirtualClock, rate: number, burst: number) {
  let tokens = burst;
  let last = clock.now();
  let throttled = 0;
  const handler = () => {
    tokens = Math.min(burst, tokens + ((clock.now() - last) / 1000) * rate);
    last = clock.now();
    // A hair of tolerance for the client's millisecond rounding.
    if (tokens < 1 - 1e-6) {
      throttled += 1;
      return { status: 429, body: { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] } };
    }
    tokens -= 1;
    return { status: 200, body: LISTING };
  };
  return { handler, throttledCount: () => throttled };
}

describe('createSpApiClient', () => {
  it('resolves region endpoints to Amazon hosts', () => {
    const production = createSpApiClient({ endpoint: { region: 'NA' }, credentials: TEST_CREDENTIALS });
    const sandbox = createSpApiClient({ endpoint: { region: 'EU', sandbox: true }, credentials: TEST_CREDENTIALS });

    expect(production.baseUrl).toBe('https://sellingpartnerapi-na.amazon.com');
    expect(sandbox.baseUrl).toBe('https://sandbox.sellingpartnerapi-eu.amazon.com');
  });

  it('makes 100 getListingsItem calls in burst + (n - burst) / rate virtual seconds without a 429', async () => {
    const clock = new VirtualClock();
    const amazon = throttlingServer(clock, 5, 10);
    fake = await startFakeAmazon(amazon.handler);
    const client = createSpApiClient({ endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl }, credentials: TEST_CREDENTIALS, clock });
    const start = clock.now();

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => client.getListingsItem({ sellerId: 'A1', sku: `S${i}`, marketplaceIds: ['A2Q3Y263D00KWC'] })),
    );

    const seconds = (clock.now() - start) / 1000;
    expect(results).toHaveLength(100);
    expect(amazon.throttledCount()).toBe(0);
    expect(seconds).toBeGreaterThanOrEqual(18 - 0.5);
    expect(seconds).toBeLessThanOrEqual(18 + 1);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it('calls sequentially take the same virtual time', async () => {
    const clock = new VirtualClock();
    const amazon = throttlingServer(clock, 5, 10);
    fake = await startFakeAmazon(amazon.handler);
    const client = createSpApiClient({ endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl }, credentials: TEST_CREDENTIALS, clock });
    const start = clock.now();

    for (let i = 0; i < 40; i++) await client.getListingsItem({ sellerId: 'A1', sku: `S${i}`, marketplaceIds: ['ATVPDKIKX0DER'] });

    expect(amazon.throttledCount()).toBe(0);
    expect((clock.now() - start) / 1000).toBeCloseTo(30 / 5, 0);
  });
});

describe('createFeed with an unknown outcome', () => {
  const DOC = 'amzn1.tortuga.doc-1';
  const SPEC = { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: ['A2Q3Y263D00KWC'], inputFeedDocumentId: DOC };

  /** Amazon as a list of created feeds; `dropFirst` decides whether the lost request was applied. */
  function feedServer(clock: VirtualClock, dropFirst: 'after-applying' | 'before-applying') {
    const feeds: { feedId: string; feedType: string; marketplaceIds: string[]; createdTime: string; processingStatus: string }[] = [];
    let createCalls = 0;
    const handler = (req: { method: string; path: string }) => {
      if (req.method === 'POST' && req.path === '/feeds/2021-06-30/feeds') {
        createCalls += 1;
        const apply = createCalls > 1 || dropFirst === 'after-applying';
        if (apply)
          feeds.push({
            feedId: `F${feeds.length + 1}`,
            feedType: 'JSON_LISTINGS_FEED',
            marketplaceIds: ['A2Q3Y263D00KWC'],
            createdTime: new Date(clock.now()).toISOString(),
            processingStatus: 'IN_QUEUE',
          });
        return createCalls === 1 ? { status: 0, hangUp: true } : { status: 202, body: { feedId: feeds.at(-1)!.feedId } };
      }
      if (req.method === 'GET' && req.path === '/feeds/2021-06-30/feeds') return { status: 200, body: { feeds } };
      return { status: 404, body: { errors: [{ code: 'NotFound', message: 'no route' }] } };
    };
    return { handler, feeds, createCalls: () => createCalls };
  }

  it.each(['after-applying', 'before-applying'] as const)('ends with exactly one feed when the connection drops %s', async (dropFirst) => {
    const clock = new VirtualClock();
    const amazon = feedServer(clock, dropFirst);
    fake = await startFakeAmazon(amazon.handler);
    const client = createSpApiClient({ endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl }, credentials: TEST_CREDENTIALS, clock });

    const result = await submitFeedOnce(client, SPEC, { clock });

    expect(amazon.feeds.map((f) => f.feedId)).toEqual([result.feedId]);
    expect(amazon.createCalls()).toBe(dropFirst === 'after-applying' ? 1 : 2);
    expect(result.reconciled).toBe(dropFirst === 'after-applying');
  });
});

describe('product type schema download', () => {
  it('follows the link from getDefinitionsProductType with a plain GET, without SP-API headers', async () => {
    const schema = { $schema: 'https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1', properties: { item_name: {} } };
    fake = await startFakeAmazon((req) => {
      if (req.path === '/schemas/LUGGAGE.json') return { status: 200, body: schema };
      return {
        status: 200,
        body: {
          schema: { link: { resource: `${fake!.baseUrl}/schemas/LUGGAGE.json`, verb: 'GET' }, checksum: 'abc' },
          requirements: 'LISTING',
          requirementsEnforced: 'ENFORCED',
          propertyGroups: {},
          locale: 'en_US',
          marketplaceIds: ['ATVPDKIKX0DER'],
          productType: 'LUGGAGE',
          displayName: 'Luggage',
          productTypeVersion: { version: 'V1', latest: true },
        },
      };
    });
    const client = createSpApiClient({ endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl }, credentials: TEST_CREDENTIALS, clock: new VirtualClock() });

    const definition = await client.getDefinitionsProductType({ productType: 'LUGGAGE', marketplaceId: 'ATVPDKIKX0DER', requirements: 'LISTING_OFFER_ONLY' });
    const downloaded = await client.downloadProductTypeSchema(definition.schema);

    expect(downloaded).toEqual(schema);
    const [definitionRequest, schemaRequest] = fake.requests;
    expect(definitionRequest?.rawQuery).toBe('?marketplaceIds=ATVPDKIKX0DER&requirements=LISTING_OFFER_ONLY');
    expect(definitionRequest?.headers['x-amz-access-token']).toBeDefined();
    expect(schemaRequest?.method).toBe('GET');
    expect(schemaRequest?.headers['x-amz-access-token']).toBeUndefined();
  });
});

describe('forward-compatible response enums', () => {
  it('accepts a listing status Amazon added later, but not an unknown submission status', async () => {
    const summary = {
      marketplaceId: 'ATVPDKIKX0DER',
      productType: 'LUGGAGE',
      status: ['BUYABLE', 'SOME_NEW_STATUS'],
      createdDate: '2026-01-01T00:00:00Z',
      lastUpdatedDate: '2026-01-01T00:00:00Z',
    };
    fake = await startFakeAmazon((req) =>
      req.method === 'GET'
        ? { status: 200, body: { sku: 'S1', summaries: [summary] } }
        : { status: 200, body: { sku: 'S1', status: 'MAYBE', submissionId: 'x' } },
    );
    const client = createSpApiClient({ endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl }, credentials: TEST_CREDENTIALS, clock: new VirtualClock() });

    const item = await client.getListingsItem({ sellerId: 'A1', sku: 'S1', marketplaceIds: ['ATVPDKIKX0DER'] });
    const put = client.putListingsItem({ sellerId: 'A1', sku: 'S1', marketplaceId: 'ATVPDKIKX0DER', body: { productType: 'LUGGAGE', attributes: {} } });

    expect(item.summaries?.[0]?.status).toEqual(['BUYABLE', 'SOME_NEW_STATUS']);
    await expect(put).rejects.toMatchObject({ name: 'ResponseFormatError' });
  });
});
