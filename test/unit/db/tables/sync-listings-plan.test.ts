import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/db/connection';
import { CHANGED_SKUS_SQL } from '../../../../main/db/tables/sync-listings';

/**
 * The no-change cycle is one run of this query over the whole catalog: every table it joins for
 * a SKU (selection, rule matches and exits, links, last send) must be reached through an index,
 * or 100k SKUs × 100k selections turns a sub-second cycle into minutes.
 */
describe('iterateChangedSkus query plan', () => {
  it('scans only the catalog SKUs and reaches every decision table through an index', () => {
    const db = openDatabase(':memory:');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${CHANGED_SKUS_SQL}`).all({ fp: 'x', account: 'a', marketplace: 'm' }) as { detail: string }[]).map((r) => r.detail);

    const scans = plan.filter((d) => /^SCAN /.test(d));
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatch(/^SCAN s\b/);
    // d: another SKU with the same code; cm: the ASIN's catalog product type; al: the linked offer's channel; sc: SKU characteristics.
    for (const alias of ['ls', 'rm', 'rx', 'll', 'l', 'd', 'cm', 'al', 'sc']) expect(plan.some((d) => new RegExp(`^SEARCH ${alias} USING (COVERING )?(INDEX|PRIMARY KEY)`).test(d))).toBe(true);
    expect(plan.join('\n')).not.toContain('selected_products');
    db.close();
  });
});
