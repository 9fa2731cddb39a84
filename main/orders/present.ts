import type { OrderFilterInput, OrderListItem, OrderView } from '../../preload/contract/orders';
import type { Db } from '../db/connection';
import { listOrderIssues } from '../db/tables/order-issues';
import { listOrderStockEffects } from '../db/tables/order-stock';
import { sellerConfirmsShipment } from '../brazil/programs';
import { getOrderProgram } from '../db/tables/order-programs';
import { getOrderRow, listOrderItems, listOrders, orderMarketplaces, type OrderFilter, type OrderSummaryRow } from '../db/tables/orders';
import { listActivity } from '../db/tables/activity-log';
import { AppError } from '../errors';
import type { Translator } from '../i18n';
import { issueParams } from './service';
import { canShip } from './status';

/** The contract's filter as the table module takes it (absent fields stay absent). */
export function toFilter(input: OrderFilterInput): OrderFilter {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '')) as OrderFilter;
}

export function toListItem(r: OrderSummaryRow): OrderListItem {
  return {
    id: r.id,
    accountId: r.accountId,
    amazonOrderId: r.amazonOrderId,
    marketplaceId: r.marketplaceId,
    status: r.status,
    createdTime: r.createdTime,
    buyerName: r.buyerName,
    shipCity: r.shipCity,
    shipState: r.shipState,
    currency: r.currency,
    totalCents: r.totalCents,
    units: r.unitCount,
    issueCount: r.issueCount,
    priceDivergence: r.priceDivergence === 1,
    trackingNumber: r.trackingNumber,
  };
}

/** One page of the orders list with the marketplaces orders exist in (for the filter). */
export function orderListPage(db: Db, input: OrderFilterInput & { readonly offset: number; readonly limit: number }) {
  const { offset, limit, ...filter } = input;
  const page = listOrders(db, toFilter(filter), { offset, limit });
  return { total: page.total, items: page.rows.map(toListItem), marketplaces: orderMarketplaces(db) };
}

/** Problems are stored under their issue key; the list prefixes them with the order they concern. */
function activityMessage(translator: Translator, key: string, params: Readonly<Record<string, unknown>>): string {
  const { t } = translator;
  return key.startsWith('orders.issues.') ? t('orders.activity.issue', { orderId: params.orderId, message: t(key, params) }) : t(key, params);
}

/** The orders' latest activity in the seller's language. */
export function orderActivity(db: Db, translator: Translator, limit: number) {
  return listActivity(db, { domain: 'orders', limit }).map((a) => ({
    id: a.id,
    at: a.at,
    severity: a.severity,
    message: activityMessage(translator, a.messageKey, a.params),
    route: a.route,
  }));
}

function parseObject(json: string | null, key: string): Record<string, unknown> | null {
  if (!json) return null;
  const value = (JSON.parse(json) as Record<string, unknown>)[key];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** One order with items, localized issues and its stock ledger, for the detail panel. */
export function orderView(db: Db, translator: Translator, id: number): OrderView {
  const row = getOrderRow(db, id);
  if (!row) throw new AppError('ORDER_NOT_FOUND');
  return {
    ...toListItem(row),
    lastUpdatedTime: row.lastUpdatedTime,
    fulfilledBy: row.fulfilledBy,
    buyerEmail: row.buyerEmail,
    address: parseObject(row.recipient, 'deliveryAddress'),
    carrier: row.carrier,
    shipDate: row.shipDate,
    canShip: canShip(row.status) && row.fulfilledBy !== 'AMAZON' && sellerConfirmsShipment(getOrderProgram(db, id)?.program ?? 'self_ship'),
    items: listOrderItems(db, id).map((i) => ({
      orderItemId: i.orderItemId,
      sku: i.sellerSku,
      asin: i.asin,
      title: i.title,
      quantity: i.quantity,
      unitPriceCents: i.unitPriceCents,
      expectedPriceCents: i.expectedPriceCents,
      currency: i.currency,
    })),
    issues: listOrderIssues(db, id).map((x) => ({
      orderItemId: x.orderItemId,
      code: x.code,
      message: translator.t(`orders.issues.${x.code}`, issueParams(x, translator.intlLocale)),
    })),
    stockEffects: listOrderStockEffects(db, id).map(({ orderItemId, kind, sku, delta }) => ({ orderItemId, kind, sku, delta })),
  };
}
