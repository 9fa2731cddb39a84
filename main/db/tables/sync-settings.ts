import type { Db } from '../connection';

/** Raw JSON of a marketplace's send settings; main/sync/settings.ts parses and defaults it. */
export function getSyncSettingsJson(db: Db, accountId: string, marketplaceId: string): string | undefined {
  const row = db.prepare('SELECT settings FROM sync_settings WHERE account_id = ? AND marketplace_id = ?').get(accountId, marketplaceId) as
    { settings: string } | undefined;
  return row?.settings;
}

export function saveSyncSettingsJson(db: Db, accountId: string, marketplaceId: string, json: string): void {
  db.prepare(
    `INSERT INTO sync_settings (account_id, marketplace_id, settings) VALUES (?, ?, ?)
     ON CONFLICT (account_id, marketplace_id) DO UPDATE SET settings = excluded.settings`,
  ).run(accountId, marketplaceId, json);
}
