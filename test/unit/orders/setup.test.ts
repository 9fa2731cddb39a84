import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupOrders } from '../../../main/orders/setup';
import type { Services } from '../../../main/services';
import { testDb } from './fixtures';

/** Just what the loop touches of Services: the database (are there accounts?) and quit steps. */
function fakeServices() {
  const steps: (() => Promise<void> | void)[] = [];
  const services = { db: testDb(), onClose: (step: () => Promise<void> | void) => void steps.push(step) } as unknown as Services;
  return { services, close: () => Promise.all(steps.map((s) => s())) };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('setupOrders', () => {
  it('imports shortly after start, then again after each interval, joining an import already running', async () => {
    const { services, close } = fakeServices();
    const calls: { joinRunning?: boolean; signal?: AbortSignal }[] = [];
    setupOrders(services, {
      everyMs: 60_000,
      random: () => 0,
      orders: { import: async (o = {}) => (calls.push(o), { new: 0, updated: 0, unchanged: 0, errors: 0, apiCalls: 1, raised: [] }) },
    });

    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.joinRunning).toBe(true);
    await close();
  });

  it('keeps going after a failed run, and stops (aborting the run) on quit', async () => {
    const { services, close } = fakeServices();
    const calls: AbortSignal[] = [];
    setupOrders(services, {
      everyMs: 60_000,
      random: () => 0,
      orders: {
        import: async (o = {}) => {
          if (o.signal) calls.push(o.signal);
          throw new Error('Amazon unreachable');
        },
      },
    });

    await vi.advanceTimersByTimeAsync(30_000 + 60_000);
    expect(calls).toHaveLength(2);
    await close();
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    expect(calls).toHaveLength(2);
    expect(calls[1]?.aborted).toBe(true);
  });
});
