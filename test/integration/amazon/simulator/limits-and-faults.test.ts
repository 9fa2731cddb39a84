import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const BR = 'A2Q3Y263D00KWC';
const EAN_QUERY = { marketplaceIds: BR, identifiers: '7891000000014', identifiersType: 'EAN', includedData: 'summaries,identifiers,productTypes' };
let h: Harness | undefined;
afterEach(async () => {
  if (h) expect(h.sim.control.responseViolations()).toEqual([]);
  await h?.sim.close();
  h = undefined;
});

describe('documented rate limits', () => {
  it('answers 429 QuotaExceeded past the burst and refills on the simulator clock', async () => {
    h = await startHarness();
    const search = () => h!.call('GET', '/catalog/2022-04-01/items', { query: EAN_QUERY });
    expect((await search()).status).toBe(200);
    expect((await search()).status).toBe(200);
    const throttled = await search();
    expect(throttled.status).toBe(429);
    expect((throttled.body as { errors: { code: string }[] }).errors[0]?.code).toBe('QuotaExceeded');
    expect(throttled.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    expect(throttled.headers.get('x-amzn-requestid')).toBeTruthy();
    h.sim.control.advance(500);
    const refilled = await search();
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get('x-amzn-ratelimit-limit')).toBe('2');
  });

  it('keeps separate buckets per operation', async () => {
    h = await startHarness();
    for (let i = 0; i < 2; i += 1) await h.call('GET', '/catalog/2022-04-01/items', { query: EAN_QUERY });
    expect((await h.call('GET', '/catalog/2022-04-01/items', { query: EAN_QUERY })).status).toBe(429);
    expect((await h.call('GET', '/sellers/v1/marketplaceParticipations')).status).toBe(200);
  });
});

describe('fault injection', () => {
  it('returns 429 for every call at rate429 = 1', async () => {
    h = await startHarness({ faults: { rate429: 1 } });
    const res = await h.call('GET', '/sellers/v1/marketplaceParticipations');
    expect(res.status).toBe(429);
  });

  it('answers 500 or 503 at rate5xx = 1', async () => {
    h = await startHarness({ faults: { rate5xx: 1 } });
    const statuses = new Set<number>();
    for (let i = 0; i < 8; i += 1) statuses.add((await h.call('GET', '/sellers/v1/marketplaceParticipations')).status);
    expect([...statuses].every((s) => s === 500 || s === 503)).toBe(true);
  });

  it('drops the connection at rateReset = 1', async () => {
    h = await startHarness({ faults: { rateReset: 1 } });
    await expect(h.call('GET', '/sellers/v1/marketplaceParticipations')).rejects.toThrow();
  });

  it('delays answers by slowMs of simulator time at rateSlow = 1', async () => {
    h = await startHarness({ faults: { rateSlow: 1, slowMs: 7_000 } });
    const before = h.clock.now();
    const res = await h.call('GET', '/sellers/v1/marketplaceParticipations');
    expect(res.status).toBe(200);
    expect(h.clock.now() - before).toBeGreaterThanOrEqual(7_000);
  });

  it('injects roughly the configured share of faults, reproducibly for a seed', async () => {
    const run = async (): Promise<number[]> => {
      const harness = await startHarness({ faults: { rate5xx: 0.3, seed: 42 }, rateLimits: {} });
      const statuses: number[] = [];
      for (let i = 0; i < 60; i += 1) statuses.push((await harness.call('GET', '/sellers/v1/marketplaceParticipations')).status);
      await harness.sim.close();
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const failures = first.filter((s) => s >= 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(30);
  });
});
