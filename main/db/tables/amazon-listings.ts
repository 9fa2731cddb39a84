import type { Db } from '../connection';
import { timed } from '../connection';
import type { SelectionScope } from './listing-selections';

/**
 * The linking feature's view of Amazon: the offers the last listings report showed per
 * account × marketplace, and the durable state of each read (migration 0007).
 */
export interface AmazonListing {
  readonly sku: string;
  readonly asin: string | null;
  readonly gtin14: string | null;
  readonly title: string;
  readonly price: string | null;
  readonly quantity: number | null;
  readonly status: string | null;
  readonly fulfillment: string | null;
  readonly openedAt: string | null;
}

export interface StoredAmazonListing extends AmazonListing {
  readonly unmatchedReason: 'ambiguous' | null;
}

export interface ListingRead {
  readonly id: number;
  readonly state: 'requested' | 'done' | 'failed';
  readonly reportId: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly listings: number | null;
  readonly apiCalls: number;
  readonly error: string | null;
}

interface ReadRow {
  id: number;
  state: ListingRead['state'];
  report_id: string | null;
  started_at: number;
  finished_at: number | null;
  listings: number | null;
  api_calls: number;
  error: string | null;
}

const toRead = (r: ReadRow): ListingRead => ({
  id: r.id,
  state: r.state,
  reportId: r.report_id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  listings: r.listings,
  apiCalls: r.api_calls,
  error: r.error,
});

export function startListingRead(db: Db, scope: SelectionScope, now: number): number {
  return Number(
    db
      .prepare("INSERT INTO listing_reads (account_id, marketplace_id, state, started_at) VALUES (?, ?, 'requested', ?)")
      .run(scope.accountId, scope.marketplaceId, now).lastInsertRowid,
  );
}

/** The newest read of the scope still waiting for its report, if any. */
export function openListingRead(db: Db, scope: SelectionScope): ListingRead | undefined {
  const row = db
    .prepare("SELECT * FROM listing_reads WHERE account_id = ? AND marketplace_id = ? AND state = 'requested' ORDER BY id DESC LIMIT 1")
    .get(scope.accountId, scope.marketplaceId) as ReadRow | undefined;
  return row && toRead(row);
}

/** Scopes with a read still waiting for its report (a crash or a quit interrupted it). */
export function listOpenReadScopes(db: Db): SelectionScope[] {
  return db
    .prepare("SELECT DISTINCT account_id AS accountId, marketplace_id AS marketplaceId FROM listing_reads WHERE state = 'requested' AND report_id IS NOT NULL")
    .all() as SelectionScope[];
}

export function lastListingRead(db: Db, scope: SelectionScope): ListingRead | undefined {
  const row = db
    .prepare('SELECT * FROM listing_reads WHERE account_id = ? AND marketplace_id = ? ORDER BY id DESC LIMIT 1')
    .get(scope.accountId, scope.marketplaceId) as ReadRow | undefined;
  return row && toRead(row);
}

export function setReadReport(db: Db, readId: number, reportId: string): void {
  db.prepare('UPDATE listing_reads SET report_id = ? WHERE id = ?').run(reportId, readId);
}

export function addReadCalls(db: Db, readId: number, calls: number): void {
  db.prepare('UPDATE listing_reads SET api_calls = api_calls + ? WHERE id = ?').run(calls, readId);
}

export function finishListingRead(db: Db, readId: number, listings: number, now: number): void {
  db.prepare("UPDATE listing_reads SET state = 'done', listings = ?, finished_at = ? WHERE id = ?").run(listings, now, readId);
}

export function failListingRead(db: Db, readId: number, error: string, now: number): void {
  db.prepare("UPDATE listing_reads SET state = 'failed', error = ?, finished_at = ? WHERE id = ?").run(error, now, readId);
}

/**
 * Replaces the scope's snapshot with one read's rows. Call inside the transaction that also
 * rewrites the links, so the lists never show a half-applied read.
 */
export function replaceAmazonListings(
  db: Db,
  scope: SelectionScope,
  readId: number,
  listings: readonly (AmazonListing & { readonly unmatchedReason: 'ambiguous' | null })[],
): void {
  db.prepare('DELETE FROM amazon_listings WHERE account_id = ? AND marketplace_id = ?').run(scope.accountId, scope.marketplaceId);
  const insert = db.prepare(
    `INSERT INTO amazon_listings (account_id, marketplace_id, sku, asin, gtin14, title, price, quantity, status, fulfillment, opened_at, unmatched_reason, read_id)
     VALUES (@accountId, @marketplaceId, @sku, @asin, @gtin14, @title, @price, @quantity, @status, @fulfillment, @openedAt, @unmatchedReason, @readId)`,
  );
  for (const l of listings) insert.run({ ...scope, ...l, readId });
}

export function getAmazonListings(db: Db, scope: SelectionScope, skus: readonly string[]): StoredAmazonListing[] {
  return db
    .prepare(
      `SELECT sku, asin, gtin14, title, price, quantity, status, fulfillment, opened_at AS openedAt, unmatched_reason AS unmatchedReason
         FROM amazon_listings WHERE account_id = ? AND marketplace_id = ? AND sku IN (SELECT value FROM json_each(?)) ORDER BY sku`,
    )
    .all(scope.accountId, scope.marketplaceId, JSON.stringify(skus)) as StoredAmazonListing[];
}

/** A catalog SKU as matching needs it: its code, EAN digits and any ASIN found earlier. */
export interface MatchableSku {
  readonly id: number;
  readonly sku: string;
  readonly gtin: string | null;
  readonly asin: string | null;
}

/** Every SKU, lean: 100k rows are a few MB and one indexed scan, read once per linking run. */
export function listMatchableSkus(db: Db): MatchableSku[] {
  return timed('listMatchableSkus', () => db.prepare('SELECT id, sku, gtin, asin FROM skus ORDER BY id').all() as MatchableSku[]);
}
