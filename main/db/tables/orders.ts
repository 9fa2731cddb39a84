import { timed, type Db } from '../connection';
import type { OrderStatus } from '../../../preload/contract/orders';
import { programCondition, type FulfillmentProgram } from './order-programs';

/** One order as the importer hands it over; JSON fields are stored verbatim as the API sent them. */
export interface OrderUpsert {
  readonly accountId: string;
  readonly amazonOrderId: string;
  readonly marketplaceId: string;
  /** `null` (a status Amazon added after this version) keeps the stored one, or Pending. */
  readonly status: OrderStatus | null;
  readonly fulfilledBy: string | null;
  readonly createdTime: string;
  readonly lastUpdatedTime: string;
  readonly buyerName: string | null;
  readonly buyerEmail: string | null;
  /** `null` keeps what is stored (a read without BUYER/RECIPIENT/PACKAGES must not erase it). */
  readonly buyer: unknown;
  readonly recipient: unknown;
  readonly packages: unknown;
  readonly shipCity: string | null;
  readonly shipState: string | null;
  readonly shipCountry: string | null;
  readonly currency: string | null;
  readonly totalCents: number | null;
  readonly items: readonly OrderItemUpsert[];
}

export interface OrderItemUpsert {
  readonly orderItemId: string;
  readonly sellerSku: string | null;
  readonly asin: string | null;
  readonly title: string | null;
  readonly quantity: number;
  /** Absent while Pending: a later read fills it in, an earlier value is never erased. */
  readonly unitPriceCents: number | null;
  readonly currency: string | null;
}

export type OrderWriteOutcome = 'inserted' | 'updated' | 'unchanged';

export interface OrderWrite {
  readonly id: number;
  readonly outcome: OrderWriteOutcome;
  readonly previousStatus: OrderStatus | null;
  /** The status stored after the write. */
  readonly status: OrderStatus;
  /** Row ids of the items, in the order given. */
  readonly itemIds: readonly number[];
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Prepared upsert by (account, Amazon order id). An order whose stored lastUpdatedTime is newer
 * or equal is left alone: the import's overlap window sees orders twice, and Amazon does not
 * promise that pages come in time order.
 */
export function prepareOrderUpsert(db: Db): (order: OrderUpsert) => OrderWrite {
  const find = db.prepare('SELECT id, status, last_updated_time AS lastUpdatedTime FROM orders WHERE account_id = ? AND amazon_order_id = ?');
  const insert = db.prepare(
    `INSERT INTO orders (account_id, amazon_order_id, marketplace_id, status, fulfilled_by, created_time, last_updated_time,
       buyer_name, buyer_email, buyer, recipient, packages, ship_city, ship_state, ship_country, currency, total_cents, imported_at, updated_at)
     VALUES (@accountId, @amazonOrderId, @marketplaceId, COALESCE(@status, 'Pending'), @fulfilledBy, @createdTime, @lastUpdatedTime,
       @buyerName, @buyerEmail, @buyer, @recipient, @packages, @shipCity, @shipState, @shipCountry, @currency, @totalCents, ${NOW}, ${NOW})`,
  );
  const update = db.prepare(
    `UPDATE orders SET marketplace_id = @marketplaceId, status = COALESCE(@status, status), fulfilled_by = COALESCE(@fulfilledBy, fulfilled_by),
       last_updated_time = @lastUpdatedTime, buyer_name = COALESCE(@buyerName, buyer_name), buyer_email = COALESCE(@buyerEmail, buyer_email),
       buyer = COALESCE(@buyer, buyer), recipient = COALESCE(@recipient, recipient), packages = COALESCE(@packages, packages),
       ship_city = COALESCE(@shipCity, ship_city), ship_state = COALESCE(@shipState, ship_state), ship_country = COALESCE(@shipCountry, ship_country),
       currency = COALESCE(@currency, currency), total_cents = COALESCE(@totalCents, total_cents), updated_at = ${NOW}
     WHERE id = @id`,
  );
  const upsertItem = db.prepare(
    `INSERT INTO order_items (order_id, order_item_id, seller_sku, asin, title, quantity, unit_price_cents, currency)
     VALUES (@orderId, @orderItemId, @sellerSku, @asin, @title, @quantity, @unitPriceCents, @currency)
     ON CONFLICT (order_id, order_item_id) DO UPDATE SET seller_sku = excluded.seller_sku, asin = COALESCE(excluded.asin, asin),
       title = COALESCE(excluded.title, title), quantity = excluded.quantity,
       unit_price_cents = COALESCE(excluded.unit_price_cents, unit_price_cents), currency = COALESCE(excluded.currency, currency)
     RETURNING id`,
  );
  const itemIds = db.prepare('SELECT id FROM order_items WHERE order_id = ? AND order_item_id = ?').pluck();
  return (order) => {
    const params = {
      ...order,
      items: undefined,
      buyer: json(order.buyer),
      recipient: json(order.recipient),
      packages: json(order.packages),
    };
    const existing = find.get(order.accountId, order.amazonOrderId) as { id: number; status: OrderStatus; lastUpdatedTime: string } | undefined;
    if (existing && Date.parse(existing.lastUpdatedTime) >= Date.parse(order.lastUpdatedTime)) {
      // Nothing newer than what is stored: only an item never seen before is added.
      const ids = order.items.map(
        (item) =>
          (itemIds.get(existing.id, item.orderItemId) as number | undefined) ?? (upsertItem.get({ ...item, orderId: existing.id }) as { id: number }).id,
      );
      return { id: existing.id, outcome: 'unchanged', previousStatus: existing.status, status: existing.status, itemIds: ids };
    }
    const id = existing ? (update.run({ ...params, id: existing.id }), existing.id) : Number(insert.run(params).lastInsertRowid);
    const ids = order.items.map((item) => (upsertItem.get({ ...item, orderId: id }) as { id: number }).id);
    const status = order.status ?? existing?.status ?? 'Pending';
    return { id, outcome: existing ? 'updated' : 'inserted', previousStatus: existing?.status ?? null, status, itemIds: ids };
  };
}

export function setOrderStatus(db: Db, orderId: number, status: OrderStatus, lastUpdatedTime?: string): void {
  db.prepare(`UPDATE orders SET status = ?, last_updated_time = COALESCE(?, last_updated_time), updated_at = ${NOW} WHERE id = ?`).run(
    status,
    lastUpdatedTime ?? null,
    orderId,
  );
}

export function setOrderDivergence(db: Db, orderId: number, divergent: boolean): void {
  db.prepare('UPDATE orders SET price_divergence = ? WHERE id = ?').run(divergent ? 1 : 0, orderId);
}

/** The price an item was compared with; null until first compared. */
export function prepareExpectedPrice(db: Db) {
  const get = db.prepare('SELECT expected_price_cents FROM order_items WHERE id = ?').pluck();
  const set = db.prepare('UPDATE order_items SET expected_price_cents = ? WHERE id = ?');
  return {
    get: (itemId: number) => (get.get(itemId) as number | null | undefined) ?? null,
    set: (itemId: number, cents: number | null) => void set.run(cents, itemId),
  };
}

export interface OrderFilter {
  readonly statuses?: readonly OrderStatus[];
  /** Inclusive lower bound on the purchase time (ISO). */
  readonly createdFrom?: string;
  /** Exclusive upper bound on the purchase time (ISO). */
  readonly createdTo?: string;
  readonly marketplaceId?: string;
  readonly accountId?: string;
  /** Order id, buyer name or SKU, substring, case-insensitive. */
  readonly text?: string;
  /** Only orders with at least one issue. */
  readonly withIssues?: boolean;
  /** Only orders fulfilled this way (self-ship, Easy Ship / DBA, FBA). */
  readonly fulfillmentProgram?: FulfillmentProgram;
}

function whereClause(filter: OrderFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.statuses?.length) {
    parts.push(`o.status IN (${filter.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    filter.statuses.forEach((s, i) => (params[`status${i}`] = s));
  }
  const equal = [
    ['createdFrom', 'o.created_time >= @createdFrom'],
    ['createdTo', 'o.created_time < @createdTo'],
    ['marketplaceId', 'o.marketplace_id = @marketplaceId'],
    ['accountId', 'o.account_id = @accountId'],
  ] as const;
  for (const [key, sql] of equal) {
    const value = filter[key];
    if (value) {
      parts.push(sql);
      params[key] = value;
    }
  }
  if (filter.withIssues) parts.push('EXISTS (SELECT 1 FROM order_issues x WHERE x.order_id = o.id)');
  if (filter.fulfillmentProgram) {
    parts.push(programCondition('@fulfillmentProgram'));
    params.fulfillmentProgram = filter.fulfillmentProgram;
  }
  const text = filter.text?.trim();
  if (text) {
    // LIKE's wildcards in the seller's text are literal characters.
    params.text = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(`(o.amazon_order_id LIKE @text ESCAPE '\\' OR o.buyer_name LIKE @text ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM order_items t WHERE t.order_id = o.id AND t.seller_sku LIKE @text ESCAPE '\\'))`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export interface OrderSummaryRow {
  readonly id: number;
  readonly accountId: string;
  readonly amazonOrderId: string;
  readonly marketplaceId: string;
  readonly status: OrderStatus;
  readonly fulfilledBy: string | null;
  readonly createdTime: string;
  readonly lastUpdatedTime: string;
  readonly buyerName: string | null;
  readonly buyerEmail: string | null;
  readonly shipCity: string | null;
  readonly shipState: string | null;
  readonly shipCountry: string | null;
  readonly currency: string | null;
  readonly totalCents: number | null;
  readonly priceDivergence: number;
  readonly itemCount: number;
  readonly unitCount: number;
  readonly issueCount: number;
  readonly trackingNumber: string | null;
  readonly carrier: string | null;
  readonly shipDate: string | null;
}

const SUMMARY_COLUMNS = `o.id, o.account_id AS accountId, o.amazon_order_id AS amazonOrderId, o.marketplace_id AS marketplaceId,
  o.status, o.fulfilled_by AS fulfilledBy, o.created_time AS createdTime, o.last_updated_time AS lastUpdatedTime,
  o.buyer_name AS buyerName, o.buyer_email AS buyerEmail, o.ship_city AS shipCity, o.ship_state AS shipState,
  o.ship_country AS shipCountry, o.currency, o.total_cents AS totalCents, o.price_divergence AS priceDivergence,
  (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS itemCount,
  (SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i WHERE i.order_id = o.id) AS unitCount,
  (SELECT COUNT(*) FROM order_issues x WHERE x.order_id = o.id) AS issueCount,
  s.tracking_number AS trackingNumber, COALESCE(s.carrier_name, s.carrier_code) AS carrier, s.ship_date AS shipDate`;

/** The latest confirmed (or in-doubt) shipment of each order. */
const SHIPMENT_JOIN = `LEFT JOIN order_shipments s ON s.id = (SELECT MAX(z.id) FROM order_shipments z
  WHERE z.order_id = o.id AND z.state IN ('confirmed', 'unknown', 'sending'))`;

/** The screen's page of orders; a text search scans, so it is timed (logged past ~40 ms). */
export function listOrders(db: Db, filter: OrderFilter, page: { offset: number; limit: number }): { total: number; rows: OrderSummaryRow[] } {
  const where = whereClause(filter);
  return timed('listOrders', () => {
    const total = db.prepare(`SELECT COUNT(*) FROM orders o ${where.sql}`).pluck().get(where.params) as number;
    const rows = db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM orders o ${SHIPMENT_JOIN} ${where.sql} ORDER BY o.created_time DESC, o.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...where.params, ...page }) as OrderSummaryRow[];
    return { total, rows };
  });
}

export function countOrders(db: Db, filter: OrderFilter = {}): number {
  const where = whereClause(filter);
  return db.prepare(`SELECT COUNT(*) FROM orders o ${where.sql}`).pluck().get(where.params) as number;
}

export function countOrderItems(db: Db, filter: OrderFilter = {}): number {
  const where = whereClause(filter);
  return db.prepare(`SELECT COUNT(*) FROM orders o JOIN order_items i ON i.order_id = o.id ${where.sql}`).pluck().get(where.params) as number;
}

/** Keyset position in the newest-first order list. */
export interface OrderKey {
  readonly createdTime: string;
  readonly id: number;
}

/**
 * The next `limit` filtered orders after `after`, newest first. Exports page with this instead
 * of holding an iterator open: an open iterator keeps the connection busy for every other query
 * the main process runs meanwhile.
 */
export function pageOrders(db: Db, filter: OrderFilter, after: OrderKey | null, limit: number): OrderSummaryRow[] {
  return keysetPage(db, `${SUMMARY_COLUMNS} FROM orders o ${SHIPMENT_JOIN}`, filter, after, limit) as OrderSummaryRow[];
}

/** Same paging, keys only (the items pass of an export needs nothing else). */
export function pageOrderKeys(db: Db, filter: OrderFilter, after: OrderKey | null, limit: number): OrderKey[] {
  return keysetPage(db, 'o.id, o.created_time AS createdTime FROM orders o', filter, after, limit) as OrderKey[];
}

function keysetPage(db: Db, selectFrom: string, filter: OrderFilter, after: OrderKey | null, limit: number): unknown[] {
  const where = whereClause(filter);
  const keyset = after ? `${where.sql ? `${where.sql} AND` : 'WHERE'} (o.created_time, o.id) < (@afterCreated, @afterId)` : where.sql;
  return db
    .prepare(`SELECT ${selectFrom} ${keyset} ORDER BY o.created_time DESC, o.id DESC LIMIT @limit`)
    .all({ ...where.params, ...(after ? { afterCreated: after.createdTime, afterId: after.id } : {}), limit });
}

/** A stored item: what Amazon said of it (`OrderItemUpsert`), its order's facts and the price the catalog expected. */
export type OrderItemRow = OrderItemUpsert &
  Readonly<{
    id: number;
    orderRowId: number;
    amazonOrderId: string;
    createdTime: string;
    status: OrderStatus;
    expectedPriceCents: number | null;
  }>;

const ITEM_COLUMNS = `i.id, i.order_id AS orderRowId, o.amazon_order_id AS amazonOrderId, o.created_time AS createdTime, o.status,
  i.order_item_id AS orderItemId, i.seller_sku AS sellerSku, i.asin, i.title, i.quantity, i.unit_price_cents AS unitPriceCents,
  i.expected_price_cents AS expectedPriceCents, COALESCE(i.currency, o.currency) AS currency`;

/** Items of the given orders, grouped by order in the given order. */
export function itemsOfOrders(db: Db, orderRowIds: readonly number[]): OrderItemRow[] {
  const rows = db
    .prepare(
      `SELECT ${ITEM_COLUMNS} FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.order_id IN (SELECT value FROM json_each(?)) ORDER BY i.order_id, i.id`,
    )
    .all(JSON.stringify(orderRowIds)) as OrderItemRow[];
  const byOrder = new Map<number, OrderItemRow[]>();
  for (const r of rows) {
    const list = byOrder.get(r.orderRowId);
    if (list) list.push(r);
    else byOrder.set(r.orderRowId, [r]);
  }
  return orderRowIds.flatMap((id) => byOrder.get(id) ?? []);
}

export function listOrderItems(db: Db, orderRowId: number): OrderItemRow[] {
  return db
    .prepare(`SELECT ${ITEM_COLUMNS} FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.order_id = ? ORDER BY i.id`)
    .all(orderRowId) as OrderItemRow[];
}

export interface OrderDetailRow extends OrderSummaryRow {
  readonly buyer: string | null;
  readonly recipient: string | null;
  readonly packages: string | null;
}

export function getOrderRow(db: Db, id: number): OrderDetailRow | undefined {
  return db.prepare(`SELECT ${SUMMARY_COLUMNS}, o.buyer, o.recipient, o.packages FROM orders o ${SHIPMENT_JOIN} WHERE o.id = ?`).get(id) as
    OrderDetailRow | undefined;
}

export function findOrderRowId(db: Db, accountId: string, amazonOrderId: string): number | undefined {
  return db.prepare('SELECT id FROM orders WHERE account_id = ? AND amazon_order_id = ?').pluck().get(accountId, amazonOrderId) as number | undefined;
}

/** Marketplaces that have orders (the screen's marketplace filter). */
export function orderMarketplaces(db: Db): string[] {
  return db.prepare('SELECT DISTINCT marketplace_id FROM orders ORDER BY 1').pluck().all() as string[];
}
