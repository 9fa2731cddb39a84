import type { Migration } from './registry';

/**
 * Mapping the store onto Amazon. Product type schemas are cached per marketplace + locale
 * (deflated: a real one is over 1 MB of JSON) with Amazon's version and checksum, so a refresh
 * only downloads when Amazon publishes a new version. Category mappings are per marketplace and
 * inherited down the category tree (a child without its own row uses its nearest ancestor's).
 * Attribute mappings are per marketplace + product type: a characteristic, a value map, a unit
 * and/or a default. Selections are what the seller chose to sell per account + marketplace.
 * Times are epoch milliseconds.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'mapping',
  up(db) {
    db.exec(`
      CREATE TABLE product_type_schemas (
        marketplace_id  TEXT NOT NULL,
        product_type    TEXT NOT NULL,
        locale          TEXT NOT NULL,
        display_name    TEXT NOT NULL,
        version         TEXT NOT NULL,
        checksum        TEXT NOT NULL,
        property_groups TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(property_groups)),
        schema          BLOB NOT NULL,
        fetched_at      INTEGER NOT NULL,
        checked_at      INTEGER NOT NULL,
        PRIMARY KEY (marketplace_id, product_type, locale)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE category_mappings (
        category_id     INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        marketplace_id  TEXT NOT NULL,
        product_type    TEXT NOT NULL,
        variation_theme TEXT,
        updated_at      INTEGER NOT NULL,
        PRIMARY KEY (category_id, marketplace_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX category_mappings_marketplace ON category_mappings(marketplace_id, product_type);

      CREATE TABLE attribute_mappings (
        marketplace_id TEXT NOT NULL,
        product_type   TEXT NOT NULL,
        attribute      TEXT NOT NULL,
        -- Store characteristic (or variation attribute) name; NULL: the default alone fills it.
        characteristic TEXT,
        value_map      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(value_map)),
        unit           TEXT,
        -- JSON scalar used when the characteristic is empty for a product (or always, unmapped).
        default_value  TEXT CHECK (default_value IS NULL OR json_valid(default_value)),
        updated_at     INTEGER NOT NULL,
        PRIMARY KEY (marketplace_id, product_type, attribute),
        CHECK (characteristic IS NOT NULL OR default_value IS NOT NULL)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE listing_selections (
        account_id     TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        product_id     INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        selected_at    INTEGER NOT NULL,
        PRIMARY KEY (account_id, marketplace_id, product_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX listing_selections_product ON listing_selections(product_id);
    `);
  },
};
