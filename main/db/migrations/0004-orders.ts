import type { Migration } from './registry';

/**
 * Amazon orders and what they do to the catalog's stock.
 *
 * - `orders` / `order_items` are upserted by Amazon's ids, so an order seen twice is one row.
 *   Buyer and recipient are kept as the API returned them (JSON), plus the few columns the
 *   screen filters and sorts on. Money is integer hundredths of the order's currency.
 * - `order_stock_effects` is a ledger: one row per (order item, effect kind, SKU) with the stock
 *   change really applied, so re-imports and status changes apply each effect exactly once and a
 *   release gives back exactly what was taken (kits write one row per component).
 * - `stock_changes` is the sync engine's fast lane: SKUs whose stock moved, one row per SKU.
 * - `order_cursors` remembers, per account and marketplace, up to when orders are imported and,
 *   while a multi-page search is under way, its pagination token (so a crash resumes it).
 * - `order_shipments` is the durable record of a confirmShipment, whose outcome may be unknown.
 * - `activity_log` is what the activity screen lists (any feature may write to it).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'orders',
  up(db) {
    db.exec(`
      CREATE TABLE orders (
        id                INTEGER PRIMARY KEY,
        account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        amazon_order_id   TEXT NOT NULL,
        marketplace_id    TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('PendingAvailability','Pending','Unshipped','PartiallyShipped',
                            'Shipped','InvoiceUnconfirmed','Canceled','Unfulfillable')),
        fulfilled_by      TEXT,
        created_time      TEXT NOT NULL,
        last_updated_time TEXT NOT NULL,
        buyer_name        TEXT,
        buyer_email       TEXT,
        buyer             TEXT CHECK (buyer IS NULL OR json_valid(buyer)),
        recipient         TEXT CHECK (recipient IS NULL OR json_valid(recipient)),
        packages          TEXT CHECK (packages IS NULL OR json_valid(packages)),
        ship_city         TEXT,
        ship_state        TEXT,
        ship_country      TEXT,
        currency          TEXT,
        total_cents       INTEGER,
        price_divergence  INTEGER NOT NULL DEFAULT 0 CHECK (price_divergence IN (0, 1)),
        imported_at       TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        UNIQUE (account_id, amazon_order_id)
      ) STRICT;
      CREATE INDEX orders_created ON orders(created_time);
      CREATE INDEX orders_status_created ON orders(status, created_time);

      CREATE TABLE order_items (
        id                   INTEGER PRIMARY KEY,
        order_id             INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_item_id        TEXT NOT NULL,
        seller_sku           TEXT,
        asin                 TEXT,
        title                TEXT,
        quantity             INTEGER NOT NULL CHECK (quantity >= 0),
        unit_price_cents     INTEGER,
        currency             TEXT,
        -- The price Vitrine expected (what it sent, else the SKU's price when compared).
        expected_price_cents INTEGER,
        UNIQUE (order_id, order_item_id)
      ) STRICT;
      CREATE INDEX order_items_sku ON order_items(seller_sku);

      CREATE TABLE order_stock_effects (
        order_item_id INTEGER NOT NULL REFERENCES order_items(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('reserve', 'decrement', 'release')),
        sku_id        INTEGER NOT NULL REFERENCES skus(id) ON DELETE CASCADE,
        quantity      INTEGER NOT NULL,
        delta         INTEGER NOT NULL,
        applied_at    TEXT NOT NULL,
        PRIMARY KEY (order_item_id, kind, sku_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX order_stock_effects_sku ON order_stock_effects(sku_id);

      CREATE TABLE order_issues (
        id            INTEGER PRIMARY KEY,
        order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        order_item_id INTEGER NOT NULL REFERENCES order_items(id) ON DELETE CASCADE,
        code          TEXT NOT NULL CHECK (code IN ('SKU_UNKNOWN', 'SKU_INACTIVE', 'OUT_OF_STOCK', 'PRICE_DIVERGENCE')),
        params        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        created_at    TEXT NOT NULL,
        UNIQUE (order_item_id, code)
      ) STRICT;
      CREATE INDEX order_issues_order ON order_issues(order_id);

      CREATE TABLE stock_changes (
        sku_id     INTEGER PRIMARY KEY REFERENCES skus(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE order_cursors (
        account_id         TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        marketplace_id     TEXT NOT NULL,
        last_updated_after TEXT,
        pending_after      TEXT,
        pending_before     TEXT,
        pending_token      TEXT,
        pending_since      TEXT,
        PRIMARY KEY (account_id, marketplace_id)
      ) STRICT;

      CREATE TABLE order_shipments (
        id                   INTEGER PRIMARY KEY,
        order_id             INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        package_reference_id TEXT NOT NULL,
        carrier_code         TEXT NOT NULL,
        carrier_name         TEXT,
        shipping_method      TEXT,
        tracking_number      TEXT NOT NULL,
        ship_date            TEXT NOT NULL,
        state                TEXT NOT NULL CHECK (state IN ('sending', 'unknown', 'confirmed', 'failed')),
        attempts             INTEGER NOT NULL DEFAULT 0,
        error                TEXT CHECK (error IS NULL OR json_valid(error)),
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_shipments_order ON order_shipments(order_id);

      CREATE TABLE activity_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        domain      TEXT NOT NULL,
        severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
        message_key TEXT NOT NULL,
        params      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        route       TEXT
      ) STRICT;
      CREATE INDEX activity_log_at ON activity_log(at);
    `);
  },
};
