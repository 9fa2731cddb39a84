import type { Migration } from './registry';

/**
 * Sellers already on Amazon, and listing rules.
 *
 * `amazon_listings` is the seller's offers as the last listings report showed them (one row per
 * account × marketplace × Amazon SKU; a new read replaces the scope). `listing_reads` is the
 * durable step of a read: the report id survives a restart, so a resumed read polls the report
 * it already asked for instead of spending another createReport (about one per minute).
 * `listing_links` ties an Amazon offer to a catalog SKU and records how the seller wants the
 * existing offer treated; the send engine sends nothing for a linked SKU until it is confirmed.
 *
 * `listing_rules` select products by conditions per account × marketplace. Their result is
 * materialized in `rule_matches` on every evaluation, so the send engine reads the selection
 * with one join, and `rule_exits` remembers products that stopped matching together with what
 * the rule says to do about their offer (send quantity 0, or leave it alone).
 * `selected_products` is THE selection: the mapping feature's manual choices plus rule matches,
 * with the source of each (`manual` or `rule:<id>`). Times are epoch milliseconds.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'linking-rules',
  up(db) {
    db.exec(`
      CREATE TABLE listing_reads (
        id             INTEGER PRIMARY KEY,
        account_id     TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('requested','done','failed')),
        report_id      TEXT,
        started_at     INTEGER NOT NULL,
        finished_at    INTEGER,
        listings       INTEGER,
        api_calls      INTEGER NOT NULL DEFAULT 0,
        error          TEXT
      ) STRICT;
      CREATE INDEX listing_reads_scope ON listing_reads(account_id, marketplace_id, id);

      CREATE TABLE amazon_listings (
        account_id       TEXT NOT NULL,
        marketplace_id   TEXT NOT NULL,
        sku              TEXT NOT NULL,
        asin             TEXT,
        -- The listing's EAN/UPC as GTIN-14, from the report's product-id or a catalog lookup of its ASIN.
        gtin14           TEXT,
        title            TEXT NOT NULL DEFAULT '',
        -- Decimal text in the marketplace currency, exactly as Amazon wrote it.
        price            TEXT,
        quantity         INTEGER,
        status           TEXT,
        fulfillment      TEXT,
        opened_at        TEXT,
        -- 'ambiguous' when several catalog SKUs share its code: fixed in the catalog, then read again.
        unmatched_reason TEXT CHECK (unmatched_reason IS NULL OR unmatched_reason IN ('ambiguous')),
        read_id          INTEGER NOT NULL,
        PRIMARY KEY (account_id, marketplace_id, sku)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX amazon_listings_asin ON amazon_listings(account_id, marketplace_id, asin) WHERE asin IS NOT NULL;

      CREATE TABLE listing_links (
        account_id     TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        amazon_sku     TEXT NOT NULL,
        sku_id         INTEGER NOT NULL REFERENCES skus(id) ON DELETE CASCADE,
        matched_by     TEXT NOT NULL CHECK (matched_by IN ('sku','asin','ean','import')),
        treatment      TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (treatment IN ('unconfirmed','keep-amazon','vitrine-manages')),
        linked_at      INTEGER NOT NULL,
        confirmed_at   INTEGER,
        PRIMARY KEY (account_id, marketplace_id, amazon_sku),
        UNIQUE (account_id, marketplace_id, sku_id)
      ) STRICT;
      CREATE INDEX listing_links_sku ON listing_links(sku_id, marketplace_id);
      CREATE INDEX listing_links_treatment ON listing_links(account_id, marketplace_id, treatment);

      CREATE TABLE listing_rules (
        id             INTEGER PRIMARY KEY,
        account_id     TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
        conditions     TEXT NOT NULL CHECK (json_valid(conditions)),
        -- What happens to a product's offer when it stops matching: quantity 0, or left as it is.
        on_exit        TEXT NOT NULL CHECK (on_exit IN ('zero-quantity','leave')),
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        evaluated_at   INTEGER
      ) STRICT;
      CREATE INDEX listing_rules_scope ON listing_rules(account_id, marketplace_id);

      CREATE TABLE rule_matches (
        rule_id    INTEGER NOT NULL REFERENCES listing_rules(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        PRIMARY KEY (rule_id, product_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX rule_matches_product ON rule_matches(product_id);

      CREATE TABLE rule_exits (
        account_id     TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        product_id     INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        on_exit        TEXT NOT NULL CHECK (on_exit IN ('zero-quantity','leave')),
        exited_at      INTEGER NOT NULL,
        PRIMARY KEY (account_id, marketplace_id, product_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIEW selected_products AS
        SELECT account_id, marketplace_id, product_id, 'manual' AS source FROM listing_selections
        UNION ALL
        SELECT r.account_id, r.marketplace_id, m.product_id, 'rule:' || r.id AS source
        FROM rule_matches m JOIN listing_rules r ON r.id = m.rule_id WHERE r.enabled = 1;
    `);
  },
};
