import type { Db } from '../connection';

export type StockEffectKind = 'reserve' | 'decrement' | 'release';

/** A SKU as stock effects need it: raw stock (never a kit's derived one) and its kit components. */
export interface StockSku {
  readonly id: number;
  readonly sku: string;
  readonly active: boolean;
  readonly stock: number;
  readonly priceCents: number | null;
  readonly salePriceCents: number | null;
  readonly components: readonly { readonly skuId: number; readonly sku: string; readonly quantity: number }[];
}

export interface LedgerEntry {
  readonly kind: StockEffectKind;
  readonly skuId: number;
  readonly delta: number;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

/** Prepared statements of the stock ledger; build once per import, use inside its transactions. */
export function prepareStockLedger(db: Db) {
  const findSku = db.prepare('SELECT id, sku, active, stock, price_cents AS priceCents, sale_price_cents AS salePriceCents FROM skus WHERE sku = ?');
  const components = db.prepare(
    'SELECT k.component_sku_id AS skuId, s.sku, k.quantity FROM kit_components k JOIN skus s ON s.id = k.component_sku_id WHERE k.kit_sku_id = ? ORDER BY s.sku',
  );
  const stockOf = db.prepare('SELECT stock FROM skus WHERE id = ?').pluck();
  const entries = db.prepare('SELECT kind, sku_id AS skuId, delta FROM order_stock_effects WHERE order_item_id = ?');
  const insert = db.prepare(`INSERT INTO order_stock_effects (order_item_id, kind, sku_id, quantity, delta, applied_at) VALUES (?, ?, ?, ?, ?, ${NOW})`);
  const move = db.prepare(`UPDATE skus SET stock = stock + ?, updated_at = ${NOW} WHERE id = ?`);
  // The SKU itself and every kit built from it: a kit's stock is derived from its components.
  const enqueue = db.prepare(
    `INSERT INTO stock_changes (sku_id, changed_at)
       SELECT @skuId, ${NOW} UNION SELECT kit_sku_id, ${NOW} FROM kit_components WHERE component_sku_id = @skuId
     ON CONFLICT (sku_id) DO UPDATE SET changed_at = excluded.changed_at`,
  );

  return {
    findSku(code: string): StockSku | undefined {
      const row = findSku.get(code) as (Omit<StockSku, 'active' | 'components'> & { active: number }) | undefined;
      if (!row) return undefined;
      const parts = components.all(row.id) as StockSku['components'][number][];
      return { ...row, active: row.active === 1, components: parts };
    },
    stock: (skuId: number) => (stockOf.get(skuId) as number | undefined) ?? 0,
    entries: (orderItemId: number) => entries.all(orderItemId) as LedgerEntry[],
    /** Records the effect and moves the stock by `delta` in one go (callers wrap a transaction). */
    apply(orderItemId: number, kind: StockEffectKind, skuId: number, quantity: number, delta: number): void {
      insert.run(orderItemId, kind, skuId, quantity, delta);
      if (delta !== 0) {
        move.run(delta, skuId);
        enqueue.run({ skuId });
      }
    },
  };
}

export type StockLedger = ReturnType<typeof prepareStockLedger>;

/** What the sync engine's fast lane reads: SKUs whose stock moved, oldest first. */
export function listStockChanges(db: Db, limit = 1000): { skuId: number; changedAt: string }[] {
  return db.prepare('SELECT sku_id AS skuId, changed_at AS changedAt FROM stock_changes ORDER BY changed_at, sku_id LIMIT ?').all(limit) as {
    skuId: number;
    changedAt: string;
  }[];
}

/**
 * Removes the entries the sync engine has pushed. An entry changed again after `seenAt` stays,
 * so a change racing with a push is not lost.
 */
export function ackStockChanges(db: Db, skuIds: readonly number[], seenAt: string): number {
  const remove = db.prepare('DELETE FROM stock_changes WHERE sku_id = ? AND changed_at <= ?');
  return db.transaction(() => skuIds.reduce((n, id) => n + remove.run(id, seenAt).changes, 0))();
}

/** Ledger rows of one order, for the detail screen and tests. */
export function listOrderStockEffects(
  db: Db,
  orderRowId: number,
): { orderItemId: string; kind: StockEffectKind; sku: string; quantity: number; delta: number }[] {
  return db
    .prepare(
      `SELECT i.order_item_id AS orderItemId, e.kind, s.sku, e.quantity, e.delta FROM order_stock_effects e
       JOIN order_items i ON i.id = e.order_item_id JOIN skus s ON s.id = e.sku_id WHERE i.order_id = ? ORDER BY i.id, e.applied_at, s.sku`,
    )
    .all(orderRowId) as { orderItemId: string; kind: StockEffectKind; sku: string; quantity: number; delta: number }[];
}
