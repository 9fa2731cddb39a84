/**
 * Fault injection driven by a seeded PRNG, so a failing benchmark or test can be replayed with
 * the same seed and see the same sequence of 429s, 5xx, resets and slow answers.
 */
export interface FaultOptions {
  /** Probability (0…1) that a request gets 429 QuotaExceeded regardless of its bucket. */
  readonly rate429?: number;
  readonly rate5xx?: number;
  /** Probability that the socket is destroyed without an answer. */
  readonly rateReset?: number;
  /** Probability that the answer is delayed by `slowMs` (on the simulator's clock). */
  readonly rateSlow?: number;
  readonly slowMs?: number;
  /** Probability that a feed stays IN_PROGRESS for `stuckMs` longer than it needs. */
  readonly rateStuckFeed?: number;
  readonly stuckMs?: number;
  /**
   * Probability that a successful answer keeps its status but gets a broken body: invalid JSON,
   * required fields missing, wrong types, or an HTML page (a proxy or captive portal). The
   * operation itself is still applied, as when a real proxy mangles Amazon's answer on the way.
   */
  readonly rateMalformed?: number;
  readonly seed?: number;
}

export type FaultKind = 'reset' | '5xx' | '429' | 'slow' | 'malformed';

export const MALFORMED_KINDS = ['invalid-json', 'missing-fields', 'wrong-types', 'html'] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

/** mulberry32: tiny, fast and good enough for fault dice. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private readonly random: () => number;
  /** How many of each fault were injected: benchmarks report it next to their outcome. */
  private readonly counts: Record<FaultKind | 'stuckFeed', number> = { reset: 0, '5xx': 0, '429': 0, slow: 0, malformed: 0, stuckFeed: 0 };

  constructor(private options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
  }

  get slowMs(): number {
    return this.options.slowMs ?? 5_000;
  }

  get stuckMs(): number {
    return this.options.stuckMs ?? 10 * 60_000;
  }

  /**
   * New rates from now on (tests break the wire, then heal it on the same state). The dice keep
   * rolling from where they were, so a run stays replayable from its first seed.
   */
  reconfigure(options: Omit<FaultOptions, 'seed'>): void {
    this.options = { ...options, seed: this.options.seed };
  }

  /** Spreads one `--faults 0.2` figure over the kinds the way real throttling looks: 429s dominate. */
  static fromTotal(total: number, seed?: number): FaultOptions {
    const t = Math.min(1, Math.max(0, total));
    return { rate429: t * 0.5, rate5xx: t * 0.2, rateReset: t * 0.1, rateSlow: t * 0.2, rateStuckFeed: t, seed };
  }

  /** At most one fault per request; the dice are rolled once so the rates add up as configured. */
  pick(): FaultKind | undefined {
    const roll = this.random();
    let edge = 0;
    const kinds: readonly [FaultKind, number | undefined][] = [
      ['reset', this.options.rateReset],
      ['5xx', this.options.rate5xx],
      ['429', this.options.rate429],
      ['slow', this.options.rateSlow],
      // Last, so adding it leaves the dice of existing seeds and rates unchanged.
      ['malformed', this.options.rateMalformed],
    ];
    for (const [kind, rate] of kinds) {
      edge += rate ?? 0;
      if (roll < edge) {
        this.counts[kind] += 1;
        return kind;
      }
    }
    return undefined;
  }

  feedGetsStuck(): boolean {
    const stuck = this.random() < (this.options.rateStuckFeed ?? 0);
    if (stuck) this.counts.stuckFeed += 1;
    return stuck;
  }

  injected(): Readonly<Record<FaultKind | 'stuckFeed', number>> {
    return { ...this.counts };
  }

  malformedKind(): MalformedKind {
    return MALFORMED_KINDS[Math.floor(this.random() * MALFORMED_KINDS.length)] ?? 'invalid-json';
  }

  /** Alternates 500/503 so clients are tested against both. */
  serverErrorStatus(): 500 | 503 {
    return this.random() < 0.5 ? 500 : 503;
  }
}
