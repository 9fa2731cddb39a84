import {
  easyShipRequests,
  type CreateScheduledPackagesRequest,
  type ListHandoverSlotsRequest,
  type PackageSize,
  type ScheduledPackage,
  type ScheduleBulkResponse,
  type TimeSlot,
  type UpdateScheduledPackagesRequest,
} from '../../amazon/api/easy-ship';
import { OutcomeUnknownError, ResponseFormatError, SpApiError, NetworkError } from '../../amazon/errors';
import type { Db } from '../../db/connection';
import {
  deletePickup,
  failPickup,
  getPickup,
  markRescheduling,
  saveLabel,
  savePackage,
  startScheduling,
  type SlotFields,
} from '../../db/tables/easy-ship-packages';
import { nfesOfOrder } from '../../db/tables/nfe-documents';
import { getOrderProgram } from '../../db/tables/order-programs';
import { getOrderRow } from '../../db/tables/orders';
import { AppError } from '../../errors';
import { needsNfe } from '../programs';
import { firstPdfIn } from './label-zip';

/** The Easy Ship operations the pickup needs (tests pass a fake or the simulator's client). */
export interface EasyShipApi {
  listHandoverSlots(body: ListHandoverSlotsRequest): Promise<{ timeSlots: TimeSlot[] }>;
  getScheduledPackage(params: { orderId: string; marketplaceId: string }): Promise<ScheduledPackage>;
  createScheduledPackageBulk(body: CreateScheduledPackagesRequest): Promise<ScheduleBulkResponse>;
  updateScheduledPackages(body: UpdateScheduledPackagesRequest): Promise<ScheduledPackage[]>;
  downloadEasyShipDocuments(url: string): Promise<Buffer>;
}

/** Why a pickup cannot be scheduled now (null: it can). */
export type PickupBlocker =
  | 'not_easy_ship'
  | 'order_not_ready'
  | 'order_canceled'
  | 'already_scheduled'
  | 'nfe_missing'
  | 'nfe_not_sent'
  | 'nfe_processing'
  | 'nfe_rejected'
  | 'nfe_unknown';

interface OrderRef {
  readonly id: number;
  readonly amazonOrderId: string;
  readonly marketplaceId: string;
  readonly status: string;
}

function orderRef(db: Db, orderRowId: number): OrderRef {
  const row = getOrderRow(db, orderRowId);
  if (!row) throw new AppError('ORDER_NOT_FOUND');
  return { id: row.id, amazonOrderId: row.amazonOrderId, marketplaceId: row.marketplaceId, status: row.status };
}

/**
 * Amazon schedules a Delivery by Amazon pickup only once the order's NF-e is accepted (where
 * Amazon asks for one): the seller sees the reason instead of a refused call.
 */
export function pickupBlocker(db: Db, orderRowId: number): PickupBlocker | null {
  const order = orderRef(db, orderRowId);
  const program = getOrderProgram(db, orderRowId);
  if (program?.program !== 'easy_ship') return 'not_easy_ship';
  if (order.status === 'Canceled') return 'order_canceled';
  const pickup = getPickup(db, orderRowId);
  if (pickup && pickup.state !== 'failed' && pickup.state !== 'scheduling') return 'already_scheduled';
  if (order.status !== 'Unshipped') return 'order_not_ready';
  if (!needsNfe(program.program, program.invoiceStatus, order.marketplaceId) || program.invoiceStatus === 'ACCEPTED') return null;
  const latest = nfesOfOrder(db, orderRowId).find((n) => n.state !== 'replaced');
  switch (latest?.state) {
    case undefined:
      return 'nfe_missing';
    case 'accepted':
      return null;
    case 'pending':
      return 'nfe_not_sent';
    case 'sending':
    case 'sent':
      return 'nfe_processing';
    case 'rejected':
      return 'nfe_rejected';
    case 'unknown':
      return 'nfe_unknown';
    case 'replaced':
      return 'nfe_missing';
  }
}

function requireNoBlocker(db: Db, orderRowId: number): void {
  const blocker = pickupBlocker(db, orderRowId);
  if (blocker) throw new AppError('PICKUP_BLOCKED', { reason: blocker }, { reason: blocker });
}

export async function listSlots(db: Db, api: EasyShipApi, orderRowId: number, size: PackageSize): Promise<TimeSlot[]> {
  const order = orderRef(db, orderRowId);
  requireNoBlocker(db, orderRowId);
  const answer = await api.listHandoverSlots(easyShipRequests.slots(order.amazonOrderId, order.marketplaceId, size));
  return answer.timeSlots;
}

const slotFields = (slot: TimeSlot): SlotFields => ({
  slotId: slot.slotId,
  slotStart: slot.startTime ?? null,
  slotEnd: slot.endTime ?? null,
  handoverMethod: slot.handoverMethod ?? null,
});

function keepPackage(db: Db, orderRowId: number, pkg: ScheduledPackage): void {
  savePackage(db, orderRowId, {
    ...slotFields(pkg.packageTimeSlot),
    packageId: pkg.scheduledPackageId.packageId ?? pkg.packageIdentifier ?? null,
    packageStatus: pkg.packageStatus ?? null,
    trackingId: pkg.trackingDetails?.trackingId ?? null,
  });
}

const lost = (err: unknown) => err instanceof OutcomeUnknownError || (err instanceof NetworkError && err.sent) || err instanceof ResponseFormatError;

/**
 * Schedules the pickup in the chosen slot with createScheduledPackageBulk (the Easy Ship call that
 * returns the label), keeps the label PDF, and records each step first: a lost answer is settled
 * with getScheduledPackage, never by scheduling again.
 */
export async function schedulePickup(
  db: Db,
  api: EasyShipApi,
  orderRowId: number,
  slot: TimeSlot,
  size: PackageSize,
): Promise<'scheduled' | 'scheduled-without-label'> {
  const order = orderRef(db, orderRowId);
  requireNoBlocker(db, orderRowId);
  startScheduling(db, orderRowId, slotFields(slot), size);
  let answer: ScheduleBulkResponse;
  try {
    answer = await api.createScheduledPackageBulk(easyShipRequests.scheduleWithLabel(order.amazonOrderId, order.marketplaceId, slot));
  } catch (err) {
    if (lost(err)) return settleLostSchedule(db, api, orderRowId);
    deletePickup(db, orderRowId);
    throw err;
  }
  const rejected = answer.rejectedOrders?.find((r) => r.amazonOrderId === order.amazonOrderId);
  const pkg = answer.scheduledPackages?.find((p) => p.scheduledPackageId.amazonOrderId === order.amazonOrderId);
  if (!pkg) {
    deletePickup(db, orderRowId);
    const amazon = rejected?.error ?? { code: 'Rejected', message: '' };
    throw new AppError('PICKUP_REFUSED', { code: amazon.code, message: amazon.message }, { amazon });
  }
  keepPackage(db, orderRowId, pkg);
  if (!answer.printableDocumentsUrl) return 'scheduled-without-label';
  return (await fetchLabel(db, api, orderRowId, answer.printableDocumentsUrl)) ? 'scheduled' : 'scheduled-without-label';
}

async function fetchLabel(db: Db, api: EasyShipApi, orderRowId: number, url: string): Promise<boolean> {
  try {
    const pdf = await firstPdfIn(await api.downloadEasyShipDocuments(url));
    if (pdf) saveLabel(db, orderRowId, pdf);
    return pdf !== null;
  } catch {
    // The pickup stands; the label can still be printed in Seller Central (the order says so).
    return false;
  }
}

/** The schedule call's answer was lost: Amazon's package, if it exists, is the truth. */
async function settleLostSchedule(db: Db, api: EasyShipApi, orderRowId: number): Promise<'scheduled-without-label'> {
  const order = orderRef(db, orderRowId);
  try {
    keepPackage(db, orderRowId, await api.getScheduledPackage({ orderId: order.amazonOrderId, marketplaceId: order.marketplaceId }));
    return 'scheduled-without-label';
  } catch (err) {
    if (err instanceof SpApiError && err.status === 400 && err.code === 'ResourceNotFound') {
      deletePickup(db, orderRowId);
      throw new AppError('PICKUP_NOT_MADE');
    }
    failPickup(db, orderRowId, 'scheduling', { message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

export async function reschedulePickup(db: Db, api: EasyShipApi, orderRowId: number, slot: TimeSlot): Promise<void> {
  const order = orderRef(db, orderRowId);
  const pickup = getPickup(db, orderRowId);
  if (!pickup?.packageId || pickup.state === 'scheduling') throw new AppError('PICKUP_NOT_SCHEDULED');
  markRescheduling(db, orderRowId);
  try {
    const [pkg] = await api.updateScheduledPackages(easyShipRequests.reschedule(order.amazonOrderId, pickup.packageId, order.marketplaceId, slot));
    if (pkg) keepPackage(db, orderRowId, pkg);
    else await refreshPickup(db, api, orderRowId);
  } catch (err) {
    // Reading the package back tells which slot it has now, whatever happened to the call.
    await refreshPickup(db, api, orderRowId).catch(() => undefined);
    throw err;
  }
}

/** Amazon's package as it is now (status, slot, tracking); also settles a crash mid-call. */
export async function refreshPickup(db: Db, api: EasyShipApi, orderRowId: number): Promise<void> {
  const order = orderRef(db, orderRowId);
  const pickup = getPickup(db, orderRowId);
  if (!pickup) return;
  try {
    keepPackage(db, orderRowId, await api.getScheduledPackage({ orderId: order.amazonOrderId, marketplaceId: order.marketplaceId }));
  } catch (err) {
    if (pickup.state === 'scheduling' && err instanceof SpApiError && err.status === 400 && err.code === 'ResourceNotFound') {
      deletePickup(db, orderRowId);
      return;
    }
    throw err;
  }
}
