import type { ConfirmShipmentRequest, Order, OrdersIncludedData } from '../amazon/api/orders';
import { NetworkError, OutcomeUnknownError, SpApiError } from '../amazon/errors';
import { explainAmazonError } from '../amazon/explain';
import type { Db } from '../db/connection';
import { createShipment, listOpenShipments, openShipment, setShipmentState, type ShipmentRow } from '../db/tables/order-shipments';
import { getOrderRow, listOrderItems, setOrderStatus } from '../db/tables/orders';
import { getOrderProgram } from '../db/tables/order-programs';
import { sellerConfirmsShipment } from '../brazil/programs';
import { AppError } from '../errors';
import { commitOrders } from './commit';
import type { OrderSettings } from './settings';
import { canShip } from './status';

export interface ShipmentApi {
  confirmShipment(params: { orderId: string; body: ConfirmShipmentRequest }): Promise<void>;
  getOrder(params: { orderId: string; includedData?: readonly OrdersIncludedData[] }): Promise<Order>;
}

export interface ShipmentInput {
  readonly orderRowId: number;
  readonly carrierCode: string;
  /** Required by Amazon when carrierCode is "Other". */
  readonly carrierName?: string;
  readonly shippingMethod?: string;
  readonly trackingNumber: string;
  /** ISO 8601 date-time. */
  readonly shipDate: string;
}

export interface ShipmentOutcome {
  readonly shipment: ShipmentRow;
  /** True when the confirmation was found already applied (after an unknown outcome). */
  readonly reconciled: boolean;
}

const READ_BACK: readonly OrdersIncludedData[] = ['FULFILLMENT', 'PACKAGES', 'BUYER', 'RECIPIENT'];
/** A ship date this far past the computer's clock is still "now" (clocks drift; the form fills in the minute). */
export const SHIP_DATE_SKEW_MS = 10 * 60_000;

function validate(input: ShipmentInput): void {
  const problem = !input.carrierCode.trim()
    ? 'carrierCode'
    : input.carrierCode === 'Other' && !input.carrierName?.trim()
      ? 'carrierName'
      : !input.trackingNumber.trim()
        ? 'trackingNumber'
        : Number.isNaN(Date.parse(input.shipDate))
          ? 'shipDate'
          : undefined;
  if (problem) throw new AppError('ORDER_SHIPMENT_INVALID', { problem }, { field: problem });
}

/**
 * The day the package went to the carrier: not in the future (Amazon would show the buyer a
 * shipment that has not happened) and not before the order was placed.
 */
function validateShipDate(shipDate: string, orderCreated: string, now: number): void {
  const at = Date.parse(shipDate);
  if (at > now + SHIP_DATE_SKEW_MS) throw new AppError('ORDER_SHIP_DATE_FUTURE', { date: new Date(at) }, { field: 'shipDate' });
  const placed = Date.parse(orderCreated);
  if (!Number.isNaN(placed) && at < placed)
    throw new AppError('ORDER_SHIP_DATE_BEFORE_ORDER', { date: new Date(at), orderDate: new Date(placed) }, { field: 'shipDate' });
}

/** Did Amazon record this package (or ship the order)? Reads the order back and stores what it says. */
async function shippedOnAmazon(
  db: Db,
  api: ShipmentApi,
  accountId: string,
  amazonOrderId: string,
  shipment: ShipmentRow,
  settings: OrderSettings,
): Promise<boolean | undefined> {
  let order: Order;
  try {
    order = await api.getOrder({ orderId: amazonOrderId, includedData: READ_BACK });
  } catch {
    return undefined;
  }
  commitOrders(db, accountId, [order], settings);
  const packages = Array.isArray(order.packages) ? (order.packages as { packageReferenceId?: string; trackingNumber?: string }[]) : [];
  const recorded = packages.some((p) => p.packageReferenceId === shipment.packageReferenceId || p.trackingNumber === shipment.trackingNumber);
  return recorded || order.fulfillment?.fulfillmentStatus === 'SHIPPED';
}

const unknownOutcome = (err: unknown) =>
  err instanceof OutcomeUnknownError || (err instanceof NetworkError && err.sent) || (err instanceof SpApiError && err.status >= 500);

/**
 * Confirms a shipment with confirmShipment (v0), a write that is not idempotent. The attempt is
 * recorded before it is sent; when its outcome is unknown (timeout, reset, 5xx) the order is read
 * back with getOrder instead of repeating the call, and an attempt left open by a crash or an
 * earlier unknown outcome is reconciled the same way before anything is sent again. A repeat
 * reuses the same package reference, so Amazon can tell it is the same package.
 */
export async function confirmOrderShipment(
  db: Db,
  api: ShipmentApi,
  input: ShipmentInput,
  settings: OrderSettings,
  now: number = Date.now(),
): Promise<ShipmentOutcome> {
  validate(input);
  const order = getOrderRow(db, input.orderRowId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  validateShipDate(input.shipDate, order.createdTime, now);
  let shipment = openShipment(db, order.id);
  if (shipment) {
    const shipped = await shippedOnAmazon(db, api, order.accountId, order.amazonOrderId, shipment, settings);
    if (shipped) {
      setShipmentState(db, shipment.id, 'confirmed');
      return { shipment: { ...shipment, state: 'confirmed' }, reconciled: true };
    }
    if (shipped === undefined) throw new AppError('ORDER_SHIPMENT_UNCONFIRMED', { orderId: order.amazonOrderId });
  }
  const current = getOrderRow(db, order.id) ?? order;
  if (current.status === 'Shipped') throw new AppError('ORDER_ALREADY_SHIPPED', { orderId: order.amazonOrderId });
  if (!canShip(current.status)) throw new AppError('ORDER_NOT_SHIPPABLE', { orderId: order.amazonOrderId, status: current.status });
  const program = getOrderProgram(db, order.id)?.program ?? (order.fulfilledBy === 'AMAZON' ? 'fba' : 'self_ship');
  if (!sellerConfirmsShipment(program))
    throw new AppError(program === 'fba' ? 'ORDER_FULFILLED_BY_AMAZON' : 'ORDER_PICKED_UP_BY_AMAZON', { orderId: order.amazonOrderId });

  if (shipment) setShipmentState(db, shipment.id, 'sending', null, true);
  else
    shipment = createShipment(db, {
      orderRowId: order.id,
      carrierCode: input.carrierCode,
      carrierName: input.carrierName ?? null,
      shippingMethod: input.shippingMethod ?? null,
      trackingNumber: input.trackingNumber,
      shipDate: new Date(input.shipDate).toISOString(),
    });
  const body: ConfirmShipmentRequest = {
    marketplaceId: order.marketplaceId,
    packageDetail: {
      packageReferenceId: shipment.packageReferenceId,
      carrierCode: shipment.carrierCode,
      ...(shipment.carrierName ? { carrierName: shipment.carrierName } : {}),
      ...(shipment.shippingMethod ? { shippingMethod: shipment.shippingMethod } : {}),
      trackingNumber: shipment.trackingNumber,
      shipDate: shipment.shipDate,
      orderItems: listOrderItems(db, order.id).map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    },
  };
  try {
    await api.confirmShipment({ orderId: order.amazonOrderId, body });
  } catch (err) {
    if (!unknownOutcome(err)) {
      const explained = explainAmazonError(err);
      setShipmentState(db, shipment.id, 'failed', { code: explained?.code ?? 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
      throw explained ?? err;
    }
    setShipmentState(db, shipment.id, 'unknown', { message: err instanceof Error ? err.message : String(err) });
    const shipped = await shippedOnAmazon(db, api, order.accountId, order.amazonOrderId, shipment, settings);
    if (!shipped) throw new AppError('ORDER_SHIPMENT_UNCONFIRMED', { orderId: order.amazonOrderId });
    setShipmentState(db, shipment.id, 'confirmed');
    return { shipment: { ...shipment, state: 'confirmed' }, reconciled: true };
  }
  setShipmentState(db, shipment.id, 'confirmed');
  // Amazon's own record follows on the next import; until then the screen shows it shipped.
  setOrderStatus(db, order.id, 'Shipped');
  return { shipment: { ...shipment, state: 'confirmed' }, reconciled: false };
}

/**
 * After an import: an attempt left open (unknown outcome, or the app quit mid-call) whose order
 * Amazon now reports shipped is settled as confirmed, without calling Amazon again. Others stay
 * open; the seller's next attempt reconciles them with getOrder before sending anything.
 */
export function settleOpenShipments(db: Db): number {
  let settled = 0;
  for (const open of listOpenShipments(db)) {
    if (open.orderStatus !== 'Shipped') continue;
    setShipmentState(db, open.id, 'confirmed');
    settled += 1;
  }
  return settled;
}
