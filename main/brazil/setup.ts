import type { Clock } from '../amazon/clock';
import { startPeriodicTask } from '../background/periodic-task';
import { listAccounts } from '../db/tables/accounts';
import type { Services } from '../services';
import { brazilServiceFor } from './service';

/** Status reads are cheap (getInvoiceStatus: 1.133/s, burst 25); a minute keeps "enviada → aceita" prompt. */
export const POLL_EVERY_MS = 60_000;
/** Amazon's warehouse counts move slowly; every 30 minutes is plenty and costs a call or two. */
export const FBA_EVERY_MS = 30 * 60_000;
const SKEW_MS = 10_000;

export interface BrazilSetupOptions {
  readonly pollEveryMs?: number;
  readonly fbaEveryMs?: number;
  readonly random?: () => number;
  readonly clock?: Clock;
}

/**
 * The Brazil background work, two periodic tasks: NF-e statuses due (and sends a crash
 * interrupted), and every half hour the FBA stock. Quitting stops both and waits for their runs.
 */
export function setupBrazil(services: Services, options: BrazilSetupOptions = {}): void {
  const brazil = brazilServiceFor(services);
  const common = { skewMs: SKEW_MS, ...(options.random ? { random: options.random } : {}), ...(options.clock ? { clock: options.clock } : {}) };
  // Nothing to ask Amazon about before an account exists.
  const withAccounts = (work: () => Promise<unknown>) => () => (listAccounts(services.db).length === 0 ? undefined : work());
  const poll = options.pollEveryMs ?? POLL_EVERY_MS;
  const fba = options.fbaEveryMs ?? FBA_EVERY_MS;
  startPeriodicTask(services, {
    ...common,
    name: 'brazil/invoices',
    everyMs: poll,
    firstAfterMs: 20_000,
    minIntervalMs: poll / 2,
    run: withAccounts(() => brazil.pollDue()),
  });
  startPeriodicTask(services, {
    ...common,
    name: 'brazil/fba',
    everyMs: fba,
    firstAfterMs: 90_000,
    minIntervalMs: fba / 2,
    run: withAccounts(() => brazil.readFba({}, { background: true })),
  });
}
