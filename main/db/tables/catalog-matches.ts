import type { Db } from '../connection';
import { timed } from '../connection';

/** Amazon's catalog answer for one SKU's barcode in one marketplace (migration 0012). */
export interface CatalogMatch {
  readonly skuId: number;
  readonly marketplaceId: string;
  /** The GTIN-14 that was looked up. */
  readonly gtin: string;
  readonly outcome: 'matched' | 'none' | 'ambiguous';
  readonly asin: string | null;
  readonly title: string | null;
  readonly brand: string | null;
  readonly productType: string | null;
  readonly candidates: readonly string[];
  /** This lookup wrote `asin` into `skus.asin` (and may take it back). */
  readonly attached: boolean;
  readonly matchedAt: number;
}

type Row = Readonly<Omit<CatalogMatch, 'candidates' | 'attached'> & { candidates: string; attached: number }>;

const SELECT = `SELECT sku_id AS skuId, marketplace_id AS marketplaceId, gtin, outcome, asin, title, brand,
  product_type AS productType, candidates, attached, matched_at AS matchedAt FROM catalog_matches`;

function fromRow(r: Row): CatalogMatch {
  return { ...r, candidates: JSON.parse(r.candidates) as string[], attached: r.attached === 1 };
}

function toRow(m: CatalogMatch): Row {
  return { ...m, candidates: JSON.stringify(m.candidates), attached: m.attached ? 1 : 0 };
}

/** Records (or replaces) what the catalog said about each SKU's code, in one transaction. */
export function saveCatalogMatches(db: Db, matches: readonly CatalogMatch[]): void {
  const stmt = db.prepare(
    `INSERT INTO catalog_matches (sku_id, marketplace_id, gtin, outcome, asin, title, brand, product_type, candidates, attached, matched_at)
     VALUES (@skuId, @marketplaceId, @gtin, @outcome, @asin, @title, @brand, @productType, @candidates, @attached, @matchedAt)
     ON CONFLICT (sku_id, marketplace_id) DO UPDATE SET gtin = excluded.gtin, outcome = excluded.outcome,
       asin = excluded.asin, title = excluded.title, brand = excluded.brand, product_type = excluded.product_type,
       candidates = excluded.candidates, attached = excluded.attached, matched_at = excluded.matched_at`,
  );
  db.transaction(() => {
    for (const m of matches) stmt.run(toRow(m));
  })();
}

/**
 * The catalog answers for these SKUs (missing ids were never looked up). With a marketplace, its
 * answer; without, the most useful one across marketplaces (a match first, then the latest).
 */
export function catalogMatchesOf(db: Db, skuIds: readonly number[], marketplaceId?: string): Map<number, CatalogMatch> {
  const out = new Map<number, CatalogMatch>();
  const stmt =
    marketplaceId === undefined
      ? db.prepare(`${SELECT} WHERE sku_id = ? ORDER BY outcome = 'matched' DESC, matched_at DESC LIMIT 1`)
      : db.prepare(`${SELECT} WHERE sku_id = ? AND marketplace_id = ?`);
  for (const id of skuIds) {
    const r = (marketplaceId === undefined ? stmt.get(id) : stmt.get(id, marketplaceId)) as Row | undefined;
    if (r) out.set(id, fromRow(r));
  }
  return out;
}

/** The stored answers of one marketplace a page at a time, by SKU id (keyset on the SKU id; nothing open between pages). */
export function* catalogMatchPages(db: Db, marketplaceId: string, pageRows = 5000): Generator<Map<number, CatalogMatch>> {
  const page = db.prepare(`${SELECT} WHERE marketplace_id = ? AND sku_id > ? ORDER BY sku_id LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = timed('catalogMatchPages', () => page.all(marketplaceId, after, pageRows)) as Row[];
    if (rows.length > 0) yield new Map(rows.map((r) => [r.skuId, fromRow(r)]));
    if (rows.length < pageRows) return;
    after = rows.at(-1)?.skuId ?? after;
  }
}

/** Forgets the answers for these SKUs in one marketplace (their code became invalid, shared or empty). */
export function deleteCatalogMatches(db: Db, marketplaceId: string, skuIds: readonly number[]): void {
  const stmt = db.prepare('DELETE FROM catalog_matches WHERE marketplace_id = ? AND sku_id = ?');
  db.transaction(() => {
    for (const id of skuIds) stmt.run(marketplaceId, id);
  })();
}

/** How many of one marketplace's answers found a product, found none, or found several. */
export function catalogMatchCounts(db: Db, marketplaceId: string): { readonly matched: number; readonly none: number; readonly ambiguous: number } {
  const rows = db.prepare('SELECT outcome, COUNT(*) AS n FROM catalog_matches WHERE marketplace_id = ? GROUP BY outcome').all(marketplaceId) as {
    outcome: CatalogMatch['outcome'];
    n: number;
  }[];
  const count = (o: CatalogMatch['outcome']) => rows.find((r) => r.outcome === o)?.n ?? 0;
  return { matched: count('matched'), none: count('none'), ambiguous: count('ambiguous') };
}

/**
 * Evidence for a category's product type: how many of the given categories' products (a category
 * and its subcategories) have a SKU that Amazon's catalog files under each product type in this
 * marketplace, most first, and how many products they have in all.
 */
export function productTypeEvidence(
  db: Db,
  marketplaceId: string,
  categoryIds: readonly number[],
): { readonly products: number; readonly byProductType: readonly { readonly productType: string; readonly products: number }[] } {
  if (categoryIds.length === 0) return { products: 0, byProductType: [] };
  const ids = JSON.stringify(categoryIds);
  const products = (db.prepare('SELECT COUNT(*) AS n FROM products WHERE category_id IN (SELECT value FROM json_each(?))').get(ids) as { n: number }).n;
  const byProductType = db
    .prepare(
      `SELECT cm.product_type AS productType, COUNT(DISTINCT p.id) AS products
       FROM products p JOIN skus s ON s.product_id = p.id
       JOIN catalog_matches cm ON cm.sku_id = s.id AND cm.marketplace_id = ?
       WHERE p.category_id IN (SELECT value FROM json_each(?)) AND cm.product_type IS NOT NULL
       GROUP BY cm.product_type ORDER BY products DESC, productType`,
    )
    .all(marketplaceId, ids) as { productType: string; products: number }[];
  return { products, byProductType };
}

/**
 * The same evidence for every category at once (one query): per category, how many of its own
 * products Amazon files under each product type in this marketplace, most first.
 */
export function productTypeEvidenceByCategory(db: Db, marketplaceId: string): Map<number, { readonly productType: string; readonly products: number }[]> {
  const rows = timed(
    'productTypeEvidenceByCategory',
    () =>
      db
        .prepare(
          `SELECT p.category_id AS categoryId, cm.product_type AS productType, COUNT(DISTINCT p.id) AS products
         FROM catalog_matches cm JOIN skus s ON s.id = cm.sku_id JOIN products p ON p.id = s.product_id
         WHERE cm.marketplace_id = ? AND cm.product_type IS NOT NULL AND p.category_id IS NOT NULL
         GROUP BY p.category_id, cm.product_type ORDER BY products DESC, productType`,
        )
        .all(marketplaceId) as { categoryId: number; productType: string; products: number }[],
  );
  const out = new Map<number, { productType: string; products: number }[]>();
  for (const r of rows) {
    const list = out.get(r.categoryId) ?? [];
    list.push({ productType: r.productType, products: r.products });
    out.set(r.categoryId, list);
  }
  return out;
}
