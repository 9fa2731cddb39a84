import { z } from 'zod';

const scopeSchema = z.object({ accountId: z.string().min(1).max(100), marketplaceId: z.string().min(1).max(40) });

/**
 * One condition of a listing rule; a rule selects the products meeting ALL its conditions.
 * Prices are cents; stock is the sum over the product's active SKUs (kits by their components).
 */
export const ruleConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category'), categoryIds: z.array(z.number().int().positive()).min(1).max(200), includeSubcategories: z.boolean() }),
  z.object({ kind: z.literal('brand'), brands: z.array(z.string().trim().min(1).max(200)).min(1).max(200) }),
  z.object({ kind: z.literal('characteristic'), name: z.string().trim().min(1).max(100), values: z.array(z.string().trim().min(1).max(500)).min(1).max(200) }),
  z
    .object({ kind: z.literal('price'), minCents: z.number().int().nonnegative().nullable(), maxCents: z.number().int().nonnegative().nullable() })
    .refine((c) => c.minCents !== null || c.maxCents !== null, { message: 'a price range needs a bound' })
    .refine((c) => c.minCents === null || c.maxCents === null || c.minCents <= c.maxCents, { message: 'minimum above maximum' }),
  z.object({ kind: z.literal('stock'), min: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('valid-ean') }),
]);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleConditionKind = RuleCondition['kind'];

/** What happens to a product's Amazon offer when it stops matching: quantity 0, or left as it is. */
export const ruleExitSchema = z.enum(['zero-quantity', 'leave']);
export type RuleExit = z.infer<typeof ruleExitSchema>;

export const ruleDraftSchema = z.object({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean(),
  conditions: z.array(ruleConditionSchema).min(1).max(20),
  onExit: ruleExitSchema,
});
export type RuleDraft = z.infer<typeof ruleDraftSchema>;

export const ruleSchema = ruleDraftSchema.extend({
  id: z.number().int(),
  accountId: z.string(),
  marketplaceId: z.string(),
  matched: z.number().int().nonnegative(),
  evaluatedAt: z.number().nullable(),
});
export type Rule = z.infer<typeof ruleSchema>;

/** Why a product fails one condition: the condition's position and the product's own value. */
export const failedConditionSchema = z.object({ index: z.number().int(), kind: z.string(), actual: z.string().nullable() });

/** Whether an included product would be sent: the same verdict as "Incluir produtos" (main/selection/product-checks.ts). */
export const previewReadinessSchema = z.object({
  status: z.enum(['ready', 'invalid', 'blocked']),
  /** Why not, in the seller's language, each reason once. */
  problems: z.array(z.string()),
});
export type PreviewReadiness = z.infer<typeof previewReadinessSchema>;

export const previewProductSchema = z.object({
  productId: z.number().int(),
  key: z.string(),
  title: z.string(),
  failed: z.array(failedConditionSchema),
  /** Included products only, when the preview was asked for a marketplace. */
  readiness: previewReadinessSchema.optional(),
});
export type PreviewProduct = z.infer<typeof previewProductSchema>;

export const rulePreviewSchema = z.object({
  total: z.number().int().nonnegative(),
  included: z.number().int().nonnegative(),
  /** Per condition (same order): how many products fail it. */
  failing: z.array(z.number().int().nonnegative()),
  includedPage: z.array(previewProductSchema),
  excludedPage: z.array(previewProductSchema),
  /** How many included products are ready to send; null when too many to check at once (see each page). */
  readyIncluded: z.number().int().nonnegative().nullable().optional(),
});
export type RulePreview = z.infer<typeof rulePreviewSchema>;

const pageInput = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(200).default(50) };

export const rulesChannels = {
  'rules:list': { input: scopeSchema, output: z.array(ruleSchema) },
  'rules:preview': {
    input: z.object({
      conditions: z.array(ruleConditionSchema).min(1).max(20),
      ...pageInput,
      accountId: z.string().min(1).max(100).optional(),
      marketplaceId: z.string().min(1).max(40).optional(),
    }),
    output: rulePreviewSchema,
  },
  'rules:save': { input: scopeSchema.extend({ id: z.number().int().optional(), rule: ruleDraftSchema }), output: ruleSchema },
  'rules:delete': { input: z.object({ id: z.number().int() }), output: z.object({ deleted: z.boolean(), exited: z.number().int() }) },
  'rules:brands': { input: z.void(), output: z.array(z.string()) },
  'rules:characteristics': { input: z.void(), output: z.array(z.object({ name: z.string(), values: z.array(z.string()) })) },
} as const;
