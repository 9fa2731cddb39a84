import type { Migration } from './registry';

/**
 * What the Amazon catalog said about each SKU's barcode, so the product screens can say "found on
 * Amazon: ASIN … (title)" and the category screen can suggest product types from evidence ("12 of
 * the 15 products of this category are BRACELET on Amazon"). One row per SKU: `skus.asin` stays the
 * ASIN the send engine offers on; this keeps Amazon's words about it. `outcome` records lookups that
 * found nothing too, so a code is not looked up again until it changes (`gtin` is the code looked up).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'catalog-matches',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_matches (
        sku_id         INTEGER PRIMARY KEY REFERENCES skus(id) ON DELETE CASCADE,
        gtin           TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        outcome        TEXT NOT NULL CHECK (outcome IN ('matched','none','ambiguous')),
        asin           TEXT,
        title          TEXT,
        brand          TEXT,
        product_type   TEXT,
        -- JSON array of the candidate ASINs when several products share the code.
        candidates     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
        matched_at     INTEGER NOT NULL,
        CHECK (outcome <> 'matched' OR asin IS NOT NULL)
      ) STRICT;
      CREATE INDEX catalog_matches_product_type ON catalog_matches(product_type) WHERE product_type IS NOT NULL;
    `);
  },
};
