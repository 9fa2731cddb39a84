import { PeriodicTask, timersWith } from '../background/periodic-task';
import type { Lane } from './delta';
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/tables/settings';
import type { SyncTrigger } from '../db/tables/sync-runs';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';

const logger = createLogger('sync/scheduler');

export interface ScheduleState {
  readonly nextFull: number;
  readonly nextFast: number;
  readonly last: number | null;
}

/** How often each lane runs; the seller sets them in Configurações (see schedule-settings bounds below). */
export interface SendIntervals {
  readonly fullMs: number;
  readonly fastMs: number;
}

export interface SchedulerOptions {
  readonly now: () => number;
  /** The intervals at start; `setIntervals` changes them while running. */
  readonly fullIntervalMs: number;
  readonly fastIntervalMs: number;
  /** Persisted next-run times, so a restart keeps the schedule (and catches up if overdue). */
  readonly load: () => ScheduleState | undefined;
  readonly save: (state: ScheduleState) => void;
  readonly run: (lane: Lane, trigger: SyncTrigger) => Promise<void>;
  /** For the tray tooltip: when the last cycle ended and when the next is due. */
  readonly onRuns?: (runs: { last: number | null; next: number }) => void;
  /** Longest single wait: a laptop waking from sleep notices overdue work within this. */
  readonly maxWaitMs?: number;
  readonly random?: () => number;
}

const DEFAULT_MAX_WAIT_MS = 60_000;
const MIN_WAIT_MS = 1_000;
const SKEW_MS = 2_000;

/**
 * The full cycle every 2 h and the stock/price fast lane every 15 min (settable, see
 * readSendIntervals), as one periodic task whose due time is the earlier lane's. A missed slot
 * (sleep, app closed) runs once when noticed, never once per missed slot, because the next time is
 * computed from when a run starts. Runs never overlap: "Send now" during a run joins the run in
 * progress, and a scheduled run during "Send now" joins that one.
 */
export class SyncScheduler {
  private state: ScheduleState;
  private running: Promise<void> | undefined;
  private intervals: SendIntervals;
  private readonly task: PeriodicTask;

  constructor(private readonly options: SchedulerOptions) {
    const now = options.now();
    this.intervals = { fullMs: options.fullIntervalMs, fastMs: options.fastIntervalMs };
    this.state = options.load() ?? { nextFull: now, nextFast: now + options.fastIntervalMs, last: null };
    this.task = new PeriodicTask({
      name: 'sync/scheduler',
      dueAt: () => this.nextDue(),
      run: () => this.tick(),
      minIntervalMs: MIN_WAIT_MS,
      skewMs: SKEW_MS,
      maxSleepMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
      clock: timersWith(options.now),
      ...(options.random ? { random: options.random } : {}),
    });
  }

  get currentIntervals(): SendIntervals {
    return this.intervals;
  }

  /**
   * The seller changed the intervals: each lane's next run moves to its last start plus the new
   * interval (overdue runs at once, never once per missed slot), without a restart.
   */
  setIntervals(next: SendIntervals): void {
    const previous = this.intervals;
    const now = this.options.now();
    this.intervals = next;
    this.state = {
      ...this.state,
      nextFull: Math.max(now, this.state.nextFull - previous.fullMs + next.fullMs),
      nextFast: Math.max(now, this.state.nextFast - previous.fastMs + next.fastMs),
    };
    this.options.save(this.state);
    this.publish();
    this.task.wake();
  }

  start(): void {
    if (this.task.started) return;
    this.publish();
    this.task.start();
  }

  /** Stops the loop and waits for a cycle in progress to reach its end. */
  async stop(): Promise<void> {
    await this.task.stop();
    await this.running?.catch(() => undefined);
  }

  /** "Send now" (UI, tray, CLI): a full cycle now, or the one already running. */
  runNow(): Promise<void> {
    return this.running ?? this.execute('full', 'manual');
  }

  /** After the OS resumes from sleep: look at the schedule now rather than at the next tick. */
  wake(): void {
    this.task.wake();
  }

  get schedule(): ScheduleState {
    return this.state;
  }

  private nextDue(): number {
    return Math.min(this.state.nextFull, this.state.nextFast);
  }

  private async tick(): Promise<void> {
    if (this.running) return this.running;
    const now = this.options.now();
    if (now >= this.state.nextFull) await this.execute('full', 'schedule');
    else if (now >= this.state.nextFast) await this.execute('fast', 'schedule');
  }

  private execute(lane: Lane, trigger: SyncTrigger): Promise<void> {
    const started = this.options.now();
    // The next slots count from this start: overdue work runs once, not once per missed slot.
    this.state = {
      ...this.state,
      nextFast: started + this.intervals.fastMs,
      ...(lane === 'full' ? { nextFull: started + this.intervals.fullMs } : {}),
    };
    this.options.save(this.state);
    this.publish();
    const run = this.options
      .run(lane, trigger)
      .catch((err: unknown) => logger.error(`${lane} sync cycle failed`, err))
      .finally(() => {
        this.running = undefined;
        this.state = { ...this.state, last: this.options.now() };
        this.options.save(this.state);
        this.publish();
      });
    this.running = run;
    return run;
  }

  private publish(): void {
    this.options.onRuns?.({ last: this.state.last, next: this.nextDue() });
  }
}

/**
 * The send intervals, app-wide: one schedule runs every account (Amazon's limits are per account,
 * but the seller thinks of "how often Vitrine sends"). Bounds: a full cycle re-reads every
 * selected product, so not more often than every 30 min and at least daily; the stock/price lane
 * between 5 min and 2 h, and never less often than the full cycle.
 */
export const SEND_INTERVAL_BOUNDS = { fullMinutes: { min: 30, max: 24 * 60 }, fastMinutes: { min: 5, max: 120 } } as const;
export const DEFAULT_SEND_INTERVALS = { fullMinutes: 120, fastMinutes: 15 } as const;
const FULL_KEY = 'sync.fullIntervalMinutes';
const FAST_KEY = 'sync.fastIntervalMinutes';

export interface SendIntervalMinutes {
  readonly fullMinutes: number;
  readonly fastMinutes: number;
}

/** Why a pair of intervals is refused (undefined when it is fine). */
export function sendIntervalProblem(
  input: SendIntervalMinutes,
): 'FULL_INTERVAL_OUT_OF_RANGE' | 'FAST_INTERVAL_OUT_OF_RANGE' | 'FAST_INTERVAL_LONGER_THAN_FULL' | undefined {
  const { fullMinutes: full, fastMinutes: fast } = SEND_INTERVAL_BOUNDS;
  if (!Number.isInteger(input.fullMinutes) || input.fullMinutes < full.min || input.fullMinutes > full.max) return 'FULL_INTERVAL_OUT_OF_RANGE';
  if (!Number.isInteger(input.fastMinutes) || input.fastMinutes < fast.min || input.fastMinutes > fast.max) return 'FAST_INTERVAL_OUT_OF_RANGE';
  if (input.fastMinutes > input.fullMinutes) return 'FAST_INTERVAL_LONGER_THAN_FULL';
  return undefined;
}

/** The stored intervals; a value out of bounds (hand-edited, an older app) falls back to the default. */
export function readSendIntervals(db: Db): SendIntervalMinutes {
  const stored = { fullMinutes: Number(getSetting(db, FULL_KEY) ?? NaN), fastMinutes: Number(getSetting(db, FAST_KEY) ?? NaN) };
  return sendIntervalProblem(stored) === undefined ? stored : DEFAULT_SEND_INTERVALS;
}

/** Validates (localized AppError naming the field) and stores the intervals. */
export function saveSendIntervals(db: Db, input: SendIntervalMinutes): SendIntervalMinutes {
  const problem = sendIntervalProblem(input);
  if (problem) throw new AppError(problem, {}, { field: problem.startsWith('FULL') ? 'fullMinutes' : 'fastMinutes' });
  db.transaction(() => {
    setSetting(db, FULL_KEY, String(input.fullMinutes));
    setSetting(db, FAST_KEY, String(input.fastMinutes));
  })();
  return { fullMinutes: input.fullMinutes, fastMinutes: input.fastMinutes };
}

export const toSendIntervals = (m: SendIntervalMinutes): SendIntervals => ({ fullMs: m.fullMinutes * 60_000, fastMs: m.fastMinutes * 60_000 });
