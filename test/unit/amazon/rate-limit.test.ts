import fc from 'fast-check';
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

/** Acquire and answer at once (no time in flight). */
async function call(rl: RateLimiter, keys: string[], signal?: AbortSignal): Promise<void> {
  const release = await rl.acquire(keys, signal);
  release();
}

describe('RateLimiter', () => {
  it('lets the burst through at once, then paces at the restore rate', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();

    for (let i = 0; i < 10; i++) await call(rl, ['op']);
    const afterBurst = clock.now() - start;
    for (let i = 0; i < 20; i++) await call(rl, ['op']);

    expect(afterBurst).toBe(0);
    expect((clock.now() - start) / 1000).toBeCloseTo(20 / 5, 1);
  });

  it('serves concurrent callers in order, one token each, at the restore rate', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();
    const grants: { i: number; at: number }[] = [];

    await Promise.all(Array.from({ length: 30 }, (_, i) => call(rl, ['op']).then(() => grants.push({ i, at: clock.now() - start }))));

    expect(grants.map((g) => g.i)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(grants.filter((g) => g.at === 0)).toHaveLength(10);
    expect(grants.at(-1)!.at / 1000).toBeCloseTo(4, 1);
  });

  it('never lets more than burst requests be in flight, waiting for answers rather than time', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const releases = await Promise.all(Array.from({ length: 10 }, () => rl.acquire(['op'])));
    clock.advance(60_000);
    let eleventh = false;

    const pending = rl.acquire(['op']).then((release) => {
      eleventh = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 20));
    const grantedWhileFull = eleventh;
    releases[0]!();
    (await pending)();

    expect(grantedWhileFull).toBe(false);
    expect(eleventh).toBe(true);
  });

  it('waits for the slowest of several buckets (createFeed + JSON_LISTINGS_FEED cap)', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    const start = clock.now();

    for (let i = 0; i < 6; i++) await call(rl, ['op', 'cap']);

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
    await call(rl, ['op']);

    expect(clock.now() - start).toBe(200);
  });

  it('lets the queue move on when a waiter aborts', async () => {
    const clock = new VirtualClock();
    const rl = limiter(clock);
    for (let i = 0; i < 10; i++) await call(rl, ['op']);
    const controller = new AbortController();
    controller.abort(new Error('stop'));

    await expect(call(rl, ['op'], controller.signal)).rejects.toThrow('stop');
    const before = clock.now();
    await call(rl, ['op']);

    expect(clock.now() - before).toBe(200);
  });

  it('refuses an unknown operation key', async () => {
    await expect(limiter(new VirtualClock()).acquire(['nope'])).rejects.toThrow(/nope/);
  });
});

describe('RateLimiter against Amazon-side buckets (property)', () => {
  /** Amazon's bucket, checked when a request arrives, which may be long after we granted it. */
  function amazonBucket(clock: VirtualClock, rate: number, burst: number) {
    let tokens = burst;
    let last = clock.now();
    return () => {
      tokens = Math.min(burst, tokens + ((clock.now() - last) / 1000) * rate);
      last = clock.now();
      if (tokens < 1 - 1e-6) return false;
      tokens -= 1;
      return true;
    };
  }

  const yieldTurns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
  };

  it('never lets Amazon throttle, whatever the arrival pattern and in-flight latency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rate: fc.constantFrom(0.5, 2, 5),
          burst: fc.integer({ min: 1, max: 10 }),
          calls: fc.array(fc.record({ startTurns: fc.nat(20), latencyTurns: fc.nat(30) }), { minLength: 1, maxLength: 40 }),
        }),
        async ({ rate, burst, calls }) => {
          const clock = new VirtualClock();
          const rl = new RateLimiter(clock, new Map([['op', { rate, burst }]]));
          const take = amazonBucket(clock, rate, burst);
          // Unrelated sleepers keep pushing virtual time forward while requests are in flight.
          let done = false;
          const noise = (async () => {
            while (!done) await clock.sleep(1_000);
          })();

          const results = await Promise.all(
            calls.map(async ({ startTurns, latencyTurns }) => {
              await yieldTurns(startTurns);
              const release = await rl.acquire(['op']);
              await yieldTurns(latencyTurns);
              const accepted = take();
              release();
              return accepted;
            }),
          );
          done = true;
          await noise;

          expect(results.every(Boolean)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
