import { MARKETPLACES } from '../regions';
import { badRequest, errorList } from './api-errors';
import { decodePageToken, encodePageToken, fingerprint } from './pagination';
import type { OrderRecord, OrderStatus } from './state-types';
import { orderInvoiceStatus } from './invoices';
import { csv, isoTime, json, type OperationContext, type OperationHandlers, type SimResponse } from './types';

const MODEL = 'orders_2026-01-01';
const V0 = 'ordersV0';
/** Amazon only answers for data at least 2 minutes old (the *Before rules). */
const SETTLE_MS = 2 * 60_000;

const STATUS_2026: Readonly<Record<OrderStatus, string>> = {
  Pending: 'PENDING',
  Unshipped: 'UNSHIPPED',
  Shipped: 'SHIPPED',
  Canceled: 'CANCELLED',
};

function money(amount: number, currencyCode: string): { amount: string; currencyCode: string } {
  return { amount: amount.toFixed(2), currencyCode };
}

/** An order in the Orders 2026-01-01 shape, with the requested `includedData` sets (`invoiceStatus`: Brazil's, for TAX). */
export function orderView(order: OrderRecord, included: readonly string[], invoiceStatus?: string): Record<string, unknown> {
  const marketplace = MARKETPLACES.find((m) => m.id === order.marketplaceId);
  const pending = order.status === 'Pending';
  const shipped = order.status === 'Shipped';
  const view: Record<string, unknown> = {
    orderId: order.orderId,
    createdTime: isoTime(order.createdAt),
    lastUpdatedTime: isoTime(order.lastUpdatedAt),
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: order.marketplaceId,
      ...(marketplace ? { marketplaceName: `Amazon.${marketplace.countryCode.toLowerCase()}` } : {}),
    },
    orderItems: order.lines.map((l) => {
      const item: Record<string, unknown> = {
        orderItemId: l.orderItemId,
        quantityOrdered: l.quantity,
        // While Pending, Amazon withholds prices (REFERENCE.md §7).
        product: { asin: l.asin, title: l.title, sellerSku: l.sku, ...(pending ? {} : { price: { unitPrice: money(l.unitPrice, order.currency) } }) },
      };
      if (included.includes('PROCEEDS') && !pending) item.proceeds = { proceedsTotal: money(l.unitPrice * l.quantity, order.currency) };
      if (included.includes('FULFILLMENT')) item.fulfillment = { quantityFulfilled: shipped ? l.quantity : 0, quantityUnfulfilled: shipped ? 0 : l.quantity };
      return item;
    }),
  };
  // Delivery by Amazon is how Easy Ship is called in Brazil.
  if (order.program === 'easy_ship') view.programs = ['DELIVERY_BY_AMAZON'];
  if (included.includes('TAX') && invoiceStatus) view.tax = { taxInvoicing: { invoiceStatus } };
  if (included.includes('BUYER')) view.buyer = { buyerName: order.buyerName, buyerEmail: order.buyerEmail };
  if (included.includes('RECIPIENT')) view.recipient = { deliveryAddress: { ...order.recipient, addressType: 'RESIDENTIAL' } };
  if (included.includes('PROCEEDS') && !pending) {
    const total = order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    view.proceeds = { grandTotal: money(total, order.currency) };
  }
  if (included.includes('FULFILLMENT')) {
    view.fulfillment = {
      fulfillmentStatus: STATUS_2026[order.status],
      fulfilledBy: order.program === 'fba' ? 'AMAZON' : 'MERCHANT',
      shipByWindow: { latestDateTime: isoTime(order.createdAt + 2 * 24 * 3600_000) },
    };
  }
  if (included.includes('PACKAGES') && order.shipment) {
    view.packages = [
      {
        packageReferenceId: order.shipment.packageReferenceId,
        carrier: order.shipment.carrierName ?? order.shipment.carrierCode,
        shipTime: order.shipment.shipDate,
        trackingNumber: order.shipment.trackingNumber,
        packageStatus: { status: 'SHIPPED' },
        packageItems: order.lines.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
      },
    ];
  }
  return view;
}

interface TimeFilter {
  readonly field: 'createdAt' | 'lastUpdatedAt';
  readonly after: number;
  readonly before: number;
  readonly echo: 'createdBefore' | 'lastUpdatedBefore';
}

/** The createdAfter / lastUpdatedAfter rules of searchOrders; a string is the 400 reason. */
function timeFilter(q: Readonly<Record<string, string>>, now: number): TimeFilter | string {
  const created = q.createdAfter !== undefined || q.createdBefore !== undefined;
  const updated = q.lastUpdatedAfter !== undefined || q.lastUpdatedBefore !== undefined;
  if (created && updated) return 'createdAfter/createdBefore cannot be combined with lastUpdatedAfter/lastUpdatedBefore.';
  const afterRaw = created ? q.createdAfter : q.lastUpdatedAfter;
  const beforeRaw = created ? q.createdBefore : q.lastUpdatedBefore;
  if (afterRaw === undefined) return 'Exactly one of createdAfter or lastUpdatedAfter must be specified.';
  const latest = now - SETTLE_MS;
  const after = Date.parse(afterRaw);
  const before = beforeRaw === undefined ? latest : Date.parse(beforeRaw);
  if (after > latest) return `${created ? 'createdAfter' : 'lastUpdatedAfter'} must be at least 2 minutes before the request time.`;
  if (before > latest) return `${created ? 'createdBefore' : 'lastUpdatedBefore'} must be at least 2 minutes before the request time.`;
  if (before < after) return 'The Before time must not be earlier than the After time.';
  return created ? { field: 'createdAt', after, before, echo: 'createdBefore' } : { field: 'lastUpdatedAt', after, before, echo: 'lastUpdatedBefore' };
}

/** Pagination tokens expire after 24 hours. */
const TOKEN_TTL_MS = 24 * 3600_000;

function searchOrders(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  const now = ctx.clock.now();
  const filter = timeFilter(q, now);
  if (typeof filter === 'string') return badRequest(MODEL, 'Invalid Input', filter);
  const max = Number(q.maxResultsPerPage ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 100) return badRequest(MODEL, 'Invalid Input', 'maxResultsPerPage must be between 1 and 100.');
  const print = fingerprint(q, ['paginationToken', 'maxResultsPerPage', 'includedData']);
  let offset = 0;
  if (q.paginationToken) {
    const [issuedAt, token] = q.paginationToken.split('.');
    const decoded = token ? decodePageToken(token, print) : undefined;
    if (decoded === undefined || Number(issuedAt) + TOKEN_TTL_MS < now)
      return badRequest(MODEL, 'Invalid Input', 'The paginationToken is invalid, expired, or does not match the other parameters.');
    offset = decoded;
  }
  const markets = csv(q.marketplaceIds);
  const statuses = csv(q.fulfillmentStatuses);
  const all = Object.values(ctx.store.data.orders)
    .filter((o) => o.sellerId === ctx.sellerId)
    // Both bounds are inclusive ("at or after" / "at or before" in the model).
    .filter((o) => o[filter.field] >= filter.after && o[filter.field] <= filter.before)
    .filter((o) => markets.length === 0 || markets.includes(o.marketplaceId))
    .filter((o) => statuses.length === 0 || statuses.includes(STATUS_2026[o.status]))
    .filter((o) => q.fulfilledBy === undefined || csv(q.fulfilledBy).includes(o.program === 'fba' ? 'AMAZON' : 'MERCHANT'))
    .sort((a, b) => a[filter.field] - b[filter.field] || (a.orderId < b.orderId ? -1 : 1));
  const included = csv(q.includedData);
  const body: Record<string, unknown> = {
    orders: all.slice(offset, offset + max).map((o) => orderView(o, included, orderInvoiceStatus(ctx.store, o, now))),
    [filter.echo]: isoTime(filter.before),
  };
  if (offset + max < all.length) body.pagination = { nextToken: `${now}.${encodePageToken(offset + max, print)}` };
  return json(200, body);
}

function getOrder(ctx: OperationContext): SimResponse {
  const order = ctx.store.data.orders[ctx.pathParams.orderId ?? ''];
  if (!order || order.sellerId !== ctx.sellerId) return errorList(404, [{ code: 'NotFound', message: `Order ${ctx.pathParams.orderId ?? ''} not found.` }]);
  return json(200, { order: orderView(order, csv(ctx.req.query.includedData), orderInvoiceStatus(ctx.store, order, ctx.clock.now())) });
}

interface ConfirmShipmentBody {
  readonly marketplaceId: string;
  readonly packageDetail: {
    readonly packageReferenceId: string;
    readonly carrierCode: string;
    readonly carrierName?: string;
    readonly trackingNumber: string;
    readonly shipDate: string;
    readonly orderItems: readonly { readonly orderItemId?: string; readonly quantity?: number }[];
  };
}

function confirmShipment(ctx: OperationContext): SimResponse {
  const order = ctx.store.data.orders[ctx.pathParams.orderId ?? ''];
  if (!order || order.sellerId !== ctx.sellerId) return errorList(404, [{ code: 'NotFound', message: `Order ${ctx.pathParams.orderId ?? ''} not found.` }]);
  const body = ctx.req.body as ConfirmShipmentBody;
  const pkg = body.packageDetail;
  if (body.marketplaceId !== order.marketplaceId) return badRequest(V0, 'Invalid Input', `The order does not belong to marketplace ${body.marketplaceId}.`);
  if (!/^[1-9]\d*$/.test(pkg.packageReferenceId)) return badRequest(V0, 'Invalid Input', 'packageReferenceId must be a positive numeric string.');
  if (pkg.carrierCode === 'Other' && !pkg.carrierName) return badRequest(V0, 'Invalid Input', 'carrierName is required when carrierCode is Other.');
  if (order.status === 'Pending') return badRequest(V0, 'Invalid Input', 'The order is Pending and cannot be shipped yet.');
  if (order.status === 'Canceled') return badRequest(V0, 'Invalid Input', 'The order is Canceled and cannot be shipped.');
  const unknownItem = pkg.orderItems.find((i) => !order.lines.some((l) => l.orderItemId === i.orderItemId));
  if (unknownItem) return badRequest(V0, 'Invalid Input', `Order item ${unknownItem.orderItemId ?? ''} is not part of order ${order.orderId}.`);
  if (order.shipment?.packageReferenceId === pkg.packageReferenceId) return badRequest(V0, 'Invalid Input', 'This package was already confirmed.');
  order.shipment = {
    carrierCode: pkg.carrierCode,
    ...(pkg.carrierName ? { carrierName: pkg.carrierName } : {}),
    trackingNumber: pkg.trackingNumber,
    shipDate: pkg.shipDate,
    packageReferenceId: pkg.packageReferenceId,
  };
  order.status = 'Shipped';
  order.lastUpdatedAt = ctx.clock.now();
  ctx.store.markDirty();
  return { status: 204 };
}

export const ordersHandlers: OperationHandlers = { searchOrders, getOrder, confirmShipment };
