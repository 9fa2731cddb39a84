import { describe, expect, it } from 'vitest';
import { commitOrders } from '../../../../main/orders/commit';
import { DEFAULT_ORDER_SETTINGS } from '../../../../main/orders/settings';
import { countOrders, findOrderRowId, getOrderRow, listOrders, pageOrders } from '../../../../main/db/tables/orders';
import { addSku, order, testDb } from '../../orders/fixtures';
import type { Db } from '../../../../main/db/connection';

function plan(db: Db, sql: string, params: Record<string, unknown> = {}): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('orders table', () => {
  it('lists and pages newest first through the purchase-time index, without scanning or sorting the table', () => {
    const db = testDb();
    const sql = `SELECT o.id FROM orders o WHERE (o.created_time, o.id) < (@c, @i) ORDER BY o.created_time DESC, o.id DESC LIMIT 10`;

    const detail = plan(db, sql, { c: '2026-01-01', i: 1 });

    expect(detail).toContain('orders_created');
    expect(detail).not.toMatch(/SCAN o\b(?! USING)/);
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('pages through every order exactly once with the keyset, ties on the same second included', () => {
    const db = testDb();
    const orders = Array.from({ length: 7 }, (_, i) =>
      order({ id: `O${i}`, status: 'SHIPPED', updated: `2026-11-20T10:00:0${i % 3}Z`, lines: [{ sku: 'X', quantity: 1 }] }),
    );
    commitOrders(db, 'acc', orders, DEFAULT_ORDER_SETTINGS);

    const seen: string[] = [];
    let after: { createdTime: string; id: number } | null = null;
    for (;;) {
      const rows = pageOrders(db, {}, after, 3);
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.amazonOrderId));
      const last = rows[rows.length - 1];
      after = last ? { createdTime: last.createdTime, id: last.id } : null;
    }

    expect([...seen].sort()).toEqual(orders.map((o) => o.orderId).sort());
  });

  it('filters by status, date range, text (order, buyer, SKU; LIKE wildcards literal) and problems', () => {
    const db = testDb();
    addSku(db, 'CAMISA', 5);
    commitOrders(
      db,
      'acc',
      [
        order({ id: 'A-1', status: 'UNSHIPPED', updated: '2026-11-20T10:00:00Z', buyerName: 'Ana 100%', lines: [{ sku: 'CAMISA', quantity: 1 }] }),
        order({ id: 'B-2', status: 'SHIPPED', updated: '2026-11-21T10:00:00Z', buyerName: 'Bia', lines: [{ sku: 'TENIS', quantity: 1 }] }),
      ],
      DEFAULT_ORDER_SETTINGS,
    );
    const ids = (filter: Parameters<typeof listOrders>[1]) => listOrders(db, filter, { offset: 0, limit: 10 }).rows.map((r) => r.amazonOrderId);

    expect(ids({ statuses: ['Shipped'] })).toEqual(['B-2']);
    expect(ids({ createdFrom: '2026-11-21T00:00:00Z' })).toEqual(['B-2']);
    expect(ids({ createdTo: '2026-11-21T00:00:00Z' })).toEqual(['A-1']);
    expect(ids({ text: 'tenis' })).toEqual(['B-2']);
    expect(ids({ text: '100%' })).toEqual(['A-1']);
    expect(ids({ text: '%' })).toEqual(['A-1']);
    expect(ids({ withIssues: true })).toEqual(['B-2']);
    expect(countOrders(db, { text: 'nada' })).toBe(0);
  });

  it('keeps the stored status when Amazon sends a status this version does not know', () => {
    const db = testDb();
    commitOrders(
      db,
      'acc',
      [order({ id: 'N-1', status: 'UNSHIPPED', updated: '2026-11-20T10:00:00Z', lines: [{ sku: 'X', quantity: 1 }] })],
      DEFAULT_ORDER_SETTINGS,
    );
    const future = order({ id: 'N-1', status: 'UNSHIPPED', updated: '2026-11-20T11:00:00Z', lines: [{ sku: 'X', quantity: 1 }] });
    const unknownStatus = { ...future, fulfillment: { fulfillmentStatus: 'AWAITING_PICKUP' } } as unknown as typeof future;

    const result = commitOrders(db, 'acc', [unknownStatus], DEFAULT_ORDER_SETTINGS);

    expect(result.outcomes.updated).toBe(1);
    expect(getOrderRow(db, findOrderRowId(db, 'acc', 'N-1') ?? -1)).toMatchObject({ status: 'Unshipped', lastUpdatedTime: '2026-11-20T11:00:00Z' });
  });
});
