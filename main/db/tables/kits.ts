import type { Db } from '../connection';

/**
 * A kit's stock is never stored: it is how many whole kits the components' stock can make.
 * `s` must name the skus row in the surrounding query. MIN over no rows is NULL, so a SKU that
 * is not a kit keeps its own stock.
 */
export const EFFECTIVE_STOCK_SQL = `COALESCE((SELECT MIN(cs.stock / kc.quantity) FROM kit_components kc
  JOIN skus cs ON cs.id = kc.component_sku_id WHERE kc.kit_sku_id = s.id), s.stock)`;

export interface KitComponent {
  readonly sku: string;
  readonly quantity: number;
}

export function listKitComponents(db: Db, kitSkuId: number): KitComponent[] {
  return db
    .prepare(
      `SELECT s.sku, k.quantity FROM kit_components k JOIN skus s ON s.id = k.component_sku_id
       WHERE k.kit_sku_id = ? ORDER BY s.sku`,
    )
    .all(kitSkuId) as KitComponent[];
}

export function kitStock(db: Db, kitSkuId: number): number | undefined {
  const row = db
    .prepare(`SELECT ${EFFECTIVE_STOCK_SQL} AS stock, EXISTS (SELECT 1 FROM kit_components WHERE kit_sku_id = s.id) AS is_kit FROM skus s WHERE s.id = ?`)
    .get(kitSkuId) as { stock: number; is_kit: number } | undefined;
  return row?.is_kit ? row.stock : undefined;
}

/**
 * Prepared writer: replaces a kit's components with `components` (ids resolved by the caller)
 * and answers whether anything differed, so an identical re-import reports no change.
 */
export function prepareKitWriter(db: Db): (kitSkuId: number, components: readonly { skuId: number; quantity: number }[]) => boolean {
  const current = db.prepare('SELECT component_sku_id AS skuId, quantity FROM kit_components WHERE kit_sku_id = ? ORDER BY component_sku_id');
  const clear = db.prepare('DELETE FROM kit_components WHERE kit_sku_id = ?');
  const insert = db.prepare('INSERT INTO kit_components (kit_sku_id, component_sku_id, quantity) VALUES (?, ?, ?)');
  return (kitSkuId, components) => {
    const wanted = [...components].sort((a, b) => a.skuId - b.skuId);
    const existing = current.all(kitSkuId) as { skuId: number; quantity: number }[];
    const same = existing.length === wanted.length && existing.every((e, i) => e.skuId === wanted[i]?.skuId && e.quantity === wanted[i]?.quantity);
    if (same) return false;
    clear.run(kitSkuId);
    for (const c of wanted) insert.run(kitSkuId, c.skuId, c.quantity);
    return true;
  };
}
