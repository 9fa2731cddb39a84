import type { Db } from '../connection';
import { GTIN_SHARED_SQL } from './skus-for-send';

export interface SkuGtinFactsRow {
  readonly sku: string;
  readonly gtin: string | null;
  readonly exempt: boolean;
  readonly shared: boolean;
  /** An ASIN on a SKU that is not part of a variation family: the send makes an offer on it, no code needed. */
  readonly offerOnly: boolean;
}

/**
 * What the GTIN verdict reads for every SKU of the catalog, streamed: the code, the exemption, a
 * code shared with another SKU (the send engine's own test) and whether an ASIN stands in for
 * the code. The share test runs only for SKUs that carry a code and are not exempt.
 */
export function* skuGtinFacts(db: Db): Generator<SkuGtinFactsRow> {
  const rows = db
    .prepare(
      `SELECT s.sku, s.gtin, s.gtin_exempt AS exempt,
         CASE WHEN s.gtin_exempt = 0 AND s.gtin IS NOT NULL THEN ${GTIN_SHARED_SQL} ELSE 0 END AS shared,
         s.asin IS NOT NULL AND (SELECT count(*) FROM skus f WHERE f.product_id = s.product_id) = 1 AS offerOnly
       FROM skus s ORDER BY s.id`,
    )
    .iterate() as IterableIterator<{ sku: string; gtin: string | null; exempt: number; shared: number; offerOnly: number }>;
  for (const r of rows) yield { sku: r.sku, gtin: r.gtin, exempt: r.exempt === 1, shared: r.shared === 1, offerOnly: r.offerOnly === 1 };
}

/** A SKU (alias `s`) with no code, not exempt, and no ASIN to stand in for it: the verdict's MISSING. */
export const SKU_GTIN_MISSING_SQL = `(s.gtin_exempt = 0 AND s.gtin IS NULL
    AND NOT (s.asin IS NOT NULL AND (SELECT count(*) FROM skus f WHERE f.product_id = s.product_id) = 1))`;

/** A SKU (alias `s`) whose code the verdict refuses: invalid on its own, or shared with another SKU. */
export const SKU_GTIN_INVALID_SQL = `(s.gtin_exempt = 0 AND s.gtin IS NOT NULL AND (s.gtin_status = 'invalid' OR ${GTIN_SHARED_SQL}))`;

/** The same test as a filter clause on products (alias `p`): some SKU whose code keeps it from Amazon. */
export const PRODUCT_HAS_GTIN_PROBLEM_SQL = `p.id IN (SELECT s.product_id FROM skus s WHERE ${SKU_GTIN_MISSING_SQL} OR ${SKU_GTIN_INVALID_SQL})`;
