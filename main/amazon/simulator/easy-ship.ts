import { errorList } from './api-errors';
import { labelPdf, zipStored } from './documents-pdf';
import { presignedDownloadRoute, PRESIGNED_TTL_MS } from './feeds';
import { uuid } from './ids';
import { invoiceAccepted } from './invoices';
import { nfeNumberOf } from './nfe-numbers';
import type { SimStore } from './state';
import type { OrderRecord, ScheduledPackageRecord, SimTimeSlot } from './state-types';
import { isoTime, json, type OperationContext, type OperationHandlers, type RawRoute, type SimResponse } from './types';
import { requiringRole } from './roles';

/**
 * Easy Ship 2022-03-23 on the simulator, as Delivery by Amazon works in Brazil: slots on the next
 * three working days (a morning and an afternoon pickup), a pickup only once the order's NF-e is
 * accepted, the label as a real PDF inside the zip of printableDocumentsUrl, rescheduling while
 * the package waits, and the pickup itself when the slot ends (the order becomes Shipped).
 */
const HOUR = 3600_000;
/** Pickup windows in Brasília time (UTC−3), as UTC hours. */
const WINDOWS: readonly (readonly [number, number])[] = [
  [12, 15],
  [16, 20],
];
const MAX_WEIGHT_G = 30_000;
const MAX_SIDE_CM = 100;

type Code =
  | 'InvalidInput'
  | 'InvalidTimeSlotId'
  | 'ScheduledPackageAlreadyExists'
  | 'ScheduleWindowExpired'
  | 'TimeSlotNotAvailable'
  | 'ResourceNotFound'
  | 'InvalidOrderState'
  | 'OrderNotEligibleForRescheduling';

const fail = (code: Code, message: string): SimResponse => errorList(400, [{ code, message }]);
const failure = (code: Code, message: string) => ({ code, message });

const slotId = (orderId: string, start: number) => Buffer.from(`${orderId}|${start}`).toString('base64url');

/** The slots an order can be handed over in, from now on. */
export function slotsFor(orderId: string, now: number): SimTimeSlot[] {
  const slots: SimTimeSlot[] = [];
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  for (let d = 0; slots.length < 6 && d < 10; d += 1) {
    const midnight = day.getTime() + d * 24 * HOUR;
    // No pickups on Sundays (UTC−3 date).
    if (new Date(midnight + 12 * HOUR).getUTCDay() === 0) continue;
    for (const [from, to] of WINDOWS) {
      const start = midnight + from * HOUR;
      if (start <= now + HOUR) continue;
      slots.push({ slotId: slotId(orderId, start), startTime: isoTime(start), endTime: isoTime(midnight + to * HOUR), handoverMethod: 'PICKUP' });
    }
  }
  return slots;
}

function decodeSlot(id: string): { orderId: string; start: number } | undefined {
  const [orderId, start] = Buffer.from(id, 'base64url').toString('utf8').split('|');
  return orderId && start && Number.isFinite(Number(start)) ? { orderId, start: Number(start) } : undefined;
}

function packages(store: SimStore): Record<string, ScheduledPackageRecord> {
  return (store.data.scheduledPackages ??= {});
}

export function packageView(p: ScheduledPackageRecord): Record<string, unknown> {
  return {
    scheduledPackageId: { amazonOrderId: p.orderId, packageId: p.packageId },
    packageDimensions: { ...p.dimensions, unit: 'cm' },
    packageWeight: { value: p.weightG, unit: 'g' },
    packageTimeSlot: { ...p.slot },
    packageIdentifier: p.packageId,
    ...(p.invoiceNumber ? { invoice: { invoiceNumber: p.invoiceNumber } } : {}),
    packageStatus: p.status,
    trackingDetails: { trackingId: p.trackingId },
  };
}

/** Why this order cannot be handed over (undefined: it can). */
function orderProblem(ctx: OperationContext, orderId: string, marketplaceId: string): ReturnType<typeof failure> | OrderRecord {
  const order = ctx.store.data.orders[orderId];
  if (!order || order.sellerId !== ctx.sellerId || order.marketplaceId !== marketplaceId) {
    return failure('ResourceNotFound', 'The specified resource (for example, `AmazonOrderId` or `MarketplaceId`) does not exist.');
  }
  if (order.program !== 'easy_ship') return failure('InvalidInput', `Order ${orderId} is not an Easy Ship order.`);
  if (order.status !== 'Unshipped') return failure('InvalidOrderState', `Order ${orderId} is ${order.status} and cannot be scheduled.`);
  return order;
}

function schedule(
  ctx: OperationContext,
  orderId: string,
  marketplaceId: string,
  wanted: { slotId: string },
): ReturnType<typeof failure> | ScheduledPackageRecord {
  const order = orderProblem(ctx, orderId, marketplaceId);
  if ('code' in order) return order;
  const now = ctx.clock.now();
  if (packages(ctx.store)[orderId]) return failure('ScheduledPackageAlreadyExists', `A package is already scheduled for order ${orderId}.`);
  if (!invoiceAccepted(ctx.store, order, now))
    return failure('InvalidOrderState', `Order ${orderId} requires an accepted invoice (NF-e) before it can be scheduled.`);
  const decoded = decodeSlot(wanted.slotId);
  if (!decoded || decoded.orderId !== orderId) return failure('InvalidTimeSlotId', `The slot ${wanted.slotId} is not a slot of order ${orderId}.`);
  const slot = slotsFor(orderId, now).find((s) => s.slotId === wanted.slotId);
  if (!slot) return failure('ScheduleWindowExpired', 'The selected time slot has expired.');
  const quote = ctx.store.data.easyShipQuotes?.[orderId] ?? { dimensions: { length: 20, width: 15, height: 10 }, weightG: 500 };
  const record: ScheduledPackageRecord = {
    orderId,
    sellerId: ctx.sellerId,
    marketplaceId,
    packageId: uuid(),
    slot,
    dimensions: quote.dimensions,
    weightG: quote.weightG,
    status: 'ReadyForPickup',
    trackingId: `BR${String(ctx.store.nextSequence()).padStart(9, '0')}AM`,
    ...(nfeNumberOf(ctx.store, orderId) ? { invoiceNumber: nfeNumberOf(ctx.store, orderId) } : {}),
  };
  packages(ctx.store)[orderId] = record;
  order.lastUpdatedAt = now;
  ctx.store.markDirty();
  return record;
}

function listHandoverSlots(ctx: OperationContext): SimResponse {
  const body = ctx.req.body as {
    marketplaceId: string;
    amazonOrderId: string;
    packageDimensions: { length?: number; width?: number; height?: number };
    packageWeight: { value?: number };
  };
  const order = orderProblem(ctx, body.amazonOrderId, body.marketplaceId);
  if ('code' in order) return fail(order.code, order.message);
  const dims = { length: body.packageDimensions.length ?? 0, width: body.packageDimensions.width ?? 0, height: body.packageDimensions.height ?? 0 };
  const weightG = body.packageWeight.value ?? 0;
  if (Object.values(dims).some((v) => v <= 0)) return fail('InvalidInput', 'Request has missing or invalid parameters and cannot be parsed.');
  if (weightG > MAX_WEIGHT_G) return fail('InvalidInput', `Package weight ${weightG} g is above the 30 kg Easy Ship limit.`);
  if (Object.values(dims).some((v) => v > MAX_SIDE_CM)) return fail('InvalidInput', 'A package side is above the 100 cm Easy Ship limit.');
  (ctx.store.data.easyShipQuotes ??= {})[order.orderId] = { dimensions: dims, weightG };
  ctx.store.markDirty();
  return json(200, { amazonOrderId: order.orderId, timeSlots: slotsFor(order.orderId, ctx.clock.now()) });
}

function getScheduledPackage(ctx: OperationContext): SimResponse {
  const p = packages(ctx.store)[ctx.req.query.amazonOrderId ?? ''];
  if (!p || p.sellerId !== ctx.sellerId || p.marketplaceId !== ctx.req.query.marketplaceId) {
    return fail('ResourceNotFound', 'The specified resource (for example, `AmazonOrderId` or `MarketplaceId`) does not exist.');
  }
  return json(200, packageView(p));
}

function createScheduledPackage(ctx: OperationContext): SimResponse {
  const body = ctx.req.body as { amazonOrderId: string; marketplaceId: string; packageDetails: { packageTimeSlot: { slotId: string } } };
  const result = schedule(ctx, body.amazonOrderId, body.marketplaceId, body.packageDetails.packageTimeSlot);
  return 'code' in result ? fail(result.code, result.message) : json(200, packageView(result));
}

function labelLines(p: ScheduledPackageRecord, order: OrderRecord | undefined): string[] {
  return [
    'Amazon - Envio DBA',
    `Pedido ${p.orderId}`,
    `Rastreio ${p.trackingId}`,
    `Coleta ${p.slot.startTime.slice(0, 16).replace('T', ' ')} UTC`,
    `Destinatario ${order?.recipient.name ?? ''}`,
    `${order?.recipient.city ?? ''} - ${order?.recipient.stateOrRegion ?? ''} ${order?.recipient.postalCode ?? ''}`,
    `${p.weightG} g - ${p.dimensions.length}x${p.dimensions.width}x${p.dimensions.height} cm`,
  ];
}

function createScheduledPackageBulk(ctx: OperationContext): SimResponse {
  const body = ctx.req.body as {
    marketplaceId: string;
    orderScheduleDetailsList: { amazonOrderId: string; packageDetails?: { packageTimeSlot: { slotId: string } } }[];
    labelFormat: string;
  };
  const scheduled: ScheduledPackageRecord[] = [];
  const rejected: { amazonOrderId: string; error: { code: string; message: string; details: string } }[] = [];
  for (const entry of body.orderScheduleDetailsList) {
    // Without a preferred slot Amazon takes the earliest one.
    const wanted = entry.packageDetails?.packageTimeSlot ?? slotsFor(entry.amazonOrderId, ctx.clock.now())[0] ?? { slotId: '' };
    const result = schedule(ctx, entry.amazonOrderId, body.marketplaceId, wanted);
    if ('code' in result) rejected.push({ amazonOrderId: entry.amazonOrderId, error: { ...result, details: result.message } });
    else scheduled.push(result);
  }
  const response: Record<string, unknown> = { scheduledPackages: scheduled.map(packageView) };
  if (rejected.length > 0) response.rejectedOrders = rejected;
  if (scheduled.length > 0) {
    const id = `amzn1.easyship.${uuid()}`;
    const now = ctx.clock.now();
    const files = scheduled.map((p) => ({
      name: `${p.orderId}.${body.labelFormat === 'ZPL' ? 'zpl' : 'pdf'}`,
      data:
        body.labelFormat === 'ZPL'
          ? Buffer.from(`^XA^FO50,50^FD${p.orderId} ${p.trackingId}^FS^XZ`)
          : labelPdf(labelLines(p, ctx.store.data.orders[p.orderId])),
    }));
    ctx.store.data.documents[id] = {
      id,
      kind: 'easyship-documents',
      sellerId: ctx.sellerId,
      contentType: 'application/zip',
      createdAt: now,
      content: zipStored(files),
    };
    response.printableDocumentsUrl = `${ctx.baseUrl}/easyship-documents/${encodeURIComponent(id)}?expires=${now + PRESIGNED_TTL_MS}`;
    ctx.store.markDirty();
  }
  return json(200, response);
}

function updateScheduledPackages(ctx: OperationContext): SimResponse {
  const body = ctx.req.body as {
    marketplaceId: string;
    updatePackageDetailsList: { scheduledPackageId: { amazonOrderId: string; packageId?: string }; packageTimeSlot: { slotId: string } }[];
  };
  const now = ctx.clock.now();
  const updated: ScheduledPackageRecord[] = [];
  for (const entry of body.updatePackageDetailsList) {
    const p = packages(ctx.store)[entry.scheduledPackageId.amazonOrderId];
    if (
      !p ||
      p.sellerId !== ctx.sellerId ||
      p.marketplaceId !== body.marketplaceId ||
      (entry.scheduledPackageId.packageId && entry.scheduledPackageId.packageId !== p.packageId)
    ) {
      return fail('ResourceNotFound', 'The specified resource (for example, `AmazonOrderId` or `MarketplaceId`) does not exist.');
    }
    if (p.status !== 'ReadyForPickup')
      return fail('OrderNotEligibleForRescheduling', `The package of order ${p.orderId} is ${p.status} and cannot be rescheduled.`);
    const slot = slotsFor(p.orderId, now).find((s) => s.slotId === entry.packageTimeSlot.slotId);
    if (!slot)
      return fail(
        decodeSlot(entry.packageTimeSlot.slotId)?.orderId === p.orderId ? 'ScheduleWindowExpired' : 'InvalidTimeSlotId',
        'The selected time slot has expired.',
      );
    p.slot = slot;
    updated.push(p);
  }
  ctx.store.markDirty();
  return json(200, { packages: updated.map(packageView) });
}

/** Amazon's carrier picks the package up when its slot ends: the order is Shipped, with tracking. */
export function settlePackages(store: SimStore, now: number): void {
  for (const p of Object.values(store.data.scheduledPackages ?? {})) {
    if (p.status !== 'ReadyForPickup' || Date.parse(p.slot.endTime) > now) continue;
    p.status = 'PickedUp';
    const order = store.data.orders[p.orderId];
    if (order && order.status === 'Unshipped') {
      const at = Date.parse(p.slot.endTime);
      order.status = 'Shipped';
      order.shipment = { carrierCode: 'Amazon Logistics', trackingNumber: p.trackingId, shipDate: isoTime(at), packageReferenceId: '1' };
      order.lastUpdatedAt = at;
    }
    store.markDirty();
  }
}

export const easyShipHandlers: OperationHandlers = requiringRole('easyShip', {
  listHandoverSlots,
  getScheduledPackage,
  createScheduledPackage,
  createScheduledPackageBulk,
  updateScheduledPackages,
});

export const easyShipRoutes: readonly RawRoute[] = [presignedDownloadRoute('easyship-documents', 'easyship-documents')];
