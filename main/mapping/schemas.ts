import type { SpApiClient } from '../accounts/clients';
import { explained } from '../amazon/explain';
import type { Db } from '../db/connection';
import { mappedProductTypes } from '../db/tables/category-mappings';
import { getCachedSchema, getSchemaInfo, saveSchema, touchSchema, type CachedSchema, type SchemaKey } from '../db/tables/product-type-schemas';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';

const logger = createLogger('mapping/schemas');

/** Amazon publishes new product type versions every few weeks; asking once a day is plenty. */
export const SCHEMA_RECHECK_MS = 24 * 3600_000;

export type DefinitionsClient = Pick<SpApiClient, 'getDefinitionsProductType' | 'downloadProductTypeSchema' | 'searchDefinitionsProductTypes'>;

/**
 * `cached`: fresh enough, Amazon not asked. `unchanged`: Amazon still serves the cached version.
 * `downloaded`: first fetch. `updated`: Amazon's version or checksum changed, new schema stored.
 * `stale`: Amazon could not be asked (offline, throttled); the cached schema is used meanwhile.
 */
export type SchemaOutcome = 'cached' | 'unchanged' | 'downloaded' | 'updated' | 'stale';

export interface EnsureSchemaOptions {
  readonly now: number;
  /** Ask Amazon even if the cache was checked recently (the seller pressed "refresh"). */
  readonly force?: boolean;
  readonly recheckMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The product type schema for a marketplace + locale, from the SQLite cache when it is fresh,
 * else from Amazon — downloading the document only when Amazon's version or checksum differs
 * from the cached one. We do not pass `sellerId`: the schema is then the same for every account
 * selling in that marketplace, so one cached copy serves them all.
 */
export async function ensureSchema(
  db: Db,
  client: DefinitionsClient,
  key: SchemaKey,
  options: EnsureSchemaOptions,
): Promise<{ readonly schema: CachedSchema; readonly outcome: SchemaOutcome }> {
  const info = getSchemaInfo(db, key);
  const recheckMs = options.recheckMs ?? SCHEMA_RECHECK_MS;
  if (info && options.force !== true && options.now - info.checkedAt < recheckMs) {
    const cached = getCachedSchema(db, key);
    if (cached) return { schema: cached, outcome: 'cached' };
  }
  let definition;
  try {
    definition = await explained(() =>
      client.getDefinitionsProductType({ productType: key.productType, marketplaceId: key.marketplaceId, locale: key.locale, requirements: 'LISTING' }),
    );
  } catch (err) {
    const cached = info && getCachedSchema(db, key);
    if (!cached) throw err;
    logger.warn(`using cached ${key.productType} (${key.marketplaceId}, ${key.locale}): Amazon could not be asked`, err);
    return { schema: cached, outcome: 'stale' };
  }
  const version = definition.productTypeVersion.version;
  const checksum = definition.schema.checksum;
  if (info && info.version === version && info.checksum === checksum) {
    touchSchema(db, key, options.now);
    const cached = getCachedSchema(db, key);
    if (cached) return { schema: { ...cached, checkedAt: options.now }, outcome: 'unchanged' };
  }
  const document = await explained(() => client.downloadProductTypeSchema(definition.schema));
  if (!isRecord(document) || !isRecord(document['properties'])) {
    throw new AppError('MAPPING_SCHEMA_UNREADABLE', { productType: key.productType });
  }
  const entry: CachedSchema = {
    ...key,
    displayName: definition.displayName,
    version,
    checksum,
    propertyGroups: definition.propertyGroups,
    schema: document,
    fetchedAt: options.now,
    checkedAt: options.now,
  };
  saveSchema(db, entry);
  return { schema: entry, outcome: info ? 'updated' : 'downloaded' };
}

/**
 * Brings every product type a category uses in the marketplace up to Amazon's current version
 * (each asked at most once per `recheckMs`), for a send cycle or a daily job. One failure does
 * not stop the others: it is reported in its row and the cached schema stays in use.
 */
export async function refreshMappedSchemas(
  db: Db,
  client: DefinitionsClient,
  marketplaceId: string,
  locale: string,
  options: EnsureSchemaOptions,
): Promise<{ readonly productType: string; readonly outcome: SchemaOutcome | 'failed'; readonly version: string | null }[]> {
  const results = [];
  for (const productType of mappedProductTypes(db, marketplaceId)) {
    try {
      const { schema, outcome } = await ensureSchema(db, client, { marketplaceId, productType, locale }, options);
      results.push({ productType, outcome, version: schema.version });
    } catch (err) {
      logger.warn(`could not refresh ${productType} (${marketplaceId}, ${locale})`, err);
      results.push({ productType, outcome: 'failed' as const, version: null });
    }
  }
  return results;
}

/** Amazon's `locale` for a marketplace language (`pt_BR`); DEFAULT when the account has none. */
export function schemaLocale(language: string | undefined): string {
  return language !== undefined && /^[a-z]{2}_[A-Z]{2}$/.test(language) ? language : 'DEFAULT';
}
