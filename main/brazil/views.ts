import type { NfeImportResult } from '../../preload/contract';
import type { Db } from '../db/connection';
import { getPickup, type PickupRow } from '../db/tables/easy-ship-packages';
import { fbaStockOfProduct, fbaStockOfProducts } from '../db/tables/fba-inventory';
import { nfesOfOrder, ordersNeedingNfe, unmatchedNfes, type NfeDocumentRow } from '../db/tables/nfe-documents';
import { getOrderProgram, orderBrazilFacts } from '../db/tables/order-programs';
import { getOrderRow } from '../db/tables/orders';
import { AppError } from '../errors';
import type { Translator } from '../i18n';
import { pickupBlocker } from './easy-ship/pickup';
import type { NfeFileResult } from './nfe/import';
import { nfeProblemMessage } from './nfe/messages';
import { needsNfe } from './programs';
import type { BrazilService } from './service';

/** What the screens show of a stored NF-e (contract arrays are mutable). */
const nfeView = (n: NfeDocumentRow) => ({
  id: n.id,
  number: n.number,
  series: n.series,
  accessKey: n.accessKey,
  fileName: n.fileName,
  totalCents: n.totalCents,
  state: n.state,
  amazonStatus: n.amazonStatus,
  amazonErrors: n.amazonErrors.map((e) => ({ ...e })),
  sentAt: n.sentAt,
  matchedBy: n.matchedBy,
});

const pickupView = (pickup: PickupRow) => ({
  state: pickup.state,
  slotStart: pickup.slotStart,
  slotEnd: pickup.slotEnd,
  handoverMethod: pickup.handoverMethod,
  packageStatus: pickup.packageStatus,
  trackingId: pickup.trackingId,
  hasLabel: pickup.hasLabel === 1,
  size: { lengthCm: pickup.lengthCm, widthCm: pickup.widthCm, heightCm: pickup.heightCm, weightG: pickup.weightG },
});

/** An order's Amazon.com.br side: its program, whether it needs an NF-e, the note, the pickup and the package estimate. */
export function brazilOrderView(db: Db, brazil: BrazilService, orderId: number) {
  const order = getOrderRow(db, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  const program = getOrderProgram(db, orderId);
  const kind = program?.program ?? (order.fulfilledBy === 'AMAZON' ? 'fba' : 'self_ship');
  const nfe = nfesOfOrder(db, orderId).find((n) => n.state !== 'replaced') ?? null;
  const pickup = getPickup(db, orderId);
  const { size, missing } = brazil.estimate(orderId);
  return {
    orderId,
    program: kind,
    amazonInvoiceStatus: program?.invoiceStatus ?? null,
    needsNfe: needsNfe(kind, program?.invoiceStatus ?? null, order.marketplaceId),
    nfe: nfe ? nfeView(nfe) : null,
    pickup: pickup ? pickupView(pickup) : null,
    pickupBlocker: kind === 'easy_ship' ? pickupBlocker(db, orderId) : null,
    estimate: { size, missing: [...missing] },
  };
}

/** The orders list's Brazil columns for these orders (orders that no longer exist are left out). */
export function brazilOrderFacts(db: Db, ids: readonly number[]) {
  const facts = orderBrazilFacts(db, ids);
  return ids.flatMap((id) => {
    const f = facts.get(id);
    const order = f ? getOrderRow(db, id) : undefined;
    if (!f || !order) return [];
    const nfeState = (f.nfeState as NfeDocumentRow['state'] | null) ?? null;
    return [
      {
        id,
        program: f.program,
        needsNfe: needsNfe(f.program, f.invoiceStatus, order.marketplaceId),
        nfeState,
        nfeNumber: f.nfeNumber,
        pickupState: f.pickupState,
        pickupStart: f.pickupStart,
      },
    ];
  });
}

/** Notes no order claimed yet, beside the orders still waiting for one. */
export function unmatchedNfesView(db: Db) {
  return { notes: unmatchedNfes(db).map(nfeView), orders: ordersNeedingNfe(db) };
}

/** Each imported file's outcome, a refused one with its reason in the seller's language. */
export function nfeImportResults(translator: Translator, list: readonly NfeFileResult[]): NfeImportResult[] {
  return list.map((r) =>
    r.ok
      ? {
          file: r.file,
          ok: true,
          documentId: r.documentId,
          number: r.number,
          orderId: r.orderRowId,
          amazonOrderId: r.amazonOrderId,
          code: null,
          field: null,
          message: null,
        }
      : {
          file: r.file,
          ok: false,
          documentId: null,
          number: null,
          orderId: null,
          amazonOrderId: null,
          code: r.problem.code,
          field: r.problem.field ?? null,
          message: nfeProblemMessage(translator, r.file, r.problem),
        },
  );
}

/** Amazon's order id for file names (the row id when the order is gone). */
export function amazonOrderIdOf(db: Db, orderId: number): string {
  return getOrderRow(db, orderId)?.amazonOrderId ?? String(orderId);
}

/** Stock Amazon holds per product in a marketplace (null: every marketplace). */
export function fbaStockView(db: Db, productIds: readonly number[], marketplaceId: string | null) {
  return [...fbaStockOfProducts(db, productIds, marketplaceId).entries()].map(([productId, s]) => ({ productId, ...s }));
}

/** Stock Amazon holds per SKU of one product. */
export function fbaProductStockView(db: Db, productId: number, marketplaceId: string | null) {
  return fbaStockOfProduct(db, productId, marketplaceId).map((r) => ({ ...r }));
}
