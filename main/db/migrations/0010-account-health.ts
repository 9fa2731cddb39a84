import type { Migration } from './registry';

/**
 * Account health: a revoked authorization stops the account's work until the seller reconnects.
 * `health` is 'credentials_rejected' once LWA refused the stored credentials for good
 * (invalid_grant, invalid_client, unauthorized_client); LWA's code and description are kept
 * verbatim beside it, with when it happened. Updating the credentials sets it back to 'ok'.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'account-health',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN health TEXT NOT NULL DEFAULT 'ok' CHECK (health IN ('ok', 'credentials_rejected'));
      ALTER TABLE accounts ADD COLUMN health_code TEXT;
      ALTER TABLE accounts ADD COLUMN health_message TEXT;
      ALTER TABLE accounts ADD COLUMN health_since INTEGER;
    `);
  },
};
