import { systemClock, type Clock } from '../amazon/clock';
import { createLogger } from '../log/logger';
import type { Services } from '../services';

/** Either a fixed interval, or a schedule the task keeps itself (the send lanes persist theirs). */
export type PeriodicSchedule =
  | {
      /** From one run's start to the next's. */
      readonly everyMs: number;
      /** Before the first run (default: everyMs). */
      readonly firstAfterMs?: number;
    }
  | {
      /** When the next run is due; read again after every run, sleep and wake. */
      readonly dueAt: () => number;
    };

export type PeriodicTaskOptions = PeriodicSchedule & {
  /** Names the task in the log (`orders/import`). */
  readonly name: string;
  /** One run. A failure is logged and the loop goes on; `signal` aborts when the task stops. */
  readonly run: (signal: AbortSignal) => unknown;
  /** A run never starts sooner than this after the previous one ended. Default 1 s (or everyMs when shorter). */
  readonly minIntervalMs?: number;
  /** Up to this much random delay is added to each due time, so loops do not fire together. */
  readonly skewMs?: number;
  /**
   * The longest single sleep. A timer does not count the time the computer sleeps, so the task
   * wakes at least this often to compare the clock with the due time. Default 60 s.
   */
  readonly maxSleepMs?: number;
  /** The app's clock (tests pass a virtual one). */
  readonly clock?: Clock;
  readonly random?: () => number;
};

const DEFAULT_MIN_INTERVAL_MS = 1_000;
const DEFAULT_MAX_SLEEP_MS = 60_000;

/**
 * Periodic background work: a chained sleep on the app's clock (never setInterval), the stopped
 * flag checked after every await, a minimum interval, a little random skew, and each run's errors
 * logged inside the loop so one failure does not stop it. Runs never overlap. Missed runs (the
 * app closed, the computer asleep) are one run when noticed, because the next due time counts
 * from the start of the last run; `wake()` (after the OS resumes) looks at the clock at once.
 */
export class PeriodicTask {
  /** Aborted when the task stops: ends the loop, the run in progress and the current sleep. */
  private stopping = new AbortController();
  private sleeping: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private nextAt = 0;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private skew = { for: Number.NaN, ms: 0 };
  private readonly clock: Clock;
  private readonly logger;

  constructor(private readonly options: PeriodicTaskOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = createLogger(options.name);
  }

  get started(): boolean {
    return this.loop !== undefined && !this.stopping.signal.aborted;
  }

  start(): void {
    if (this.started) return;
    const stopping = new AbortController();
    this.stopping = stopping;
    const { options } = this;
    if ('everyMs' in options) this.nextAt = this.clock.now() + (options.firstAfterMs ?? options.everyMs);
    // After a stop, the new loop begins once the old one has ended: runs never overlap.
    this.loop = (this.loop ?? Promise.resolve()).then(() => this.repeat(stopping.signal));
  }

  /** Stops the loop, aborting the run in progress, and waits for it to end. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.sleeping?.abort();
    await this.loop;
  }

  /** Looks at the clock now instead of at the end of the current sleep (the OS resumed, the schedule changed). */
  wake(): void {
    this.sleeping?.abort();
  }

  private async repeat(stopped: AbortSignal): Promise<void> {
    while (!stopped.aborted) {
      const now = this.clock.now();
      const due = this.dueAt();
      if (now >= due) await this.runOnce(now, stopped);
      else await this.sleep(Math.min(due - now, this.options.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS));
    }
  }

  private dueAt(): number {
    const { options } = this;
    const base = 'dueAt' in options ? options.dueAt() : this.nextAt;
    // One draw per due time, so waking early or sleeping in slices does not move it again.
    if (base !== this.skew.for) this.skew = { for: base, ms: Math.floor((options.random ?? Math.random)() * (options.skewMs ?? 0)) };
    const minInterval = options.minIntervalMs ?? ('everyMs' in options ? Math.min(DEFAULT_MIN_INTERVAL_MS, options.everyMs) : DEFAULT_MIN_INTERVAL_MS);
    return Math.max(base + this.skew.ms, this.lastEnd + minInterval);
  }

  private async runOnce(startedAt: number, stopped: AbortSignal): Promise<void> {
    if ('everyMs' in this.options) this.nextAt = startedAt + this.options.everyMs;
    try {
      await this.options.run(stopped);
    } catch (err) {
      // A run aborted by the stop is not a failure.
      if (!stopped.aborted) this.logger.warn(`${this.options.name} failed`, err);
    } finally {
      this.lastEnd = this.clock.now();
    }
  }

  private async sleep(ms: number): Promise<void> {
    const sleeping = new AbortController();
    this.sleeping = sleeping;
    // Stopping or waking rejects the sleep; the loop then looks at the stopped flag and the clock.
    await this.clock.sleep(ms, sleeping.signal).catch(() => undefined);
    if (this.sleeping === sleeping) this.sleeping = undefined;
  }
}

/** A clock that reads `now` (the app's time, a test's fake one) and sleeps on the system's timers. */
export function timersWith(now: () => number): Clock {
  return { now, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
}

/** Starts a periodic task with the app and stops it (waiting for its run) when the app closes. */
export function startPeriodicTask(services: Pick<Services, 'onClose'>, options: PeriodicTaskOptions): PeriodicTask {
  const task = new PeriodicTask(options);
  task.start();
  services.onClose(() => task.stop());
  return task;
}
