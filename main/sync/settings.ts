import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { getSyncSettingsJson, saveSyncSettingsJson } from '../db/tables/sync-settings';

/** What a seller decides per account × marketplace (issue "Settings per account and marketplace"). */
export const syncSettingsSchema = z.object({
  /** Below this stock the SKU is sent with quantity 0 and reads "paused". */
  safetyStock: z.number().int().min(0).default(0),
  sendPrice: z.boolean().default(true),
  /** false: SKUs of variation families are not sent. */
  sendVariations: z.boolean().default(true),
  /** false: kits are not sent; their status explains why. */
  sendKits: z.boolean().default(true),
  handlingTimeDays: z.number().int().min(0).max(30).default(2),
  shippingTemplate: z.string().min(1).optional(),
  priceRule: z
    .object({
      multiplier: z.number().positive().optional(),
      fixedAmount: z.number().optional(),
      rounding: z.enum(['none', 'cents_90', 'cents_99']).optional(),
    })
    .default({}),
  /** ISO 4217 override; the marketplace's default currency otherwise. */
  currency: z.string().length(3).optional(),
  /** A product taken out of the selection: delete the listing or keep it with quantity 0. */
  deselected: z.enum(['delete', 'zero']).default('zero'),
  /**
   * Product type used until the category → product type mapping exists (TODO: mapping module;
   * main/sync/catalog-source.ts is the only reader), with constant attribute values it needs.
   */
  defaultProductType: z.string().min(1).default('HOME'),
  defaultAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Amazon attribute → store characteristic that fills it (`color` → "Cor"). */
  characteristicAttributes: z.record(z.string(), z.string()).default({}),
  variationTheme: z.string().optional(),
});

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
