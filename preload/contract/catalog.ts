import { z } from 'zod';
import { fileTokenSchema } from './files';

/**
 * Import columns with one meaning each, for the manual mapping step's choices. Besides these a
 * column may map to `bullet:N` / `image:N` (N = 1…99), `characteristic:<name>` or
 * `variation:<name>`; main validates the exact form.
 */
export const CATALOG_SIMPLE_FIELDS = [
  'sku',
  'parentSku',
  'title',
  'description',
  'brand',
  'manufacturer',
  'category',
  'gtin',
  'gtinExempt',
  'price',
  'salePrice',
  'stock',
  'weightKg',
  'weightG',
  'lengthCm',
  'widthCm',
  'heightCm',
  'active',
  'kit',
  'bullets',
  'images',
] as const;

export const catalogFieldSchema = z.string().min(1).max(120);

export const columnMappingSchema = z.object({
  /** 0-based column index in the file. */
  column: z.number().int().nonnegative(),
  header: z.string(),
  /** null: the column is ignored. */
  field: catalogFieldSchema.nullable(),
});
export type CatalogColumnMapping = z.infer<typeof columnMappingSchema>;

const mappingInputSchema = z.array(z.object({ column: z.number().int().nonnegative().max(10_000), field: catalogFieldSchema.nullable() })).max(10_000);
export const sheetFormatSchema = z.enum(['xlsx', 'csv']);

export const gtinStatusSchema = z.enum(['valid', 'invalid', 'missing', 'exempt']);
/** A SKU's EAN state, or `problem`: any SKU whose code keeps it from Amazon (missing, invalid, shared with another SKU). */
export const gtinFilterSchema = z.enum(['valid', 'invalid', 'missing', 'exempt', 'problem']);

/**
 * A product's standing on Amazon in one marketplace, from its SKUs' send status (the first that
 * applies): a SKU refused, a SKU on its way, paused, on sale, not sent for a reason, taken off;
 * with no send yet, whether it is included ("queued" for the next cycle) or not.
 */
export const productAmazonStatusSchema = z.enum(['error', 'sending', 'paused', 'live', 'skipped', 'removed', 'queued', 'not-included']);
export type ProductAmazonStatus = z.infer<typeof productAmazonStatusSchema>;

/** What Amazon's catalog said about a SKU's EAN: the ASIN it is sold on (and its title there). */
export const catalogMatchViewSchema = z.object({ sku: z.string(), asin: z.string(), title: z.string().nullable() });
export type CatalogMatchView = z.infer<typeof catalogMatchViewSchema>;

export const catalogListInputSchema = z.object({
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(500),
  /** Words of the title/brand/description, or an exact SKU or EAN. */
  search: z.string().max(200).optional(),
  categoryId: z.number().int().positive().optional(),
  /** Products with at least one SKU in this EAN state. */
  gtinStatus: gtinFilterSchema.optional(),
  stock: z.enum(['in-stock', 'out-of-stock']).optional(),
  /** The header's account and marketplace: the list then shows each product's Amazon status there. */
  accountId: z.string().min(1).max(100).optional(),
  marketplaceId: z.string().min(1).max(40).optional(),
  /** Only products with this Amazon status in that marketplace (needs accountId and marketplaceId). */
  amazonStatus: productAmazonStatusSchema.optional(),
});

export const productListItemSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  categoryPath: z.string().nullable(),
  skuCount: z.number().int(),
  firstSku: z.string(),
  stock: z.number().int(),
  minPriceCents: z.number().int().nullable(),
  maxPriceCents: z.number().int().nullable(),
  /** SKUs whose EAN is missing or invalid (and not exempt). */
  gtinProblems: z.number().int(),
  imageUrl: z.string().nullable(),
  /** The one SKU of a product without variations (stock and price are edited in the list), else null. */
  singleSkuId: z.number().int().nullable(),
  /** The single SKU is a kit: its stock comes from its components. */
  singleSkuIsKit: z.boolean(),
  /** null when the list was asked without an account and marketplace. */
  amazonStatus: productAmazonStatusSchema.nullable(),
  /** The first of its SKUs that Amazon's catalog matched by EAN. */
  amazonMatch: catalogMatchViewSchema.nullable(),
});
export type ProductListItem = z.infer<typeof productListItemSchema>;

export const catalogListSchema = z.object({ total: z.number().int().nonnegative(), items: z.array(productListItemSchema) });

export const skuViewSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  gtin: z.string().nullable(),
  gtinExempt: z.boolean(),
  gtinStatus: gtinStatusSchema,
  priceCents: z.number().int().nullable(),
  salePriceCents: z.number().int().nullable(),
  /** For a kit, derived from its components' stock. */
  stock: z.number().int(),
  weightG: z.number().int().nullable(),
  lengthMm: z.number().int().nullable(),
  widthMm: z.number().int().nullable(),
  heightMm: z.number().int().nullable(),
  variation: z.record(z.string(), z.string()),
  active: z.boolean(),
  asin: z.string().nullable(),
  isKit: z.boolean(),
  kitComponents: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
  /** The SKU's own title, description and images; null where it has the product's. */
  title: z.string().nullable(),
  description: z.string().nullable(),
  imageUrls: z.array(z.string()).nullable(),
  /** Its own characteristic values (only where they differ from the product's). */
  characteristics: z.record(z.string(), z.string()),
  /** Amazon's catalog matched its EAN to this ASIN. */
  amazonMatch: catalogMatchViewSchema.nullable(),
  updatedAt: z.string(),
});
export type SkuView = z.infer<typeof skuViewSchema>;

export const productViewSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  brand: z.string().nullable(),
  manufacturer: z.string().nullable(),
  bulletPoints: z.array(z.string()),
  imageUrls: z.array(z.string()),
  categoryId: z.number().int().nullable(),
  categoryPath: z.string().nullable(),
  characteristics: z.record(z.string(), z.string()),
  skus: z.array(skuViewSchema),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof productViewSchema>;

export const importErrorSchema = z.object({
  /** Row number as Excel shows it (header = 1). */
  row: z.number().int().positive(),
  /** The column header as written in the file. */
  field: z.string(),
  /** Stable code, e.g. NOT_A_NUMBER, GTIN_SCIENTIFIC, DUPLICATE_SKU. */
  code: z.string(),
  /** Localized, naming the row and the column. */
  message: z.string(),
});

export const importReportSchema = z.object({
  /** Every column of the file with the field it feeds (auto-mapped unless a mapping was given). */
  columns: z.array(columnMappingSchema),
  /** The first data rows as text, for the mapping screen. */
  sample: z.array(z.array(z.string())),
  rows: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** The first 1000 errors; `errorCount` has them all and the rejected-rows file lists every row. */
  errors: z.array(importErrorSchema),
  errorCount: z.number().int().nonnegative(),
  /** The name of the rejected-rows file written (beside the spreadsheet unless the seller chose one). */
  rejectedFile: z.string().nullable(),
  /** For "show in folder". */
  rejectedFileToken: fileTokenSchema.nullable(),
  /** false for a preview: nothing was written. */
  committed: z.boolean(),
  /** Imported SKUs whose EAN keeps them from Amazon, each under its first cause: a warning, the rows are stored. */
  ean: z.object({
    total: z.number().int().nonnegative(),
    byCause: z.object({
      missing: z.number().int().nonnegative(),
      checkDigit: z.number().int().nonnegative(),
      inStore: z.number().int().nonnegative(),
      duplicate: z.number().int().nonnegative(),
      other: z.number().int().nonnegative(),
    }),
  }),
});
export type ImportReportView = z.infer<typeof importReportSchema>;

export const categorySchema = z.object({
  id: z.number().int(),
  /** The tree as parent links; null for a top-level category. */
  parentId: z.number().int().nullable(),
  name: z.string(),
  path: z.string(),
});
export type CategoryView = z.infer<typeof categorySchema>;

/** What the seller typed (an empty text clears an optional field; for a SKU, "same as the product"). */
const typed = (max: number) => z.string().max(max);
const typedCharacteristics = z.record(z.string().max(200), typed(5000)).refine((r) => Object.keys(r).length <= 200);

export const productChangesSchema = z.object({
  title: typed(5000).optional(),
  description: typed(100_000).optional(),
  brand: typed(1000).optional(),
  manufacturer: typed(1000).optional(),
  characteristics: typedCharacteristics.optional(),
});
export type ProductChanges = z.infer<typeof productChangesSchema>;

export const skuChangesSchema = z.object({
  title: typed(5000).optional(),
  description: typed(100_000).optional(),
  gtin: typed(200).optional(),
  price: typed(100).optional(),
  salePrice: typed(100).optional(),
  stock: typed(100).optional(),
  characteristics: typedCharacteristics.optional(),
});
export type SkuChanges = z.infer<typeof skuChangesSchema>;

/** Saved (with the product as it now is), or each refused field with a localized message naming it. */
export const editResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), product: productViewSchema }),
  z.object({ saved: z.literal(false), errors: z.array(z.object({ field: z.string(), message: z.string() })) }),
]);
export type EditResult = z.infer<typeof editResultSchema>;

export const catalogChannels = {
  'catalog:list': { input: catalogListInputSchema, output: catalogListSchema },
  'catalog:get': { input: z.object({ productId: z.number().int().positive() }), output: productViewSchema },
  /** Runs the whole import without saving; progress events of kind `catalog-import-preview`. The file comes from `files:choose-import`. */
  'catalog:import-preview': { input: z.object({ fileToken: fileTokenSchema, mapping: mappingInputSchema.optional() }), output: importReportSchema },
  /**
   * All-or-nothing import; progress events of kind `catalog-import`. Refused rows go to the file
   * chosen with `files:choose-export`, or else beside the spreadsheet (`produtos-erros.csv`).
   */
  'catalog:import-commit': {
    input: z.object({ fileToken: fileTokenSchema, mapping: mappingInputSchema.optional(), rejectedFileToken: fileTokenSchema.optional() }),
    output: importReportSchema,
  },
  /** Progress events of kind `catalog-export`. Writes the file chosen with `files:choose-export`; format defaults to its extension. */
  'catalog:export': {
    /** With `filter`, only the products the list shows under it; without, the whole catalog. */
    input: z.object({
      fileToken: fileTokenSchema,
      format: sheetFormatSchema.optional(),
      filter: catalogListInputSchema.omit({ offset: true, limit: true }).optional(),
    }),
    output: z.object({ rows: z.number().int().nonnegative(), name: z.string() }),
  },
  'catalog:template': { input: z.object({ fileToken: fileTokenSchema, format: sheetFormatSchema.optional() }), output: z.object({ name: z.string() }) },
  'catalog:categories': { input: z.void(), output: z.array(categorySchema) },
  /** Edits the product's family fields; the same validation as the import. A change moves the send engine's stamp. */
  'catalog:update-product': { input: z.object({ productId: z.number().int().positive(), changes: productChangesSchema }), output: editResultSchema },
  /** Edits one SKU (stock, prices, EAN, its own texts and characteristics); a stock or price change goes out in the next fast lane. */
  'catalog:update-sku': { input: z.object({ skuId: z.number().int().positive(), changes: skuChangesSchema }), output: editResultSchema },
} as const;
