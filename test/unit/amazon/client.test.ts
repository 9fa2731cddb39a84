import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient } from '../../../main/amazon/client';
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
