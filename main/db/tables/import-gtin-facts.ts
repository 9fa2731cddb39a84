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

/** A stored code as its GTIN-14 (imports keep 8, 12, 13 or 14 digits). */
const PADDED_14 = `substr('00000000000000' || s.gtin, -14)`;

/**
 * What the GTIN verdict reads, streamed, for the SKUs of the catalog it may refuse: the code, the
 * exemption, a code shared with another SKU (the send engine's own test) and whether an ASIN stands
 * in for the code. Left out, because the verdict accepts them: exempt SKUs, and SKUs whose code the
 * import found valid (`gtin_status`, from the same check) and whose GTIN-14 no other SKU has — found
 * with one grouping of the catalog's codes instead of a lookup per SKU (at 100k SKUs that lookup was
 * most of the count's 0.8 s).
 */
export function* skuGtinFacts(db: Db): Generator<SkuGtinFactsRow> {
  const rows = db
    .prepare(
      `SELECT s.sku, s.gtin, s.gtin_exempt AS exempt,
         CASE WHEN s.gtin_exempt = 0 AND s.gtin IS NOT NULL THEN ${GTIN_SHARED_SQL} ELSE 0 END AS shared,
         s.asin IS NOT NULL AND (SELECT count(*) FROM skus f WHERE f.product_id = s.product_id) = 1 AS offerOnly
       FROM skus s
       WHERE s.gtin_exempt = 0 AND (s.gtin IS NULL OR s.gtin_status <> 'valid'
         OR ${PADDED_14} IN (SELECT ${PADDED_14} FROM skus s WHERE s.gtin IS NOT NULL GROUP BY 1 HAVING count(*) > 1))
       ORDER BY s.id`,
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
