import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncScheduler, type ScheduleState } from '../../../main/sync/scheduler';

const MIN = 60_000;

function make(initial?: ScheduleState, run: (lane: string) => Promise<void> = async () => undefined) {
  const runs: string[] = [];
  let saved = initial;
  const published: { last: number | null; next: number }[] = [];
  const scheduler = new SyncScheduler({
    now: () => Date.now(),
    fullIntervalMs: 120 * MIN,
    fastIntervalMs: 15 * MIN,
    load: () => saved,
    save: (s) => (saved = s),
    run: async (lane, trigger) => {
      runs.push(`${lane}:${trigger}`);
      await run(lane);
    },
    onRuns: (r) => published.push(r),
    random: () => 0,
  });
  return { scheduler, runs, published, saved: () => saved };
}

describe('SyncScheduler', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 8, 0) }));
  afterEach(() => vi.useRealTimers());

  it('runs the full cycle first, then the fast lane every 15 minutes, and a full one after 2 hours', async () => {
    const { scheduler, runs } = make();

    scheduler.start();
    await vi.advanceTimersByTimeAsync(125 * MIN);
    await scheduler.stop();

    expect(runs[0]).toBe('full:schedule');
    expect(runs.filter((r) => r === 'fast:schedule')).toHaveLength(7);
    expect(runs.filter((r) => r === 'full:schedule')).toHaveLength(2);
  });

  it('after a long sleep runs overdue work once, not once per missed slot', async () => {
    const now = Date.now();
    const { scheduler, runs } = make({ nextFull: now + 120 * MIN, nextFast: now + 15 * MIN, last: now });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);

    // The machine sleeps 5 hours: time jumps, timers fire late.
    vi.setSystemTime(now + 5 * 60 * MIN);
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(5_000);
    await scheduler.stop();

    expect(runs).toEqual(['full:schedule']);
  });

  it('keeps the persisted schedule across a restart', async () => {
    const now = Date.now();
    const first = make({ nextFull: now + 100 * MIN, nextFast: now + 10 * MIN, last: now - MIN });
    first.scheduler.start();
    await vi.advanceTimersByTimeAsync(11 * MIN);
    await first.scheduler.stop();

    const second = make(first.saved());
    second.scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * MIN);
    await second.scheduler.stop();

    expect(first.runs).toEqual(['fast:schedule']);
    expect(second.runs).toEqual([]);
    expect(second.published[0]?.next).toBe(now + 10 * MIN + 15 * MIN);
  });

  it('never overlaps: send now during a run joins it', async () => {
    let release: () => void = () => undefined;
    const { scheduler, runs } = make(undefined, () => new Promise<void>((r) => (release = r)));
    scheduler.start();
    await vi.advanceTimersByTimeAsync(3_000);

    const joined = scheduler.runNow();
    await vi.advanceTimersByTimeAsync(30 * MIN);
    release();
    await joined;
    await scheduler.stop();

    expect(runs).toEqual(['full:schedule']);
  });
});
