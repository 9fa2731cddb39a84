import type { ReadableDb } from '../connection';

/**
 * Dashboard counters read in one pass. Each counter is a query of its own feature's table; a
 * feature whose migration has not run yet (never in the app, possible in unit tests) counts 0.
 */
const COUNTERS = {
  products: `SELECT COUNT(*) AS n FROM products`,
  ordersToShip: `SELECT COUNT(*) AS n FROM orders WHERE status IN ('Unshipped','PartiallyShipped')`,
  // A category is mapped when it or an ancestor is (mappings are inherited down the tree).
  categoriesUnmapped: `WITH RECURSIVE mapped(id) AS (SELECT category_id FROM category_mappings UNION SELECT c.id FROM categories c JOIN mapped m ON c.parent_id = m.id)
    SELECT COUNT(*) AS n FROM categories WHERE id NOT IN (SELECT id FROM mapped)`,
  characteristics: `SELECT COUNT(*) AS n FROM characteristics`,
  accounts: `SELECT COUNT(*) AS n FROM accounts`,
  // Offers (SKU × marketplace rows of the send engine), counted once per SKU in each state.
  listingsLive: `SELECT COUNT(DISTINCT sku) AS n FROM sync_listings WHERE status = 'live'`,
  listingsWithErrors: `SELECT COUNT(DISTINCT sku) AS n FROM sync_listings WHERE status = 'error'`,
  listingsWaiting: `SELECT COUNT(DISTINCT sku) AS n FROM sync_listings WHERE status IN ('pending','sending','waiting')`,
  linksUnconfirmed: `SELECT COUNT(*) AS n FROM listing_links WHERE treatment = 'unconfirmed'`,
} as const;

export type DashboardCounters = { readonly [K in keyof typeof COUNTERS]: number };

export function readDashboardCounters(db: ReadableDb): DashboardCounters {
  const out = {} as Record<keyof typeof COUNTERS, number>;
  for (const [key, sql] of Object.entries(COUNTERS) as [keyof typeof COUNTERS, string][]) {
    try {
      out[key] = (db.prepare(sql).get() as { n: number }).n;
    } catch (err) {
      if (!/no such table/.test((err as Error).message)) throw err;
      out[key] = 0;
    }
  }
  return out;
}

/** Settings key the background scheduler writes with the epoch ms of its next send. */
export const NEXT_SEND_SETTING = 'sync.nextRunAt';

function missingTable(err: unknown): boolean {
  return /no such table/.test((err as Error).message);
}

/** When the last send cycle finished, and when the scheduler plans the next (null: unknown). */
export function readSendTimes(db: ReadableDb): { readonly lastSendAt: number | null; readonly nextSendAt: number | null } {
  let lastSendAt: number | null = null;
  try {
    lastSendAt = db.prepare("SELECT MAX(finished_at) FROM sync_runs WHERE state = 'done'").pluck().get() as number | null;
  } catch (err) {
    if (!missingTable(err)) throw err;
  }
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(NEXT_SEND_SETTING) as string | undefined;
  const next = raw === undefined ? NaN : Number(raw);
  return { lastSendAt, nextSendAt: Number.isFinite(next) ? next : null };
}

export interface OrdersByDay {
  /** Local calendar days, oldest first, `YYYY-MM-DD`. */
  readonly days: readonly string[];
  readonly orders: readonly number[];
  /** Sales in hundredths of each currency, aligned with `days`; currencies with sales only. */
  readonly sales: readonly { readonly currency: string; readonly cents: readonly number[] }[];
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Orders and sales per local day for the last `days` days including today. Days are the
 * seller's (SQLite 'localtime' is the process time zone, as `Date` is): an order placed at
 * 22:00 in São Paulo belongs to that day, not to tomorrow in UTC. Cancelled and unfulfillable
 * orders are left out; money stays per currency (a seller on BR and US sells in BRL and USD).
 */
export function readOrdersByDay(db: ReadableDb, now: number, days = 30): OrdersByDay {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (days - 1));
  const list = Array.from({ length: days }, (_, i) => {
    const d = new Date(start);
    d.setDate(start.getDate() + i);
    return localDay(d.getTime());
  });
  const index = new Map(list.map((d, i) => [d, i]));
  const orders = list.map(() => 0);
  const sales = new Map<string, number[]>();
  let rows: { day: string; currency: string | null; n: number; cents: number | null }[] = [];
  try {
    rows = db
      .prepare(
        `SELECT date(created_time, 'localtime') AS day, currency, COUNT(*) AS n, SUM(total_cents) AS cents FROM orders
         WHERE created_time >= ? AND status NOT IN ('Canceled','Unfulfillable') GROUP BY day, currency`,
      )
      .all(start.toISOString()) as typeof rows;
  } catch (err) {
    if (!missingTable(err)) throw err;
  }
  for (const r of rows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    orders[i] = (orders[i] ?? 0) + r.n;
    if (r.currency === null || r.cents === null) continue;
    const series = sales.get(r.currency) ?? list.map(() => 0);
    series[i] = (series[i] ?? 0) + r.cents;
    sales.set(r.currency, series);
  }
  return { days: list, orders, sales: [...sales].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, cents })) };
}

/** The checklist's numbers for one account × marketplace of the header (Início, "Primeiros passos"). */
export interface ChecklistCounts {
  readonly accounts: number;
  /** Accounts connected to Amazon itself (not the demo's offline simulator). */
  readonly realAccounts: number;
  readonly products: number;
  /** Categories holding products whose category (nor any ancestor) is matched in this marketplace. */
  readonly categoriesUnmapped: number;
  /** Products directly in those categories, or in no category at all. */
  readonly productsUnmapped: number;
  /** Categories holding products that have a product type in this marketplace (own or inherited). */
  readonly categoriesMapped: number;
  readonly selected: number;
}

/**
 * A category is matched when it or an ancestor is (mappings are inherited down the tree); an
 * empty category (a parent without products of its own) is not something to match.
 */
const MAPPED_CATEGORIES = `WITH RECURSIVE mapped(id) AS (
    SELECT category_id FROM category_mappings WHERE marketplace_id = @marketplace
    UNION SELECT c.id FROM categories c JOIN mapped m ON c.parent_id = m.id)`;

export function readChecklistCounts(db: ReadableDb, scope: { readonly accountId: string; readonly marketplaceId: string } | null): ChecklistCounts {
  const one = (sql: string, params: Record<string, unknown> = {}): number => {
    try {
      return db.prepare(sql).pluck().get(params) as number;
    } catch (err) {
      if (!missingTable(err)) throw err;
      return 0;
    }
  };
  const accounts = one('SELECT COUNT(*) FROM accounts');
  const realAccounts = one("SELECT COUNT(*) FROM accounts WHERE kind <> 'simulator'");
  const products = one('SELECT COUNT(*) FROM products');
  if (!scope) return { accounts, realAccounts, products, categoriesUnmapped: 0, productsUnmapped: 0, categoriesMapped: 0, selected: 0 };
  const params = { marketplace: scope.marketplaceId, account: scope.accountId };
  const withProducts = 'EXISTS (SELECT 1 FROM products p WHERE p.category_id = c.id)';
  return {
    accounts,
    realAccounts,
    products,
    categoriesUnmapped: one(`${MAPPED_CATEGORIES} SELECT COUNT(*) FROM categories c WHERE c.id NOT IN (SELECT id FROM mapped) AND ${withProducts}`, params),
    productsUnmapped: one(
      `${MAPPED_CATEGORIES} SELECT COUNT(*) FROM products p WHERE p.category_id IS NULL OR p.category_id NOT IN (SELECT id FROM mapped)`,
      params,
    ),
    categoriesMapped: one(`${MAPPED_CATEGORIES} SELECT COUNT(*) FROM categories c WHERE c.id IN (SELECT id FROM mapped) AND ${withProducts}`, params),
    selected: one('SELECT COUNT(DISTINCT product_id) FROM selected_products WHERE account_id = @account AND marketplace_id = @marketplace', params),
  };
}

/**
 * Up to `perCategory` products of each category that has a product type in the marketplace, with
 * that type: the sample the checklist checks for missing characteristics (a full check of a
 * large catalog would hold the main process for seconds).
 */
export function sampleMappedProducts(
  db: ReadableDb,
  marketplaceId: string,
  perCategory: number,
): { readonly categoryId: number; readonly productType: string; readonly productIds: readonly number[] }[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE effective(id, product_type) AS (
         SELECT category_id, product_type FROM category_mappings WHERE marketplace_id = @marketplace
         UNION SELECT c.id, e.product_type FROM categories c JOIN effective e ON c.parent_id = e.id
           WHERE c.id NOT IN (SELECT category_id FROM category_mappings WHERE marketplace_id = @marketplace))
       SELECT e.id AS categoryId, e.product_type AS productType,
         (SELECT json_group_array(id) FROM (SELECT p.id FROM products p WHERE p.category_id = e.id ORDER BY p.id LIMIT @limit)) AS ids
       FROM effective e WHERE EXISTS (SELECT 1 FROM products p WHERE p.category_id = e.id) ORDER BY e.id`,
    )
    .all({ marketplace: marketplaceId, limit: perCategory }) as { categoryId: number; productType: string; ids: string }[];
  return rows.map((r) => ({ categoryId: r.categoryId, productType: r.productType, productIds: JSON.parse(r.ids) as number[] }));
}
