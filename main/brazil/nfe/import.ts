import type { Db } from '../../db/connection';
import {
  findNfeByKey,
  insertNfe,
  orderForNfe,
  orderForNfeByAmazonId,
  orderItemsForNfe,
  replaceRejectedNfes,
  type NfeMatch,
  type OrderForNfeRow,
} from '../../db/tables/nfe-documents';
import { checkEmitter, verifyAgainstOrder, type VerifySettings } from './verify';
import { parseNfe, type NfeProblem, type ParsedNfe } from './parse';

/** One file as it reached Vitrine (picked in a dialog, in a chosen folder, or dropped on the window). */
export interface NfeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type NfeFileResult =
  | {
      readonly file: string;
      readonly ok: true;
      readonly documentId: number;
      readonly accessKey: string;
      readonly number: string;
      readonly orderRowId: number | null;
      readonly amazonOrderId: string | null;
      readonly matchedBy: NfeMatch | null;
      /** Order ids the note names that Vitrine has not imported (yet). */
      readonly unknownOrders: readonly string[];
    }
  | { readonly file: string; readonly ok: false; readonly problem: NfeProblem };

const SOURCE_ORDER: readonly NfeMatch[] = ['xPed', 'infCpl', 'infAdic'];

export function toOrderForNfe(db: Db, order: OrderForNfeRow) {
  return {
    amazonOrderId: order.amazonOrderId,
    status: order.status,
    program: order.program,
    totalCents: order.totalCents,
    currency: order.currency,
    items: orderItemsForNfe(db, order.id),
    hasAcceptedNfe: order.hasAccepted === 1,
  };
}

/** The order a note names (xPed first, then infCpl, then infAdic) among the imported orders. */
function matchOrder(db: Db, nfe: ParsedNfe): { order: OrderForNfeRow; by: NfeMatch } | { unknown: string[] } {
  const mentions = [...nfe.mentions].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
  for (const mention of mentions) {
    const order = orderForNfeByAmazonId(db, mention.orderId);
    if (order) return { order, by: mention.source };
  }
  return { unknown: mentions.map((m) => m.orderId) };
}

/**
 * Imports NF-e files one by one: each is parsed and checked on its own (a bad file never stops
 * the others and leaves nothing behind), matched to its order by the order id it names, checked
 * against that order, and stored byte for byte. A note naming no imported order is kept unassigned
 * for the seller to choose its order. Nothing is sent here.
 */
export function importNfeFiles(db: Db, files: readonly NfeFile[], settings: VerifySettings): NfeFileResult[] {
  const results: NfeFileResult[] = [];
  for (const file of files) {
    const fail = (problem: NfeProblem) => void results.push({ file: file.name, ok: false, problem });
    const parsed = parseNfe(file.bytes);
    if (!parsed.ok) {
      fail(parsed.problem);
      continue;
    }
    const nfe = parsed.nfe;
    const emitter = checkEmitter(nfe, settings);
    if (emitter) {
      fail(emitter);
      continue;
    }
    const existing = findNfeByKey(db, nfe.accessKey);
    if (existing) {
      fail({ code: 'DUPLICATE', field: 'infNFe/@Id', params: { key: nfe.accessKey, existingFile: existing.fileName } });
      continue;
    }
    const match = matchOrder(db, nfe);
    if ('order' in match) {
      const problem = verifyAgainstOrder(nfe, toOrderForNfe(db, match.order), settings);
      if (problem) {
        fail(problem);
        continue;
      }
    }
    const order = 'order' in match ? match.order : null;
    const documentId = db.transaction(() => {
      const id = insertNfe(db, {
        accessKey: nfe.accessKey,
        number: nfe.number,
        series: nfe.series,
        issuedAt: nfe.issuedAt,
        emitterCnpj: nfe.emitterCnpj,
        emitterName: nfe.emitterName,
        totalCents: nfe.totalCents,
        protocol: nfe.protocol,
        fileName: file.name,
        xml: file.bytes,
        mentions: nfe.mentions.map((m) => m.orderId),
        orderRowId: order?.id ?? null,
        matchedBy: 'order' in match ? match.by : null,
      });
      if (order) replaceRejectedNfes(db, order.id, id);
      return id;
    })();
    results.push({
      file: file.name,
      ok: true,
      documentId,
      accessKey: nfe.accessKey,
      number: nfe.number,
      orderRowId: order?.id ?? null,
      amazonOrderId: order?.amazonOrderId ?? null,
      matchedBy: 'order' in match ? match.by : null,
      unknownOrders: 'unknown' in match ? match.unknown : [],
    });
  }
  return results;
}

/** The seller's choice of order for a note that named none (the same checks as a match). */
export function verifyAssignment(db: Db, nfe: ParsedNfe, orderRowId: number, settings: VerifySettings): NfeProblem | null {
  const order = orderForNfe(db, orderRowId);
  if (!order) return { code: 'ORDER_NOT_FOUND', params: { orderId: String(orderRowId) } };
  return verifyAgainstOrder(nfe, toOrderForNfe(db, order), settings);
}
