import { describe, expect, it } from 'vitest';
import { VirtualClock, type Clock } from '../../../main/amazon/clock';
import { PeriodicTask, type PeriodicSchedule, type PeriodicTaskOptions } from '../../../main/background/periodic-task';

type Timing = PeriodicSchedule & Pick<PeriodicTaskOptions, 'minIntervalMs' | 'skewMs' | 'maxSleepMs' | 'random'>;
type Work = (clock: VirtualClock, n: number) => Promise<void>;

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const MIN = 60_000;

/**
 * Runs a task on a virtual clock (every sleep jumps time forward) until it has run `count` times,
 * and answers when each run started, in ms since T0.
 */
async function starts(count: number, timing: Timing, work?: Work) {
  const clock = new VirtualClock(T0);
  const at: number[] = [];
  let task: PeriodicTask | undefined;
  const done = new Promise<void>((resolve) => {
    task = new PeriodicTask({
      ...timing,
      name: 'test/periodic',
      clock,
      run: async () => {
        at.push(clock.now() - T0);
        if (at.length === count) {
          void task?.stop().then(resolve);
          return;
        }
        await work?.(clock, at.length);
      },
    });
  });
  task?.start();
  await done;
  return at;
}

/** A computer that sleeps: timers never fire, only a wake or a stop ends a sleep. */
function asleepClock(): Clock & { jump(ms: number): void } {
  let now = T0;
  return {
    now: () => now,
    jump: (ms) => void (now += ms),
    sleep: (_ms, signal) => new Promise<void>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })),
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PeriodicTask', () => {
  it('runs after the first delay, then every interval counted from each start', async () => {
    const at = await starts(4, { everyMs: 10 * MIN, firstAfterMs: 30_000 }, (clock) => clock.sleep(2 * MIN));

    expect(at).toEqual([30_000, 30_000 + 10 * MIN, 30_000 + 20 * MIN, 30_000 + 30 * MIN]);
  });

  it('waits at least the minimum interval after a run that outlasted the period', async () => {
    const at = await starts(3, { everyMs: MIN, firstAfterMs: 0, minIntervalMs: 20_000 }, (clock) => clock.sleep(90_000));

    expect(at).toEqual([0, 110_000, 220_000]);
  });

  it('adds one random skew per due time, however many slices the sleep takes', async () => {
    const at = await starts(3, { everyMs: MIN, firstAfterMs: 0, skewMs: 10_000, random: () => 0.5, maxSleepMs: 1_000 });

    expect(at).toEqual([5_000, 70_000, 135_000]);
  });

  it('follows a schedule the caller keeps, never faster than the minimum interval', async () => {
    const at = await starts(3, { dueAt: () => 0, minIntervalMs: 1_000 });

    expect(at).toEqual([0, 1_000, 2_000]);
  });

  it('logs a failed run and keeps going', async () => {
    const at = await starts(3, { everyMs: MIN, firstAfterMs: 0 }, async (_clock, n) => {
      if (n === 1) throw new Error('Amazon unreachable');
    });

    expect(at).toEqual([0, MIN, 2 * MIN]);
  });

  it('stop aborts the run in progress, waits for it, and nothing runs after', async () => {
    const clock = new VirtualClock(T0);
    let runs = 0;
    let ended = false;
    let started: () => void = () => undefined;
    const inRun = new Promise<void>((resolve) => (started = resolve));
    const task = new PeriodicTask({
      name: 'test/periodic',
      clock,
      everyMs: MIN,
      firstAfterMs: 0,
      run: async (signal) => {
        runs += 1;
        started();
        try {
          await new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
        } finally {
          ended = true;
        }
      },
    });

    task.start();
    await inRun;
    await task.stop();
    for (let i = 0; i < 5; i += 1) await settle();

    expect({ runs, ended, started: task.started }).toEqual({ runs: 1, ended: true, started: false });
  });

  it('after the computer slept through many periods, a wake runs once, then waits a whole period', async () => {
    const clock = asleepClock();
    const at: number[] = [];
    const task = new PeriodicTask({ name: 'test/periodic', clock, everyMs: 10 * MIN, firstAfterMs: 0, run: () => void at.push(clock.now() - T0) });

    task.start();
    await settle();
    clock.jump(5 * 60 * MIN);
    task.wake();
    await settle();
    task.wake();
    await settle();
    clock.jump(10 * MIN);
    task.wake();
    await settle();
    await task.stop();

    expect(at).toEqual([0, 5 * 60 * MIN, 5 * 60 * MIN + 10 * MIN]);
  });

  it('a stopped task can start again', async () => {
    const clock = asleepClock();
    let runs = 0;
    const task = new PeriodicTask({ name: 'test/periodic', clock, everyMs: MIN, firstAfterMs: 0, run: () => void (runs += 1) });

    task.start();
    await settle();
    await task.stop();
    clock.jump(MIN);
    task.start();
    await settle();
    await task.stop();

    expect(runs).toBe(2);
  });
});
