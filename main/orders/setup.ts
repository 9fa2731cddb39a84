import type { Clock } from '../amazon/clock';
import { startPeriodicTask } from '../background/periodic-task';
import { listAccounts } from '../db/tables/accounts';
import type { Services } from '../services';
import { ordersServiceFor, type OrdersService } from './service';

/** searchOrders refills one call per ~3 minutes; every 10 minutes leaves room for the screen's own imports. */
export const IMPORT_EVERY_MS = 10 * 60_000;
const FIRST_RUN_MS = 30_000;
const SKEW_MS = 30_000;

export interface OrdersSetupOptions {
  readonly everyMs?: number;
  readonly random?: () => number;
  readonly clock?: Clock;
  readonly orders?: Pick<OrdersService, 'import'>;
}

/**
 * Background import of new and changed orders, a periodic task; quitting aborts the run between
 * pages, whose committed work stays. After a long import the next one waits at least half an
 * interval, so the screen's own imports find searchOrders' quota refilled.
 */
export function setupOrders(services: Services, options: OrdersSetupOptions = {}): Pick<OrdersService, 'import'> {
  const orders = options.orders ?? ordersServiceFor(services);
  const every = options.everyMs ?? IMPORT_EVERY_MS;
  startPeriodicTask(services, {
    name: 'orders/import',
    everyMs: every,
    firstAfterMs: FIRST_RUN_MS,
    minIntervalMs: every / 2,
    skewMs: SKEW_MS,
    ...(options.random ? { random: options.random } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    // Nothing to import from yet (a fresh install before the demo account exists): try later.
    run: (signal) => (listAccounts(services.db).length === 0 ? undefined : orders.import({ signal, joinRunning: true })),
  });
  return orders;
}
