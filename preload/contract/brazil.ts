import { z } from 'zod';
import { chosenFileSchema, fileTokenSchema } from './files';

/** How an order is fulfilled: the seller ships, Amazon picks it up (Delivery by Amazon / Easy Ship), or Amazon ships its own stock (FBA). */
export const FULFILLMENT_PROGRAMS = ['self_ship', 'easy_ship', 'fba'] as const;
export const fulfillmentProgramSchema = z.enum(FULFILLMENT_PROGRAMS);
export type FulfillmentProgramView = z.infer<typeof fulfillmentProgramSchema>;

/** An order's NF-e as the seller reads it: pendente / enviada / aceita / recusada (plus the rarer in-between states). */
export const NFE_STATES = ['pending', 'sending', 'unknown', 'sent', 'accepted', 'rejected', 'replaced'] as const;
export const nfeStateSchema = z.enum(NFE_STATES);

export const PICKUP_BLOCKERS = [
  'not_easy_ship',
  'order_not_ready',
  'order_canceled',
  'already_scheduled',
  'nfe_missing',
  'nfe_not_sent',
  'nfe_processing',
  'nfe_rejected',
  'nfe_unknown',
] as const;

const amazonErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.string().optional() });

export const nfeViewSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  series: z.string(),
  accessKey: z.string(),
  fileName: z.string(),
  totalCents: z.number().int(),
  state: nfeStateSchema,
  /** Amazon's status word, verbatim (Processing, Accepted, Errored, NotFound). */
  amazonStatus: z.string().nullable(),
  /** Amazon's reasons for a refusal, verbatim. */
  amazonErrors: z.array(amazonErrorSchema),
  sentAt: z.string().nullable(),
  matchedBy: z.enum(['xPed', 'infCpl', 'infAdic', 'seller']).nullable(),
});
export type NfeView = z.infer<typeof nfeViewSchema>;

export const packageSizeSchema = z.object({
  lengthCm: z.number().positive().max(200),
  widthCm: z.number().positive().max(200),
  heightCm: z.number().positive().max(200),
  weightG: z.number().int().min(11).max(100_000),
});
export type PackageSizeInput = z.infer<typeof packageSizeSchema>;

export const timeSlotSchema = z.object({
  slotId: z.string().min(1).max(255),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  handoverMethod: z.string().optional(),
});
export type TimeSlotView = z.infer<typeof timeSlotSchema>;

export const pickupViewSchema = z.object({
  state: z.enum(['scheduling', 'scheduled', 'rescheduling', 'failed']),
  slotStart: z.string().nullable(),
  slotEnd: z.string().nullable(),
  handoverMethod: z.string().nullable(),
  packageStatus: z.string().nullable(),
  trackingId: z.string().nullable(),
  hasLabel: z.boolean(),
  size: packageSizeSchema,
});

export const brazilOrderViewSchema = z.object({
  orderId: z.number().int(),
  program: fulfillmentProgramSchema,
  /** Amazon's `invoiceStatus` for the order, verbatim, when Amazon gave one. */
  amazonInvoiceStatus: z.string().nullable(),
  needsNfe: z.boolean(),
  nfe: nfeViewSchema.nullable(),
  pickup: pickupViewSchema.nullable(),
  /** Why "Agendar coleta" is not possible now (null: it is), for Easy Ship orders. */
  pickupBlocker: z.enum(PICKUP_BLOCKERS).nullable(),
  /** The package from the products (with the default box where the catalog has no sizes). */
  estimate: z.object({ size: packageSizeSchema, missing: z.array(z.string()) }),
});
export type BrazilOrderView = z.infer<typeof brazilOrderViewSchema>;

export const orderFactsSchema = z.object({
  id: z.number().int(),
  program: fulfillmentProgramSchema,
  needsNfe: z.boolean(),
  nfeState: nfeStateSchema.nullable(),
  nfeNumber: z.string().nullable(),
  pickupState: z.string().nullable(),
  pickupStart: z.string().nullable(),
});
export type OrderFacts = z.infer<typeof orderFactsSchema>;

/** One file of an import: what became of it, in the seller's language. */
export const nfeImportResultSchema = z.object({
  file: z.string(),
  ok: z.boolean(),
  documentId: z.number().int().nullable(),
  number: z.string().nullable(),
  /** The order it was matched to, or null (the seller chooses). */
  orderId: z.number().int().nullable(),
  amazonOrderId: z.string().nullable(),
  /** For a refused file: the problem's code, the XML field and the explanation. */
  code: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string().nullable(),
});
export type NfeImportResult = z.infer<typeof nfeImportResultSchema>;

export const sendOutcomeSchema = z.enum(['sent', 'accepted', 'rejected', 'unknown', 'already-accepted']);

export const brazilSettingsSchema = z.object({ sellerCnpj: z.string().nullable(), defaultPackage: packageSizeSchema });
export type BrazilSettingsView = z.infer<typeof brazilSettingsSchema>;

/** Units Amazon holds for one store SKU (its FBA offer may sell under another Amazon SKU). */
export const fbaSkuStockSchema = z.object({
  sku: z.string(),
  amazonSku: z.string(),
  marketplaceId: z.string(),
  /** Ready to sell. */
  fulfillable: z.number().int(),
  /** On the way to Amazon's warehouses. */
  inbound: z.number().int(),
  reserved: z.number().int(),
  unfulfillable: z.number().int(),
  total: z.number().int(),
  /** When Amazon last changed the counts, and when Vitrine read them. */
  amazonUpdated: z.string().nullable(),
  readAt: z.string(),
});
export type FbaSkuStock = z.infer<typeof fbaSkuStockSchema>;

const idInput = z.object({ orderId: z.number().int().positive() });
/** A dropped file's text: an NF-e is a few dozen KB; 2 MB is the reader's own limit. */
const droppedFileSchema = z.object({ name: z.string().min(1).max(255), content: z.string().max(2 * 1024 * 1024 + 1) });

export const brazilChannels = {
  /** The order's program, NF-e and Easy Ship pickup. */
  'brazil:order': { input: idInput, output: brazilOrderViewSchema },
  /** Program, NF-e and pickup of the orders a list page shows. */
  'brazil:order-facts': { input: z.object({ ids: z.array(z.number().int().positive()).max(500) }), output: z.array(orderFactsSchema) },
  'brazil:get-settings': { input: z.void(), output: brazilSettingsSchema },
  'brazil:set-settings': {
    input: z.object({ sellerCnpj: z.string().max(30).nullable().optional(), defaultPackage: packageSizeSchema.optional() }),
    output: brazilSettingsSchema,
  },
  /** The system's Open dialog for NF-e XML files (several) or a folder; tokens, never paths. */
  'nfe:choose': { input: z.object({ pick: z.enum(['files', 'folder']) }), output: z.array(chosenFileSchema) },
  /** Imports the chosen files (or every .xml of a chosen folder): each checked on its own, nothing sent. */
  'nfe:import': { input: z.object({ fileTokens: z.array(fileTokenSchema).min(1).max(500) }), output: z.array(nfeImportResultSchema) },
  /** Files dropped on the window, read by the page (their text, never a path). */
  'nfe:import-dropped': { input: z.object({ files: z.array(droppedFileSchema).min(1).max(200) }), output: z.array(nfeImportResultSchema) },
  /** Notes that named no imported order, with the orders still waiting for one. */
  'nfe:unmatched': {
    input: z.void(),
    output: z.object({
      notes: z.array(nfeViewSchema),
      orders: z.array(
        z.object({
          id: z.number().int(),
          amazonOrderId: z.string(),
          createdTime: z.string(),
          buyerName: z.string().nullable(),
          totalCents: z.number().int().nullable(),
          currency: z.string().nullable(),
        }),
      ),
    }),
  },
  'nfe:assign': { input: z.object({ documentId: z.number().int().positive(), orderId: z.number().int().positive() }), output: z.void() },
  'nfe:remove': { input: z.object({ documentId: z.number().int().positive() }), output: z.void() },
  /** submitInvoice for one note; `force` only after the seller checked a note whose arrival Amazon could not confirm. */
  'nfe:send': { input: z.object({ documentId: z.number().int().positive(), force: z.boolean().optional() }), output: z.object({ outcome: sendOutcomeSchema }) },
  /** Every imported note not sent yet. */
  'nfe:send-pending': { input: z.void(), output: z.object({ sent: z.number().int(), failed: z.number().int(), messages: z.array(z.string()) }) },
  /** Reads Amazon's status of the order's sent note now. */
  'nfe:refresh': { input: idInput, output: z.object({ outcome: sendOutcomeSchema.nullable() }) },
  'easyship:slots': { input: idInput.extend({ size: packageSizeSchema }), output: z.array(timeSlotSchema) },
  'easyship:schedule': { input: idInput.extend({ slot: timeSlotSchema, size: packageSizeSchema }), output: z.object({ label: z.boolean() }) },
  'easyship:reschedule': { input: idInput.extend({ slot: timeSlotSchema }), output: z.void() },
  'easyship:refresh': { input: idInput, output: z.void() },
  /** Saves the label PDF where the seller chooses (Save dialog); null when cancelled. The token serves "show in folder". */
  'easyship:save-label': { input: idInput, output: chosenFileSchema.nullable() },
  /** Reads the stock Amazon holds (FBA) now. */
  'fba:read': { input: z.void(), output: z.object({ skus: z.number().int(), calls: z.number().int() }) },
  /** "Estoque na Amazon (FBA)" of the given products in the header's marketplace. */
  'fba:stock': {
    input: z.object({ productIds: z.array(z.number().int().positive()).max(1000), marketplaceId: z.string().max(40).nullable() }),
    output: z.array(z.object({ productId: z.number().int(), fulfillable: z.number().int(), total: z.number().int(), readAt: z.string() })),
  },
  /** The product screen's "Estoque na Amazon (FBA)": each SKU Amazon holds, per marketplace (all when none is given). */
  'fba:product-stock': {
    input: z.object({ productId: z.number().int().positive(), marketplaceId: z.string().max(40).nullable() }),
    output: z.array(fbaSkuStockSchema),
  },
} as const;
