import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupRules } from '../../../main/rules/setup';
import type { Services } from '../../../main/services';

/** Just what the loop touches of Services: quit steps (the evaluation is the test's). */
function fakeServices() {
  const steps: (() => Promise<void> | void)[] = [];
  const services = { db: undefined, onClose: (step: () => Promise<void> | void) => void steps.push(step) } as unknown as Pick<Services, 'db' | 'onClose'>;
  return { services, close: () => Promise.all(steps.map((s) => s())) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('setupRules', () => {
  it('evaluates at once, then every interval, and not after quit', async () => {
    const { services, close } = fakeServices();
    let runs = 0;
    setupRules(services, { evaluate: () => void (runs += 1), everyMs: 1000, random: () => 0 });

    await vi.advanceTimersByTimeAsync(0);
    const first = runs;
    await vi.advanceTimersByTimeAsync(2500);
    const afterTwo = runs;
    await close();
    await vi.advanceTimersByTimeAsync(10_000);

    expect([first, afterTwo, runs]).toEqual([1, 3, 3]);
  });

  it('keeps going after a failed evaluation', async () => {
    const { services, close } = fakeServices();
    let runs = 0;
    setupRules(services, {
      evaluate: () => {
        runs += 1;
        if (runs === 1) throw new Error('database busy');
      },
      everyMs: 1000,
      random: () => 0,
    });

    await vi.advanceTimersByTimeAsync(1000);
    await close();

    expect(runs).toBe(2);
  });
});
