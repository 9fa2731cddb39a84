import { z } from 'zod';

export const eanSeveritySchema = z.enum(['error', 'warning', 'info']);
export type EanSeverity = z.infer<typeof eanSeveritySchema>;

/** A problem code (main/ean/problems.ts, report.ts): `CHECK_DIGIT`, `MISSING`, `DUPLICATE`… */
const problemCodeSchema = z.string().regex(/^[A-Z0-9_]{1,40}$/);

/** One problem, already localized in main: a short label for lists and the full text with its fix. */
export const eanProblemSchema = z.object({
  code: problemCodeSchema,
  severity: eanSeveritySchema,
  label: z.string(),
  message: z.string(),
});
export type EanProblem = z.infer<typeof eanProblemSchema>;

export const gtinKindSchema = z.enum(['GTIN-8', 'GTIN-12', 'GTIN-13', 'GTIN-14', 'ISBN', 'ISSN']);

export const eanCheckSchema = z.object({
  input: z.string(),
  valid: z.boolean(),
  gtin14: z.string().nullable(),
  kind: gtinKindSchema.nullable(),
  problems: z.array(eanProblemSchema),
});
export type EanCheck = z.infer<typeof eanCheckSchema>;

export const eanFindingSchema = z.object({
  sku: z.string(),
  ean: z.string().nullable(),
  gtin14: z.string().nullable(),
  severity: eanSeveritySchema,
  /** Other SKUs with the same code (for DUPLICATE). */
  sameCodeAs: z.array(z.string()),
  problems: z.array(eanProblemSchema),
});
export type EanFinding = z.infer<typeof eanFindingSchema>;

export const eanReportInputSchema = z.object({
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(500),
  /** Only SKUs with this problem. */
  code: problemCodeSchema.optional(),
  /** Only SKUs whose worst problem has this severity. */
  severity: eanSeveritySchema.optional(),
});

export const eanReportSchema = z.object({
  total: z.number().int().nonnegative(),
  valid: z.number().int().nonnegative(),
  exempt: z.number().int().nonnegative(),
  /** Distinct codes shared by more than one SKU. */
  duplicateCodes: z.number().int().nonnegative(),
  /** Every problem seen at least once, worst first, with how many SKUs show it. */
  counts: z.array(z.object({ code: problemCodeSchema, severity: eanSeveritySchema, label: z.string(), count: z.number().int().positive() })),
  /** The requested page of SKUs with errors or warnings; `total` counts the filtered list. */
  page: z.object({ total: z.number().int().nonnegative(), items: z.array(eanFindingSchema) }),
});
export type EanReportView = z.infer<typeof eanReportSchema>;

export const eanMatchSummarySchema = z.object({
  taskId: z.string(),
  looked: z.number().int().nonnegative(),
  /** SKUs whose code names exactly one Amazon product. */
  matched: z.number().int().nonnegative(),
  /** Of those, SKUs that had no ASIN and got the one found. */
  attached: z.number().int().nonnegative(),
  none: z.number().int().nonnegative(),
  ambiguous: z.array(z.object({ sku: z.string(), asins: z.array(z.string()) })),
  invalid: z.number().int().nonnegative(),
  /** SKUs not looked up because another SKU has the same code. */
  duplicates: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Why lookups failed, localized; Amazon's own code and request id stay in `details`. */
  errors: z.array(z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })),
});
export type EanMatchSummary = z.infer<typeof eanMatchSummarySchema>;

export const catalogMatchOutcomeSchema = z.enum(['matched', 'none', 'ambiguous']);

/** What Amazon's catalog said about one SKU's barcode in one marketplace ("encontrado na Amazon: ASIN … (título)"). */
export const catalogMatchSchema = z.object({
  skuId: z.number().int(),
  marketplaceId: z.string(),
  outcome: catalogMatchOutcomeSchema,
  /** The one product carrying the code (outcome `matched`). */
  asin: z.string().nullable(),
  /** Amazon's title and brand of that product, in the marketplace's language. */
  title: z.string().nullable(),
  brand: z.string().nullable(),
  /** Amazon's product type of the product (also when several products share the code and agree). */
  productType: z.string().nullable(),
  /** Every ASIN carrying the code (outcome `ambiguous`). */
  candidates: z.array(z.string()),
  /** True when this match gave the SKU its ASIN (the send engine offers on `skus.asin`). */
  attached: z.boolean(),
  matchedAt: z.number(),
});
export type CatalogMatchAnswer = z.infer<typeof catalogMatchSchema>;

export const catalogMatchStatusSchema = z.object({
  /** A background pass is looking codes up now. */
  running: z.boolean(),
  /** The marketplace of the pass in progress, and its progress in SKUs. */
  runningMarketplaceId: z.string().nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Stored answers in the marketplace asked about. */
  matched: z.number().int().nonnegative(),
  none: z.number().int().nonnegative(),
  ambiguous: z.number().int().nonnegative(),
});
export type CatalogMatchStatus = z.infer<typeof catalogMatchStatusSchema>;

export const eanChannels = {
  /** Checks one code as the seller types it (product editor). */
  'ean:check': { input: z.object({ code: z.string().max(100) }), output: eanCheckSchema },
  /** The catalog-wide EAN panel: counts per problem and one page of offending SKUs. */
  'ean:report': { input: eanReportInputSchema, output: eanReportSchema },
  /** Finds existing Amazon products by EAN for SKUs without an ASIN, and stores the ASINs found. */
  'ean:match-asins': {
    input: z.object({
      accountId: z.string().min(1),
      marketplaceId: z.string().min(1),
      /** Ask again about codes already looked up (Amazon's catalog may have changed). */
      force: z.boolean().optional(),
    }),
    output: eanMatchSummarySchema,
  },
  /**
   * Amazon's catalog answers for these SKUs in one marketplace (missing SKUs: not looked up yet,
   * or their code is invalid or shared). Matching runs by itself after every import.
   */
  'ean:catalog-matches': {
    input: z.object({ marketplaceId: z.string().min(1).max(40), skuIds: z.array(z.number().int().positive()).max(500) }),
    output: z.array(catalogMatchSchema),
  },
  /** Whether the background matching is running (progress also arrives on `task:progress`, kind `ean:catalog-match`) and its counts. */
  'ean:catalog-match-status': { input: z.object({ marketplaceId: z.string().min(1).max(40) }), output: catalogMatchStatusSchema },
  /**
   * The demo catalog spreadsheet ("planilha de exemplo": ~200 Brazilian products, most of them on
   * the demo account's Amazon), as a file token the catalog import channels accept.
   */
  'ean:sample-sheet': { input: z.void(), output: z.object({ fileToken: z.string(), name: z.string() }) },
} as const;
