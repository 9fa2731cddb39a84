import type { Migration } from './registry';

/**
 * The seller's catalog. Products group SKUs (variations share one product, keyed by the parent
 * SKU, or by the SKU itself when it stands alone). Money is integer cents, weight grams, sizes
 * millimetres, so nothing drifts through floating point on an export → import round trip.
 * `updated_at` only moves when a value really changes (the upserts skip identical rows).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        id        INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES categories(id) ON DELETE CASCADE,
        name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- "Roupas > Camisetas": the unique key an import matches on.
        path      TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX categories_parent ON categories(parent_id);

      CREATE TABLE products (
        id            INTEGER PRIMARY KEY,
        key           TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL DEFAULT '',
        description   TEXT,
        brand         TEXT,
        manufacturer  TEXT,
        bullet_points TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(bullet_points)),
        image_urls    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(image_urls)),
        category_id   INTEGER REFERENCES categories(id) ON DELETE SET NULL,
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      ) STRICT;
      CREATE INDEX products_category ON products(category_id);

      CREATE TABLE skus (
        id               INTEGER PRIMARY KEY,
        product_id       INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        sku              TEXT NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 40),
        gtin             TEXT,
        gtin_exempt      INTEGER NOT NULL DEFAULT 0 CHECK (gtin_exempt IN (0, 1)),
        -- valid | invalid | missing | exempt: decided at import so the list can filter on it.
        gtin_status      TEXT NOT NULL DEFAULT 'missing' CHECK (gtin_status IN ('valid','invalid','missing','exempt')),
        price_cents      INTEGER CHECK (price_cents >= 0),
        sale_price_cents INTEGER CHECK (sale_price_cents >= 0),
        stock            INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
        weight_g         INTEGER CHECK (weight_g >= 0),
        length_mm        INTEGER CHECK (length_mm >= 0),
        width_mm         INTEGER CHECK (width_mm >= 0),
        height_mm        INTEGER CHECK (height_mm >= 0),
        variation        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(variation)),
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        -- Filled by the Amazon matching feature; imports never touch it.
        asin             TEXT,
        updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      ) STRICT;
      -- (product_id, stock) also answers the list's in-stock/out-of-stock filter from the index.
      CREATE INDEX skus_product ON skus(product_id, stock);
      CREATE INDEX skus_gtin ON skus(gtin) WHERE gtin IS NOT NULL;
      CREATE INDEX skus_gtin_status ON skus(gtin_status, product_id);

      CREATE TABLE kit_components (
        kit_sku_id       INTEGER NOT NULL REFERENCES skus(id) ON DELETE CASCADE,
        component_sku_id INTEGER NOT NULL REFERENCES skus(id) ON DELETE RESTRICT,
        quantity         INTEGER NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (kit_sku_id, component_sku_id),
        CHECK (kit_sku_id <> component_sku_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX kit_components_component ON kit_components(component_sku_id);

      CREATE TABLE characteristics (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100)
      ) STRICT;

      CREATE TABLE product_characteristics (
        product_id        INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        characteristic_id INTEGER NOT NULL REFERENCES characteristics(id) ON DELETE CASCADE,
        value             TEXT NOT NULL,
        PRIMARY KEY (product_id, characteristic_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_characteristics_characteristic ON product_characteristics(characteristic_id);

      -- External-content FTS over products, kept in step by triggers so every writer updates it
      -- without remembering to. SKU/EAN lookups use skus' own indexes. Descriptions are left out:
      -- tokenizing them doubled an import's cost, and a list search matching words deep in
      -- descriptions buries the products the seller meant.
      CREATE VIRTUAL TABLE products_fts USING fts5(
        title, brand,
        content='products', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
      );
      -- While an import runs (inside its transaction, so no other connection ever sees the row)
      -- 'fts_deferred_after' holds the last product id before the import: products created by the
      -- import are indexed in one statement at its end, five times cheaper than row by row, and
      -- the triggers leave those not-yet-indexed rows alone.
      CREATE TABLE catalog_state (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER products_fts_insert AFTER INSERT ON products
      WHEN NOT EXISTS (SELECT 1 FROM catalog_state WHERE key = 'fts_deferred_after') BEGIN
        INSERT INTO products_fts(rowid, title, brand) VALUES (new.id, new.title, new.brand);
      END;
      CREATE TRIGGER products_fts_delete AFTER DELETE ON products
      WHEN old.id <= COALESCE((SELECT value FROM catalog_state WHERE key = 'fts_deferred_after'), old.id) BEGIN
        INSERT INTO products_fts(products_fts, rowid, title, brand) VALUES ('delete', old.id, old.title, old.brand);
      END;
      CREATE TRIGGER products_fts_update AFTER UPDATE OF title, brand ON products
      WHEN old.id <= COALESCE((SELECT value FROM catalog_state WHERE key = 'fts_deferred_after'), old.id) BEGIN
        INSERT INTO products_fts(products_fts, rowid, title, brand) VALUES ('delete', old.id, old.title, old.brand);
        INSERT INTO products_fts(rowid, title, brand) VALUES (new.id, new.title, new.brand);
      END;
    `);
  },
};
