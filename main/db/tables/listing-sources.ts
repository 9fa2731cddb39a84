import { inflateRawSync } from 'node:zlib';
import type { Db } from '../connection';
import type { SelectionScope } from './listing-selections';

/**
 * Ids of the next page of selected products: the same set as the rules feature's
 * `selected_products` view (manual choices in `listing_selections` plus matches of enabled
 * listing rules), but read as one primary-key range per source and merged here. The view's
 * UNION cannot take `ORDER BY … LIMIT` into its branches, so paging through it re-reads the rest
 * of the selection on every page (quadratic at 100k products); these ranges read only the page.
 */
export const MANUAL_PAGE_SQL =
  'SELECT product_id FROM listing_selections WHERE account_id = ? AND marketplace_id = ? AND product_id > ? ORDER BY product_id LIMIT ?';
export const RULE_PAGE_SQL = 'SELECT product_id FROM rule_matches WHERE rule_id = ? AND product_id > ? ORDER BY product_id LIMIT ?';

export function selectedIdsPage(db: Db, scope: SelectionScope, afterProductId: number, limit: number): number[] {
  const manual = db.prepare(MANUAL_PAGE_SQL).pluck().all(scope.accountId, scope.marketplaceId, afterProductId, limit) as number[];
  const rules =
    tolerateMissingTable(
      () =>
        db
          .prepare('SELECT id FROM listing_rules WHERE account_id = ? AND marketplace_id = ? AND enabled = 1')
          .pluck()
          .all(scope.accountId, scope.marketplaceId) as number[],
    ) ?? [];
  const matches = db.prepare(RULE_PAGE_SQL).pluck();
  const ids = new Set(manual);
  for (const rule of rules) for (const id of matches.all(rule, afterProductId, limit) as number[]) ids.add(id);
  return [...ids].sort((x, y) => x - y).slice(0, limit);
}

/** The attributes Amazon was last sent for a SKU. */
export interface SentDocument {
  readonly operation: 'UPDATE' | 'PARTIAL_UPDATE' | 'PATCH';
  readonly productType: string | null;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** False when no full document is stored, only later partial updates or offer patches. */
  readonly complete: boolean;
}

export interface LastSent {
  /** The send engine's whole-payload fingerprint of what Amazon holds. */
  readonly fullHash: string | null;
  readonly sentAt: number | null;
  /** The last full document with the later partial updates and offer patches laid over it, when stored. */
  readonly document: SentDocument | null;
}

function tolerateMissingTable<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (/no such table/.test((err as Error).message)) return undefined;
    throw err;
  }
}

/**
 * One message of a stored feed document. Documents are written by the send engine with each
 * message starting `{"messageId":N,` (main/sync/batching.ts) and ids in order, so the message is
 * cut out and parsed alone; a 10 MB document is not parsed whole for one SKU's preview.
 */
export function messageOfDocument(text: string, messageId: number): Record<string, unknown> | undefined {
  const start = text.indexOf(`{"messageId":${messageId},`);
  if (start >= 0) {
    const next = text.indexOf(`,{"messageId":${messageId + 1},`, start);
    const end = next >= 0 ? next : text.lastIndexOf(']');
    try {
      return JSON.parse(text.slice(start, end)) as Record<string, unknown>;
    } catch {
      // Not laid out as the engine writes it: read the whole document below.
    }
  }
  const doc = JSON.parse(text) as { messages?: Record<string, unknown>[] };
  return doc.messages?.find((m) => m['messageId'] === messageId);
}

/** The attributes a message sets: all of them for UPDATE and PARTIAL_UPDATE, the patched ones for PATCH. */
function attributesOf(message: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (message['operationType'] === 'PATCH') {
    const out: Record<string, unknown> = {};
    for (const p of Array.isArray(message['patches']) ? (message['patches'] as { op?: unknown; path?: unknown; value?: unknown }[]) : []) {
      if (typeof p.path !== 'string' || !p.path.startsWith('/attributes/')) continue;
      const name = p.path.slice('/attributes/'.length);
      if (p.op === 'delete') out[name] = undefined;
      else out[name] = p.value;
    }
    return out;
  }
  const attrs = message['attributes'];
  return typeof attrs === 'object' && attrs !== null ? { ...(attrs as Record<string, unknown>) } : {};
}

interface SentRefsRow {
  full_hash: string | null;
  sent_at: number | null;
  refs: string;
}

/**
 * What the send engine last sent for a SKU (its tables `sync_listings` and `sync_feed_documents`, whose
 * `content` is the feed document deflated raw): the last UPDATE, with the PARTIAL_UPDATE and the
 * PATCH sent after it laid over in feed order (migration 0009). Answers undefined when nothing
 * was sent yet — or when the send engine's tables are not in this build, so the preview works
 * either way.
 */
export function lastSent(db: Db, scope: SelectionScope, sku: string): LastSent | undefined {
  return tolerateMissingTable(() => {
    const row = db
      .prepare(
        `SELECT full_hash, sent_at, json_array(json_array(base_feed_row_id, base_message_id), json_array(partial_feed_row_id, partial_message_id),
           json_array(patch_feed_row_id, patch_message_id)) AS refs
         FROM sync_listings WHERE account_id = ? AND marketplace_id = ? AND sku = ?`,
      )
      .get(scope.accountId, scope.marketplaceId, sku) as SentRefsRow | undefined;
    if (!row) return undefined;
    const content = db.prepare('SELECT content FROM sync_feed_documents WHERE feed_row_id = ?').pluck();
    const refs = (JSON.parse(row.refs) as [number | null, number | null][])
      .map(([feed, message], i) => ({ feed, message, base: i === 0 }))
      .filter((r): r is { feed: number; message: number; base: boolean } => r.feed !== null && r.message !== null)
      .sort((a, b) => a.feed - b.feed || a.message - b.message);
    let document = null as SentDocument | null;
    for (const ref of refs) {
      const blob = content.get(ref.feed) as Buffer | undefined;
      const message = blob ? messageOfDocument(inflateRawSync(blob).toString('utf8'), ref.message) : undefined;
      if (!message) continue;
      const operation = message['operationType'] as SentDocument['operation'];
      const merged: Record<string, unknown> = { ...(document?.attributes ?? {}), ...attributesOf(message) };
      const attributes: Record<string, unknown> = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
      const productType: string | null = typeof message['productType'] === 'string' ? message['productType'] : (document?.productType ?? null);
      document = { operation, productType, attributes, complete: ref.base || (document?.complete ?? false) };
    }
    return { fullHash: row.full_hash, sentAt: row.sent_at, document };
  });
}
