/**
 * Mapping: store categories → Amazon product types (per marketplace, inherited down the tree),
 * characteristics → attributes (value maps, units, defaults), cached product type schemas, and
 * the per-marketplace product selection. What the send engine uses:
 *
 * - `listingInputsFor(db, accountId, marketplaceId, { settings, today })`: every selected SKU
 *   (manual choices + listing rules) as a ready BuildInput, or blocked with its reason.
 * - `createMappingResolver(db, marketplaceId, languageTag)`: category → ProductTypeMapping and
 *   product type → cached schema, for a pipeline that reads the catalog its own way.
 * - `checkProducts(...)`: build + validate offline, the "ready to send" verdict of the UI.
 *
 * `bulk-selection.ts` includes every ready product of a filter (or removes the seller's choices)
 * for the "Incluir produtos" screen, in chunks with progress.
 */
export {
  listingInputsFor,
  type ListingInputEntry,
  type ReadyListingInput,
  type BlockedListingInput,
  type BlockReason,
  type ListingInputsOptions,
} from './listing-inputs';
export { createMappingResolver, type MappingResolver, type ResolvedMapping, type CachedProductTypeSchema } from './resolver';
export { checkProducts, storeColumnLabels, type ProductCheck, type SkuCheck, type CheckStatus } from './product-checks';
export { ensureSchema, refreshMappedSchemas, schemaLocale, SCHEMA_RECHECK_MS, type SchemaOutcome } from './schemas';
