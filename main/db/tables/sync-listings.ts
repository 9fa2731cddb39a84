import type { Db } from '../connection';
import { EFFECTIVE_STOCK_SQL } from './kits';

/** Where a SKU × marketplace stands, as the seller sees it. */
export type SyncStatus = 'pending' | 'sending' | 'waiting' | 'live' | 'error' | 'paused' | 'skipped' | 'removed';
export type SyncOperation = 'UPDATE' | 'PATCH' | 'DELETE';

export interface SyncIssue {
  readonly code: string;
  readonly message: string;
  readonly severity: 'ERROR' | 'WARNING' | 'INFO';
  readonly attributeName?: string;
}

export interface PayloadHashes {
  readonly full: string;
  readonly content: string;
  readonly price: string;
  readonly quantity: string;
}

/** What the delta needs of the last send. */
export interface SentState {
  readonly status: SyncStatus;
  readonly sourceStamp: string | null;
  readonly hashes: PayloadHashes | null;
  readonly onAmazon: boolean;
  readonly productType: string | null;
}

/** A catalog SKU whose catalog or settings version differs from the one last built. */
export interface ChangedSkuRow {
  readonly skuId: number;
  readonly sku: string;
  readonly stamp: string;
  readonly productId: number;
  readonly productKey: string;
  readonly productStamp: string;
  readonly title: string;
  readonly description: string | null;
  readonly brand: string | null;
  readonly manufacturer: string | null;
  readonly bulletPoints: string;
  readonly imageUrls: string;
  readonly categoryId: number | null;
  readonly gtin: string | null;
  readonly gtinExempt: number;
  readonly priceCents: number | null;
  readonly salePriceCents: number | null;
  readonly stock: number;
  readonly weightG: number | null;
  readonly lengthMm: number | null;
  readonly widthMm: number | null;
  readonly heightMm: number | null;
  readonly variation: string;
  readonly active: number;
  readonly asin: string | null;
  readonly isKit: number;
  readonly familySize: number;
  /** JSON object of the product's characteristics (name → value). */
  readonly characteristics: string;
  /** 1 when the product is in the scope's selection (manual choice or a listing rule). */
  readonly selected: number;
  /** Set when a listing rule stopped matching the product: what to do with its offer. */
  readonly ruleExit: 'zero-quantity' | 'leave' | null;
  /** The seller's decision on an existing Amazon offer linked to this SKU, if any. */
  readonly linkTreatment: 'unconfirmed' | 'keep-amazon' | 'vitrine-manages' | null;
  /** The SKU the linked offer has on Amazon (may differ from the catalog SKU: EAN/ASIN links). */
  readonly linkAmazonSku: string | null;
}

// Kits take their stock from components, whose rows change without touching the kit's.
// Stock and price are in the stamp verbatim: two writes within one millisecond share an updated_at.
const STAMP_SQL = `s.updated_at || '|' || s.stock || '|' || COALESCE(s.price_cents, '') || '|' || COALESCE(s.sale_price_cents, '') || '|' || s.active
  || '|' || p.updated_at || '|' || COALESCE((SELECT group_concat(cs.updated_at || ':' || cs.stock) FROM kit_components kc
  JOIN skus cs ON cs.id = kc.component_sku_id WHERE kc.kit_sku_id = s.id), '')`;

// What the seller decided about sending (selection, rule exit, existing-offer link) is part of
// the stamp too: choosing a product, or confirming how its offer is treated, re-plans the SKU.
// The selection is `selected_products` (manual choices + enabled rules' matches), read through
// its two tables' indexes per product: joining the view itself would scan it for every row.
const SELECTED_SQL = `(EXISTS (SELECT 1 FROM listing_selections ls WHERE ls.account_id = :account AND ls.marketplace_id = :marketplace AND ls.product_id = p.id)
  OR EXISTS (SELECT 1 FROM rule_matches rm JOIN listing_rules r ON r.id = rm.rule_id
    WHERE rm.product_id = p.id AND r.account_id = :account AND r.marketplace_id = :marketplace AND r.enabled = 1))`;
const DECISION_STAMP_SQL = `'|' || ${SELECTED_SQL} || '|' || COALESCE(rx.on_exit, '') || '|' || COALESCE(ll.treatment || ':' || ll.amazon_sku, '')`;

/** Exported for the query-plan test: every join must go through an index (one SCAN, of skus). */
export const CHANGED_SKUS_SQL = `SELECT * FROM (
         SELECT s.id AS skuId, s.sku, :fp || '|' || ${STAMP_SQL} || ${DECISION_STAMP_SQL} AS stamp, p.id AS productId, p.key AS productKey,
           :fp || '|' || p.updated_at AS productStamp, p.title, p.description, p.brand, p.manufacturer,
           p.bullet_points AS bulletPoints, p.image_urls AS imageUrls, p.category_id AS categoryId, s.gtin, s.gtin_exempt AS gtinExempt,
           s.price_cents AS priceCents, s.sale_price_cents AS salePriceCents, ${EFFECTIVE_STOCK_SQL} AS stock, s.weight_g AS weightG,
           s.length_mm AS lengthMm, s.width_mm AS widthMm, s.height_mm AS heightMm, s.variation, s.active, s.asin,
           EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_sku_id = s.id) AS isKit,
           (SELECT count(*) FROM skus f WHERE f.product_id = p.id) AS familySize,
           (SELECT json_group_object(c.name, pc.value) FROM product_characteristics pc JOIN characteristics c ON c.id = pc.characteristic_id
             WHERE pc.product_id = p.id) AS characteristics,
           ${SELECTED_SQL} AS selected, rx.on_exit AS ruleExit, ll.treatment AS linkTreatment, ll.amazon_sku AS linkAmazonSku,
           l.source_stamp AS oldStamp, l.status AS oldStatus
         FROM skus s JOIN products p ON p.id = s.product_id
         LEFT JOIN rule_exits rx ON rx.account_id = :account AND rx.marketplace_id = :marketplace AND rx.product_id = p.id
         LEFT JOIN listing_links ll ON ll.account_id = :account AND ll.marketplace_id = :marketplace AND ll.sku_id = s.id
         LEFT JOIN sync_listings l ON l.account_id = :account AND l.marketplace_id = :marketplace
           AND l.sku = CASE WHEN ll.treatment = 'vitrine-manages' THEN ll.amazon_sku ELSE s.sku END
       )
       WHERE oldStamp IS NOT stamp AND (oldStatus IS NULL OR oldStatus NOT IN ('sending','waiting'))
       ORDER BY productId, skuId`;

/**
 * SKUs to rebuild for one marketplace: never built, or built from another catalog/settings/
 * decision version. A SKU linked to an existing offer that Vitrine manages is tracked under the
 * offer's Amazon SKU. SKUs with a feed in flight wait for its report. A no-change cycle is this
 * one query.
 *
 * Rows come one at a time, so a 100k-SKU catalog is never all on the JS heap at once (each row
 * carries the product's texts); the connection can still read, but not write, until the
 * iteration ends.
 */
export function iterateChangedSkus(db: Db, accountId: string, marketplaceId: string, fingerprint: string): IterableIterator<ChangedSkuRow> {
  return db.prepare(CHANGED_SKUS_SQL).iterate({ fp: fingerprint, account: accountId, marketplace: marketplaceId }) as IterableIterator<ChangedSkuRow>;
}

/** Listings Amazon holds whose SKU left the catalog (deleted rows, not an existing offer linked to a catalog SKU): they must be stopped. */
export function listVanishedSkus(db: Db, accountId: string, marketplaceId: string, knownParents: readonly string[]): { sku: string; productType: string }[] {
  const rows = db
    .prepare(
      `SELECT l.sku, l.product_type AS productType FROM sync_listings l
       WHERE l.account_id = ? AND l.marketplace_id = ? AND l.on_amazon = 1 AND l.status NOT IN ('removed','sending','waiting')
         AND NOT EXISTS (SELECT 1 FROM skus s WHERE s.sku = l.sku) AND NOT EXISTS (SELECT 1 FROM products p WHERE p.key = l.sku)
         AND NOT EXISTS (SELECT 1 FROM listing_links ll WHERE ll.account_id = l.account_id AND ll.marketplace_id = l.marketplace_id
           AND ll.amazon_sku = l.sku)`,
    )
    .all(accountId, marketplaceId) as { sku: string; productType: string | null }[];
  const parents = new Set(knownParents);
  return rows.filter((r) => !parents.has(r.sku)).map((r) => ({ sku: r.sku, productType: r.productType ?? '' }));
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
    const hashes =
      r.full_hash && r.content_hash && r.price_hash !== null && r.quantity_hash !== null
        ? { full: r.full_hash, content: r.content_hash, price: r.price_hash, quantity: r.quantity_hash }
        : null;
    return { status: r.status, sourceStamp: r.source_stamp, hashes, onAmazon: r.on_amazon === 1, productType: r.product_type };
  };
}

export interface BuiltState {
  readonly sku: string;
  readonly stamp: string;
  readonly status: SyncStatus;
  readonly reason: string | null;
  readonly productType: string | null;
  /** Set when a message goes out: the hashes become "what was last sent". */
  readonly hashes?: PayloadHashes;
  readonly send?: { readonly feedRowId: number; readonly messageId: number; readonly operation: SyncOperation };
}

/**
 * Records the outcome of building one SKU: its new catalog stamp and either a message in a
 * feed (status sending, hashes = this payload) or a local status (skipped, unchanged, error).
 */
export function prepareBuiltWriter(db: Db, accountId: string, marketplaceId: string, now: number): (b: BuiltState) => void {
  const stmt = db.prepare(
    `INSERT INTO sync_listings (account_id, marketplace_id, sku, status, reason, source_stamp, product_type, full_hash, content_hash,
       price_hash, quantity_hash, feed_row_id, message_id, operation, updated_at)
     VALUES (@account, @marketplace, @sku, @status, @reason, @stamp, @productType, @full, @content, @price, @quantity, @feedRowId, @messageId, @operation, @now)
     ON CONFLICT (account_id, marketplace_id, sku) DO UPDATE SET
       status = excluded.status, reason = excluded.reason, source_stamp = excluded.source_stamp,
       product_type = COALESCE(excluded.product_type, product_type),
       full_hash = CASE WHEN excluded.feed_row_id IS NULL THEN full_hash ELSE excluded.full_hash END,
       content_hash = CASE WHEN excluded.feed_row_id IS NULL THEN content_hash ELSE excluded.content_hash END,
       price_hash = CASE WHEN excluded.feed_row_id IS NULL THEN price_hash ELSE excluded.price_hash END,
       quantity_hash = CASE WHEN excluded.feed_row_id IS NULL THEN quantity_hash ELSE excluded.quantity_hash END,
       feed_row_id = COALESCE(excluded.feed_row_id, feed_row_id), message_id = COALESCE(excluded.message_id, message_id),
       operation = COALESCE(excluded.operation, operation),
       issues = CASE WHEN excluded.status IN ('skipped','error') THEN '[]' ELSE issues END,
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
export function markFeedWaiting(db: Db, feedRowId: number, now: number): void {
  db.prepare(`UPDATE sync_listings SET status = 'waiting', sent_at = ?, updated_at = ? WHERE feed_row_id = ? AND status = 'sending'`).run(now, now, feedRowId);
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
    .prepare(`SELECT sku, marketplace_id AS marketplaceId, message_id AS messageId, operation, reason FROM sync_listings WHERE feed_row_id = ? AND status IN ('sending','waiting')`)
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

export function prepareOutcomeWriter(db: Db, feed: { readonly id: number; readonly accountId: string; readonly marketplaceId: string }, now: number): (o: MessageOutcome) => void {
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

export function countStatuses(db: Db, accountId: string): Partial<Record<SyncStatus, number>> {
  const rows = db.prepare('SELECT status, count(*) AS n FROM sync_listings WHERE account_id = ? GROUP BY status').all(accountId) as { status: SyncStatus; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
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

export function saveRecheck(db: Db, accountId: string, marketplaceId: string, sku: string, found: { asin?: string; issues: readonly SyncIssue[] }, now: number): void {
  const hasError = found.issues.some((i) => i.severity === 'ERROR');
  db.prepare(
    `UPDATE sync_listings SET asin = COALESCE(?, asin), issues = ?, checked_at = ?,
       status = CASE WHEN ? THEN 'error' ELSE status END
     WHERE account_id = ? AND marketplace_id = ? AND sku = ?`,
  ).run(found.asin ?? null, JSON.stringify(found.issues), now, hasError ? 1 : 0, accountId, marketplaceId, sku);
}
