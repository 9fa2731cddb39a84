import { explained } from '../amazon/explain';
import { addActivity } from '../db/tables/activity-log';
import { getAccount, getAccountHealth, listAccounts, type AccountRow } from '../db/tables/accounts';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import type { RaisedIssue } from './commit';
import { exportOrders, type ExportFormat, type ExportResult } from './export';
import { importOrders, type ImportSummary } from './import';
import { readOrderSettings } from './settings';
import { confirmOrderShipment, settleOpenShipments, type ShipmentInput, type ShipmentOutcome } from './shipment';
import type { OrderFilter } from '../db/tables/orders';
import { getOrderRow } from '../db/tables/orders';

const logger = createLogger('orders');

/** Above this many new problems in one import, one summary notification replaces the others. */
const MAX_SEPARATE_NOTIFICATIONS = 3;

export interface OrdersServiceOptions {
  /** Epoch ms of the app clock (the simulator's VirtualClock in tests). */
  readonly now?: () => number;
}

const EMPTY: ImportSummary = { new: 0, updated: 0, unchanged: 0, errors: 0, apiCalls: 0, raised: [] };

function add(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    new: a.new + b.new,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    errors: a.errors + b.errors,
    apiCalls: a.apiCalls + b.apiCalls,
    raised: [...a.raised, ...b.raised],
  };
}

/**
 * The orders feature over the app's services: imports per account (one at a time each), tells
 * the seller about new problems (native notification + activity entry), exports and ships.
 */
export class OrdersService {
  private readonly running = new Map<string, Promise<ImportSummary>>();
  private readonly now: () => number;

  constructor(
    private readonly services: Services,
    options: OrdersServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Imports every account (or one), each with its enabled marketplaces. An account whose
   * credentials Amazon refused is left out of "every account" (it already told the seller); named
   * alone, it answers ACCOUNT_CREDENTIALS_REJECTED without calling Amazon.
   */
  async import(options: { accountId?: string; signal?: AbortSignal; joinRunning?: boolean } = {}): Promise<ImportSummary> {
    const { db } = this.services;
    const named = options.accountId === undefined ? undefined : getAccount(db, options.accountId);
    if (options.accountId !== undefined && !named) throw new AppError('ACCOUNT_NOT_FOUND');
    const all = named ? [named] : listAccounts(db);
    if (all.length === 0) throw new AppError('NO_ORDER_ACCOUNT');
    const accounts = named ? all : all.filter((a) => a.health.state === 'ok');
    let total = EMPTY;
    for (const account of accounts) {
      try {
        total = add(total, await this.importAccount(account, options.signal, options.joinRunning));
      } catch (err) {
        // Refused just now: the account is stopped and the seller told; the others still import.
        if (named || getAccountHealth(db, account.id)?.state === 'ok') throw err;
      }
    }
    return total;
  }

  /** `joinRunning` (the background loop) waits for an import already under way instead of failing. */
  private importAccount(account: AccountRow, signal?: AbortSignal, joinRunning = false): Promise<ImportSummary> {
    const current = this.running.get(account.id);
    if (current) {
      if (joinRunning) return current.then(() => EMPTY);
      throw new AppError('ORDER_IMPORT_RUNNING');
    }
    const marketplaceIds = account.marketplaces.filter((m) => m.enabled).map((m) => m.marketplaceId);
    const work = (async () => {
      if (marketplaceIds.length === 0) return EMPTY;
      const progress = this.services.tasks.progress('orders:import');
      const client = await this.services.amazon.forAccountRow(account);
      const summary = await explained(() =>
        importOrders(this.services.db, client, {
          accountId: account.id,
          marketplaceIds,
          settings: readOrderSettings(this.services.db),
          now: this.now,
          ...(signal ? { signal } : {}),
          onPage: (p) => progress.report('orders.progress.importing', p.orders, null),
        }),
      );
      progress.finish('orders.progress.importing', summary.new + summary.updated + summary.unchanged);
      this.announce(summary.raised);
      settleOpenShipments(this.services.db);
      if (summary.new + summary.updated > 0) {
        addActivity(this.services.db, {
          domain: 'orders',
          severity: 'info',
          messageKey: 'orders.activity.imported',
          params: { new: summary.new, updated: summary.updated },
          route: '/orders',
        });
      }
      logger.info(`account ${account.id}: ${summary.new} new, ${summary.updated} updated, ${summary.errors} with errors, ${summary.apiCalls} calls`);
      return summary;
    })();
    this.running.set(account.id, work);
    return work.finally(() => this.running.delete(account.id));
  }

  /** One notification per new error (or one summary), and one activity entry per new issue. */
  private announce(raised: readonly RaisedIssue[]): void {
    const { t, intlLocale: locale } = this.services.translator;
    for (const r of raised) {
      addActivity(this.services.db, {
        domain: 'orders',
        severity: r.code === 'PRICE_DIVERGENCE' ? 'warning' : 'error',
        messageKey: `orders.issues.${r.code}`,
        params: { orderId: r.amazonOrderId, ...issueParams(r, locale) },
        route: `/orders/${r.orderRowId}`,
      });
    }
    const errors = raised.filter((r) => r.code !== 'PRICE_DIVERGENCE');
    const orders = new Set(errors.map((r) => r.orderRowId));
    if (orders.size > MAX_SEPARATE_NOTIFICATIONS) {
      this.services.notifier.notify({ title: t('orders.notify.manyTitle', { count: orders.size }), body: t('orders.notify.manyBody'), route: '/orders' });
      return;
    }
    for (const r of errors) {
      this.services.notifier.notify({
        title: t('orders.notify.errorTitle', { orderId: r.amazonOrderId }),
        body: t(`orders.issues.${r.code}`, issueParams(r, locale)),
        route: `/orders/${r.orderRowId}`,
      });
    }
  }

  async export(options: { file: string; format: ExportFormat; filter: OrderFilter; signal?: AbortSignal }): Promise<ExportResult & { taskId: string }> {
    const progress = this.services.tasks.progress('orders:export');
    try {
      const result = await exportOrders(this.services.db, {
        ...options,
        t: this.services.translator.t,
        locale: this.services.translator.locale,
        onProgress: (done, total) => progress.report('orders.progress.exporting', done, total),
      });
      progress.finish('orders.progress.exporting', result.orders + result.items);
      return { ...result, taskId: progress.taskId };
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('ORDER_EXPORT_FAILED', { file: options.file, reason: err instanceof Error ? err.message : String(err) });
    }
  }

  async ship(input: ShipmentInput): Promise<ShipmentOutcome> {
    const order = getOrderRow(this.services.db, input.orderRowId);
    if (!order) throw new AppError('ORDER_NOT_FOUND');
    const client = await this.services.amazon.forAccount(order.accountId);
    const outcome = await confirmOrderShipment(this.services.db, client, input, readOrderSettings(this.services.db), this.now());
    addActivity(this.services.db, {
      domain: 'orders',
      severity: 'info',
      messageKey: 'orders.activity.shipped',
      params: { orderId: order.amazonOrderId, carrier: input.carrierName ?? input.carrierCode, tracking: input.trackingNumber },
      route: `/orders/${order.id}`,
    });
    return outcome;
  }
}

const instances = new WeakMap<Services, OrdersService>();

/** The one OrdersService of a Services object: the screen and the background loop share its import lock. */
export function ordersServiceFor(services: Services, options?: OrdersServiceOptions): OrdersService {
  let service = instances.get(services);
  if (!service) instances.set(services, (service = new OrdersService(services, options)));
  return service;
}

/** Hundredths of a currency as the reader's locale writes money. */
export function money(cents: unknown, currency: unknown, locale: string): string {
  const amount = typeof cents === 'number' ? cents / 100 : Number.NaN;
  if (typeof currency !== 'string' || currency.length !== 3) return amount.toFixed(2);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

/** An issue's message parameters, with money spelled out in the reader's locale. */
export function issueParams(issue: Pick<RaisedIssue, 'code' | 'params'>, locale: string): Record<string, string | number> {
  const p = issue.params;
  if (issue.code !== 'PRICE_DIVERGENCE') return { ...p };
  return { ...p, paid: money(p.paidCents, p.currency, locale), expected: money(p.expectedCents, p.currency, locale) };
}
