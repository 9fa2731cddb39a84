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
  clientId: trimmed(200).regex(/^amzn1\.application-oa2-client\.[a-z0-9]+$/i, 'LWA client ID starts with amzn1.application-oa2-client.'),
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
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountsChannels = {
  'accounts:list': { input: z.void(), output: z.array(accountSummarySchema) },
  'accounts:test-connection': { input: credentialsInputSchema, output: connectionTestSchema },
  'accounts:connect': {
    input: credentialsInputSchema.extend({ label: trimmed(80), marketplaceIds: z.array(z.string()).min(1) }),
    output: accountSummarySchema,
  },
  'accounts:set-marketplaces': { input: z.object({ accountId: z.string(), marketplaceIds: z.array(z.string()).min(1) }), output: accountSummarySchema },
  'accounts:remove': { input: z.object({ accountId: z.string() }), output: z.object({ removed: z.boolean() }) },
} as const;
