import type { OrdersIncludedData, SearchOrdersParams, SearchOrdersResponse } from '../amazon/api/orders';
import { SpApiError } from '../amazon/errors';
import type { Db } from '../db/connection';
import { getOrderCursor, saveOrderCursor, type OrderCursor } from '../db/tables/order-cursors';
import { commitOrders, type RaisedIssue } from './commit';
import type { OrderSettings } from './settings';

/** The one SP-API operation the importer needs (tests pass a fake). */
export interface OrdersSearchApi {
  searchOrders(params: SearchOrdersParams): Promise<SearchOrdersResponse>;
}

/** Amazon answers only for data at least 2 minutes old; a few seconds more absorb clock skew. */
export const SETTLE_MS = 2 * 60_000 + 10_000;
/** Each search starts this much before the previous window's end: late-indexed changes are caught. */
export const DEFAULT_OVERLAP_MS = 10 * 60_000;
/** How far back the first import of a marketplace looks. */
export const DEFAULT_LOOKBACK_MS = 30 * 24 * 3600_000;
/** Pagination tokens live 24 h; a resume older than this starts its window again. */
const TOKEN_MAX_AGE_MS = 23 * 3600_000;

/** TAX carries Brazil's invoice status (tax.taxInvoicing.invoiceStatus). */
export const INCLUDED_DATA: readonly OrdersIncludedData[] = ['BUYER', 'RECIPIENT', 'FULFILLMENT', 'PACKAGES', 'PROCEEDS', 'TAX'];

export interface ImportOptions {
  readonly accountId: string;
  readonly marketplaceIds: readonly string[];
  readonly settings: OrderSettings;
  /** Epoch ms; the app clock (virtual in tests). */
  readonly now: () => number;
  readonly overlapMs?: number;
  readonly lookbackMs?: number;
  readonly signal?: AbortSignal;
  /** After each committed page: orders written so far and calls made. */
  readonly onPage?: (progress: { readonly orders: number; readonly apiCalls: number }) => void;
}

export interface ImportSummary {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Orders with an error raised by this import (unknown / inactive SKU, out of stock). */
  readonly errors: number;
  readonly apiCalls: number;
  readonly raised: readonly RaisedIssue[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Marketplaces whose cursors agree share one search (searchOrders takes up to 50 at ~1 call / 3 min). */
function groupCursors(cursors: readonly OrderCursor[]): OrderCursor[][] {
  const groups = new Map<string, OrderCursor[]>();
  for (const c of cursors) {
    const key = JSON.stringify([c.lastUpdatedAfter, c.pending]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Incremental import with searchOrders (Orders 2026-01-01) by last-updated time. Each window runs
 * from the stored cursor minus an overlap to two minutes before now; every page is committed
 * with its cursor update in one transaction, and a page mid-window stores its pagination token
 * so a crash resumes there. The client's token bucket keeps the calls within 0.0056/s, burst 20.
 */
export async function importOrders(db: Db, api: OrdersSearchApi, options: ImportOptions): Promise<ImportSummary> {
  const overlap = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const lookback = options.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const totals = { new: 0, updated: 0, unchanged: 0, apiCalls: 0 };
  const raised: RaisedIssue[] = [];
  const cursors = options.marketplaceIds.map((m) => getOrderCursor(db, options.accountId, m));

  for (const group of groupCursors(cursors).flatMap((g) => chunks(g, 50))) {
    const first = group[0];
    if (!first) continue;
    const now = options.now();
    const resumable = first.pending && now - Date.parse(first.pending.since) < TOKEN_MAX_AGE_MS ? first.pending : null;
    const windowAfter = resumable?.after ?? iso(first.lastUpdatedAfter ? Date.parse(first.lastUpdatedAfter) - overlap : now - lookback);
    const windowBefore = resumable?.before ?? iso(now - SETTLE_MS);
    if (Date.parse(windowBefore) <= Date.parse(windowAfter)) continue;
    let token = resumable?.token;
    let since = resumable?.since ?? iso(now);
    const marketplaceIds = group.map((c) => c.marketplaceId);

    for (;;) {
      options.signal?.throwIfAborted();
      let page: SearchOrdersResponse;
      try {
        totals.apiCalls += 1;
        page = await api.searchOrders({
          lastUpdatedAfter: windowAfter,
          lastUpdatedBefore: windowBefore,
          marketplaceIds,
          includedData: INCLUDED_DATA,
          maxResultsPerPage: 100,
          ...(token ? { paginationToken: token } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (err) {
        // A resumed token Amazon no longer accepts: start the same window from its first page.
        if (token && resumable && err instanceof SpApiError && err.status === 400) {
          token = undefined;
          since = iso(options.now());
          continue;
        }
        throw err;
      }
      const next = page.pagination?.nextToken;
      // Amazon may cap the window: the echoed lastUpdatedBefore is where it really ended.
      const echoed = page.lastUpdatedBefore && Date.parse(page.lastUpdatedBefore) < Date.parse(windowBefore) ? page.lastUpdatedBefore : windowBefore;
      const result = commitOrders(db, options.accountId, page.orders, options.settings, () => {
        for (const c of group) {
          saveOrderCursor(db, {
            accountId: c.accountId,
            marketplaceId: c.marketplaceId,
            lastUpdatedAfter: next ? c.lastUpdatedAfter : echoed,
            pending: next ? { after: windowAfter, before: windowBefore, token: next, since } : null,
          });
        }
      });
      totals.new += result.outcomes.inserted;
      totals.updated += result.outcomes.updated;
      totals.unchanged += result.outcomes.unchanged;
      raised.push(...result.raised);
      options.onPage?.({ orders: totals.new + totals.updated + totals.unchanged, apiCalls: totals.apiCalls });
      if (!next) break;
      token = next;
    }
  }
  const errorOrders = new Set(raised.filter((r) => r.code !== 'PRICE_DIVERGENCE').map((r) => r.orderRowId));
  return { ...totals, errors: errorOrders.size, raised };
}
