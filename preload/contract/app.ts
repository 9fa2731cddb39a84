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

const count = z.number().int().nonnegative();

/** "Primeiros passos" on Início: the numbers behind each step, for the header's account × marketplace. */
export const checklistSchema = z.object({
  account: z.object({ accounts: count, realAccounts: count }),
  products: z.object({ products: count }),
  categories: z.object({
    /** Categories with products and no product type in this marketplace (own or inherited). */
    unmapped: count,
    productsUnmapped: count,
    mapped: count,
    /** The send settings' fallback product type, which products without one use. */
    fallbackProductType: z.string().nullable(),
  }),
  characteristics: z.object({
    /** Matched categories whose checked products lack a characteristic Amazon requires. */
    categoriesBlocked: count,
    productsBlocked: count,
    /** The product type of the first such category, to open Características on it. */
    productType: z.string().nullable(),
    /** Products checked (a sample per category). */
    checked: count,
  }),
  selection: z.object({ selected: count }),
  sync: z.object({ live: count, errors: count, waiting: count, lastRunAt: z.number().nullable() }),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const appChannels = {
  'app:info': { input: z.void(), output: appInfoSchema },
  'app:set-locale': { input: z.object({ locale: localeSchema.nullable() }), output: appInfoSchema },
  'dashboard:summary': { input: z.void(), output: dashboardSummarySchema },
  'dashboard:checklist': {
    input: z.object({ accountId: z.string().min(1).max(100), marketplaceId: z.string().min(1).max(40) }).nullable(),
    output: checklistSchema,
  },
  'app:set-open-at-login': { input: z.object({ enabled: z.boolean() }), output: appInfoSchema },
} as const;
