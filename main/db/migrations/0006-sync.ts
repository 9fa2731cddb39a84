import type { Migration } from './registry';

/**
 * The send engine's durable state. `sync_listings` is one row per SKU × marketplace: what was
 * last sent (hashes), where it is now (status), and Amazon's verdict. `sync_feeds` is the
 * persisted step machine of each JSON_LISTINGS_FEED, so a crash resumes at the last committed
 * step and never submits a document twice. `sync_runs` is the activity log of cycles.
 * Times are epoch milliseconds on the app clock.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_settings (
        account_id     TEXT NOT NULL,
        marketplace_id TEXT NOT NULL,
        settings       TEXT NOT NULL CHECK (json_valid(settings)),
        PRIMARY KEY (account_id, marketplace_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_runs (
        id           INTEGER PRIMARY KEY,
        account_id   TEXT NOT NULL,
        lane         TEXT NOT NULL CHECK (lane IN ('full','fast')),
        trigger      TEXT NOT NULL CHECK (trigger IN ('schedule','manual','cli')),
        state        TEXT NOT NULL CHECK (state IN ('running','done','failed')),
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER,
        sent         INTEGER NOT NULL DEFAULT 0,
        accepted     INTEGER NOT NULL DEFAULT 0,
        failed       INTEGER NOT NULL DEFAULT 0,
        skipped      INTEGER NOT NULL DEFAULT 0,
        api_calls    INTEGER NOT NULL DEFAULT 0,
        error        TEXT
      ) STRICT;
      CREATE INDEX sync_runs_account ON sync_runs(account_id, started_at);

      CREATE TABLE sync_feeds (
        id                  INTEGER PRIMARY KEY,
        run_id              INTEGER NOT NULL REFERENCES sync_runs(id),
        account_id          TEXT NOT NULL,
        marketplace_id      TEXT NOT NULL,
        seq                 INTEGER NOT NULL,
        -- built → document_created → uploaded → submitting → submitted → processed → reported
        step                TEXT NOT NULL CHECK (step IN ('built','document_created','uploaded','submitting','submitted','processed','reported','failed')),
        messages            INTEGER NOT NULL,
        bytes               INTEGER NOT NULL,
        -- The document as sent, deflated: the activity screen shows it and a resume re-uploads it.
        content             BLOB NOT NULL,
        document_id         TEXT,
        document_created_at INTEGER,
        submit_attempted_at INTEGER,
        feed_id             TEXT UNIQUE,
        submitted_at        INTEGER,
        processing_status   TEXT,
        result_document_id  TEXT,
        next_try_at         INTEGER NOT NULL DEFAULT 0,
        attempts            INTEGER NOT NULL DEFAULT 0,
        accepted            INTEGER,
        invalid             INTEGER,
        error               TEXT,
        created_at          INTEGER NOT NULL,
        finished_at         INTEGER
      ) STRICT;
      CREATE INDEX sync_feeds_open ON sync_feeds(account_id, step) WHERE step NOT IN ('reported','failed');
      CREATE INDEX sync_feeds_run ON sync_feeds(run_id);

      CREATE TABLE sync_listings (
        account_id      TEXT NOT NULL,
        marketplace_id  TEXT NOT NULL,
        sku             TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('pending','sending','waiting','live','error','paused','skipped','removed')),
        -- Why it is paused/skipped/removed, or a local build problem (i18n key under sync.reasons).
        reason          TEXT,
        -- Catalog + settings version the hashes below were computed from (cheap no-change check).
        source_stamp    TEXT,
        product_type    TEXT,
        -- What was last sent, whatever Amazon said about it: unchanged input is not resent.
        full_hash       TEXT,
        content_hash    TEXT,
        price_hash      TEXT,
        quantity_hash   TEXT,
        -- Amazon holds a listing for this SKU (an UPDATE was accepted once): later offer-only changes go as PATCH.
        on_amazon       INTEGER NOT NULL DEFAULT 0 CHECK (on_amazon IN (0,1)),
        feed_row_id     INTEGER,
        message_id      INTEGER,
        operation       TEXT,
        asin            TEXT,
        issues          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issues)),
        sent_at         INTEGER,
        checked_at      INTEGER,
        updated_at      INTEGER NOT NULL,
        PRIMARY KEY (account_id, marketplace_id, sku)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sync_listings_status ON sync_listings(account_id, status, marketplace_id);
      CREATE INDEX sync_listings_feed ON sync_listings(feed_row_id, message_id) WHERE feed_row_id IS NOT NULL;
      CREATE INDEX sync_listings_recheck ON sync_listings(account_id, marketplace_id, checked_at, sent_at) WHERE status IN ('live','waiting');
    `);
  },
};
