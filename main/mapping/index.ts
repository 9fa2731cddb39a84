/**
 * Mapping: store categories → Amazon product types (per marketplace, inherited down the tree),
 * characteristics → attributes (value maps, units, defaults) and cached product type schemas.
 * What the send engine uses:
 *
 * - `createMappingResolver(db, marketplaceId, languageTag)`: category → ProductTypeMapping and
 *   product type → cached schema, for a pipeline that reads the catalog its own way.
 * - `storeColumnLabels(translator)`: the store column each attribute is filled from, for issues.
 *
 * The per-marketplace product selection ("Incluir produtos": which products go to Amazon and
 * whether each is ready) builds on the send engine and lives in main/selection/.
 */
export { createMappingResolver, type MappingResolver, type ResolvedMapping, type CachedProductTypeSchema } from './resolver';
export { storeColumnLabels } from './attributes';
export { ensureSchema, refreshMappedSchemas, schemaLocale, SCHEMA_RECHECK_MS, type SchemaOutcome } from './schemas';
