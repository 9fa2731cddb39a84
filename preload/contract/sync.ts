import { z } from 'zod';

/** What a seller decides per account × marketplace (issue "Settings per account and marketplace"). */
export const syncSettingsSchema = z.object({
  /** Below this stock the SKU is sent with quantity 0 and reads "paused". */
  safetyStock: z.number().int().min(0).default(0),
  /**
   * false: "don't update prices of existing offers". An offer already on Amazon (sent by Vitrine,
   * or an existing offer the seller lets Vitrine manage) gets no price attributes: the seller
   * manages its price there, and content changes go as PARTIAL_UPDATE so that price stays. A new
   * offer still carries its price — Amazon creates no offer without one.
   */
  sendPrice: z.boolean().default(true),
  /** false: SKUs of variation families are not sent. */
  sendVariations: z.boolean().default(true),
  /** false: kits are not sent; their status explains why. */
  sendKits: z.boolean().default(true),
  handlingTimeDays: z.number().int().min(0).max(30).default(2),
  /** Store characteristic holding a product's own handling time in days (overrides the default). */
  handlingTimeCharacteristic: z.string().min(1).optional(),
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
   * Optional fallback for products whose category is not mapped (Categorias screen): every such
   * product is sent as this product type, with these constant attributes and characteristic map.
   * Unset (the default), an unmapped product is not sent and says which mapping it lacks. One rule
   * for the send, "Incluir produtos" and the preview; like a mapped type, it needs its schema
   * cached (a full cycle downloads it) before anything is sent as it.
   */
  defaultProductType: z.string().min(1).max(80).optional(),
  defaultAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Amazon attribute → store characteristic that fills it (`color` → "Cor"). */
  characteristicAttributes: z.record(z.string(), z.string()).default({}),
  variationTheme: z.string().optional(),
});

export const SYNC_STATUSES = ['pending', 'sending', 'waiting', 'live', 'error', 'paused', 'skipped', 'removed'] as const;
export const syncStatusSchema = z.enum(SYNC_STATUSES);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncIssueSchema = z.object({
  /** Amazon's code and message, verbatim. */
  code: z.string(),
  message: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  attributeName: z.string().optional(),
  /** Our explanation and fix hint, in the seller's language. */
  explanation: z.string(),
});

export const syncStatusRowSchema = z.object({
  accountId: z.string(),
  marketplaceId: z.string(),
  sku: z.string(),
  status: syncStatusSchema,
  /** Localized status label. */
  label: z.string(),
  /** Localized reason for skipped/paused/removed or a local build problem. */
  reason: z.string().nullable(),
  asin: z.string().nullable(),
  issues: z.array(syncIssueSchema),
  sentAt: z.number().nullable(),
  updatedAt: z.number(),
  /** Only when asked by product: the catalog SKU this row is sent for (`sku` may be a linked offer's Amazon SKU). */
  catalogSku: z.string().optional(),
});
export type SyncStatusRow = z.infer<typeof syncStatusRowSchema>;

export const syncRunSummarySchema = z.object({
  sent: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});

export const syncFeedViewSchema = z.object({
  id: z.number().int(),
  marketplaceId: z.string(),
  feedId: z.string().nullable(),
  step: z.string(),
  messages: z.number().int(),
  bytes: z.number().int(),
  accepted: z.number().int().nullable(),
  invalid: z.number().int().nullable(),
  processingStatus: z.string().nullable(),
  createdAt: z.number(),
  submittedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  error: z.string().nullable(),
});

export const syncRunViewSchema = z.object({
  id: z.number().int(),
  accountId: z.string(),
  lane: z.enum(['full', 'fast']),
  trigger: z.enum(['schedule', 'manual', 'cli']),
  state: z.enum(['running', 'done', 'failed']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
  sent: z.number().int(),
  accepted: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  feeds: z.array(syncFeedViewSchema),
});

export const syncStatusChangedSchema = z.object({
  accountId: z.string(),
  /** Per-status counts after the change, for badges; rows are re-read through sync:status. */
  counts: z.partialRecord(syncStatusSchema, z.number().int().nonnegative()),
  skus: z.array(z.string()).max(1000),
  last: z.number().nullable(),
  next: z.number().nullable(),
});

/** The cause several rows share (main/db/tables/sync-overview.ts), as a filter of the product list. */
export const syncCauseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reason'), status: syncStatusSchema, reason: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('issue'), code: z.string().min(1).max(100), attribute: z.string().max(200) }),
  z.object({ kind: z.literal('unknown') }),
]);
export type SyncCause = z.infer<typeof syncCauseSchema>;

/** The screen where the seller fixes a cause; `param` narrows it (a product type for Características). */
export const SYNC_FIX_SCREENS = ['characteristics', 'categories', 'products', 'accounts', 'linking', 'selection', 'rules', 'settings'] as const;
export const syncFixSchema = z.object({ screen: z.enum(SYNC_FIX_SCREENS), param: z.string().nullable() });
export type SyncFix = z.infer<typeof syncFixSchema>;

export const syncCauseGroupSchema = z.object({
  cause: syncCauseSchema,
  /** Products (SKUs) with this cause in the marketplace. */
  skus: z.number().int().nonnegative(),
  /** Short, in the seller's language: "Falta preencher: Cor". */
  label: z.string(),
  /** What to do about it. */
  hint: z.string(),
  /** False for products left out by the seller's own choice (not selected, kits off…): shown apart. */
  needsAction: z.boolean(),
  /** One of Amazon's messages for this cause, verbatim (shown labelled as Amazon's). */
  amazonMessage: z.string().nullable(),
  fix: syncFixSchema.nullable(),
});
export type SyncCauseGroup = z.infer<typeof syncCauseGroupSchema>;

export const syncOverviewSchema = z.object({
  /** Per status, this marketplace only; statuses no SKU has are left out. */
  counts: z.partialRecord(syncStatusSchema, z.number().int().nonnegative()),
  groups: z.array(syncCauseGroupSchema),
  /** The account's newest cycle, when it failed as a whole (the account did not answer). */
  failedRun: z.object({ at: z.number(), message: z.string() }).nullable(),
  last: z.number().nullable(),
  next: z.number().nullable(),
});
export type SyncOverview = z.infer<typeof syncOverviewSchema>;

export const syncProductRowSchema = syncStatusRowSchema.extend({
  productId: z.number().int().nullable(),
  /** The catalog product's name; null when it left the catalog. */
  title: z.string().nullable(),
});
export type SyncProductRow = z.infer<typeof syncProductRowSchema>;

/** The send schedule (app-wide). Bounds are checked in main, which names the field in the seller's language. */
export const sendIntervalsInputSchema = z.object({ fullMinutes: z.number().int(), fastMinutes: z.number().int() });
export const sendScheduleSchema = z.object({
  fullMinutes: z.number().int(),
  fastMinutes: z.number().int(),
  /** When each lane runs next (epoch ms), after the change. */
  nextFull: z.number(),
  nextFast: z.number(),
});
export type SendSchedule = z.infer<typeof sendScheduleSchema>;

/** Amazon's answer to "may this seller offer this ASIN?" (main/restrictions): allowed, restricted, waiting for it, or let go unverified. */
export const RESTRICTION_STATES = ['allowed', 'restricted', 'pending', 'unverified'] as const;
export const restrictionStateSchema = z.enum(RESTRICTION_STATES);

export const restrictionItemSchema = z.object({
  marketplaceId: z.string(),
  sku: z.string(),
  productId: z.number().int(),
  title: z.string(),
  asin: z.string(),
  state: restrictionStateSchema,
  /** Short, in the seller's language: "A Amazon exige aprovação para esta marca/categoria". */
  label: z.string(),
  /** What happens next, for a product not restricted (waiting, let go, allowed); null when the reasons say it. */
  hint: z.string().nullable(),
  reasons: z.array(
    z.object({
      /** APPROVAL_REQUIRED, ASIN_NOT_FOUND, NOT_ELIGIBLE, or Amazon's error code. */
      code: z.string().nullable(),
      /** Amazon's message, verbatim. */
      message: z.string(),
      /** What it means and what to do, in the seller's language. */
      explanation: z.string(),
      /** Where Amazon takes the approval request: https only, opened in the system browser. */
      links: z.array(z.object({ url: z.string().startsWith('https://'), title: z.string().nullable() })),
    }),
  ),
  checkedAt: z.number().nullable(),
  pendingSince: z.number().nullable(),
  /** Amazon's last error while checking, verbatim (status, code, message). */
  lastError: z.string().nullable(),
});
export type RestrictionItem = z.infer<typeof restrictionItemSchema>;

export const syncChannels = {
  'sync:get-schedule': { input: z.void(), output: sendScheduleSchema },
  /** Takes effect at once: the scheduler moves its next runs without a restart. */
  'sync:set-schedule': { input: sendIntervalsInputSchema, output: sendScheduleSchema },
  /** "Send now": a full cycle for every account (joins a cycle already running). */
  'sync:run-now': { input: z.void(), output: syncRunSummarySchema },
  /** Per SKU × marketplace, paged, filterable by status, marketplace and product. */
  'sync:status': {
    input: z.object({
      accountId: z.string().min(1),
      marketplaceId: z.string().min(1).max(40).optional(),
      statuses: z.array(syncStatusSchema).max(SYNC_STATUSES.length).optional(),
      /** Only this product's SKUs (a managed linked offer under its Amazon SKU), for the product screen. */
      productId: z.number().int().positive().optional(),
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(500),
    }),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(syncStatusRowSchema) }),
  },
  /** Every cycle with its feeds, counts and durations, newest first. */
  'sync:activity': {
    input: z.object({ accountId: z.string().min(1), offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(100) }),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(syncRunViewSchema) }),
  },
  /** The document exactly as it was uploaded (JSON text), for the activity screen. */
  'sync:feed-document': { input: z.object({ id: z.number().int().positive() }), output: z.object({ id: z.number().int(), content: z.string() }) },
  /** The Sincronização screen's header: counts, causes and times for one marketplace of the account. */
  'sync:overview': { input: z.object({ accountId: z.string().min(1), marketplaceId: z.string().min(1).max(40) }), output: syncOverviewSchema },
  /** Rows of one marketplace with their product's name, filterable by status, cause and text. */
  'sync:products': {
    input: z.object({
      accountId: z.string().min(1),
      marketplaceId: z.string().min(1).max(40),
      statuses: z.array(syncStatusSchema).max(SYNC_STATUSES.length).optional(),
      cause: syncCauseSchema.optional(),
      search: z.string().max(200).optional(),
      offset: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(500),
    }),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(syncProductRowSchema) }),
  },
  'sync:get-settings': { input: z.object({ accountId: z.string().min(1), marketplaceId: z.string().min(1).max(40) }), output: syncSettingsSchema },
  'sync:set-settings': {
    input: z.object({ accountId: z.string().min(1), marketplaceId: z.string().min(1).max(40), settings: syncSettingsSchema }),
    output: syncSettingsSchema,
  },
  /** Listing restrictions: a marketplace's held-back products (by state), or one product's SKUs in every marketplace. */
  'sync:restrictions': {
    input: z.union([
      z.object({
        accountId: z.string().min(1),
        marketplaceId: z.string().min(1).max(40),
        states: z.array(restrictionStateSchema).min(1).max(RESTRICTION_STATES.length),
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(100),
      }),
      z.object({ accountId: z.string().min(1), productId: z.number().int().positive() }),
    ]),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(restrictionItemSchema) }),
  },
  /** "Verificar de novo": asks Amazon again now about these SKUs' ASINs (the seller was approved). */
  'sync:recheck-restrictions': {
    input: z.object({ accountId: z.string().min(1), marketplaceId: z.string().min(1).max(40), skus: z.array(z.string().min(1).max(200)).min(1).max(20) }),
    output: z.object({
      asked: z.number().int().nonnegative(),
      allowed: z.number().int().nonnegative(),
      restricted: z.number().int().nonnegative(),
      /** Amazon's error, verbatim, when it did not answer. */
      error: z.string().nullable(),
    }),
  },
} as const;
