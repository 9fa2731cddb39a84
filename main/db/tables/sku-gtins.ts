import type { Db } from '../connection';
import { timed } from '../connection';

/**
 * The EAN side of the `skus` table (created by 0003-catalog): the codes the EAN report reads and
 * the `asin` column that only ASIN matching writes. Kept apart from skus.ts, which serves imports
 * and the product list, so each feature owns the SQL it runs.
 */
export interface SkuGtinRow {
  readonly sku: string;
  readonly gtin: string | null;
  readonly exempt: boolean;
}

/** Every SKU's code and exemption, streamed in id order (one row in memory at a time). */
export function* iterateSkuGtins(db: Db): Generator<SkuGtinRow> {
  const rows = db.prepare('SELECT sku, gtin, gtin_exempt AS exempt FROM skus ORDER BY id').iterate() as IterableIterator<{
    sku: string;
    gtin: string | null;
    exempt: number;
  }>;
  for (const r of rows) yield { sku: r.sku, gtin: r.gtin, exempt: r.exempt === 1 };
}

/**
 * Changes whenever a SKU is added, removed or updated (imports bump `updated_at`), so a cached
 * report can be reused until the catalog changes. Deleting one SKU and adding another in the
 * same millisecond is the only blind spot, and a changed count or newer timestamp still follows.
 */
export function skuGtinsFingerprint(db: Db): string {
  const row = db.prepare("SELECT COUNT(*) AS n, COALESCE(MAX(updated_at), '') AS latest, COALESCE(MAX(id), 0) AS maxId FROM skus").get() as {
    n: number;
    latest: string;
    maxId: number;
  };
  return `${row.n}:${row.maxId}:${row.latest}`;
}

/** SKUs with a code judged valid at import and no ASIN yet: what ASIN matching looks up. */
export function listSkusWithoutAsin(db: Db): { readonly sku: string; readonly gtin: string }[] {
  return timed(
    'listSkusWithoutAsin',
    () =>
      db.prepare("SELECT sku, gtin FROM skus WHERE asin IS NULL AND gtin IS NOT NULL AND gtin_status = 'valid' ORDER BY id").all() as {
        sku: string;
        gtin: string;
      }[],
  );
}

/**
 * Stores ASINs found by matching, in one transaction. Only empty `asin` cells are written: an
 * ASIN already there (from an earlier match or set by hand) is never overwritten silently.
 * Answers how many SKUs were updated.
 */
export function saveMatchedAsins(db: Db, matches: readonly { readonly sku: string; readonly asin: string }[]): number {
  const update = db.prepare("UPDATE skus SET asin = @asin, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = @sku AND asin IS NULL");
  return db.transaction(() => matches.reduce((n, m) => n + update.run(m).changes, 0))();
}

/** One SKU's code as catalog matching plans it. */
export interface SkuCodeRow {
  readonly id: number;
  readonly sku: string;
  readonly gtin: string | null;
  readonly gtinStatus: 'valid' | 'invalid' | 'missing' | 'exempt';
  readonly asin: string | null;
}

/**
 * Every SKU's code, status and ASIN in id order, a page at a time (keyset on id, no statement open
 * between pages): a matching pass reads 100k SKUs without holding the thread for all of them.
 */
export function* skuCodePages(db: Db, pageRows = 5000): Generator<SkuCodeRow[]> {
  const page = db.prepare('SELECT id, sku, gtin, gtin_status AS gtinStatus, asin FROM skus WHERE id > ? ORDER BY id LIMIT ?');
  let after = 0;
  for (;;) {
    const rows = timed('skuCodePages', () => page.all(after, pageRows)) as SkuCodeRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < pageRows) return;
    after = rows.at(-1)?.id ?? after;
  }
}

/** One SKU's code and ASIN now (a matching pass re-reads them before writing what Amazon said). */
export function skuCodeOf(db: Db, skuId: number): { readonly gtin: string | null; readonly asin: string | null } | undefined {
  return db.prepare('SELECT gtin, asin FROM skus WHERE id = ?').get(skuId) as { gtin: string | null; asin: string | null } | undefined;
}

/** Writes a matched ASIN into an empty `asin` cell; answers whether it did (a set ASIN is never overwritten). */
export function attachAsin(db: Db, skuId: number, asin: string): boolean {
  return db.prepare("UPDATE skus SET asin = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND asin IS NULL").run(asin, skuId).changes === 1;
}

/** Takes back an ASIN a match attached, only while the SKU still holds that very ASIN. */
export function detachAsin(db: Db, skuId: number, asin: string): boolean {
  return db.prepare("UPDATE skus SET asin = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND asin = ?").run(skuId, asin).changes === 1;
}
