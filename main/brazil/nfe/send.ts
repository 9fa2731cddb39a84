import { invoiceBody, type InvoiceProgram, type InvoiceStatusResponse, type SubmitInvoiceRequest } from '../../amazon/api/invoices';
import { NetworkError, OutcomeUnknownError, ResponseFormatError, SpApiError } from '../../amazon/errors';
import type { Db } from '../../db/connection';
import { getNfe, markNfeSending, markNfeState, nfeXml, orderForNfe, type NfeDocumentRow } from '../../db/tables/nfe-documents';
import { AppError } from '../../errors';
import { invoiceProgramOf } from '../programs';

/** The two Delivery Shipment Invoicing operations, as the pipeline needs them (tests pass a fake). */
export interface InvoicesApi {
  submitInvoice(params: { orderId: string; body: SubmitInvoiceRequest }): Promise<void>;
  getInvoiceStatus(params: { orderId: string; marketplaceId: string; programType: InvoiceProgram }): Promise<InvoiceStatusResponse>;
}

/** Waits between status reads after a send: Amazon validates a note within minutes, rarely hours. */
const POLL_STEPS_MS = [60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000, 3 * 3600_000];
/** A note Amazon still does not know after this long was lost on the way: the seller is told to send it again. */
const NOT_FOUND_GIVE_UP = 6;

export function nextPollAt(now: number, polls: number): string {
  return new Date(now + (POLL_STEPS_MS[Math.min(polls, POLL_STEPS_MS.length - 1)] ?? 3600_000)).toISOString();
}

export type SendOutcome = 'sent' | 'accepted' | 'rejected' | 'unknown' | 'already-accepted';

interface Target {
  readonly doc: NfeDocumentRow;
  readonly orderId: string;
  readonly marketplaceId: string;
  readonly programType: 'EasyShip' | 'SelfShip';
}

function target(db: Db, documentId: number): Target {
  const doc = getNfe(db, documentId);
  if (!doc) throw new AppError('NFE_NOT_FOUND');
  if (doc.orderRowId === null) throw new AppError('NFE_NO_ORDER', { number: doc.number });
  const order = orderForNfe(db, doc.orderRowId);
  if (!order) throw new AppError('NFE_NO_ORDER', { number: doc.number });
  const programType = invoiceProgramOf(order.program);
  if (programType === null) throw new AppError('NFE_ORDER_FBA', { orderId: order.amazonOrderId });
  return { doc, orderId: order.amazonOrderId, marketplaceId: order.marketplaceId, programType };
}

/** Amazon refused the call itself (400/404…, not throttling or an outage): the note is refused with Amazon's words. */
function refusedOutright(err: unknown): err is SpApiError {
  return err instanceof SpApiError && err.status >= 400 && err.status < 500 && err.status !== 403 && err.status !== 429;
}

/** A write whose answer never came: it may or may not have reached Amazon. */
function outcomeUnknown(err: unknown): boolean {
  return err instanceof OutcomeUnknownError || (err instanceof NetworkError && err.sent) || err instanceof ResponseFormatError;
}

/**
 * Did a send whose answer was lost reach Amazon? Amazon shows a received note as Processing at
 * once, so a status that moved since just before sending says yes; NotFound both times says no.
 * Anything else (the same Errored of an earlier note) cannot tell, and nobody guesses.
 */
function arrived(before: string | null, now: string | undefined): boolean | null {
  if (now === undefined) return null;
  if (now !== before) return true;
  return before === 'NotFound' ? false : null;
}

/**
 * Sends one note with submitInvoice, as a persisted step: the row says `sending` before the call
 * leaves, so a crash or a lost answer is reconciled with getInvoiceStatus and never sent blindly
 * again. An order Amazon already accepted a note for gets nothing. Idempotent by access key: a
 * note already sent is not sent again.
 */
export async function sendNfe(
  db: Db,
  api: InvoicesApi,
  documentId: number,
  now: () => number,
  options: { readonly force?: boolean } = {},
): Promise<SendOutcome> {
  const t = target(db, documentId);
  switch (t.doc.state) {
    case 'sent':
    case 'accepted':
      return t.doc.state;
    case 'sending':
      return reconcile(db, api, documentId, now);
    case 'unknown':
      // Only the seller, having checked Seller Central, sends such a note again.
      if (!options.force) return 'unknown';
      break;
    case 'rejected':
    case 'replaced':
      throw new AppError('NFE_NOT_SENDABLE', { number: t.doc.number, state: t.doc.state });
    case 'pending':
      break;
  }
  const params = { orderId: t.orderId, marketplaceId: t.marketplaceId, programType: t.programType };
  const before = await api.getInvoiceStatus(params);
  if (before.invoiceStatus === 'Accepted') {
    markNfeState(db, documentId, 'pending', { amazonStatus: 'Accepted' });
    return 'already-accepted';
  }
  const xml = nfeXml(db, documentId);
  if (!xml) throw new AppError('NFE_NOT_FOUND');
  markNfeSending(db, documentId, t.programType, before.invoiceStatus ?? 'NotFound');
  try {
    await api.submitInvoice({ orderId: t.orderId, body: invoiceBody(xml, t.marketplaceId, t.programType) });
  } catch (err) {
    if (outcomeUnknown(err)) return reconcile(db, api, documentId, now);
    if (refusedOutright(err)) {
      markNfeState(db, documentId, 'rejected', {
        amazonStatus: null,
        amazonErrors: err.errors.map((e) => ({ code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) })),
      });
      return 'rejected';
    }
    // Not sent (403 role, throttled past the retries, offline before sending): back to pending, the seller is told why.
    markNfeState(db, documentId, 'pending');
    throw err;
  }
  markNfeState(db, documentId, 'sent', { amazonStatus: 'Processing', sentAt: new Date(now()).toISOString(), nextPollAt: nextPollAt(now(), 0) });
  return 'sent';
}

/** A `sending` row (crash or lost answer): what does Amazon say now? */
export async function reconcile(db: Db, api: InvoicesApi, documentId: number, now: () => number): Promise<SendOutcome> {
  const t = target(db, documentId);
  const status = await api.getInvoiceStatus({ orderId: t.orderId, marketplaceId: t.marketplaceId, programType: t.programType });
  const verdict = arrived(t.doc.statusBefore, status.invoiceStatus);
  if (verdict === false) {
    markNfeState(db, documentId, 'pending');
    return sendNfe(db, api, documentId, now);
  }
  if (verdict === null) {
    markNfeState(db, documentId, 'unknown', { amazonStatus: status.invoiceStatus ?? null });
    return 'unknown';
  }
  markNfeState(db, documentId, 'sent', { sentAt: new Date(now()).toISOString(), nextPollAt: nextPollAt(now(), 0) });
  return settle(db, documentId, status, now);
}

/** Applies a status read to a sent note. */
function settle(db: Db, documentId: number, status: InvoiceStatusResponse, now: () => number): SendOutcome {
  const doc = getNfe(db, documentId);
  const polls = doc?.polls ?? 0;
  switch (status.invoiceStatus) {
    case 'Accepted':
      markNfeState(db, documentId, 'accepted', { amazonStatus: 'Accepted', amazonErrors: [], nextPollAt: null, polled: true });
      return 'accepted';
    case 'Errored':
      markNfeState(db, documentId, 'rejected', {
        amazonStatus: 'Errored',
        amazonErrors: (status.errors ?? []).map((e) => ({ code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) })),
        nextPollAt: null,
        polled: true,
      });
      return 'rejected';
    case 'NotFound':
      if (polls + 1 >= NOT_FOUND_GIVE_UP) {
        markNfeState(db, documentId, 'unknown', { amazonStatus: 'NotFound', nextPollAt: null, polled: true });
        return 'unknown';
      }
      markNfeState(db, documentId, 'sent', { amazonStatus: 'NotFound', nextPollAt: nextPollAt(now(), polls + 1), polled: true });
      return 'sent';
    case 'Processing':
    case undefined:
      markNfeState(db, documentId, 'sent', { amazonStatus: status.invoiceStatus ?? null, nextPollAt: nextPollAt(now(), polls + 1), polled: true });
      return 'sent';
  }
}

/** Reads the status of one sent note now (the poll loop, or the seller's "update"). */
export async function pollNfe(db: Db, api: InvoicesApi, documentId: number, now: () => number): Promise<SendOutcome> {
  const t = target(db, documentId);
  if (t.doc.state === 'sending') return reconcile(db, api, documentId, now);
  if (t.doc.state !== 'sent') return t.doc.state === 'accepted' || t.doc.state === 'rejected' || t.doc.state === 'unknown' ? t.doc.state : 'sent';
  const status = await api.getInvoiceStatus({ orderId: t.orderId, marketplaceId: t.marketplaceId, programType: t.programType });
  return settle(db, documentId, status, now);
}
