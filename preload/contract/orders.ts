import { z } from 'zod';
import { fileTokenSchema } from './files';

/** Seller Central's order statuses; Orders 2026-01-01's fulfillment statuses map onto them in main. */
export const ORDER_STATUSES = [
  'PendingAvailability',
  'Pending',
  'Unshipped',
  'PartiallyShipped',
  'Shipped',
  'InvoiceUnconfirmed',
  'Canceled',
  'Unfulfillable',
] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

const isoSchema = z.iso.datetime({ offset: true });

export const orderFilterSchema = z.object({
  statuses: z.array(orderStatusSchema).max(ORDER_STATUSES.length).optional(),
  /** Purchase time from (inclusive) / to (exclusive), ISO instants. */
  createdFrom: isoSchema.optional(),
  createdTo: isoSchema.optional(),
  marketplaceId: z.string().min(1).max(40).optional(),
  /** Order id, buyer name or SKU. */
  text: z.string().max(200).optional(),
  withIssues: z.boolean().optional(),
  /** Self-ship, Delivery by Amazon / Easy Ship, or FBA. */
  fulfillmentProgram: z.enum(['self_ship', 'easy_ship', 'fba']).optional(),
});
export type OrderFilterInput = z.infer<typeof orderFilterSchema>;

export const orderListItemSchema = z.object({
  id: z.number().int(),
  accountId: z.string(),
  amazonOrderId: z.string(),
  marketplaceId: z.string(),
  status: orderStatusSchema,
  createdTime: z.string(),
  buyerName: z.string().nullable(),
  shipCity: z.string().nullable(),
  shipState: z.string().nullable(),
  currency: z.string().nullable(),
  /** Hundredths of the currency; null while Amazon withholds prices (Pending). */
  totalCents: z.number().int().nullable(),
  units: z.number().int(),
  issueCount: z.number().int(),
  priceDivergence: z.boolean(),
  trackingNumber: z.string().nullable(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const orderIssueViewSchema = z.object({
  orderItemId: z.string(),
  code: z.string(),
  /** Localized explanation with its fix. */
  message: z.string(),
});

export const orderItemViewSchema = z.object({
  orderItemId: z.string(),
  sku: z.string().nullable(),
  asin: z.string().nullable(),
  title: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int().nullable(),
  expectedPriceCents: z.number().int().nullable(),
  currency: z.string().nullable(),
});

export const orderViewSchema = orderListItemSchema.extend({
  lastUpdatedTime: z.string(),
  fulfilledBy: z.string().nullable(),
  buyerEmail: z.string().nullable(),
  /** The delivery address as Amazon returned it. */
  address: z.record(z.string(), z.unknown()).nullable(),
  carrier: z.string().nullable(),
  shipDate: z.string().nullable(),
  canShip: z.boolean(),
  items: z.array(orderItemViewSchema),
  issues: z.array(orderIssueViewSchema),
  stockEffects: z.array(z.object({ orderItemId: z.string(), kind: z.enum(['reserve', 'decrement', 'release']), sku: z.string(), delta: z.number().int() })),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderImportSummarySchema = z.object({
  new: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  apiCalls: z.number().int().nonnegative(),
});
export type OrderImportSummary = z.infer<typeof orderImportSummarySchema>;

export const shipOrderInputSchema = z.object({
  id: z.number().int().positive(),
  carrierCode: z.string().trim().min(1).max(100),
  /** Required when carrierCode is "Other". */
  carrierName: z.string().trim().max(100).optional(),
  trackingNumber: z.string().trim().min(1).max(100),
  shipDate: isoSchema,
});
export type ShipOrderInput = z.infer<typeof shipOrderInputSchema>;

export const orderSettingsSchema = z.object({
  reserveOnPending: z.boolean(),
  priceTolerancePercent: z.number().min(0).max(100),
});
export type OrderSettingsView = z.infer<typeof orderSettingsSchema>;

export const orderActivitySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  /** Localized in main, in the language the seller reads now. */
  message: z.string(),
  /** Where the entry leads (`/orders/12`). */
  route: z.string().nullable(),
});
export type OrderActivity = z.infer<typeof orderActivitySchema>;

export const ordersChannels = {
  /** One page of the filtered orders, newest first, plus the marketplaces seen (for the filter). */
  'orders:list': {
    input: orderFilterSchema.extend({ offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(500) }),
    output: z.object({ total: z.number().int().nonnegative(), items: z.array(orderListItemSchema), marketplaces: z.array(z.string()) }),
  },
  'orders:get': { input: z.object({ id: z.number().int().positive() }), output: orderViewSchema },
  /** Imports new and changed orders of every account (or one); progress on `task:progress`. */
  'orders:import': { input: z.object({ accountId: z.string().min(1).optional() }), output: orderImportSummarySchema },
  /** confirmShipment; an unknown outcome is reconciled by reading the order back, never resent blindly. */
  'orders:ship': { input: shipOrderInputSchema, output: z.object({ status: orderStatusSchema, reconciled: z.boolean() }) },
  /**
   * Writes the filtered orders to the file chosen with `files:choose-export` (or, without one, to
   * the exports folder beside the database); progress on `task:progress`. The answer's token
   * serves "show in folder".
   */
  'orders:export': {
    input: z.object({ filter: orderFilterSchema, format: z.enum(['xlsx', 'csv']), fileToken: fileTokenSchema.optional() }),
    output: z.object({ name: z.string(), fileToken: fileTokenSchema, orders: z.number().int(), items: z.number().int(), taskId: z.string() }),
  },
  /** The latest order problems and shipments (the activity entries of the orders domain). */
  'orders:activity': { input: z.object({ limit: z.number().int().min(1).max(200) }), output: z.array(orderActivitySchema) },
  'orders:get-settings': { input: z.void(), output: orderSettingsSchema },
  'orders:set-settings': { input: orderSettingsSchema.partial(), output: orderSettingsSchema },
} as const;
