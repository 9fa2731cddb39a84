import type { Db } from '../connection';

/** Amazon's catalog answer for one SKU's barcode (migration 0012). */
export interface CatalogMatch {
  readonly skuId: number;
  readonly gtin: string;
  readonly marketplaceId: string;
  readonly outcome: 'matched' | 'none' | 'ambiguous';
  readonly asin: string | null;
  readonly title: string | null;
  readonly brand: string | null;
  readonly productType: string | null;
  readonly candidates: readonly string[];
  readonly matchedAt: number;
}

interface Row extends Omit<CatalogMatch, 'candidates'> {
  readonly candidates: string;
}

const SELECT = `SELECT sku_id AS skuId, gtin, marketplace_id AS marketplaceId, outcome, asin, title, brand,
  product_type AS productType, candidates, matched_at AS matchedAt FROM catalog_matches`;

function fromRow(r: Row): CatalogMatch {
  return { ...r, candidates: JSON.parse(r.candidates) as string[] };
}

/** Records (or replaces) what the catalog said about each SKU's code, in one transaction. */
export function saveCatalogMatches(db: Db, matches: readonly CatalogMatch[]): void {
  const stmt = db.prepare(
    `INSERT INTO catalog_matches (sku_id, gtin, marketplace_id, outcome, asin, title, brand, product_type, candidates, matched_at)
     VALUES (@skuId, @gtin, @marketplaceId, @outcome, @asin, @title, @brand, @productType, @candidates, @matchedAt)
     ON CONFLICT (sku_id) DO UPDATE SET gtin = excluded.gtin, marketplace_id = excluded.marketplace_id, outcome = excluded.outcome,
       asin = excluded.asin, title = excluded.title, brand = excluded.brand, product_type = excluded.product_type,
       candidates = excluded.candidates, matched_at = excluded.matched_at`,
  );
  db.transaction(() => {
    for (const m of matches) stmt.run({ ...m, candidates: JSON.stringify(m.candidates) });
  })();
}

/** The catalog answers for these SKUs (missing ids were never looked up). */
export function catalogMatchesOf(db: Db, skuIds: readonly number[]): Map<number, CatalogMatch> {
  const out = new Map<number, CatalogMatch>();
  const stmt = db.prepare(`${SELECT} WHERE sku_id = ?`);
  for (const id of skuIds) {
    const r = stmt.get(id) as Row | undefined;
    if (r) out.set(id, fromRow(r));
  }
  return out;
}
