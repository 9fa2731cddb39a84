import type { Db } from '../db/connection';
import { offerProductTypes } from '../db/tables/skus-for-send';
import { createLogger } from '../log/logger';
import { ensureSchema, refreshMappedSchemas, schemaLocale, type DefinitionsClient } from '../mapping/schemas';
import { languageTag } from './catalog-source';
import { readSyncSettings } from './settings';

const logger = createLogger('sync/schemas');

export interface SchemaRefreshOptions {
  readonly db: Db;
  readonly client: DefinitionsClient;
  readonly accountId: string;
  /** The account's enabled marketplaces, each with its language. */
  readonly marketplaces: readonly { readonly marketplaceId: string; readonly language: string }[];
  readonly now: number;
}

/**
 * Before a full cycle (the app's and `cli sync --once` alike), the schemas of mapped product types
 * are downloaded when missing and re-checked against Amazon's version once a day (ensureSchema), so
 * a new Amazon version or a mapping made offline never leaves products blocked. The send settings'
 * fallback product type and the product types Amazon's catalog gave matched ASINs are checked
 * against their schemas too, so they are fetched as well. A failure keeps the cached schema.
 */
export async function refreshSchemasForSend({ db, client, accountId, marketplaces, now }: SchemaRefreshOptions): Promise<void> {
  for (const m of marketplaces) {
    const locale = schemaLocale(languageTag(m.language));
    const options = { now };
    const results = await refreshMappedSchemas(db, client, m.marketplaceId, locale, options);
    const fallback = readSyncSettings(db, accountId, m.marketplaceId).defaultProductType;
    const mapped = new Set(results.map((r) => r.productType));
    const extra = new Set([...(fallback ? [fallback] : []), ...offerProductTypes(db, m.marketplaceId)].filter((t) => !mapped.has(t)));
    for (const productType of extra) {
      try {
        const { schema, outcome } = await ensureSchema(db, client, { marketplaceId: m.marketplaceId, productType, locale }, options);
        results.push({ productType, outcome, version: schema.version });
      } catch (err) {
        logger.warn(`could not refresh ${productType} (${m.marketplaceId}, ${locale})`, err);
      }
    }
    const changed = results.filter((r) => r.outcome === 'downloaded' || r.outcome === 'updated');
    if (changed.length > 0) logger.info(`schemas ${m.marketplaceId}: ${changed.map((r) => `${r.productType}@${r.version ?? '?'}`).join(', ')}`);
  }
}
