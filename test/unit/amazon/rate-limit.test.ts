import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { RateLimiter } from '../../../main/amazon/rate-limit';

function limiter(clock: VirtualClock) {
  return new RateLimiter(
    clock,
    new Map([
      ['op', { rate: 5, burst: 10 }],
      ['cap', { rate: 5 / 300, burst: 5 }],
    ]),
  );
}

describe('RateLimiter', () => {
  it('lets the burst through at once, then paces at the restore rate', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();

    for (let i = 0; i < 10; i++) await rl.acquire(['op']);
    const afterBurst = clock.now() - start;
    for (let i = 0; i < 20; i++) await rl.acquire(['op']);

    expect(afterBurst).toBe(0);
    expect((clock.now() - start) / 1000).toBeCloseTo(20 / 5, 1);
  });

  it('queues concurrent callers in order without over-granting', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();
    const grantedAt: number[] = [];

    await Promise.all(Array.from({ length: 30 }, () => rl.acquire(['op']).then(() => grantedAt.push(clock.now() - start))));

    const sorted = [...grantedAt].sort((a, b) => a - b);
    // The burst goes out at once; the other 20 are paced at 5 per second.
    expect(sorted.filter((t) => t === 0)).toHaveLength(10);
    expect(Math.max(...sorted) / 1000).toBeCloseTo(4, 1);
  });

  it('waits for the slowest of several buckets (createFeed + JSON_LISTINGS_FEED cap)', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();

    for (let i = 0; i < 6; i++) await rl.acquire(['op', 'cap']);

    expect((clock.now() - start) / 1000).toBeCloseTo(60, 0);
  });

  it('adopts the rate Amazon reports in x-amzn-RateLimit-Limit and ignores junk', () => {
    const rl = limiter(new VirtualClock());

    rl.observeLimitHeader('op', '10.0');
    rl.observeLimitHeader('op', 'abc');
    rl.observeLimitHeader('op', '-1');
    rl.observeLimitHeader('op', null);

    expect(rl.currentRate('op')).toBe(10);
  });

  it('empties the bucket after a 429 so the next call waits for a refill', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();

    rl.throttled('op');
    await rl.acquire(['op']);

    expect(clock.now() - start).toBe(200);
  });

  it('gives the token back when the wait is aborted', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    for (let i = 0; i < 10; i++) await rl.acquire(['op']);
    const controller = new AbortController();
    controller.abort(new Error('stop'));

    await expect(rl.acquire(['op'], controller.signal)).rejects.toThrow('stop');
    const before = clock.now();
    await rl.acquire(['op']);

    expect(clock.now() - before).toBe(200);
  });

  it('refuses an unknown operation key', async () => {
    await expect(limiter(new VirtualClock()).acquire(['nope'])).rejects.toThrow(/nope/);
  });
});
