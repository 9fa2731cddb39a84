import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRulesLoop } from '../../../main/rules/setup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startRulesLoop', () => {
  it('evaluates at once, then every interval, and not after stop', () => {
    let runs = 0;
    const stop = startRulesLoop({ evaluate: () => void (runs += 1), everyMs: 1000, random: () => 0 });

    const first = runs;
    vi.advanceTimersByTime(2500);
    const afterTwo = runs;
    stop();
    vi.advanceTimersByTime(10_000);

    expect([first, afterTwo, runs]).toEqual([1, 3, 3]);
  });

  it('keeps going after a failed evaluation', () => {
    let runs = 0;
    const stop = startRulesLoop({
      evaluate: () => {
        runs += 1;
        if (runs === 1) throw new Error('database busy');
      },
      everyMs: 1000,
      random: () => 0,
    });

    vi.advanceTimersByTime(1000);
    stop();

    expect(runs).toBe(2);
  });
});
