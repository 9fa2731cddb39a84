import { listAccounts } from '../db/tables/accounts';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import { brazilServiceFor } from './service';

const logger = createLogger('brazil');

/** Status reads are cheap (getInvoiceStatus: 1.133/s, burst 25); a minute keeps "enviada → aceita" prompt. */
export const POLL_EVERY_MS = 60_000;
/** Amazon's warehouse counts move slowly; every 30 minutes is plenty and costs a call or two. */
export const FBA_EVERY_MS = 30 * 60_000;
const SKEW_MS = 10_000;

/**
 * The Brazil background work: NF-e statuses due (and sends a crash interrupted), then every half
 * hour the FBA stock. Chained timers with a little skew, each run catching its own errors; quitting
 * stops both and waits for the run in progress.
 */
export function setupBrazil(services: Services, options: { pollEveryMs?: number; fbaEveryMs?: number; random?: () => number } = {}): void {
  const brazil = brazilServiceFor(services);
  const random = options.random ?? Math.random;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<unknown> = Promise.resolve();

  const loop = (every: number, first: number, work: () => Promise<unknown>) => {
    const schedule = (ms: number) => {
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (listAccounts(services.db).length === 0) return schedule(every);
        running = work()
          .catch((err: unknown) => {
            if (!stopped) logger.warn('background Brazil work failed', err);
          })
          .finally(() => schedule(every));
      }, ms + Math.floor(random() * SKEW_MS));
      timer.unref();
      timers.add(timer);
    };
    schedule(first);
  };
  loop(options.pollEveryMs ?? POLL_EVERY_MS, 20_000, () => brazil.pollDue());
  loop(options.fbaEveryMs ?? FBA_EVERY_MS, 90_000, () => brazil.readFba());
  services.onClose(async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await running;
  });
}
