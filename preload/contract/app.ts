import { z } from 'zod';

export const localeSchema = z.enum(['pt-BR', 'en', 'es', 'sv']);
export type Locale = z.infer<typeof localeSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  locale: localeSchema,
  /** True when the user never chose a language and we follow the OS. */
  localeFollowsSystem: z.boolean(),
  /** "Start Vitrine when I log in" (off by default). */
  openAtLogin: z.boolean(),
  openAtLoginSupported: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const dashboardSummarySchema = z.object({
  products: z.number().int().nonnegative(),
  ordersToShip: z.number().int().nonnegative(),
  categoriesUnmapped: z.number().int().nonnegative(),
  characteristics: z.number().int().nonnegative(),
  accounts: z.number().int().nonnegative(),
  /** Offers by send state (sync engine), counted once per SKU. */
  listingsLive: z.number().int().nonnegative(),
  listingsWithErrors: z.number().int().nonnegative(),
  listingsWaiting: z.number().int().nonnegative(),
  /** Existing Amazon offers linked to the catalog and waiting for the seller's decision. */
  linksUnconfirmed: z.number().int().nonnegative(),
  lastSendAt: z.number().nullable(),
  nextSendAt: z.number().nullable(),
  /** The last 30 local days, oldest first; sales in hundredths per currency. */
  ordersByDay: z.object({
    days: z.array(z.string()),
    orders: z.array(z.number().int().nonnegative()),
    sales: z.array(z.object({ currency: z.string(), cents: z.array(z.number().int()) })),
  }),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const appChannels = {
  'app:info': { input: z.void(), output: appInfoSchema },
  'app:set-locale': { input: z.object({ locale: localeSchema.nullable() }), output: appInfoSchema },
  'dashboard:summary': { input: z.void(), output: dashboardSummarySchema },
  'app:set-open-at-login': { input: z.object({ enabled: z.boolean() }), output: appInfoSchema },
} as const;
