import { z } from 'zod';

export const regionSchema = z.enum(['NA', 'EU', 'FE']);
/** production = Amazon; sandbox = Amazon's static sandbox hosts; simulator = Vitrine's offline SP-API simulator. */
export const environmentSchema = z.enum(['production', 'sandbox', 'simulator']);

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** Typed by the seller in the wizard. Travels renderer → main once; never sent back. */
export const credentialsInputSchema = z.object({
  environment: environmentSchema,
  region: regionSchema,
  sellerId: trimmed(40).regex(/^[A-Z0-9]+$/, 'Seller ID (Merchant Token) has only capital letters and digits'),
  clientId: trimmed(200).regex(/^amzn1\.application-oa2-client\.[\w-]+$/, 'LWA client ID starts with amzn1.application-oa2-client.'),
  clientSecret: trimmed(500),
  refreshToken: trimmed(2048).regex(/^Atzr\|/, 'the refresh token starts with Atzr|'),
});
export type CredentialsInput = z.infer<typeof credentialsInputSchema>;

export const marketplaceOptionSchema = z.object({
  marketplaceId: z.string(),
  countryCode: z.string(),
  name: z.string(),
  currency: z.string(),
  language: z.string(),
  participating: z.boolean(),
  enabled: z.boolean(),
});

export const connectionTestSchema = z.object({
  storeName: z.string().nullable(),
  marketplaces: z.array(marketplaceOptionSchema),
});

export const reminderSchema = z.object({
  kind: z.enum(['client-secret-rotation', 'authorization-renewal']),
  dueAt: z.number(),
  daysLeft: z.number().int(),
});

/**
 * Whether the account's stored credentials still work. `credentials_rejected`: LWA refused them
 * for good (its code and description verbatim); sends, order imports and re-checks of the
 * account are stopped until the seller updates them.
 */
export const accountHealthSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({ state: z.literal('credentials_rejected'), code: z.string(), message: z.string(), since: z.number() }),
]);
export type AccountHealthView = z.infer<typeof accountHealthSchema>;

/** What the renderer may know about an account: never a secret. */
export const accountSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  simulated: z.boolean(),
  environment: environmentSchema,
  region: regionSchema,
  sellerId: z.string(),
  storeName: z.string().nullable(),
  marketplaces: z.array(marketplaceOptionSchema),
  reminders: z.array(reminderSchema),
  health: accountHealthSchema,
  /** The account's LWA client id (not a secret): the wizard recognises a second connection of it. */
  lwaClientId: z.string(),
  /** False for the demo account, whose credentials are the embedded simulator's own. */
  canUpdateCredentials: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/**
 * "Atualizar credenciais": a new client secret and/or refresh token for a connected account. A
 * field left out keeps the stored value. Validated against LWA and Amazon before anything changes.
 */
export const credentialsUpdateSchema = z
  .object({
    accountId: z.string().min(1),
    clientSecret: trimmed(500).optional(),
    refreshToken: trimmed(2048)
      .regex(/^Atzr\|/, 'the refresh token starts with Atzr|')
      .optional(),
  })
  .refine((u) => u.clientSecret !== undefined || u.refreshToken !== undefined, {
    message: 'give a new client secret or refresh token',
    path: ['clientSecret'],
  });
export type CredentialsUpdate = z.infer<typeof credentialsUpdateSchema>;

/** Pushed when an account changes outside the renderer's own calls (LWA refused its credentials). */
export const accountsChangedSchema = z.object({ accountId: z.string() });

export const accountActivitySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});

export const accountsChannels = {
  'accounts:list': { input: z.void(), output: z.array(accountSummarySchema) },
  'accounts:test-connection': { input: credentialsInputSchema, output: connectionTestSchema },
  'accounts:connect': {
    input: credentialsInputSchema.extend({ label: trimmed(80), marketplaceIds: z.array(z.string()).min(1) }),
    output: accountSummarySchema,
  },
  'accounts:set-marketplaces': { input: z.object({ accountId: z.string(), marketplaceIds: z.array(z.string()).min(1) }), output: accountSummarySchema },
  /**
   * Removes the account. Its orders are deleted with it, so while it has any, `deleteOrders: true`
   * must be given (after the seller confirmed the count from `accounts:removal-impact`).
   */
  'accounts:remove': { input: z.object({ accountId: z.string(), deleteOrders: z.boolean().optional() }), output: z.object({ removed: z.boolean() }) },
  /** What removing the account would delete, for the confirmation. */
  'accounts:removal-impact': { input: z.object({ accountId: z.string() }), output: z.object({ orders: z.number().int().nonnegative() }) },
  'accounts:update-credentials': { input: credentialsUpdateSchema, output: accountSummarySchema },
  /** The account's latest credential events (refused, updated), newest first. */
  'accounts:activity': { input: z.object({ accountId: z.string(), limit: z.number().int().min(1).max(50) }), output: z.array(accountActivitySchema) },
} as const;
