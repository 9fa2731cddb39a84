import { z } from 'zod';
import type { Order } from '../amazon/api/orders';
import type { FulfillmentProgram } from '../db/tables/order-programs';

/** What Orders 2026-01-01 says about an order's program and invoice (kept loose: Amazon adds values). */
const brazilFieldsSchema = z.looseObject({
  programs: z.array(z.string()).optional(),
  tax: z.looseObject({ taxInvoicing: z.looseObject({ invoiceStatus: z.string().optional() }).optional() }).optional(),
});

/** Delivery by Amazon is Brazil's name for Easy Ship; both mean Amazon's carrier picks the package up. */
const PICKUP_PROGRAMS = new Set(['DELIVERY_BY_AMAZON', 'AMAZON_EASY_SHIP']);

export interface OrderProgramFacts {
  readonly program: FulfillmentProgram;
  readonly programs: readonly string[];
  /** Amazon's `tax.taxInvoicing.invoiceStatus`, verbatim (NOT_REQUIRED, NOT_FOUND, PROCESSING, ERRORED, ACCEPTED). */
  readonly invoiceStatus: string | null;
}

export function orderProgramOf(order: Order): OrderProgramFacts {
  const parsed = brazilFieldsSchema.safeParse(order);
  const programs = parsed.success ? (parsed.data.programs ?? []) : [];
  const invoiceStatus = parsed.success ? (parsed.data.tax?.taxInvoicing?.invoiceStatus ?? null) : null;
  const program: FulfillmentProgram =
    order.fulfillment?.fulfilledBy === 'AMAZON' ? 'fba' : programs.some((p) => PICKUP_PROGRAMS.has(p)) ? 'easy_ship' : 'self_ship';
  return { program, programs, invoiceStatus };
}

/** The invoice program submitInvoice and getInvoiceStatus take for an order (FBA orders are invoiced by Amazon). */
export function invoiceProgramOf(program: FulfillmentProgram): 'EasyShip' | 'SelfShip' | null {
  switch (program) {
    case 'easy_ship':
      return 'EasyShip';
    case 'self_ship':
      return 'SelfShip';
    case 'fba':
      return null;
  }
}

/**
 * Whether the seller confirms the shipment with a tracking code: not for Delivery by Amazon /
 * Easy Ship (Amazon's carrier picks the package up and its label carries the tracking) nor for
 * FBA (Amazon ships its own stock).
 */
export function sellerConfirmsShipment(program: FulfillmentProgram): boolean {
  return program === 'self_ship';
}

/** An order needs an NF-e unless Amazon says it does not (or Amazon fulfils it). */
export function needsNfe(program: FulfillmentProgram, invoiceStatus: string | null, marketplaceId: string): boolean {
  if (program === 'fba' || invoiceStatus === 'NOT_REQUIRED') return false;
  return invoiceStatus !== null || marketplaceId === BR_MARKETPLACE;
}

export const BR_MARKETPLACE = 'A2Q3Y263D00KWC';
