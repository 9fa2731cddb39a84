import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Db, ReadableDb } from '../connection';
import { timed } from '../connection';

/** What the cache knows about one product type schema, without the (large) schema itself. */
export interface CachedSchemaInfo {
  readonly marketplaceId: string;
  readonly productType: string;
  readonly locale: string;
  readonly displayName: string;
  /** Amazon's `productTypeVersion.version`: a new one means the schema changed. */
  readonly version: string;
  /** Base64 MD5 of the schema document, from getDefinitionsProductType. */
  readonly checksum: string;
  readonly propertyGroups: Readonly<Record<string, { readonly title?: string; readonly propertyNames?: readonly string[] }>>;
  readonly fetchedAt: number;
  /** Last time Amazon was asked whether a newer version exists. */
  readonly checkedAt: number;
}

export interface CachedSchema extends CachedSchemaInfo {
  readonly schema: Readonly<Record<string, unknown>>;
}

export interface SchemaKey {
  readonly marketplaceId: string;
  readonly productType: string;
  readonly locale: string;
}

const INFO_COLUMNS = 'marketplace_id, product_type, locale, display_name, version, checksum, property_groups, fetched_at, checked_at';

/** The info columns read back under their field names; the property groups are still JSON text. */
const INFO_FIELDS = `marketplace_id AS marketplaceId, product_type AS productType, locale, display_name AS displayName, version, checksum,
  property_groups AS propertyGroups, fetched_at AS fetchedAt, checked_at AS checkedAt`;

type InfoRow = Omit<CachedSchemaInfo, 'propertyGroups'> & { readonly propertyGroups: string };

function toInfo(r: InfoRow): CachedSchemaInfo {
  return { ...r, propertyGroups: JSON.parse(r.propertyGroups) as CachedSchemaInfo['propertyGroups'] };
}

export function getSchemaInfo(db: ReadableDb, key: SchemaKey): CachedSchemaInfo | undefined {
  const row = db
    .prepare(`SELECT ${INFO_FIELDS} FROM product_type_schemas WHERE marketplace_id = ? AND product_type = ? AND locale = ?`)
    .get(key.marketplaceId, key.productType, key.locale) as InfoRow | undefined;
  return row && toInfo(row);
}

/**
 * Parsed schemas by their stored (compressed) bytes: inflating and parsing a real one costs tens
 * of milliseconds, and every send cycle, bulk check and Sincronização refresh reads them. The same
 * bytes give the same object, which callers must treat as read-only (they do: it is typed so); its
 * identity also keeps the listing validator's compiled checks (main/listings/validator.ts).
 */
const parsedSchemas = new Map<string, { readonly digest: string; readonly schema: Readonly<Record<string, unknown>> }>();
const MAX_PARSED = 32;

function parsedSchema(key: SchemaKey, bytes: Buffer): Readonly<Record<string, unknown>> {
  const id = `${key.marketplaceId}\u0000${key.productType}\u0000${key.locale}`;
  const digest = createHash('sha1').update(bytes).digest('base64');
  const known = parsedSchemas.get(id);
  if (known?.digest === digest) return known.schema;
  const schema = JSON.parse(inflateSync(bytes).toString('utf8')) as Record<string, unknown>;
  parsedSchemas.delete(id);
  if (parsedSchemas.size >= MAX_PARSED) parsedSchemas.delete(parsedSchemas.keys().next().value ?? '');
  parsedSchemas.set(id, { digest, schema });
  return schema;
}

/** The schema, inflated and parsed (once for the same stored bytes; read-only). */
export function getCachedSchema(db: ReadableDb, key: SchemaKey): CachedSchema | undefined {
  const row = timed('getCachedSchema', () =>
    db
      .prepare(`SELECT ${INFO_FIELDS}, schema FROM product_type_schemas WHERE marketplace_id = ? AND product_type = ? AND locale = ?`)
      .get(key.marketplaceId, key.productType, key.locale),
  ) as (InfoRow & { schema: Buffer }) | undefined;
  if (!row) return undefined;
  return { ...toInfo(row), schema: parsedSchema(key, row.schema) };
}

/** Any cached locale of a product type in a marketplace; the one asked for first. */
export function findCachedSchema(db: ReadableDb, marketplaceId: string, productType: string, preferredLocale: string): CachedSchema | undefined {
  const exact = getCachedSchema(db, { marketplaceId, productType, locale: preferredLocale });
  if (exact) return exact;
  const locale = db
    .prepare('SELECT locale FROM product_type_schemas WHERE marketplace_id = ? AND product_type = ? ORDER BY checked_at DESC LIMIT 1')
    .pluck()
    .get(marketplaceId, productType) as string | undefined;
  return locale === undefined ? undefined : getCachedSchema(db, { marketplaceId, productType, locale });
}

export function listCachedSchemas(db: ReadableDb, marketplaceId: string): CachedSchemaInfo[] {
  return (
    db.prepare(`SELECT ${INFO_FIELDS} FROM product_type_schemas WHERE marketplace_id = ? ORDER BY product_type, locale`).all(marketplaceId) as InfoRow[]
  ).map(toInfo);
}

export function saveSchema(db: Db, entry: CachedSchema): void {
  const bytes = deflateSync(Buffer.from(JSON.stringify(entry.schema), 'utf8'));
  db.prepare(
    `INSERT INTO product_type_schemas (${INFO_COLUMNS}, schema)
     VALUES (@marketplaceId, @productType, @locale, @displayName, @version, @checksum, @propertyGroups, @fetchedAt, @checkedAt, @schema)
     ON CONFLICT (marketplace_id, product_type, locale) DO UPDATE SET display_name = excluded.display_name, version = excluded.version,
       checksum = excluded.checksum, property_groups = excluded.property_groups, schema = excluded.schema,
       fetched_at = excluded.fetched_at, checked_at = excluded.checked_at`,
  ).run({ ...entry, propertyGroups: JSON.stringify(entry.propertyGroups), schema: bytes });
}

/** Amazon answered with the version we hold: remember that we asked, keep the schema. */
export function touchSchema(db: Db, key: SchemaKey, checkedAt: number): void {
  db.prepare('UPDATE product_type_schemas SET checked_at = ? WHERE marketplace_id = ? AND product_type = ? AND locale = ?').run(
    checkedAt,
    key.marketplaceId,
    key.productType,
    key.locale,
  );
}
