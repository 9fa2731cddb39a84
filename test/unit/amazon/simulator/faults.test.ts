import { describe, expect, it } from 'vitest';
import { Faults, seededRandom } from '../../../../main/amazon/simulator/faults';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('Faults', () => {
  it('picks each kind at about its configured rate', () => {
    const faults = new Faults({ rate429: 0.2, rate5xx: 0.1, rateReset: 0.05, rateSlow: 0.15, seed: 3 });
    const counts: Record<string, number> = {};
    const n = 20_000;
    for (let i = 0; i < n; i += 1) {
      const kind = faults.pick() ?? 'none';
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    expect((counts['429'] ?? 0) / n).toBeCloseTo(0.2, 1);
    expect((counts['5xx'] ?? 0) / n).toBeCloseTo(0.1, 1);
    expect((counts.reset ?? 0) / n).toBeCloseTo(0.05, 1);
    expect((counts.slow ?? 0) / n).toBeCloseTo(0.15, 1);
    expect((counts.none ?? 0) / n).toBeCloseTo(0.5, 1);
  });

  it('never injects anything with no rates', () => {
    const faults = new Faults();
    for (let i = 0; i < 1_000; i += 1) expect(faults.pick()).toBeUndefined();
    expect(faults.feedGetsStuck()).toBe(false);
  });

  it('spreads a single --faults figure over the kinds without exceeding it', () => {
    const options = Faults.fromTotal(0.2, 5);
    const total = (options.rate429 ?? 0) + (options.rate5xx ?? 0) + (options.rateReset ?? 0) + (options.rateSlow ?? 0);
    expect(total).toBeCloseTo(0.2, 10);
    expect(options.seed).toBe(5);
    expect(Faults.fromTotal(3).rate429).toBe(0.5);
  });
});
