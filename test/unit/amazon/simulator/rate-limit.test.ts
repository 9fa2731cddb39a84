import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../main/amazon/clock';
import { DEFAULT_RATE_LIMITS, RateLimiter } from '../../../../main/amazon/simulator/rate-limit';

describe('RateLimiter', () => {
  it('allows the burst, then refuses until tokens refill at the documented rate', () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(clock, { op: { rate: 0.5, burst: 3 } });
    expect([1, 2, 3].map(() => limiter.take('S', 'op').allowed)).toEqual([true, true, true]);
    expect(limiter.take('S', 'op')).toEqual({ allowed: false, limit: 0.5 });
    clock.advance(1_999);
    expect(limiter.take('S', 'op').allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take('S', 'op').allowed).toBe(true);
  });

  it('keeps one bucket per seller and operation', () => {
    const limiter = new RateLimiter(new VirtualClock(), { op: { rate: 1, burst: 1 }, other: { rate: 1, burst: 1 } });
    expect(limiter.take('S1', 'op').allowed).toBe(true);
    expect(limiter.take('S1', 'op').allowed).toBe(false);
    expect(limiter.take('S2', 'op').allowed).toBe(true);
    expect(limiter.take('S1', 'other').allowed).toBe(true);
  });

  it('does not meter operations without a plan', () => {
    const limiter = new RateLimiter(new VirtualClock(), {});
    expect(limiter.take('S', 'anything')).toEqual({ allowed: true, limit: undefined });
  });

  it('uses the documented defaults (createFeed 0.0083/s, burst 15)', () => {
    expect(DEFAULT_RATE_LIMITS.createFeed).toEqual({ rate: 0.0083, burst: 15 });
    expect(DEFAULT_RATE_LIMITS.searchOrders).toEqual({ rate: 0.0056, burst: 20 });
  });
});
