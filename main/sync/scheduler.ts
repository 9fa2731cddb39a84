import type { Lane } from './delta';
import type { SyncTrigger } from '../db/tables/sync-runs';
import { createLogger } from '../log/logger';

const logger = createLogger('sync/scheduler');

export interface ScheduleState {
  readonly nextFull: number;
  readonly nextFast: number;
  readonly last: number | null;
}

export interface SchedulerOptions {
  readonly now: () => number;
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
 * The full cycle every 2 h and the stock/price fast lane every 15 min, as a chained setTimeout
 * with a stop flag (STYLE.md "Background work"). A missed slot (sleep, app closed) runs once when
 * noticed, never once per missed slot, because the next time is computed from when a run starts.
 * Runs never overlap: "Send now" during a run joins the run in progress.
 */
export class SyncScheduler {
  private state: ScheduleState;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private running: Promise<void> | undefined;

  constructor(private readonly options: SchedulerOptions) {
    const now = options.now();
    this.state = options.load() ?? { nextFull: now, nextFast: now + options.fastIntervalMs, last: null };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.publish();
    this.arm();
  }

  /** Stops the loop and waits for a cycle in progress to reach its end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** "Send now" (UI, tray, CLI): a full cycle now, or the one already running. */
  runNow(): Promise<void> {
    return this.running ?? this.execute('full', 'manual');
  }

  /** After the OS resumes from sleep: look at the schedule now rather than at the next tick. */
  wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.arm(0);
  }

  get schedule(): ScheduleState {
    return this.state;
  }

  private nextDue(): number {
    return Math.min(this.state.nextFull, this.state.nextFast);
  }

  private arm(delay?: number): void {
    if (this.stopped) return;
    const wait = delay ?? Math.min(this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS, Math.max(MIN_WAIT_MS, this.nextDue() - this.options.now()));
    const skew = delay === 0 ? 0 : Math.floor((this.options.random ?? Math.random)() * SKEW_MS);
    this.timer = setTimeout(() => void this.tick(), wait + skew);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    const now = this.options.now();
    if (!this.running) {
      if (now >= this.state.nextFull) await this.execute('full', 'schedule');
      else if (now >= this.state.nextFast) await this.execute('fast', 'schedule');
    }
    this.arm();
  }

  private execute(lane: Lane, trigger: SyncTrigger): Promise<void> {
    const started = this.options.now();
    // The next slots count from this start: overdue work runs once, not once per missed slot.
    this.state = {
      ...this.state,
      nextFast: started + this.options.fastIntervalMs,
      ...(lane === 'full' ? { nextFull: started + this.options.fullIntervalMs } : {}),
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
