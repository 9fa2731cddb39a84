import { listAccounts } from '../db/tables/accounts';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import { ordersServiceFor, type OrdersService } from './service';

const logger = createLogger('orders');

/** searchOrders refills one call per ~3 minutes; every 10 minutes leaves room for the screen's own imports. */
export const IMPORT_EVERY_MS = 10 * 60_000;
const FIRST_RUN_MS = 30_000;
const SKEW_MS = 30_000;

/**
 * Background import of new and changed orders: a chained timer (never setInterval) with a little
 * random skew, each run catching its own errors; quitting aborts the run between pages, whose
 * committed work stays.
 */
export function setupOrders(
  services: Services,
  options: { everyMs?: number; random?: () => number; orders?: Pick<OrdersService, 'import'> } = {},
): Pick<OrdersService, 'import'> {
  const orders = options.orders ?? ordersServiceFor(services);
  const every = options.everyMs ?? IMPORT_EVERY_MS;
  const random = options.random ?? Math.random;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const schedule = (ms: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(tick, ms + Math.floor(random() * SKEW_MS));
    timer.unref();
  };
  const tick = () => {
    // Nothing to import from yet (a fresh install before the demo account exists): try later.
    if (listAccounts(services.db).length === 0) return schedule(every);
    running = orders
      .import({ signal: abort.signal, joinRunning: true })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) logger.warn('background order import failed', err);
      })
      .finally(() => schedule(every));
  };
  schedule(FIRST_RUN_MS);
  services.onClose(async () => {
    abort.abort();
    clearTimeout(timer);
    await running;
  });
  return orders;
}
