import type { SyncStatus } from '../../../preload/contract/sync';
import type { Db } from '../connection';
import { timed } from '../connection';
import { statusCounts } from './sync-status-counts';

/** Where a SKU × marketplace stands, as the seller sees it. */
export type SyncOperation = 'UPDATE' | 'PARTIAL_UPDATE' | 'PATCH' | 'DELETE';

export interface SyncIssue {
  readonly code: string;
  readonly message: string;
  readonly severity: 'ERROR' | 'WARNING' | 'INFO';
  readonly attributeName?: string;
}

/**
 * Fingerprints of what Amazon holds for a SKU, as far as Vitrine sent it: the whole payload, the
 * content (everything but the offer), the price and the quantity. A part is null when unknown
 * (never sent, or not sent as built); an empty string is a part Amazon owns (a price the seller
 * keeps there, FBA stock).
 */
export interface PayloadHashes {
  readonly full: string | null;
  readonly content: string | null;
  readonly price: string | null;
  readonly quantity: string | null;
}

/** What the delta needs of the last send. */
export interface SentState {
  readonly status: SyncStatus;
  readonly sourceStamp: string | null;
  readonly hashes: PayloadHashes;
  readonly onAmazon: boolean;
  readonly productType: string | null;
}

/** The changed-SKU query moved beside the send engine's row shape; the query-plan test reads it here too. */
export { CHANGED_SKUS_SQL } from './skus-for-send';

/** Listings Amazon holds whose SKU left the catalog (deleted rows, not an existing offer linked to a catalog SKU): they must be stopped. */
/** Rows read per page by vanishedSkuPages (keyset pages on the table's own key: a few ms each). */
const VANISHED_PAGE = 2000;

/**
 * Rows on Amazon whose SKU left the catalog (no SKU, product key or linked offer names it), in
 * pages of the marketplace's rows by SKU; no statement stays open between pages, so the caller
 * may pause between them. `knownParents` (variation parents the cycle builds) are left out.
 */
export function* vanishedSkuPages(
  db: Db,
  accountId: string,
  marketplaceId: string,
  knownParents: readonly string[],
  pageRows = VANISHED_PAGE,
): Generator<{ sku: string; productType: string; fulfilledByAmazon: boolean }[]> {
  // The page's last SKU, through the table's key: a page is (after, upto].
  const bound = db.prepare('SELECT sku FROM sync_listings WHERE account_id = ? AND marketplace_id = ? AND sku > ? ORDER BY sku LIMIT 1 OFFSET ?').pluck();
  // Only the vanished rows of the page come back (almost always none); an offer the last listings
  // report says Amazon fulfils (FBA) is flagged: it is never stopped.
  const vanishedSql = (upto: string) =>
    `SELECT l.sku, l.product_type AS productType,
       EXISTS (SELECT 1 FROM amazon_listings al WHERE al.account_id = l.account_id AND al.marketplace_id = l.marketplace_id AND al.sku = l.sku
         AND UPPER(al.fulfillment) LIKE 'AMAZON%') AS fba
     FROM sync_listings l
     WHERE l.account_id = @account AND l.marketplace_id = @marketplace AND l.sku > @after ${upto}
       AND l.on_amazon = 1 AND l.status NOT IN ('removed','sending','waiting')
       AND NOT EXISTS (SELECT 1 FROM skus s WHERE s.sku = l.sku) AND NOT EXISTS (SELECT 1 FROM products p WHERE p.key = l.sku)
       AND NOT EXISTS (SELECT 1 FROM listing_links ll WHERE ll.account_id = l.account_id AND ll.marketplace_id = l.marketplace_id
         AND ll.amazon_sku = l.sku)
     ORDER BY l.sku`;
  // Bounded on both sides through the key (an `OR` on the upper bound would scan to the table's end every page).
  const page = db.prepare(vanishedSql('AND l.sku <= @upto'));
  const lastPage = db.prepare(vanishedSql(''));
  const parents = new Set(knownParents);
  let after = '';
  for (;;) {
    const upto = (bound.get(accountId, marketplaceId, after, pageRows - 1) as string | undefined) ?? null;
    const params = { account: accountId, marketplace: marketplaceId, after };
    const rows = timed('vanishedSkuPages', () => (upto === null ? lastPage.all(params) : page.all({ ...params, upto }))) as {
      sku: string;
      productType: string | null;
      fba: number;
    }[];
    yield rows.filter((r) => !parents.has(r.sku)).map((r) => ({ sku: r.sku, productType: r.productType ?? '', fulfilledByAmazon: r.fba === 1 }));
    if (upto === null) return;
    after = upto;
  }
}

/** Every vanished row at once (vanishedSkuPages, read to the end). */
export function listVanishedSkus(
  db: Db,
  accountId: string,
  marketplaceId: string,
  knownParents: readonly string[],
): { sku: string; productType: string; fulfilledByAmazon: boolean }[] {
  return [...vanishedSkuPages(db, accountId, marketplaceId, knownParents)].flat();
}

interface SentRecord {
  status: SyncStatus;
  source_stamp: string | null;
  full_hash: string | null;
  content_hash: string | null;
  price_hash: string | null;
  quantity_hash: string | null;
  on_amazon: number;
  product_type: string | null;
}

/** SKU codes of the catalog, for naming variation parents without colliding with a real SKU. */
export function prepareSkuExists(db: Db): (sku: string) => boolean {
  const stmt = db.prepare('SELECT 1 FROM skus WHERE sku = ?').pluck();
  return (sku) => stmt.get(sku) !== undefined;
}

export function prepareSentStateLookup(db: Db, accountId: string, marketplaceId: string): (sku: string) => SentState | undefined {
  const stmt = db.prepare(
    `SELECT status, source_stamp, full_hash, content_hash, price_hash, quantity_hash, on_amazon, product_type
     FROM sync_listings WHERE account_id = ? AND marketplace_id = ? AND sku = ?`,
  );
  return (sku) => {
    const r = stmt.get(accountId, marketplaceId, sku) as SentRecord | undefined;
    if (!r) return undefined;
    const hashes = { full: r.full_hash, content: r.content_hash, price: r.price_hash, quantity: r.quantity_hash };
    return { status: r.status, sourceStamp: r.source_stamp, hashes, onAmazon: r.on_amazon === 1, productType: r.product_type };
  };
}

export interface BuiltState {
  readonly sku: string;
  /** Null leaves the SKU to be planned again next cycle (part of its change is still unsent). */
  readonly stamp: string | null;
  readonly status: SyncStatus;
  readonly reason: string | null;
  readonly productType: string | null;
  /** Set when a message goes out: the hashes become "what was last sent". */
  readonly hashes?: PayloadHashes;
  readonly send?: { readonly feedRowId: number; readonly messageId: number; readonly operation: SyncOperation };
  /** Why a built listing is not sent (checked locally), shown like Amazon's issues. */
  readonly issues?: readonly SyncIssue[];
  /** The content was not sent as built: forget its hash, so the next valid build goes out in full. */
  readonly forgetContent?: boolean;
}

/**
 * Records the outcome of building one SKU: its new catalog stamp and either a message in a
 * feed (status sending, hashes = this payload) or a local status (skipped, unchanged, error).
 * A message also becomes part of "what was last sent" (migration 0009): an UPDATE replaces it,
 * a PARTIAL_UPDATE or PATCH is laid over it, a DELETE empties it.
 */
export function prepareBuiltWriter(db: Db, accountId: string, marketplaceId: string, now: number): (b: BuiltState) => void {
  const stmt = db.prepare(
    `INSERT INTO sync_listings (account_id, marketplace_id, sku, status, reason, source_stamp, product_type, full_hash, content_hash,
       price_hash, quantity_hash, feed_row_id, message_id, operation, issues, updated_at,
       base_feed_row_id, base_message_id, partial_feed_row_id, partial_message_id, patch_feed_row_id, patch_message_id)
     VALUES (@account, @marketplace, @sku, @status, @reason, @stamp, @productType, @full, @content, @price, @quantity, @feedRowId, @messageId, @operation,
       COALESCE(@issues, '[]'), @now,
       CASE WHEN @operation = 'UPDATE' THEN @feedRowId END, CASE WHEN @operation = 'UPDATE' THEN @messageId END,
       CASE WHEN @operation = 'PARTIAL_UPDATE' THEN @feedRowId END, CASE WHEN @operation = 'PARTIAL_UPDATE' THEN @messageId END,
       CASE WHEN @operation = 'PATCH' THEN @feedRowId END, CASE WHEN @operation = 'PATCH' THEN @messageId END)
     ON CONFLICT (account_id, marketplace_id, sku) DO UPDATE SET
       status = excluded.status, reason = excluded.reason, source_stamp = excluded.source_stamp,
       product_type = COALESCE(excluded.product_type, product_type),
       full_hash = CASE WHEN @forgetContent THEN NULL WHEN excluded.feed_row_id IS NULL THEN full_hash ELSE excluded.full_hash END,
       content_hash = CASE WHEN @forgetContent THEN NULL WHEN excluded.feed_row_id IS NULL THEN content_hash ELSE excluded.content_hash END,
       price_hash = CASE WHEN excluded.feed_row_id IS NULL THEN price_hash ELSE excluded.price_hash END,
       quantity_hash = CASE WHEN excluded.feed_row_id IS NULL THEN quantity_hash ELSE excluded.quantity_hash END,
       feed_row_id = COALESCE(excluded.feed_row_id, feed_row_id), message_id = COALESCE(excluded.message_id, message_id),
       operation = COALESCE(excluded.operation, operation),
       base_feed_row_id = CASE WHEN @operation = 'UPDATE' THEN @feedRowId WHEN @operation = 'DELETE' THEN NULL ELSE base_feed_row_id END,
       base_message_id = CASE WHEN @operation = 'UPDATE' THEN @messageId WHEN @operation = 'DELETE' THEN NULL ELSE base_message_id END,
       partial_feed_row_id = CASE WHEN @operation = 'PARTIAL_UPDATE' THEN @feedRowId WHEN @operation IN ('UPDATE','DELETE') THEN NULL ELSE partial_feed_row_id END,
       partial_message_id = CASE WHEN @operation = 'PARTIAL_UPDATE' THEN @messageId WHEN @operation IN ('UPDATE','DELETE') THEN NULL ELSE partial_message_id END,
       patch_feed_row_id = CASE WHEN @operation = 'PATCH' THEN @feedRowId WHEN @operation IN ('UPDATE','DELETE') THEN NULL ELSE patch_feed_row_id END,
       patch_message_id = CASE WHEN @operation = 'PATCH' THEN @messageId WHEN @operation IN ('UPDATE','DELETE') THEN NULL ELSE patch_message_id END,
       issues = CASE WHEN @issues IS NOT NULL THEN @issues WHEN excluded.status IN ('skipped','error') THEN '[]' ELSE issues END,
       updated_at = excluded.updated_at`,
  );
  return (b) =>
    void stmt.run({
      account: accountId,
      marketplace: marketplaceId,
      sku: b.sku,
      status: b.status,
      reason: b.reason,
      stamp: b.stamp,
      productType: b.productType,
      full: b.hashes?.full ?? null,
      content: b.hashes?.content ?? null,
      price: b.hashes?.price ?? null,
      quantity: b.hashes?.quantity ?? null,
      feedRowId: b.send?.feedRowId ?? null,
      messageId: b.send?.messageId ?? null,
      operation: b.send?.operation ?? null,
      issues: b.issues ? JSON.stringify(b.issues) : null,
      forgetContent: b.forgetContent ? 1 : 0,
      now,
    });
}

/**
 * A change the fast lane leaves to the next full cycle: shown as pending, stamp and hashes kept
 * so the full cycle still sees it as changed.
 */
export function prepareMarkPending(db: Db, accountId: string, marketplaceId: string, now: number): (sku: string) => void {
  const stmt = db.prepare(
    `INSERT INTO sync_listings (account_id, marketplace_id, sku, status, updated_at) VALUES (?, ?, ?, 'pending', ?)
     ON CONFLICT (account_id, marketplace_id, sku) DO UPDATE SET status = 'pending', updated_at = excluded.updated_at`,
  );
  return (sku) => void stmt.run(accountId, marketplaceId, sku, now);
}

/** Every message of a feed now waits for Amazon (after createFeed). */
/** Moves up to `limit` of a submitted feed's SKUs from "sending" to "waiting"; answers how many moved. */
export function markFeedWaiting(db: Db, feedRowId: number, now: number, limit: number): number {
  return db
    .prepare(
      `UPDATE sync_listings SET status = 'waiting', sent_at = @now, updated_at = @now
       WHERE feed_row_id = @feed AND status = 'sending' AND message_id IN (
         SELECT message_id FROM sync_listings WHERE feed_row_id = @feed AND status = 'sending' ORDER BY message_id LIMIT @limit)`,
    )
    .run({ now, feed: feedRowId, limit }).changes;
}

export interface MessageRef {
  readonly sku: string;
  readonly marketplaceId: string;
  readonly messageId: number;
  readonly operation: SyncOperation;
  readonly reason: string | null;
}

export function listFeedMessages(db: Db, feedRowId: number): MessageRef[] {
  return db
    .prepare(
      `SELECT sku, marketplace_id AS marketplaceId, message_id AS messageId, operation, reason FROM sync_listings WHERE feed_row_id = ? AND status IN ('sending','waiting')`,
    )
    .all(feedRowId) as MessageRef[];
}

export interface MessageOutcome {
  readonly sku: string;
  readonly status: SyncStatus;
  readonly issues: readonly SyncIssue[];
  readonly asin?: string;
  readonly onAmazon?: boolean;
  /** Amazon does not hold what we think it does (feed failed as a whole): resend next cycle. */
  readonly forgetHashes?: boolean;
}

export function prepareOutcomeWriter(
  db: Db,
  feed: { readonly id: number; readonly accountId: string; readonly marketplaceId: string },
  now: number,
): (o: MessageOutcome) => void {
  const stmt = db.prepare(
    `UPDATE sync_listings SET status = @status, issues = @issues, asin = COALESCE(@asin, asin),
       on_amazon = COALESCE(@onAmazon, on_amazon), updated_at = @now,
       full_hash = CASE WHEN @forget THEN NULL ELSE full_hash END, source_stamp = CASE WHEN @forget THEN NULL ELSE source_stamp END,
       feed_row_id = NULL, message_id = NULL
     WHERE account_id = @account AND marketplace_id = @marketplace AND sku = @sku AND feed_row_id = @feedRowId`,
  );
  return (o) =>
    void stmt.run({
      status: o.status,
      issues: JSON.stringify(o.issues),
      asin: o.asin ?? null,
      onAmazon: o.onAmazon === undefined ? null : o.onAmazon ? 1 : 0,
      forget: o.forgetHashes ? 1 : 0,
      now,
      feedRowId: feed.id,
      account: feed.accountId,
      marketplace: feed.marketplaceId,
      sku: o.sku,
    });
}

export interface StatusRow {
  readonly marketplaceId: string;
  readonly sku: string;
  readonly status: SyncStatus;
  readonly reason: string | null;
  readonly asin: string | null;
  readonly issues: readonly SyncIssue[];
  readonly operation: SyncOperation | null;
  readonly sentAt: number | null;
  readonly updatedAt: number;
  /** Set when the query names a product: the catalog SKU the row is sent for (its `sku` may be a linked offer's). */
  readonly catalogSku?: string;
}

export interface StatusQuery {
  readonly accountId: string;
  readonly marketplaceId?: string;
  readonly statuses?: readonly SyncStatus[];
  /** Only that product's SKUs, each under the SKU it is sent as (a Vitrine-managed linked offer's Amazon SKU). */
  readonly productId?: number;
  readonly offset: number;
  readonly limit: number;
}

/**
 * One product's rows, as the engine plans them: per marketplace of the account, a catalog SKU is
 * tracked under its own code unless a linked Amazon offer that Vitrine manages gives it another.
 * Driven by the product's SKUs, so it reads a handful of index entries, never the account's rows.
 */
export const PRODUCT_LISTINGS_SQL = `SELECT l.*, s.sku AS catalog_sku FROM skus s
  JOIN account_marketplaces am ON am.account_id = @account
  LEFT JOIN listing_links ll ON ll.sku_id = s.id AND ll.marketplace_id = am.marketplace_id AND ll.account_id = am.account_id
    AND ll.treatment = 'vitrine-manages'
  JOIN sync_listings l ON l.account_id = am.account_id AND l.marketplace_id = am.marketplace_id AND l.sku = COALESCE(ll.amazon_sku, s.sku)
  WHERE s.product_id = @product`;

export function listStatuses(db: Db, q: StatusQuery): { total: number; items: StatusRow[] } {
  const byProduct = q.productId !== undefined;
  const from = byProduct ? `(${PRODUCT_LISTINGS_SQL})` : 'sync_listings';
  const where = ['account_id = @account'];
  if (q.marketplaceId) where.push('marketplace_id = @marketplace');
  if (q.statuses && q.statuses.length > 0) where.push(`status IN (${q.statuses.map((_, i) => `@s${i}`).join(',')})`);
  const params: Record<string, unknown> = { account: q.accountId, marketplace: q.marketplaceId ?? null, limit: q.limit, offset: q.offset };
  if (byProduct) params['product'] = q.productId;
  q.statuses?.forEach((s, i) => (params[`s${i}`] = s));
  const sql = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${sql}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT marketplace_id AS marketplaceId, sku, status, reason, asin, issues, operation, sent_at AS sentAt, updated_at AS updatedAt,
         ${byProduct ? 'catalog_sku' : 'NULL'} AS catalogSku
       FROM ${from} WHERE ${sql} ORDER BY updated_at DESC, sku LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Omit<StatusRow, 'issues' | 'catalogSku'> & { issues: string; catalogSku: string | null })[];
  return {
    total,
    items: rows.map(({ catalogSku, ...r }) => ({ ...r, issues: JSON.parse(r.issues) as SyncIssue[], ...(catalogSku === null ? {} : { catalogSku }) })),
  };
}

/** Rows per status of the account, across its marketplaces (kept as rows are written: sync-status-counts.ts). */
export function countStatuses(db: Db, accountId: string): Partial<Record<SyncStatus, number>> {
  return statusCounts(db, accountId);
}

/** Live listings to re-read from Amazon, newest sends first: DONE is not the last word. */
export function listRecheckCandidates(db: Db, accountId: string, marketplaceId: string, limit: number): string[] {
  return (
    db
      .prepare(
        `SELECT sku FROM sync_listings WHERE account_id = ? AND marketplace_id = ? AND status IN ('live','paused')
           AND sent_at IS NOT NULL AND (checked_at IS NULL OR checked_at < sent_at)
         ORDER BY sent_at DESC, sku LIMIT ?`,
      )
      .all(accountId, marketplaceId, limit) as { sku: string }[]
  ).map((r) => r.sku);
}

export function saveRecheck(
  db: Db,
  accountId: string,
  marketplaceId: string,
  sku: string,
  found: { asin?: string; issues: readonly SyncIssue[] },
  now: number,
): void {
  const hasError = found.issues.some((i) => i.severity === 'ERROR');
  db.prepare(
    `UPDATE sync_listings SET asin = COALESCE(?, asin), issues = ?, checked_at = ?,
       status = CASE WHEN ? THEN 'error' ELSE status END
     WHERE account_id = ? AND marketplace_id = ? AND sku = ?`,
  ).run(found.asin ?? null, JSON.stringify(found.issues), now, hasError ? 1 : 0, accountId, marketplaceId, sku);
}
