import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { syncSettingsSchema } from '../../preload/contract/sync';
import type { Db } from '../db/connection';
import { getSyncSettingsJson, saveSyncSettingsJson } from '../db/tables/sync-settings';

export { syncSettingsSchema };

export type SyncSettings = z.infer<typeof syncSettingsSchema>;
export type SyncSettingsInput = z.input<typeof syncSettingsSchema>;

export function readSyncSettings(db: Db, accountId: string, marketplaceId: string): SyncSettings {
  const raw = getSyncSettingsJson(db, accountId, marketplaceId);
  const parsed = syncSettingsSchema.safeParse(raw === undefined ? {} : JSON.parse(raw));
  // A stored value from a newer/older app that no longer validates falls back to defaults
  // rather than stopping every send.
  return parsed.success ? parsed.data : syncSettingsSchema.parse({});
}

export function saveSyncSettings(db: Db, accountId: string, marketplaceId: string, input: SyncSettingsInput): SyncSettings {
  const settings = syncSettingsSchema.parse(input);
  saveSyncSettingsJson(db, accountId, marketplaceId, JSON.stringify(settings));
  return settings;
}

/** Changes whenever a setting changes, so every SKU is rebuilt (its stamp no longer matches). */
export function settingsFingerprint(settings: SyncSettings, extra: string): string {
  return createHash('sha256').update(JSON.stringify(settings)).update(extra).digest('hex').slice(0, 16);
}
