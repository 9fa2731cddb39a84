import type { Migration } from './registry';

/**
 * Amazon seller accounts and the marketplaces each may sell in. No secret is stored here: the LWA
 * client secret and refresh token live in the OS keychain under `<account id>/<name>`.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id                    TEXT PRIMARY KEY,
        label                 TEXT NOT NULL,
        kind                  TEXT NOT NULL CHECK (kind IN ('amazon', 'simulator')),
        region                TEXT NOT NULL CHECK (region IN ('NA', 'EU', 'FE')),
        sandbox               INTEGER NOT NULL DEFAULT 0 CHECK (sandbox IN (0, 1)),
        seller_id             TEXT NOT NULL,
        lwa_client_id         TEXT NOT NULL,
        store_name            TEXT,
        client_secret_set_at  INTEGER NOT NULL,
        authorized_at         INTEGER NOT NULL,
        created_at            INTEGER NOT NULL,
        UNIQUE (kind, region, seller_id)
      ) STRICT;

      CREATE TABLE account_marketplaces (
        account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        marketplace_id  TEXT NOT NULL,
        country_code    TEXT NOT NULL,
        name            TEXT NOT NULL,
        currency        TEXT NOT NULL,
        language        TEXT NOT NULL,
        participating   INTEGER NOT NULL CHECK (participating IN (0, 1)),
        enabled         INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
        PRIMARY KEY (account_id, marketplace_id)
      ) STRICT;
    `);
  },
};
