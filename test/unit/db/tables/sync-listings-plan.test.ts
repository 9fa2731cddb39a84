import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/db/connection';
import { CHANGED_SKUS_SQL } from '../../../../main/db/tables/sync-listings';

/**
 * The no-change cycle is this query over the whole catalog, a page of products at a time: the
 * page is reached through the SKUs' product index, and every table joined for a SKU (selection,
 * rule matches and exits, links, last send) through an index too, or 100k SKUs × 100k selections
 * turns a sub-second cycle into minutes.
 */
describe('changed-SKU page query plan', () => {
  it('reads one page of catalog SKUs by product id and reaches every decision table through an index', () => {
    const db = openDatabase(':memory:');
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${CHANGED_SKUS_SQL}`).all({ fp: 'x', account: 'a', marketplace: 'm', after: 0, upto: 400 }) as { detail: string }[]
    ).map((r) => r.detail);

    expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
    expect(plan.some((d) => /^SEARCH s USING (COVERING )?INDEX skus_product \(product_id>\? AND product_id<\?\)/.test(d))).toBe(true);
    // d: another SKU with the same code; cm: the ASIN's catalog product type; al: the linked offer's channel; sc: SKU characteristics.
    for (const alias of ['ls', 'rm', 'rx', 'll', 'l', 'd', 'cm', 'al', 'sc'])
      expect(plan.some((d) => new RegExp(`^SEARCH ${alias} USING (COVERING )?(INDEX|PRIMARY KEY)`).test(d))).toBe(true);
    expect(plan.join('\n')).not.toContain('selected_products');
    db.close();
  });
});
