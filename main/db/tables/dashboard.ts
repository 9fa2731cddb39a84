import type { Db } from '../connection';

/**
 * Dashboard counters read in one pass. Each counter is a query of its own feature's table; a
 * feature whose migration has not run yet (never in the app, possible in unit tests) counts 0.
 */
const COUNTERS = {
  products: `SELECT COUNT(*) AS n FROM products`,
  ordersToShip: `SELECT COUNT(*) AS n FROM orders WHERE status IN ('Unshipped','PartiallyShipped')`,
  categoriesUnmapped: `SELECT COUNT(*) AS n FROM categories c WHERE NOT EXISTS (SELECT 1 FROM category_mappings m WHERE m.category_id = c.id)`,
  characteristics: `SELECT COUNT(*) AS n FROM characteristics`,
  accounts: `SELECT COUNT(*) AS n FROM accounts`,
} as const;

export type DashboardCounters = { readonly [K in keyof typeof COUNTERS]: number };

export function readDashboardCounters(db: Db): DashboardCounters {
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
