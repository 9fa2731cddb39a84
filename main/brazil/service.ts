import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PackageSize, TimeSlot } from '../amazon/api/easy-ship';
import { addActivity } from '../db/tables/activity-log';
import { listAccounts } from '../db/tables/accounts';
import { getPickup, labelOf, pickupsInFlight } from '../db/tables/easy-ship-packages';
import { assignNfe, deleteNfe, dueNfes, getNfe, nfeXml, nfesOfOrder, pendingNfes } from '../db/tables/nfe-documents';
import { getOrderRow } from '../db/tables/orders';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';
import { readOrderSettings } from '../orders/settings';
import type { Services } from '../services';
import { estimatePackage } from './easy-ship/package-size';
import { listSlots, pickupBlocker, refreshPickup, reschedulePickup, schedulePickup } from './easy-ship/pickup';
import { explainedFor } from './explain';
import { readFbaStock } from './fba';
import { importNfeFiles, verifyAssignment, type NfeFile, type NfeFileResult } from './nfe/import';
import { parseNfe, MAX_NFE_BYTES } from './nfe/parse';
import { pollNfe, sendNfe, type SendOutcome } from './nfe/send';
import { readBrazilSettings } from './settings';
import { BR_MARKETPLACE } from './programs';

const logger = createLogger('brazil');

/** A folder import reads at most this many files (a whole ERP export folder is fine; a disk is not). */
export const MAX_FOLDER_FILES = 2000;

/** NF-e, Easy Ship and FBA over the app's services: what the IPC handlers, the CLI and the background loop call. */
export class BrazilService {
  /** Accounts whose missing FBA role the activity already told about in this run. */
  private readonly fbaRoleTold = new Set<string>();

  constructor(
    private readonly services: Services,
    private readonly now: () => number = Date.now,
  ) {}

  private get db() {
    return this.services.db;
  }

  private verifySettings() {
    return { tolerancePercent: readOrderSettings(this.db).priceTolerancePercent, sellerCnpj: readBrazilSettings(this.db).sellerCnpj };
  }

  private async clientOf(orderRowId: number) {
    const order = getOrderRow(this.db, orderRowId);
    if (!order) throw new AppError('ORDER_NOT_FOUND');
    return { order, client: await this.services.amazon.forAccount(order.accountId) };
  }

  /** Files picked in the dialog, or every .xml of a chosen folder (and its subfolders). */
  async importPaths(paths: readonly string[]): Promise<NfeFileResult[]> {
    const files: NfeFile[] = [];
    const tooBig: NfeFileResult[] = [];
    for (const path of this.expand(paths)) {
      const size = statSync(path).size;
      // Refused before reading: a file far bigger than any NF-e is not loaded into memory.
      if (size > MAX_NFE_BYTES) tooBig.push({ file: basename(path), ok: false, problem: { code: 'TOO_LARGE', params: { size, max: MAX_NFE_BYTES } } });
      else files.push({ name: basename(path), bytes: await readFile(path) });
    }
    return [...tooBig, ...this.importFiles(files)];
  }

  private expand(paths: readonly string[]): string[] {
    const out: string[] = [];
    const walk = (path: string, depth: number) => {
      if (out.length >= MAX_FOLDER_FILES) return;
      const info = statSync(path);
      if (info.isFile()) {
        out.push(path);
        return;
      }
      if (!info.isDirectory() || depth > 3) return;
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        const childInfo = statSync(child);
        if (childInfo.isDirectory()) walk(child, depth + 1);
        else if (/\.xml$/i.test(name) && out.length < MAX_FOLDER_FILES) out.push(child);
      }
    };
    for (const p of paths) walk(p, 0);
    return out;
  }

  importFiles(files: readonly NfeFile[]): NfeFileResult[] {
    const results = importNfeFiles(this.db, files, this.verifySettings());
    const imported = results.filter((r) => r.ok).length;
    if (imported > 0)
      addActivity(this.db, { domain: 'orders', severity: 'info', messageKey: 'brazil.activity.nfeImported', params: { count: imported }, route: '/orders' });
    return results;
  }

  /** The seller's choice of order for a note that names none; the same checks as an automatic match. */
  assign(documentId: number, orderRowId: number): void {
    const doc = getNfe(this.db, documentId);
    const xml = nfeXml(this.db, documentId);
    if (!doc || !xml) throw new AppError('NFE_NOT_FOUND');
    if (doc.state !== 'pending') throw new AppError('NFE_NOT_SENDABLE', { number: doc.number, state: doc.state });
    const parsed = parseNfe(xml);
    if (!parsed.ok) throw new AppError('NFE_NOT_FOUND');
    const problem = verifyAssignment(this.db, parsed.nfe, orderRowId, this.verifySettings());
    if (problem) throw new AppError('NFE_CHECK_FAILED', { ...problem.params, code: problem.code }, { problem });
    assignNfe(this.db, documentId, orderRowId, 'seller');
  }

  remove(documentId: number): void {
    if (!deleteNfe(this.db, documentId)) throw new AppError('NFE_NOT_REMOVABLE');
  }

  /** Sends one note (or every pending note of an order). */
  async send(documentId: number, options: { force?: boolean } = {}): Promise<SendOutcome> {
    const doc = getNfe(this.db, documentId);
    if (!doc?.orderRowId) throw new AppError(doc ? 'NFE_NO_ORDER' : 'NFE_NOT_FOUND', { number: doc?.number ?? '' });
    const { order, client } = await this.clientOf(doc.orderRowId);
    const outcome = await explainedFor('tax_invoicing', () => sendNfe(this.db, client, documentId, this.now, options));
    addActivity(this.db, {
      domain: 'orders',
      severity: outcome === 'rejected' ? 'error' : 'info',
      messageKey: `brazil.activity.nfe.${outcome}`,
      params: { orderId: order.amazonOrderId, number: doc.number },
      route: `/orders/${order.id}`,
    });
    return outcome;
  }

  /** Every matched note not sent yet. */
  async sendPending(): Promise<{ documentId: number; number: string; outcome: SendOutcome | 'failed'; error?: AppError }[]> {
    const out: { documentId: number; number: string; outcome: SendOutcome | 'failed'; error?: AppError }[] = [];
    for (const doc of pendingNfes(this.db)) {
      try {
        out.push({ documentId: doc.id, number: doc.number, outcome: await this.send(doc.id) });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        out.push({ documentId: doc.id, number: doc.number, outcome: 'failed', error: err });
      }
    }
    return out;
  }

  /** Reads Amazon's status of an order's sent note now. */
  async refreshInvoice(orderRowId: number): Promise<SendOutcome | null> {
    const doc = nfesOfOrder(this.db, orderRowId).find((n) => n.state === 'sent' || n.state === 'sending');
    if (!doc) return null;
    const { order, client } = await this.clientOf(orderRowId);
    const outcome = await explainedFor('tax_invoicing', () => pollNfe(this.db, client, doc.id, this.now));
    // The seller asked and sees the answer on screen: the activity records it, no notification.
    if (outcome === 'accepted' || outcome === 'rejected') this.announce(order, doc.number, outcome, false);
    return outcome;
  }

  /** The background loop's work: due status reads and sends a crash interrupted, then pickups caught mid-call. */
  async pollDue(): Promise<number> {
    let done = 0;
    for (const doc of dueNfes(this.db, new Date(this.now()).toISOString())) {
      if (doc.orderRowId === null) continue;
      try {
        const { order, client } = await this.clientOf(doc.orderRowId);
        const before = doc.state;
        const outcome = await pollNfe(this.db, client, doc.id, this.now);
        done += 1;
        if ((outcome === 'accepted' || outcome === 'rejected') && before !== outcome) this.announce(order, doc.number, outcome);
      } catch (err) {
        logger.warn(`status of NF-e ${doc.number} not read`, err);
      }
    }
    for (const pickup of pickupsInFlight(this.db)) {
      try {
        const { client } = await this.clientOf(pickup.orderRowId);
        await refreshPickup(this.db, client, pickup.orderRowId);
      } catch (err) {
        logger.warn(`pickup of order ${pickup.orderRowId} not settled`, err);
      }
    }
    return done;
  }

  private announce(order: { id: number; amazonOrderId: string }, number: string, outcome: 'accepted' | 'rejected', notify = true): void {
    const { t } = this.services.translator;
    addActivity(this.db, {
      domain: 'orders',
      severity: outcome === 'rejected' ? 'error' : 'info',
      messageKey: `brazil.activity.nfe.${outcome}`,
      params: { orderId: order.amazonOrderId, number },
      route: `/orders/${order.id}`,
    });
    if (outcome === 'rejected' && notify) {
      this.services.notifier.notify({
        title: t('brazil.notify.rejectedTitle', { orderId: order.amazonOrderId }),
        body: t('brazil.notify.rejectedBody', { number }),
        route: `/orders/${order.id}`,
      });
    }
  }

  estimate(orderRowId: number) {
    return estimatePackage(this.db, orderRowId, readBrazilSettings(this.db).defaultPackage);
  }

  /**
   * A note Amazon is still validating may have been accepted since the last status read (the
   * background loop reads every minute): read it once now rather than refuse the pickup.
   */
  private async settleInvoiceFirst(orderRowId: number): Promise<void> {
    if (pickupBlocker(this.db, orderRowId) === 'nfe_processing') await this.refreshInvoice(orderRowId);
  }

  async slots(orderRowId: number, size: PackageSize): Promise<TimeSlot[]> {
    const { client } = await this.clientOf(orderRowId);
    await this.settleInvoiceFirst(orderRowId);
    return explainedFor('easy_ship', () => listSlots(this.db, client, orderRowId, size));
  }

  async schedule(orderRowId: number, slot: TimeSlot, size: PackageSize) {
    const { order, client } = await this.clientOf(orderRowId);
    await this.settleInvoiceFirst(orderRowId);
    const outcome = await explainedFor('easy_ship', () => schedulePickup(this.db, client, orderRowId, slot, size));
    addActivity(this.db, {
      domain: 'orders',
      severity: 'info',
      messageKey: 'brazil.activity.pickupScheduled',
      params: { orderId: order.amazonOrderId, start: slot.startTime ?? '' },
      route: `/orders/${order.id}`,
    });
    return outcome;
  }

  async reschedule(orderRowId: number, slot: TimeSlot): Promise<void> {
    const { client } = await this.clientOf(orderRowId);
    await explainedFor('easy_ship', () => reschedulePickup(this.db, client, orderRowId, slot));
  }

  async refreshPickup(orderRowId: number): Promise<void> {
    const { client } = await this.clientOf(orderRowId);
    await explainedFor('easy_ship', () => refreshPickup(this.db, client, orderRowId));
  }

  label(orderRowId: number): Buffer {
    const pdf = labelOf(this.db, orderRowId);
    if (!pdf) throw new AppError(getPickup(this.db, orderRowId) ? 'LABEL_NOT_AVAILABLE' : 'PICKUP_NOT_SCHEDULED');
    return pdf;
  }

  /**
   * Reads FBA stock of every account's Brazilian marketplace (or one account / marketplace). The
   * background read (`background`) skips an account whose app lacks the FBA role, telling the
   * activity once; a read the seller asked for fails with the role to request.
   */
  async readFba(
    scope: { accountId?: string; marketplaceId?: string } = {},
    options: { readonly background?: boolean } = {},
  ): Promise<{ accountId: string; marketplaceId: string; skus: number; calls: number }[]> {
    const out: { accountId: string; marketplaceId: string; skus: number; calls: number }[] = [];
    for (const account of listAccounts(this.db)) {
      if (scope.accountId && account.id !== scope.accountId) continue;
      if (!scope.accountId && account.health.state !== 'ok') continue;
      const client = await this.services.amazon.forAccountRow(account);
      for (const m of account.marketplaces) {
        if (!m.enabled || (scope.marketplaceId ? m.marketplaceId !== scope.marketplaceId : m.marketplaceId !== BR_MARKETPLACE)) continue;
        let result: { skus: number; calls: number };
        try {
          result = await explainedFor('fba_inventory', () => readFbaStock(this.db, client, { accountId: account.id, marketplaceId: m.marketplaceId }));
        } catch (err) {
          // The seller asked: they read why. The background read says it once in the activity and goes on.
          if (!options.background || !(err instanceof AppError) || err.code !== 'ROLE_MISSING_FBA_INVENTORY') throw err;
          if (!this.fbaRoleTold.has(account.id)) {
            this.fbaRoleTold.add(account.id);
            addActivity(this.db, {
              domain: 'orders',
              severity: 'warning',
              messageKey: 'brazil.activity.fbaRoleMissing',
              params: { account: account.label },
              route: '/accounts',
            });
          }
          continue;
        }
        out.push({ accountId: account.id, marketplaceId: m.marketplaceId, ...result });
      }
    }
    return out;
  }
}

const instances = new WeakMap<Services, BrazilService>();

export function brazilServiceFor(services: Services, now?: () => number): BrazilService {
  let service = instances.get(services);
  if (!service) instances.set(services, (service = new BrazilService(services, now)));
  return service;
}
