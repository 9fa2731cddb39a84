import type { FulfillmentStatus } from '../amazon/api/orders';
import { assertNever } from '../errors';
import { ORDER_STATUSES, type OrderStatus } from '../../preload/contract/orders';

/**
 * The statuses the seller sees (Seller Central's names, localized in the UI; the list lives in the
 * IPC contract so the renderer shares it). Orders 2026-01-01 reports `fulfillment.fulfillmentStatus`
 * instead; InvoiceUnconfirmed has no 2026 equivalent (a Brazilian invoicing state of v0) but stays
 * a valid stored value.
 */
export { ORDER_STATUSES, type OrderStatus };

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

const FROM_FULFILLMENT: Readonly<Record<FulfillmentStatus, OrderStatus>> = {
  PENDING_AVAILABILITY: 'PendingAvailability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Canceled',
  UNFULFILLABLE: 'Unfulfillable',
};

/** The display status of a 2026-01-01 fulfillment status; undefined for a value Amazon adds later. */
export function statusFromFulfillment(status: string): OrderStatus | undefined {
  return Object.hasOwn(FROM_FULFILLMENT, status) ? FROM_FULFILLMENT[status as FulfillmentStatus] : undefined;
}

/** What an order's status asks of the stock it sold: hold it, take it, or give it back. */
export type StockIntent = 'reserve' | 'decrement' | 'release';

export function stockIntent(status: OrderStatus): StockIntent {
  switch (status) {
    // Not paid yet: Brazilian platforms hold the units so they are not sold twice.
    case 'PendingAvailability':
    case 'Pending':
      return 'reserve';
    case 'Unshipped':
    case 'PartiallyShipped':
    case 'Shipped':
    case 'InvoiceUnconfirmed':
      return 'decrement';
    // Unfulfillable orders will not ship from the seller's stock either.
    case 'Canceled':
    case 'Unfulfillable':
      return 'release';
    default:
      return assertNever(status, 'order status');
  }
}

/** Only these can be confirmed as shipped (Amazon refuses Pending and Canceled orders). */
export function canShip(status: OrderStatus): boolean {
  return status === 'Unshipped' || status === 'PartiallyShipped';
}
