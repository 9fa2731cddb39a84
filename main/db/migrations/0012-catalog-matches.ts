import type { Migration } from './registry';

/**
 * What the Amazon catalog said about each SKU's barcode, per marketplace, so the product screens
 * can say "found on Amazon: ASIN … (title)" and the category screen can suggest product types from
 * evidence ("12 of the 15 products of this category are BRACELET on Amazon"). `skus.asin` stays
 * the ASIN the send engine offers on; `attached` says this lookup wrote it there (and may take it
 * back when the code changes or turns out shared). `outcome` records lookups that found nothing
 * too, so a code is not looked up again until it changes (`gtin` is the GTIN-14 looked up).
 *
 * `product_type_names`: Amazon's display name of each product type per marketplace and locale
 * (searchDefinitionsProductTypes), so categories show "Pulseira" rather than BRACELET and the
 * search can run accent-insensitively here, offline too.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'catalog-matches',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_matches (
        sku_id         INTEGER NOT NULL REFERENCES skus(id) ON DELETE CASCADE,
        marketplace_id TEXT NOT NULL,
        gtin           TEXT NOT NULL,
        outcome        TEXT NOT NULL CHECK (outcome IN ('matched','none','ambiguous')),
        asin           TEXT,
        title          TEXT,
        brand          TEXT,
        product_type   TEXT,
        -- JSON array of the candidate ASINs when several products share the code.
        candidates     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
        attached       INTEGER NOT NULL DEFAULT 0 CHECK (attached IN (0, 1)),
        matched_at     INTEGER NOT NULL,
        PRIMARY KEY (sku_id, marketplace_id),
        CHECK (outcome <> 'matched' OR asin IS NOT NULL)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX catalog_matches_product_type ON catalog_matches(marketplace_id, product_type) WHERE product_type IS NOT NULL;

      CREATE TABLE product_type_names (
        marketplace_id TEXT NOT NULL,
        locale         TEXT NOT NULL,
        product_type   TEXT NOT NULL,
        display_name   TEXT NOT NULL,
        -- The display name folded for search: lower case, accents removed.
        search_text    TEXT NOT NULL,
        fetched_at     INTEGER NOT NULL,
        PRIMARY KEY (marketplace_id, locale, product_type)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
