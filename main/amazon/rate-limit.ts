import type { Clock } from './clock';

/**
 * Client-side token buckets mirroring Amazon's usage plans, so a burst of calls spreads itself
 * over time instead of drawing 429s. Buckets live on the injected Clock: with a VirtualClock the
 * waits cost no wall time but every limit is still honoured in virtual time.
 *
 * Acquiring is a reservation: the token is taken immediately (the level may go negative) and the
 * caller sleeps until the bucket would have refilled to that point. Concurrent callers therefore
 * queue in arrival order without a separate waiting list.
 */
export interface BucketLimits {
  /** Tokens restored per second. */
  readonly rate: number;
  /** Bucket size: calls allowed back to back from a full bucket. */
  readonly burst: number;
}

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private limits: BucketLimits,
    now: number,
  ) {
    this.tokens = limits.burst;
    this.updatedAt = now;
  }

  get rate(): number {
    return this.limits.rate;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limits.burst, this.tokens + elapsed * this.limits.rate);
    this.updatedAt = Math.max(this.updatedAt, now);
  }

  /** Takes one token; returns how long (ms) to wait before the call may go out. */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.limits.rate) * 1000);
  }

  refund(now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.limits.burst, this.tokens + 1);
  }

  setRate(rate: number, now: number): void {
    this.refill(now);
    this.limits = { rate, burst: this.limits.burst };
  }

  /** After a 429 Amazon's bucket is empty whatever ours says: start refilling from zero. */
  drain(now: number): void {
    this.refill(now);
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
      bucket = new TokenBucket(limits, this.clock.now());
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /**
   * Waits until every named bucket has a token for this call. The keys are reserved together
   * (createFeed draws from its own plan and from the JSON_LISTINGS_FEED cap) so the wait is the
   * longest of them. On abort the tokens go back.
   */
  async acquire(keys: readonly string[], signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const buckets = keys.map((key) => this.bucket(key));
    const wait = Math.max(0, ...buckets.map((b) => b.reserve(now)));
    if (wait === 0) return;
    try {
      await this.clock.sleep(wait, signal);
    } catch (error) {
      for (const b of buckets) b.refund(this.clock.now());
      throw error;
    }
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
    if (Math.abs(bucket.rate - rate) > 1e-9) bucket.setRate(rate, this.clock.now());
  }

  throttled(key: string): void {
    this.bucket(key).drain(this.clock.now());
  }

  currentRate(key: string): number {
    return this.bucket(key).rate;
  }
}
