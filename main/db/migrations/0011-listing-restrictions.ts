import type { Migration } from './registry';

/**
 * Cached listing restrictions (getListingsRestrictions) per account × marketplace × ASIN ×
 * condition: whether the seller may offer that ASIN, and if not, Amazon's reasons verbatim
 * (`reasons`: `[{code, message, links:[{url, title}]}]`, only https links kept).
 *
 * `state`:
 * - `allowed` / `restricted`: Amazon's last answer, from `checked_at`;
 * - `pending`: a product waiting for its first answer ("verificando na Amazon"): not sent yet;
 * - `unverified`: Amazon could not answer for a day (`pending_since`, `last_error`): sent without
 *   the check, Amazon's feed processing has the last word.
 * `next_check_at` is when the answer is asked again (7 days after an answer; the next cycle after
 * a failure). An answer resets `pending_since`, `attempts` and `last_error`.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'listing-restrictions',
  up(db) {
    // IF NOT EXISTS: databases written while this migration was still empty (schema 11 to 13) lack
    // the table, and a later migration may run this same DDL to add it.
    db.exec(`
      CREATE TABLE IF NOT EXISTS listing_restrictions (
        account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        marketplace_id TEXT NOT NULL,
        asin           TEXT NOT NULL,
        condition_type TEXT NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('allowed', 'restricted', 'pending', 'unverified')),
        reasons        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
        checked_at     INTEGER,
        pending_since  INTEGER,
        attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error     TEXT,
        next_check_at  INTEGER NOT NULL,
        PRIMARY KEY (account_id, marketplace_id, asin, condition_type),
        CHECK (state NOT IN ('allowed', 'restricted') OR checked_at IS NOT NULL)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
