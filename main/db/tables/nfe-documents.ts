import type { NFE_STATES } from '../../../preload/contract/brazil';
import type { Db } from '../connection';
import type { FulfillmentProgram } from './order-programs';

export type NfeState = (typeof NFE_STATES)[number];
export type NfeMatch = 'xPed' | 'infCpl' | 'infAdic' | 'seller';

export interface NfeDocumentRow {
  readonly id: number;
  readonly accessKey: string;
  readonly number: string;
  readonly series: string;
  readonly issuedAt: string | null;
  readonly emitterCnpj: string;
  readonly emitterName: string | null;
  readonly totalCents: number;
  readonly protocol: string;
  readonly fileName: string;
  readonly mentions: readonly string[];
  readonly orderRowId: number | null;
  readonly matchedBy: NfeMatch | null;
  readonly state: NfeState;
  readonly programType: 'EasyShip' | 'SelfShip' | null;
  readonly statusBefore: string | null;
  readonly amazonStatus: string | null;
  readonly amazonErrors: readonly { readonly code: string; readonly message: string; readonly details?: string }[];
  readonly attempts: number;
  readonly polls: number;
  readonly nextPollAt: string | null;
  readonly sentAt: string | null;
  readonly importedAt: string;
}

type Row = Omit<NfeDocumentRow, 'mentions' | 'amazonErrors'> & { mentions: string; amazonErrors: string | null };

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
const COLUMNS = `id, access_key AS accessKey, number, series, issued_at AS issuedAt, emitter_cnpj AS emitterCnpj, emitter_name AS emitterName,
  total_cents AS totalCents, protocol, file_name AS fileName, mentions, order_id AS orderRowId, matched_by AS matchedBy, state,
  program_type AS programType, status_before AS statusBefore, amazon_status AS amazonStatus, amazon_errors AS amazonErrors,
  attempts, polls, next_poll_at AS nextPollAt, sent_at AS sentAt, imported_at AS importedAt`;

const fromRow = (r: Row): NfeDocumentRow => ({
  ...r,
  mentions: JSON.parse(r.mentions) as string[],
  amazonErrors: r.amazonErrors ? (JSON.parse(r.amazonErrors) as NfeDocumentRow['amazonErrors']) : [],
});

/** What a stored note is read from: the fields the XML states (`parseNfe`). */
export type NfeFacts = Pick<NfeDocumentRow, 'accessKey' | 'number' | 'series' | 'issuedAt' | 'emitterCnpj' | 'emitterName' | 'totalCents' | 'protocol'>;

export type NfeInsert = NfeFacts & Pick<NfeDocumentRow, 'fileName' | 'mentions' | 'orderRowId' | 'matchedBy'> & { readonly xml: Uint8Array };

export function insertNfe(db: Db, doc: NfeInsert): number {
  return Number(
    db
      .prepare(
        `INSERT INTO nfe_documents (access_key, number, series, issued_at, emitter_cnpj, emitter_name, total_cents, protocol, file_name, xml, mentions, order_id, matched_by, imported_at, updated_at)
         VALUES (@accessKey, @number, @series, @issuedAt, @emitterCnpj, @emitterName, @totalCents, @protocol, @fileName, @xml, @mentions, @orderRowId, @matchedBy, ${NOW}, ${NOW})`,
      )
      .run({ ...doc, xml: Buffer.from(doc.xml), mentions: JSON.stringify(doc.mentions) }).lastInsertRowid,
  );
}

export function getNfe(db: Db, id: number): NfeDocumentRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM nfe_documents WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

export function findNfeByKey(db: Db, accessKey: string): NfeDocumentRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM nfe_documents WHERE access_key = ?`).get(accessKey) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** The file's bytes exactly as imported (what submitInvoice sends). */
export function nfeXml(db: Db, id: number): Buffer | undefined {
  return db.prepare('SELECT xml FROM nfe_documents WHERE id = ?').pluck().get(id) as Buffer | undefined;
}

/** The notes of an order, newest first. */
export function nfesOfOrder(db: Db, orderRowId: number): NfeDocumentRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM nfe_documents WHERE order_id = ? ORDER BY id DESC`).all(orderRowId) as Row[]).map(fromRow);
}

/** Notes not assigned to an order yet (the seller picks one), newest first. */
export function unmatchedNfes(db: Db, limit = 200): NfeDocumentRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM nfe_documents WHERE order_id IS NULL ORDER BY id DESC LIMIT ?`).all(limit) as Row[]).map(fromRow);
}

/** Notes waiting to be sent (matched, pending), oldest first. */
export function pendingNfes(db: Db): NfeDocumentRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM nfe_documents WHERE state = 'pending' AND order_id IS NOT NULL ORDER BY id`).all() as Row[]).map(fromRow);
}

/** Sent notes whose status is due, and sends a crash interrupted. */
export function dueNfes(db: Db, nowIso: string): NfeDocumentRow[] {
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM nfe_documents WHERE (state = 'sent' AND next_poll_at <= ?) OR state = 'sending' ORDER BY next_poll_at, id`)
      .all(nowIso) as Row[]
  ).map(fromRow);
}

export function assignNfe(db: Db, id: number, orderRowId: number, matchedBy: NfeMatch): void {
  db.prepare(`UPDATE nfe_documents SET order_id = ?, matched_by = ?, updated_at = ${NOW} WHERE id = ?`).run(orderRowId, matchedBy, id);
}

export function deleteNfe(db: Db, id: number): boolean {
  return db.prepare(`DELETE FROM nfe_documents WHERE id = ? AND state IN ('pending', 'rejected', 'replaced')`).run(id).changes > 0;
}

/** The step before submitInvoice, persisted first: a crash leaves 'sending' and the attempt counted. */
export function markNfeSending(db: Db, id: number, programType: 'EasyShip' | 'SelfShip', statusBefore: string): void {
  db.prepare(`UPDATE nfe_documents SET state = 'sending', program_type = ?, status_before = ?, attempts = attempts + 1, updated_at = ${NOW} WHERE id = ?`).run(
    programType,
    statusBefore,
    id,
  );
}

export function markNfeState(
  db: Db,
  id: number,
  state: NfeState,
  change: {
    amazonStatus?: string | null;
    amazonErrors?: NfeDocumentRow['amazonErrors'] | null;
    nextPollAt?: string | null;
    sentAt?: string;
    polled?: boolean;
  } = {},
): void {
  db.prepare(
    `UPDATE nfe_documents SET state = @state,
       amazon_status = CASE WHEN @setStatus THEN @amazonStatus ELSE amazon_status END,
       amazon_errors = CASE WHEN @setErrors THEN @amazonErrors ELSE amazon_errors END,
       next_poll_at = CASE WHEN @setPoll THEN @nextPollAt ELSE next_poll_at END,
       sent_at = COALESCE(@sentAt, sent_at), polls = polls + @polled, updated_at = ${NOW}
     WHERE id = @id`,
  ).run({
    id,
    state,
    setStatus: change.amazonStatus === undefined ? 0 : 1,
    amazonStatus: change.amazonStatus ?? null,
    setErrors: change.amazonErrors === undefined ? 0 : 1,
    amazonErrors: change.amazonErrors ? JSON.stringify(change.amazonErrors) : null,
    setPoll: change.nextPollAt === undefined ? 0 : 1,
    nextPollAt: change.nextPollAt ?? null,
    sentAt: change.sentAt ?? null,
    polled: change.polled ? 1 : 0,
  });
}

/** A corrected note takes over from a refused one: the refused stays on record as replaced. */
export function replaceRejectedNfes(db: Db, orderRowId: number, exceptId: number): void {
  db.prepare(`UPDATE nfe_documents SET state = 'replaced', updated_at = ${NOW} WHERE order_id = ? AND id <> ? AND state IN ('rejected', 'pending')`).run(
    orderRowId,
    exceptId,
  );
}

/** The order as the NF-e checks need it, found by Amazon order id in any account. */
export interface OrderForNfeRow {
  readonly id: number;
  readonly accountId: string;
  readonly amazonOrderId: string;
  readonly marketplaceId: string;
  readonly status: string;
  readonly program: FulfillmentProgram;
  readonly totalCents: number | null;
  readonly currency: string | null;
  readonly hasAccepted: number;
}

const ORDER_FOR_NFE = `SELECT o.id, o.account_id AS accountId, o.amazon_order_id AS amazonOrderId, o.marketplace_id AS marketplaceId, o.status,
    COALESCE(p.program, CASE WHEN o.fulfilled_by = 'AMAZON' THEN 'fba' ELSE 'self_ship' END) AS program, o.total_cents AS totalCents, o.currency,
    EXISTS (SELECT 1 FROM nfe_documents n WHERE n.order_id = o.id AND n.state = 'accepted') AS hasAccepted
  FROM orders o LEFT JOIN order_programs p ON p.order_id = o.id`;

export function orderForNfeByAmazonId(db: Db, amazonOrderId: string): OrderForNfeRow | undefined {
  return db.prepare(`${ORDER_FOR_NFE} WHERE o.amazon_order_id = ? ORDER BY o.id LIMIT 1`).get(amazonOrderId) as OrderForNfeRow | undefined;
}

export function orderForNfe(db: Db, orderRowId: number): OrderForNfeRow | undefined {
  return db.prepare(`${ORDER_FOR_NFE} WHERE o.id = ?`).get(orderRowId) as OrderForNfeRow | undefined;
}

/** The order's items with the GTIN of their SKU in the catalog (an NF-e names products by cProd or cEAN). */
export function orderItemsForNfe(db: Db, orderRowId: number): { sku: string | null; gtin: string | null; quantity: number }[] {
  return db
    .prepare(`SELECT i.seller_sku AS sku, s.gtin, i.quantity FROM order_items i LEFT JOIN skus s ON s.sku = i.seller_sku WHERE i.order_id = ? ORDER BY i.id`)
    .all(orderRowId) as { sku: string | null; gtin: string | null; quantity: number }[];
}

/** Orders that still need a note (for "choose the order" when a note names none). */
export function ordersNeedingNfe(
  db: Db,
  limit = 200,
): { id: number; amazonOrderId: string; createdTime: string; buyerName: string | null; totalCents: number | null; currency: string | null }[] {
  return db
    .prepare(
      `SELECT o.id, o.amazon_order_id AS amazonOrderId, o.created_time AS createdTime, o.buyer_name AS buyerName, o.total_cents AS totalCents, o.currency
       FROM orders o LEFT JOIN order_programs p ON p.order_id = o.id
       WHERE COALESCE(p.program, 'self_ship') <> 'fba' AND o.status IN ('Unshipped', 'PartiallyShipped', 'Shipped')
         AND COALESCE(p.invoice_status, 'NOT_FOUND') <> 'NOT_REQUIRED'
         AND NOT EXISTS (SELECT 1 FROM nfe_documents n WHERE n.order_id = o.id AND n.state NOT IN ('rejected', 'replaced'))
       ORDER BY o.created_time DESC LIMIT ?`,
    )
    .all(limit) as { id: number; amazonOrderId: string; createdTime: string; buyerName: string | null; totalCents: number | null; currency: string | null }[];
}
