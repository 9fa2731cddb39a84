import type { Db } from '../connection';

export type OrderIssueCode = 'SKU_UNKNOWN' | 'SKU_INACTIVE' | 'OUT_OF_STOCK' | 'PRICE_DIVERGENCE';

export interface OrderIssueRow {
  readonly orderItemId: string;
  readonly code: OrderIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly createdAt: string;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

export function prepareOrderIssues(db: Db) {
  const insert = db.prepare(`INSERT INTO order_issues (order_id, order_item_id, code, params, created_at) VALUES (?, ?, ?, ?, ${NOW}) ON CONFLICT DO NOTHING`);
  const remove = db.prepare('DELETE FROM order_issues WHERE order_item_id = ? AND code = ?');
  return {
    /** True when the issue is new (so it is announced once, not at every import). */
    raise: (orderRowId: number, itemRowId: number, code: OrderIssueCode, params: Readonly<Record<string, string | number>>): boolean =>
      insert.run(orderRowId, itemRowId, code, JSON.stringify(params)).changes > 0,
    clear: (itemRowId: number, code: OrderIssueCode): boolean => remove.run(itemRowId, code).changes > 0,
  };
}

export function listOrderIssues(db: Db, orderRowId: number): OrderIssueRow[] {
  const rows = db
    .prepare(
      `SELECT i.order_item_id AS orderItemId, x.code, x.params, x.created_at AS createdAt FROM order_issues x
       JOIN order_items i ON i.id = x.order_item_id WHERE x.order_id = ? ORDER BY x.id`,
    )
    .all(orderRowId) as (Omit<OrderIssueRow, 'params'> & { params: string })[];
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string | number> }));
}
