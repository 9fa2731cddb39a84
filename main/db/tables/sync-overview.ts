import type { Db, ReadableDb } from '../connection';
import { timed } from '../connection';
import type { SyncStatus } from '../../../preload/contract/sync';
import { problemVersion, statusCounts } from './sync-status-counts';
import type { SyncIssue } from './sync-listings';
import { SKU_GTIN_INVALID_SQL, SKU_GTIN_MISSING_SQL } from './import-gtin-facts';

/**
 * What the Sincronização screen reads of the send engine's rows, for ONE marketplace of an
 * account: counts by status, the rows that need the seller grouped by cause, and a page of rows
 * with the product each one belongs to. Read-only; the engine owns the writes (sync-listings.ts).
 */

export interface MarketplaceScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

/**
 * The causes read the rows refused or left out through the status index (account, status,
 * marketplace), never the whole marketplace's rows, and are computed again only when such a row
 * changed (problemVersion): the screen asks for them every few seconds, also mid-publish.
 */
const BY_STATUS = 'sync_listings l INDEXED BY sync_listings_status';

/** Rows per status in one marketplace (kept as rows are written: sync-status-counts.ts). */
export function countStatusesIn(db: Db, scope: MarketplaceScope): Partial<Record<SyncStatus, number>> {
  return statusCounts(db, scope.accountId, scope.marketplaceId);
}

/**
 * One cause shared by several rows. `reason` rows carry our own code (sync.reasons.*); `issue`
 * rows carry Amazon's (or the local validator's) issue code and the attribute it names;
 * `unknown` rows are errors that came with neither.
 */
export type CauseKey =
  | { readonly kind: 'reason'; readonly status: SyncStatus; readonly reason: string }
  | { readonly kind: 'issue'; readonly code: string; readonly attribute: string }
  | { readonly kind: 'unknown' };

export interface CauseGroup {
  readonly key: CauseKey;
  /** Distinct SKUs with this cause. */
  readonly skus: number;
  /** A product type of those rows (attribute titles are read from its schema). */
  readonly productType: string | null;
  /** One of Amazon's messages for the cause, verbatim. */
  readonly example: string | null;
  /** True when every row of the cause carries that same message. */
  readonly uniform: boolean;
}

/** An ERROR issue on the row (Amazon's verdict, or the local check's when the engine records one). */
const HAS_ERROR_ISSUE = `EXISTS (SELECT 1 FROM json_each(l.issues) j WHERE j.value ->> 'severity' = 'ERROR')`;
/** Rows grouped by their issues; the others by our reason code, or as unknown errors. */
const BY_ISSUE = `l.status = 'error' AND ${HAS_ERROR_ISSUE}`;
const BY_REASON = `l.status IN ('error','skipped') AND l.reason IS NOT NULL AND NOT (${BY_ISSUE})`;
const UNKNOWN = `l.status = 'error' AND l.reason IS NULL AND NOT ${HAS_ERROR_ISSUE}`;

/**
 * The reason a row is shown under. A SKU left out as "not selected" whose EAN the GTIN verdict
 * refuses was not left out by choice: "Incluir produtos" refuses it for that code, so it is shown
 * under its real cause — `ean_missing` or `ean_invalid` — with what to do, not among the choices.
 */
const SHOWN_REASON = `CASE WHEN l.reason = 'not_selected' THEN CASE
    WHEN EXISTS (SELECT 1 FROM skus s WHERE s.sku = l.sku AND ${SKU_GTIN_MISSING_SQL}) THEN 'ean_missing'
    WHEN EXISTS (SELECT 1 FROM skus s WHERE s.sku = l.sku AND ${SKU_GTIN_INVALID_SQL}) THEN 'ean_invalid'
    ELSE l.reason END ELSE l.reason END`;

/** Causes of the rows not sent or refused, most SKUs first. A row with two issues counts in both. */
/** Per connection and marketplace: the causes last computed, and the problemVersion they were computed at. */
const causesCache = new WeakMap<Db, Map<string, { readonly version: number; readonly groups: readonly CauseGroup[] }>>();

export function listCauseGroups(db: Db, scope: MarketplaceScope): CauseGroup[] {
  // Inside a transaction the version may yet be rolled back to a value already seen: no caching there.
  const version = db.inTransaction ? null : problemVersion(db);
  const cache = causesCache.get(db) ?? new Map<string, { readonly version: number; readonly groups: readonly CauseGroup[] }>();
  causesCache.set(db, cache);
  const key = `${scope.accountId}\u0000${scope.marketplaceId}`;
  const known = cache.get(key);
  if (version !== null && known?.version === version) return [...known.groups];
  const groups = causeGroups(db, scope);
  if (version !== null) cache.set(key, { version, groups });
  return [...groups];
}

function causeGroups(db: ReadableDb, scope: MarketplaceScope): CauseGroup[] {
  return timed('listCauseGroups', () => {
    const params = { account: scope.accountId, marketplace: scope.marketplaceId };
    const mine = 'l.account_id = @account AND l.marketplace_id = @marketplace';
    const reasons = db
      .prepare(
        `SELECT l.status, ${SHOWN_REASON} AS reason, count(*) AS n, max(l.product_type) AS productType FROM ${BY_STATUS}
         WHERE ${mine} AND ${BY_REASON} GROUP BY 1, 2`,
      )
      .all(params) as { status: SyncStatus; reason: string; n: number; productType: string | null }[];
    const issues = db
      .prepare(
        `SELECT j.value ->> 'code' AS code, COALESCE(j.value ->> 'attributeName', '') AS attribute, count(DISTINCT l.sku) AS n,
           max(l.product_type) AS productType, min(j.value ->> 'message') AS example, min(j.value ->> 'message') = max(j.value ->> 'message') AS uniform
         FROM ${BY_STATUS}, json_each(l.issues) j
         WHERE ${mine} AND l.status = 'error' AND j.value ->> 'severity' = 'ERROR'
         GROUP BY code, attribute`,
      )
      .all(params) as { code: string; attribute: string; n: number; productType: string | null; example: string | null; uniform: number }[];
    const unknown = db.prepare(`SELECT count(*) FROM ${BY_STATUS} WHERE ${mine} AND ${UNKNOWN}`).pluck().get(params) as number;
    const groups: CauseGroup[] = [
      ...reasons.map((r) => ({
        key: { kind: 'reason' as const, status: r.status, reason: r.reason },
        skus: r.n,
        productType: r.productType,
        example: null,
        uniform: true,
      })),
      ...issues.map((r) => ({
        key: { kind: 'issue' as const, code: r.code, attribute: r.attribute },
        skus: r.n,
        productType: r.productType,
        example: r.example,
        uniform: r.uniform === 1,
      })),
      ...(unknown > 0 ? [{ key: { kind: 'unknown' as const }, skus: unknown, productType: null, example: null, uniform: true }] : []),
    ];
    return groups.sort((a, b) => b.skus - a.skus);
  });
}

export interface OverviewQuery extends MarketplaceScope {
  readonly statuses?: readonly SyncStatus[];
  readonly cause?: CauseKey;
  /** Part of the product's name or of the SKU, any case. */
  readonly search?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface OverviewRow {
  readonly sku: string;
  readonly status: SyncStatus;
  readonly reason: string | null;
  readonly asin: string | null;
  readonly issues: readonly SyncIssue[];
  readonly productType: string | null;
  readonly sentAt: number | null;
  readonly updatedAt: number;
  /** The catalog product the row is sent for; null when it left the catalog. */
  readonly productId: number | null;
  readonly title: string | null;
}

/**
 * The catalog product behind a row: its own SKU, the catalog SKU of a linked offer sent under
 * Amazon's SKU, or (a variation family's parent) the product whose key names it.
 */
const PRODUCT_OF_ROW = `
  LEFT JOIN skus s ON s.sku = l.sku
  LEFT JOIN listing_links ll ON s.id IS NULL AND ll.account_id = l.account_id AND ll.marketplace_id = l.marketplace_id AND ll.amazon_sku = l.sku
  LEFT JOIN skus ls ON ls.id = ll.sku_id
  LEFT JOIN products pk ON s.id IS NULL AND ls.id IS NULL AND pk.key IN (l.sku, substr(l.sku, 1, length(l.sku) - 2))
  LEFT JOIN products p ON p.id = COALESCE(s.product_id, ls.product_id, pk.id)`;

function whereOf(q: OverviewQuery, params: Record<string, unknown>): string {
  const where = ['l.account_id = @account', 'l.marketplace_id = @marketplace'];
  params['account'] = q.accountId;
  params['marketplace'] = q.marketplaceId;
  if (q.statuses && q.statuses.length > 0) {
    where.push(`l.status IN (${q.statuses.map((_, i) => `@s${i}`).join(',')})`);
    q.statuses.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (q.cause) {
    switch (q.cause.kind) {
      case 'reason':
        where.push(`${BY_REASON} AND l.status = @causeStatus AND (${SHOWN_REASON}) = @causeReason`);
        params['causeStatus'] = q.cause.status;
        params['causeReason'] = q.cause.reason;
        break;
      case 'issue':
        where.push(`l.status = 'error' AND EXISTS (SELECT 1 FROM json_each(l.issues) j WHERE j.value ->> 'severity' = 'ERROR'
          AND j.value ->> 'code' = @causeCode AND COALESCE(j.value ->> 'attributeName', '') = @causeAttribute)`);
        params['causeCode'] = q.cause.code;
        params['causeAttribute'] = q.cause.attribute;
        break;
      case 'unknown':
        where.push(UNKNOWN);
        break;
    }
  }
  const search = q.search?.trim();
  if (search) {
    // LIKE folds ASCII case only; the catalog's own spelling is what the seller types.
    where.push(`(l.sku LIKE @search ESCAPE '\\' OR p.title LIKE @search ESCAPE '\\')`);
    params['search'] = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return where.join(' AND ');
}

export function listOverviewRows(db: ReadableDb, q: OverviewQuery): { total: number; items: OverviewRow[] } {
  return timed('listOverviewRows', () => {
    const params: Record<string, unknown> = {};
    const where = whereOf(q, params);
    // The product join is only needed to count when the search reads the title.
    const countFrom = q.search?.trim() ? `sync_listings l ${PRODUCT_OF_ROW}` : 'sync_listings l';
    const total = db.prepare(`SELECT count(*) FROM ${countFrom} WHERE ${where}`).pluck().get(params) as number;
    const rows = db
      .prepare(
        `SELECT l.sku, l.status, ${SHOWN_REASON} AS reason, l.asin, l.issues, l.product_type AS productType, l.sent_at AS sentAt, l.updated_at AS updatedAt,
           p.id AS productId, p.title
         FROM sync_listings l ${PRODUCT_OF_ROW}
         WHERE ${where} ORDER BY l.updated_at DESC, l.sku LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<OverviewRow, 'issues'> & { issues: string })[];
    return { total, items: rows.map((r) => ({ ...r, issues: JSON.parse(r.issues) as SyncIssue[] })) };
  });
}

export interface LastRun {
  readonly state: 'running' | 'done' | 'failed';
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly error: string | null;
}

/** The account's newest cycle: a failed one (the account did not answer) is shown above everything. */
export function lastRunOf(db: ReadableDb, accountId: string): LastRun | null {
  return (
    (db
      .prepare(
        'SELECT state, started_at AS startedAt, finished_at AS finishedAt, error FROM sync_runs WHERE account_id = ? ORDER BY started_at DESC, id DESC LIMIT 1',
      )
      .get(accountId) as LastRun | undefined) ?? null
  );
}
