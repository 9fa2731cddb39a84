import { createHash } from 'node:crypto';
import { parseNfe } from '../../brazil/nfe/parse';
import { BR_MARKETPLACE, invoiceProgramOf } from '../../brazil/programs';
import { errorList } from './api-errors';
import type { SimStore } from './state';
import type { InvoiceRecord, OrderRecord } from './state-types';
import { isoTime, json, type OperationContext, type OperationHandlers, type SimResponse } from './types';
import { requiringRole } from './roles';

/**
 * Delivery Shipment Invoicing 2022-07-01 on the simulator: submitInvoice takes the NF-e of a
 * Brazilian self-ship or Easy Ship order, getInvoiceStatus says Processing for a while, then
 * Accepted or Errored with the reason. Amazon validates the note itself too: a note issued before
 * the order was placed, or whose total is not the order's, is refused (Errored) with its reason.
 */
/** How long Amazon takes to validate a note on the simulator's clock. */
export const INVOICE_PROCESSING_MS = 20_000;

/** The invoice program Amazon files the order under (FBA orders are invoiced by Amazon itself); absent: self-ship. */
export function programTypeOf(order: OrderRecord): 'EasyShip' | 'SelfShip' | null {
  return invoiceProgramOf(order.program ?? 'self_ship');
}

function invoicesOf(store: SimStore, orderId: string): InvoiceRecord[] {
  store.data.invoices ??= {};
  return (store.data.invoices[orderId] ??= []);
}

export type InvoiceStatus = 'NotFound' | 'Processing' | 'Accepted' | 'Errored';

export function latestInvoice(store: SimStore, orderId: string): InvoiceRecord | undefined {
  return store.data.invoices?.[orderId]?.at(-1);
}

export function invoiceStatusAt(invoice: InvoiceRecord | undefined, now: number): InvoiceStatus {
  if (!invoice) return 'NotFound';
  return now < invoice.decideAt ? 'Processing' : invoice.outcome;
}

/** Orders 2026-01-01's `tax.taxInvoicing.invoiceStatus` for an order, or undefined outside Brazil. */
export function orderInvoiceStatus(store: SimStore, order: OrderRecord, now: number): string | undefined {
  if (order.marketplaceId !== BR_MARKETPLACE) return undefined;
  if (programTypeOf(order) === null) return 'NOT_REQUIRED';
  const status = invoiceStatusAt(latestInvoice(store, order.orderId), now);
  return { NotFound: 'NOT_FOUND', Processing: 'PROCESSING', Accepted: 'ACCEPTED', Errored: 'ERRORED' }[status];
}

/** True when the order has the accepted invoice Amazon wants before a pickup (Brazil). */
export function invoiceAccepted(store: SimStore, order: OrderRecord, now: number): boolean {
  const status = orderInvoiceStatus(store, order, now);
  return status === undefined || status === 'NOT_REQUIRED' || status === 'ACCEPTED';
}

const entityNotFound = (kind: string, id: string) => errorList(400, [{ code: 'EntityNotFound', message: `Entity (${kind}, ${id}) was not found` }]);
const invalid = (message: string, details?: string) =>
  errorList(400, [details === undefined ? { code: 'InvalidInput', message } : { code: 'InvalidInput', message, details }]);

function ownOrder(ctx: OperationContext): { readonly order: OrderRecord } | { readonly error: SimResponse } {
  const orderId = ctx.req.query.orderId;
  if (!orderId)
    return {
      error: ctx.req.query.shipmentId ? entityNotFound('ShipmentId', ctx.req.query.shipmentId) : invalid('Either orderId or shipmentId must be specified.'),
    };
  const order = ctx.store.data.orders[orderId];
  if (!order || order.sellerId !== ctx.sellerId) return { error: entityNotFound('OrderId', orderId) };
  return { order };
}

const brl = (cents: number) => `R$ ${(cents / 100).toFixed(2).replace('.', ',')}`;

/** Amazon's own validation of the note against the order, as an Errored reason (none: accepted). */
function validate(xml: Buffer, order: OrderRecord): InvoiceRecord['errors'] {
  const parsed = parseNfe(xml);
  if (!parsed.ok) return [{ code: 'InvalidInvoice', message: 'O arquivo enviado não é uma NF-e autorizada válida.', details: parsed.problem.code }];
  const nfe = parsed.nfe;
  if (nfe.issuedAt && Date.parse(nfe.issuedAt) < order.createdAt) {
    return [{ code: 'InvalidInvoiceDate', message: `A data de emissão da NF-e (${nfe.issuedAt}) é anterior à data do pedido (${isoTime(order.createdAt)}).` }];
  }
  const orderCents = Math.round(order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0) * 100);
  const noteCents = nfe.totalCents - nfe.freightCents;
  if (Math.abs(noteCents - orderCents) > 1) {
    return [
      { code: 'InvoiceAmountMismatch', message: `O valor da NF-e (${brl(noteCents)}, sem frete) não confere com o valor do pedido (${brl(orderCents)}).` },
    ];
  }
  return [];
}

function submitInvoice(ctx: OperationContext): SimResponse {
  const found = ownOrder(ctx);
  if ('error' in found) return found.error;
  const { order } = found;
  const body = ctx.req.body as { invoiceContent: string; contentMD5Value: string; programType: string; marketplaceId: string };
  if (body.marketplaceId !== order.marketplaceId)
    return invalid('Invalid marketplaceId', `The order ${order.orderId} is not in marketplace ${body.marketplaceId}.`);
  const program = programTypeOf(order);
  if (program === null) return invalid('Invalid programType', 'Fulfilled by Amazon orders are invoiced by Amazon.');
  if (body.programType !== program) return invalid('Invalid programType', `The order ${order.orderId} belongs to program ${program}.`);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.invoiceContent)) return invalid('Invalid invoiceContent', 'invoiceContent is not base64.');
  const xml = Buffer.from(body.invoiceContent, 'base64');
  if (createHash('md5').update(xml).digest('base64') !== body.contentMD5Value)
    return invalid('Invalid contentMD5Value', 'The MD5 of the content does not match contentMD5Value.');
  const now = ctx.clock.now();
  const history = invoicesOf(ctx.store, order.orderId);
  if (invoiceStatusAt(history.at(-1), now) === 'Accepted')
    return invalid('Invoice already accepted', `Order ${order.orderId} already has an accepted invoice.`);
  const parsed = parseNfe(xml);
  const errors = validate(xml, order);
  history.push({
    orderId: order.orderId,
    sellerId: ctx.sellerId,
    programType: program,
    accessKey: parsed.ok ? parsed.nfe.accessKey : '',
    submittedAt: now,
    decideAt: now + INVOICE_PROCESSING_MS,
    outcome: errors.length > 0 ? 'Errored' : 'Accepted',
    errors,
  });
  order.lastUpdatedAt = now;
  ctx.store.markDirty();
  return json(200, {});
}

function getInvoiceStatus(ctx: OperationContext): SimResponse {
  const found = ownOrder(ctx);
  if ('error' in found) return found.error;
  const { order } = found;
  const q = ctx.req.query;
  if (q.marketplaceId !== order.marketplaceId)
    return invalid('Invalid marketplaceId', `The order ${order.orderId} is not in marketplace ${q.marketplaceId ?? ''}.`);
  const invoice = latestInvoice(ctx.store, order.orderId);
  const status = invoiceStatusAt(invoice, ctx.clock.now());
  return json(200, {
    amazonOrderId: order.orderId,
    invoiceStatus: status,
    ...(status === 'Errored' && invoice ? { errors: invoice.errors.map((e) => ({ ...e })) } : {}),
  });
}

/** Outcomes decided by now change their order's lastUpdatedTime, as Amazon's invoice status is part of the order. */
export function settleInvoices(store: SimStore, now: number): void {
  for (const history of Object.values(store.data.invoices ?? {})) {
    const latest = history.at(-1);
    if (!latest || latest.settled || latest.decideAt > now) continue;
    latest.settled = true;
    const order = store.data.orders[latest.orderId];
    if (order && order.lastUpdatedAt < latest.decideAt) order.lastUpdatedAt = latest.decideAt;
    store.markDirty();
  }
}

export const invoicesHandlers: OperationHandlers = requiringRole('taxInvoicing', { submitInvoice, getInvoiceStatus });
