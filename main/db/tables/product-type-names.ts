import type { Db } from '../connection';

/** Amazon's display name of one product type in one marketplace and locale (migration 0012). */
export interface ProductTypeName {
  readonly productType: string;
  readonly displayName: string;
  /** Lower case, accents removed: what a search compares. */
  readonly searchText: string;
}

/** Replaces the whole list of one marketplace and locale, in one transaction. */
export function saveProductTypeNames(db: Db, marketplaceId: string, locale: string, names: readonly ProductTypeName[], now: number): void {
  const insert = db.prepare(
    `INSERT INTO product_type_names (marketplace_id, locale, product_type, display_name, search_text, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (marketplace_id, locale, product_type) DO UPDATE SET display_name = excluded.display_name,
       search_text = excluded.search_text, fetched_at = excluded.fetched_at`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM product_type_names WHERE marketplace_id = ? AND locale = ?').run(marketplaceId, locale);
    for (const n of names) insert.run(marketplaceId, locale, n.productType, n.displayName, n.searchText, now);
  })();
}

/** Every stored name of one marketplace and locale, with when the list was fetched (null: never). */
export function productTypeNamesOf(db: Db, marketplaceId: string, locale: string): { readonly names: ProductTypeName[]; readonly fetchedAt: number | null } {
  const rows = db
    .prepare(
      `SELECT product_type AS productType, display_name AS displayName, search_text AS searchText, fetched_at AS fetchedAt
       FROM product_type_names WHERE marketplace_id = ? AND locale = ? ORDER BY display_name`,
    )
    .all(marketplaceId, locale) as (ProductTypeName & { fetchedAt: number })[];
  return {
    names: rows.map(({ productType, displayName, searchText }) => ({ productType, displayName, searchText })),
    fetchedAt: rows.length === 0 ? null : Math.min(...rows.map((r) => r.fetchedAt)),
  };
}
