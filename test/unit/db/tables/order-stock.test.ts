import { describe, expect, it } from 'vitest';
import { ackStockChanges, listStockChanges, prepareStockLedger } from '../../../../main/db/tables/order-stock';
import { commitOrders } from '../../../../main/orders/commit';
import { DEFAULT_ORDER_SETTINGS } from '../../../../main/orders/settings';
import { addSku, order, testDb } from '../../orders/fixtures';

describe('stock_changes (the sync fast lane queue)', () => {
  it('holds one entry per SKU whose stock moved, and an acknowledgement keeps entries changed after it', () => {
    const db = testDb();
    const a = addSku(db, 'A', 10);
    const b = addSku(db, 'B', 10);
    const c = addSku(db, 'C', 10);
    commitOrders(
      db,
      'acc',
      [
        order({
          id: 'O1',
          status: 'UNSHIPPED',
          updated: '2026-11-20T10:00:00Z',
          lines: [
            { sku: 'A', quantity: 1 },
            { sku: 'B', quantity: 1 },
          ],
        }),
      ],
      DEFAULT_ORDER_SETTINGS,
    );
    const queued = listStockChanges(db);
    expect(queued.map((q) => q.skuId).sort()).toEqual([a, b].sort());
    const seenAt = queued.reduce((max, q) => (q.changedAt > max ? q.changedAt : max), '');
    db.prepare("UPDATE stock_changes SET changed_at = '2999-01-01T00:00:00.000Z' WHERE sku_id = ?").run(b);

    const removed = ackStockChanges(db, [a, b, c], seenAt);

    expect(removed).toBe(1);
    expect(listStockChanges(db).map((q) => q.skuId)).toEqual([b]);
  });

  it('records the effect and moves the stock in one step, clamped by the caller', () => {
    const db = testDb();
    const a = addSku(db, 'A', 5);
    db.prepare(
      "INSERT INTO orders (id, account_id, amazon_order_id, marketplace_id, status, created_time, last_updated_time, imported_at, updated_at) VALUES (1, 'acc', 'X', 'M', 'Pending', 't', 't', 't', 't')",
    ).run();
    db.prepare("INSERT INTO order_items (id, order_id, order_item_id, quantity) VALUES (1, 1, 'I', 2)").run();
    const ledger = prepareStockLedger(db);

    ledger.apply(1, 'reserve', a, 2, -2);

    expect(ledger.stock(a)).toBe(3);
    expect(ledger.entries(1)).toEqual([{ kind: 'reserve', skuId: a, delta: -2 }]);
    expect(() => ledger.apply(1, 'reserve', a, 2, -2)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
