import type { Clock } from './clock';

/**
 * Client-side token buckets mirroring Amazon's usage plans, so a burst of calls spreads itself
 * over time instead of drawing 429s. Buckets live on the injected Clock: with a VirtualClock the
 * waits cost no wall time but every limit is still honoured in virtual time.
 *
 * Two details keep our bucket from ever being fuller than Amazon's:
 *  - Waiters are served one at a time, in arrival order, and re-check the bucket after every
 *    sleep, instead of each computing its own wake-up time up front (which, on a VirtualClock
 *    where sleepers jump time forward, would release them all at the last wake-up at once).
 *  - A request in flight has taken our token but not yet Amazon's, so Amazon's bucket can still
 *    refill up to `burst` meanwhile and then lose that refill to the cap. We therefore cap our
 *    refill at `burst − inFlight`, and when that leaves no room we wait for a response rather
 *    than for time. With real latencies this changes nothing; with virtual time it is what stops
 *    requests granted long ago from landing in the same virtual instant.
 */
export interface BucketLimits {
  /** Tokens restored per second. */
  readonly rate: number;
  /** Bucket size: calls allowed back to back from a full bucket. */
  readonly burst: number;
}

/** Give back with this once the request has its answer (or failed). */
export type Release = () => void;

const EPSILON = 1e-9;

class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private inFlight = 0;
  private turn: Promise<void> = Promise.resolve();
  private completionWaiters: (() => void)[] = [];

  constructor(
    private limits: BucketLimits,
    private readonly clock: Clock,
  ) {
    this.tokens = limits.burst;
    this.updatedAt = clock.now();
  }

  get rate(): number {
    return this.limits.rate;
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    const cap = Math.max(0, this.limits.burst - this.inFlight);
    this.tokens = Math.min(cap, this.tokens + elapsed * this.limits.rate);
    this.updatedAt = Math.max(this.updatedAt, now);
  }

  /** Resolves once this caller holds a token; callers queue in arrival order. */
  take(signal?: AbortSignal): Promise<void> {
    const mine = this.turn.then(() => this.waitForToken(signal));
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async waitForToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      this.refill();
      if (this.tokens >= 1 - EPSILON) {
        this.tokens -= 1;
        this.inFlight += 1;
        return;
      }
      if (this.limits.burst - this.inFlight < 1) {
        await this.nextCompletion(signal);
      } else {
        await this.clock.sleep(Math.max(1, Math.ceil(((1 - this.tokens) / this.limits.rate) * 1000)), signal);
      }
    }
  }

  private nextCompletion(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.completionWaiters = this.completionWaiters.filter((w) => w !== done);
        reject(signal?.reason);
      };
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.completionWaiters.push(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    // Refill up to now under the old cap, then widen the cap by one.
    this.refill();
    this.inFlight = Math.max(0, this.inFlight - 1);
    const waiters = this.completionWaiters;
    this.completionWaiters = [];
    for (const wake of waiters) wake();
  }

  setRate(rate: number): void {
    this.refill();
    this.limits = { rate, burst: this.limits.burst };
  }

  /** After a 429 Amazon's bucket is empty whatever ours says: start refilling from zero. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ReadonlyMap<string, BucketLimits>,
  ) {}

  private bucket(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const limits = this.limits.get(key);
      if (!limits) throw new Error(`No rate limit defined for ${key}`);
      bucket = new TokenBucket(limits, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /**
   * Waits until every named bucket granted a token for this call (createFeed draws from its own
   * plan and from the JSON_LISTINGS_FEED cap). Call the returned Release when the response is in.
   */
  async acquire(keys: readonly string[], signal?: AbortSignal): Promise<Release> {
    const buckets = keys.map((key) => this.bucket(key));
    const held: TokenBucket[] = [];
    try {
      for (const bucket of buckets) {
        await bucket.take(signal);
        held.push(bucket);
      }
    } catch (error) {
      for (const bucket of held) bucket.release();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const bucket of held) bucket.release();
    };
  }

  /**
   * Amazon reports the rate it actually applies in `x-amzn-RateLimit-Limit` (seller plans can be
   * higher than the documented default). Burst is not reported, so the documented one is kept.
   */
  observeLimitHeader(key: string, headerValue: string | null): void {
    if (headerValue === null) return;
    const rate = Number.parseFloat(headerValue);
    if (!Number.isFinite(rate) || rate <= 0) return;
    const bucket = this.bucket(key);
    if (Math.abs(bucket.rate - rate) > EPSILON) bucket.setRate(rate);
  }

  throttled(key: string): void {
    this.bucket(key).drain();
  }

  currentRate(key: string): number {
    return this.bucket(key).rate;
  }
}
