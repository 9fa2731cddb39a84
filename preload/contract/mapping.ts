import { z } from 'zod';

/** Mapping: store categories → Amazon product types, characteristics → attributes, selection. */

const id = z.number().int().positive();
const marketplaceId = z.string().min(1).max(40);
const productType = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Z0-9_]+$/);
const scope = { accountId: z.string().min(1).max(100), marketplaceId };
const productIds = z.array(id).min(1).max(500);
/** The "Incluir produtos" list's filter; the bulk actions take the same one, so they act on what the seller sees. */
const selectionFilter = { search: z.string().max(200).optional(), categoryId: id.optional() };

export const categoryRowSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  path: z.string(),
  /** Its own products. */
  products: z.number().int(),
  /** Its own and its subcategories' products. */
  subtreeProducts: z.number().int(),
  /** Set on this category itself. */
  productType: z.string().nullable(),
  /** Amazon's name of `productType` in the marketplace's language ("Pulseira"); null while unknown. */
  productTypeName: z.string().nullable(),
  variationTheme: z.string().nullable(),
  /** Its own or inherited from `inheritedFrom`; null: unmapped. */
  effectiveProductType: z.string().nullable(),
  effectiveProductTypeName: z.string().nullable(),
  inheritedFrom: z.number().int().nullable(),
  /** Has products of its own and no product type (an empty parent never needs one). */
  needsMapping: z.boolean(),
  /** The product type most of its products have on Amazon (catalog matches), when any matched. */
  suggestion: z.object({ productType: z.string(), displayName: z.string(), products: z.number().int(), of: z.number().int() }).nullable(),
});
export type CategoryRow = z.infer<typeof categoryRowSchema>;

export const suggestionSchema = z.object({
  productType: z.string(),
  /** In the marketplace's language. */
  displayName: z.string(),
  /** `catalog`: the category's products are this type on Amazon; `category`/`title`: Amazon's searches found it. */
  matchedBy: z.array(z.enum(['catalog', 'category', 'title'])),
  hits: z.number().int(),
  /** For `catalog`: `products` of the category's `of` products are this type on Amazon. */
  evidence: z.object({ products: z.number().int(), of: z.number().int() }).nullable(),
});
export type ProductTypeSuggestion = z.infer<typeof suggestionSchema>;

export const defaultValueSchema = z.union([z.string().max(2000), z.number(), z.boolean()]);

export const attributeMappingSchema = z.object({
  marketplaceId,
  productType,
  attribute: z.string().min(1).max(100),
  characteristic: z.string().min(1).max(100).nullable(),
  valueMap: z.record(z.string().max(500), z.string().max(500)),
  unit: z.string().min(1).max(60).nullable(),
  defaultValue: defaultValueSchema.nullable(),
});
export type AttributeMappingInput = z.infer<typeof attributeMappingSchema>;

export const requirementSchema = z.enum(['required', 'conditional', 'optional']);

export const attributeInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  requirement: requirementSchema,
  storeField: z.string().nullable(),
  valueType: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  closedList: z.boolean(),
  units: z.array(z.string()),
  /** The same units with the schema's labels, in the marketplace's language. */
  unitOptions: z.array(z.object({ value: z.string(), label: z.string() })),
  structured: z.boolean(),
  mapping: attributeMappingSchema.nullable(),
  /** How many of the seller's products this attribute keeps from being sent (the send engine's own check). */
  blocking: z.number().int(),
  /** For a conditional attribute: when it is required, in the seller's language. */
  condition: z.string().nullable(),
});
export type AttributeInfo = z.infer<typeof attributeInfoSchema>;

export const schemaOutcomeSchema = z.enum(['cached', 'unchanged', 'downloaded', 'updated', 'stale']);

export const attributesViewSchema = z.object({
  productType: z.string(),
  displayName: z.string(),
  version: z.string(),
  checkedAt: z.number(),
  schemaOutcome: schemaOutcomeSchema,
  variationThemes: z.array(z.string()),
  /** The categories whose products get this product type (within the chosen category, if any). */
  categories: z.array(z.object({ id: z.number().int(), path: z.string() })),
  /** Their products: in all, looked at (the first 5,000 at most), and ready to send. */
  products: z.object({ total: z.number().int(), checked: z.number().int(), ready: z.number().int() }),
  /** Most blocking first. */
  attributes: z.array(attributeInfoSchema),
  /** Characteristics those products have, most used first. */
  characteristics: z.array(z.string()),
});
export type AttributesView = z.infer<typeof attributesViewSchema>;

export const checkStatusSchema = z.enum(['ready', 'invalid', 'blocked']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const problemSchema = z.object({
  sku: z.string(),
  code: z.string(),
  message: z.string(),
  storeField: z.string().nullable(),
  attribute: z.string().nullable(),
});

export const selectionItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  firstSku: z.string(),
  skuCount: z.number().int(),
  categoryPath: z.string().nullable(),
  selected: z.boolean(),
  /** `rule`: a listing rule selects it (change the rule to take it out). */
  selectedBy: z.enum(['manual', 'rule']).nullable(),
  status: checkStatusSchema,
  problems: z.array(problemSchema),
});
export type SelectionItem = z.infer<typeof selectionItemSchema>;

/**
 * Why a product stayed out of an "include all", counted per reason: the blocking reason of its
 * first blocked SKU, `invalid` when the document fails the product type schema, `no_skus` for a
 * product without SKUs, `other` for a builder refusal with no reason of its own here.
 */
export const bulkRejectReasonSchema = z.enum([
  'no_skus',
  'no_category',
  'category_unmapped',
  'schema_missing',
  'no_price',
  'no_variation_theme',
  'gtin_rejected',
  'invalid',
  'restricted',
  'restriction_pending',
  'other',
]);
export type BulkRejectReason = z.infer<typeof bulkRejectReasonSchema>;

export const includeAllResultSchema = z.object({
  /** The `task:progress` task that reported the run (kind `mapping:include-all`). */
  taskId: z.string(),
  /** Products matching the filter, all looked at. */
  matched: z.number().int(),
  /** Ready products newly chosen. */
  included: z.number().int(),
  /** Ready products the seller had already chosen. */
  alreadyIncluded: z.number().int(),
  /** Non-ready products per reason, most frequent first. */
  rejected: z.array(z.object({ reason: bulkRejectReasonSchema, count: z.number().int() })),
  /** The first few products left out, with their localized reasons. */
  rejectedSample: z.array(
    z.object({ productId: z.number().int(), title: z.string(), status: checkStatusSchema, reason: bulkRejectReasonSchema, reasons: z.array(z.string()) }),
  ),
});
export type IncludeAllResult = z.infer<typeof includeAllResultSchema>;

export const previewSchema = z.object({
  productId: z.number().int(),
  status: checkStatusSchema,
  skus: z.array(
    z.object({
      sku: z.string(),
      status: checkStatusSchema,
      productType: z.string().nullable(),
      blocked: z.object({ code: z.string(), message: z.string() }).nullable(),
      issues: z.array(z.object({ attribute: z.string(), code: z.string(), message: z.string(), path: z.string(), storeField: z.string().nullable() })),
      /** The exact document that would be sent, pretty-printed. */
      json: z.string().nullable(),
      hash: z.string().nullable(),
      lastSentAt: z.number().nullable(),
      /** null: never sent (or the send engine keeps no record yet). */
      changedSinceSent: z.boolean().nullable(),
      /** Attribute-level difference against the last sent feed message; null when none is stored. */
      diff: z
        .array(
          z.object({ attribute: z.string(), change: z.enum(['added', 'removed', 'changed']), before: z.string().nullable(), after: z.string().nullable() }),
        )
        .nullable(),
    }),
  ),
});
export type ListingPreview = z.infer<typeof previewSchema>;

export const amazonCheckSchema = z.object({
  productId: z.number().int(),
  results: z.array(
    z.object({
      sku: z.string(),
      status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
      /** Amazon's code and message verbatim; `explanation` says what it means for the seller, in their language. */
      issues: z.array(
        z.object({
          code: z.string(),
          message: z.string(),
          severity: z.enum(['ERROR', 'WARNING', 'INFO']),
          attributeNames: z.array(z.string()),
          explanation: z.string(),
        }),
      ),
    }),
  ),
});
export type AmazonCheck = z.infer<typeof amazonCheckSchema>;

export const mappingChannels = {
  'mapping:categories': {
    input: z.object({ marketplaceId }),
    output: z.object({ items: z.array(categoryRowSchema), unmapped: z.number().int() }),
  },
  'mapping:suggest': { input: z.object({ ...scope, categoryId: id }), output: z.array(suggestionSchema) },
  /** The variation theme that fits what varies among the category's products (SIZE/COLOR for "Cor" + "Tamanho"); null: none fits. */
  'mapping:suggest-theme': { input: z.object({ ...scope, categoryId: id, productType }), output: z.string().nullable() },
  'mapping:search-product-types': {
    input: z.object({ ...scope, keywords: z.string().max(200) }),
    output: z.array(z.object({ productType: z.string(), displayName: z.string() })),
  },
  /** Saves the mapping after fetching (or reusing) the product type's schema. */
  'mapping:map-category': {
    input: z.object({ ...scope, categoryId: id, productType, variationTheme: z.string().min(1).max(100).nullable() }),
    output: z.object({ schemaOutcome: schemaOutcomeSchema }),
  },
  'mapping:unmap-category': { input: z.object({ marketplaceId, categoryId: id }), output: z.boolean() },
  /** One product type's attributes for the seller's products (of one category of it, with `categoryId`). */
  'mapping:attributes': {
    input: z.object({ ...scope, productType, refresh: z.boolean().optional(), categoryId: id.optional() }),
    output: attributesViewSchema,
  },
  /** A characteristic's values; with a product type, only among its categories' products (what a value map translates). */
  'mapping:values': {
    input: z.object({
      characteristic: z.string().min(1).max(100),
      marketplaceId: marketplaceId.optional(),
      productType: productType.optional(),
      categoryId: id.optional(),
    }),
    output: z.array(z.object({ value: z.string(), products: z.number().int() })),
  },
  'mapping:save-attribute': { input: attributeMappingSchema, output: z.void() },
  'mapping:selection': {
    input: z.object({
      ...scope,
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(100),
      ...selectionFilter,
    }),
    output: z.object({ total: z.number().int(), items: z.array(selectionItemSchema) }),
  },
  /** Selects the ready products only; the others come back with their reasons. */
  'mapping:include': {
    input: z.object({ ...scope, productIds }),
    output: z.object({
      included: z.array(z.number().int()),
      rejected: z.array(z.object({ productId: z.number().int(), status: checkStatusSchema, reasons: z.array(z.string()) })),
    }),
  },
  'mapping:exclude': { input: z.object({ ...scope, productIds }), output: z.number().int() },
  /**
   * Includes every ready product matching the filter, in chunks, with progress on `task:progress`;
   * refused while another bulk change of the same account × marketplace runs.
   */
  'mapping:include-all': { input: z.object({ ...scope, ...selectionFilter }), output: includeAllResultSchema },
  /** Takes the seller's choices among the products matching the filter out; listing rules still apply. Answers how many. */
  'mapping:exclude-all': { input: z.object({ ...scope, ...selectionFilter }), output: z.number().int() },
  'mapping:preview': { input: z.object({ ...scope, productId: id }), output: previewSchema },
  /** putListingsItem in VALIDATION_PREVIEW mode: Amazon validates, nothing is saved. */
  'mapping:check-amazon': { input: z.object({ ...scope, productId: id }), output: amazonCheckSchema },
} as const;
