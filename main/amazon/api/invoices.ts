import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Invoke } from './invoke';
import { InvalidRequestError } from '../errors';

/**
 * Delivery Shipment Invoicing 2022-07-01 (models/deliveryShipmentInvoiceV2022-07-01.json): the
 * NF-e of a Brazilian order. Both operations need the restricted Tax Invoicing role.
 */
export const INVOICE_PROGRAMS = ['EasyShip', 'FbaOnSite', 'SelfShip'] as const;
export type InvoiceProgram = (typeof INVOICE_PROGRAMS)[number];
export const SHIPMENT_INVOICE_STATUSES = ['Processing', 'Accepted', 'Errored', 'NotFound'] as const;
export type ShipmentInvoiceStatus = (typeof SHIPMENT_INVOICE_STATUSES)[number];

const errorSchema = z.looseObject({ code: z.string(), message: z.string(), details: z.string().optional() });

const submitInvoiceResponseSchema = z.looseObject({ errors: z.array(errorSchema).optional() });

const getInvoiceStatusResponseSchema = z.looseObject({
  amazonOrderId: z.string().optional(),
  amazonShipmentId: z.string().optional(),
  // Closed on purpose: the status decides what Vitrine does next (accepted, rejected, wait).
  invoiceStatus: z.enum(SHIPMENT_INVOICE_STATUSES).optional(),
  errors: z.array(errorSchema).optional(),
});

export type InvoiceStatusResponse = z.infer<typeof getInvoiceStatusResponseSchema>;

/**
 * The request body: the XML exactly as the file holds it, base64, and the Content-MD5 of those
 * bytes as the model's linked definition spells it (the 128-bit digest, base64-encoded).
 */
export function contentMd5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('base64');
}

export function invoiceBody(xml: Uint8Array, marketplaceId: string, programType: InvoiceProgram) {
  return {
    invoiceContent: Buffer.from(xml).toString('base64'),
    contentMD5Value: contentMd5(xml),
    invoiceType: 'Outbound' as const,
    programType,
    marketplaceId,
  };
}

export type SubmitInvoiceRequest = ReturnType<typeof invoiceBody>;

/** An order (orderId wins when both are given, as the model says) or an Easy Ship shipment. */
type Target = { readonly orderId: string; readonly shipmentId?: string } | { readonly orderId?: undefined; readonly shipmentId: string };

export function invoicesApi(invoke: Invoke) {
  return {
    /**
     * Sends the NF-e of one order (build the body with `invoiceBody`). Not idempotent: after a
     * timeout or 5xx the client throws OutcomeUnknownError and the caller reads getInvoiceStatus
     * before deciding anything.
     */
    async submitInvoice(params: Target & { body: SubmitInvoiceRequest; signal?: AbortSignal }): Promise<void> {
      if (params.body.invoiceContent === '') throw new InvalidRequestError('submitInvoice', 'the invoice is empty');
      await invoke('submitInvoice', {
        schema: submitInvoiceResponseSchema,
        signal: params.signal,
        query: { orderId: params.orderId, shipmentId: params.shipmentId },
        body: params.body,
      });
    },

    async getInvoiceStatus(params: Target & { marketplaceId: string; programType: InvoiceProgram; signal?: AbortSignal }): Promise<InvoiceStatusResponse> {
      return invoke('getInvoiceStatus', {
        schema: getInvoiceStatusResponseSchema,
        signal: params.signal,
        query: {
          orderId: params.orderId,
          shipmentId: params.shipmentId,
          marketplaceId: params.marketplaceId,
          invoiceType: 'Outbound',
          programType: params.programType,
        },
      });
    },
  };
}
