import { z } from 'zod';

const scopeSchema = z.object({ accountId: z.string().min(1).max(100), marketplaceId: z.string().min(1).max(40) });
const pageSchema = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(500).default(50) };

export const linkTreatmentSchema = z.enum(['unconfirmed', 'keep-amazon', 'vitrine-manages']);
export type LinkTreatment = z.infer<typeof linkTreatmentSchema>;
export const matchedBySchema = z.enum(['sku', 'asin', 'ean', 'import']);

export const linkingCountsSchema = z.object({
  amazonListings: z.number().int().nonnegative(),
  linked: z.number().int().nonnegative(),
  unconfirmed: z.number().int().nonnegative(),
  keepAmazon: z.number().int().nonnegative(),
  vitrineManages: z.number().int().nonnegative(),
  amazonOnly: z.number().int().nonnegative(),
  catalogOnly: z.number().int().nonnegative(),
});
export type LinkingCountsView = z.infer<typeof linkingCountsSchema>;

export const linkingOverviewSchema = z.object({
  counts: linkingCountsSchema,
  /** The last read of the seller's offers; null before the first. */
  lastRead: z
    .object({
      state: z.enum(['requested', 'done', 'failed']),
      startedAt: z.number(),
      finishedAt: z.number().nullable(),
      listings: z.number().int().nullable(),
      apiCalls: z.number().int(),
    })
    .nullable(),
});
export type LinkingOverview = z.infer<typeof linkingOverviewSchema>;

export const linkedItemSchema = z.object({
  amazonSku: z.string(),
  skuId: z.number().int(),
  sku: z.string(),
  productId: z.number().int(),
  title: z.string(),
  amazonTitle: z.string(),
  asin: z.string().nullable(),
  matchedBy: matchedBySchema,
  treatment: linkTreatmentSchema,
  /** Decimal text in the marketplace currency, as Amazon reported it. */
  amazonPrice: z.string().nullable(),
  amazonQuantity: z.number().int().nullable(),
  priceCents: z.number().int().nullable(),
  stock: z.number().int(),
});
export type LinkedItemView = z.infer<typeof linkedItemSchema>;

export const amazonOnlyItemSchema = z.object({
  sku: z.string(),
  asin: z.string().nullable(),
  gtin14: z.string().nullable(),
  title: z.string(),
  price: z.string().nullable(),
  quantity: z.number().int().nullable(),
  status: z.string().nullable(),
  unmatchedReason: z.enum(['ambiguous']).nullable(),
});
export type AmazonOnlyItemView = z.infer<typeof amazonOnlyItemSchema>;

export const catalogOnlyItemSchema = z.object({
  skuId: z.number().int(),
  sku: z.string(),
  productId: z.number().int(),
  title: z.string(),
  gtin: z.string().nullable(),
  priceCents: z.number().int().nullable(),
  stock: z.number().int(),
});
export type CatalogOnlyItemView = z.infer<typeof catalogOnlyItemSchema>;

const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int().nonnegative(), items: z.array(item) });

export const linkingChannels = {
  'linking:overview': { input: scopeSchema, output: linkingOverviewSchema },
  /** Reads the seller's offers through a listings report (a minute or more) and links them. */
  'linking:read': {
    input: scopeSchema,
    output: z.object({
      taskId: z.string(),
      listings: z.number().int(),
      matched: z.object({ sku: z.number().int(), asin: z.number().int(), ean: z.number().int() }),
      ambiguous: z.number().int(),
      overview: linkingOverviewSchema,
    }),
  },
  'linking:linked': { input: scopeSchema.extend({ ...pageSchema, treatment: linkTreatmentSchema.optional() }), output: page(linkedItemSchema) },
  'linking:amazon-only': { input: scopeSchema.extend(pageSchema), output: page(amazonOnlyItemSchema) },
  'linking:catalog-only': { input: scopeSchema.extend(pageSchema), output: page(catalogOnlyItemSchema) },
  /** The seller's decision for the given offers, or (amazonSkus null) every one still unconfirmed. */
  'linking:confirm': {
    input: scopeSchema.extend({ amazonSkus: z.array(z.string().min(1).max(40)).max(10_000).nullable(), treatment: z.enum(['keep-amazon', 'vitrine-manages']) }),
    output: z.object({ changed: z.number().int(), overview: linkingOverviewSchema }),
  },
  /** Amazon-only offers become catalog products (amazonSkus null: all of them). */
  'linking:import': {
    input: scopeSchema.extend({ amazonSkus: z.array(z.string().min(1).max(40)).max(10_000).nullable() }),
    output: z.object({ imported: z.number().int(), skipped: z.array(z.string()), overview: linkingOverviewSchema }),
  },
} as const;
