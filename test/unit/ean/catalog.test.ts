import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { getSkuByCode, prepareSkuUpsert, type SkuUpsert } from '../../../main/db/tables/skus';
import { SpApiError } from '../../../main/amazon/errors';
import type { CatalogSearchClient, CatalogSearchParams } from '../../../main/ean/asin-match';
import { CatalogEanCheck } from '../../../main/ean/catalog-check';
import { matchCatalogAsins } from '../../../main/ean/catalog-match';

const MARKETPLACE = 'A2Q3Y263D00KWC';

function seed(db: Db, skus: readonly Partial<SkuUpsert>[]): void {
  const product = prepareProductUpsert(db)({
    key: 'P1', title: 'Camiseta', description: null, brand: null, manufacturer: null, bulletPoints: null, imageUrls: null, categoryId: null,
  });
  if (!product) throw new Error('product not written');
  const upsert = prepareSkuUpsert(db);
  skus.forEach((s, i) =>
    upsert({
      sku: `SKU-${i}`, productId: product.id, gtin: null, gtinExempt: null, gtinStatus: null, priceCents: null, salePriceCents: null,
      stock: null, weightG: null, lengthMm: null, widthMm: null, heightMm: null, variation: null, active: null, ...s,
    }),
  );
}

/** Answers each code with the ASINs in `asins`; records calls; throws an Amazon error for codes in `failing`. */
function fakeCatalog(asins: Readonly<Record<string, readonly string[]>>, failing: readonly string[] = []) {
  const calls: CatalogSearchParams[] = [];
  const client: CatalogSearchClient = {
    async searchCatalogItems(params) {
      calls.push(params);
      if (params.identifiers.some((id) => failing.includes(id))) {
        throw new SpApiError({ operationId: 'searchCatalogItems', status: 503, errors: [], retryable: true });
      }
      return {
        items: params.identifiers.flatMap((id) =>
          (asins[id] ?? []).map((asin) => ({
            asin,
            identifiers: [{ marketplaceId: MARKETPLACE, identifiers: [{ identifierType: params.identifiersType, identifier: id }] }],
          })),
        ),
      };
    },
  };
  return { client, calls };
}

describe('EAN checks over the stored catalog', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('reports problems, duplicates and missing codes of the stored SKUs', () => {
    seed(db, [
      { gtin: '4006381333931', gtinStatus: 'valid' },
      { gtin: '04006381333931', gtinStatus: 'valid' },
      { gtin: '4006381333932', gtinStatus: 'invalid' },
      { gtin: null },
      { gtin: null, gtinExempt: true, gtinStatus: 'exempt' },
    ]);

    const report = new CatalogEanCheck(db).report();

    expect(report).toMatchObject({ total: 5, valid: 0, exempt: 1 });
    expect(report.counts).toMatchObject({ DUPLICATE: 2, CHECK_DIGIT: 1, MISSING: 1 });
    expect(report.findings.map((f) => f.sku)).toEqual(['SKU-0', 'SKU-1', 'SKU-2', 'SKU-3']);
  });

  it('reuses the report until the catalog changes', () => {
    seed(db, [{ gtin: '4006381333931' }]);
    const check = new CatalogEanCheck(db);
    const first = check.report();

    const unchanged = check.report();
    seed(db, [{ gtin: '4006381333931' }, { gtin: null }]);
    const changed = check.report();

    expect(unchanged).toBe(first);
    expect(changed).not.toBe(first);
    expect(changed.counts.MISSING).toBe(1);
  });
});

describe('matchCatalogAsins', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('stores the ASIN of matched SKUs only, and reports ambiguous and unknown codes', async () => {
    seed(db, [
      { gtin: '4006381333931', gtinStatus: 'valid' },
      { gtin: '5901234123457', gtinStatus: 'valid' },
      { gtin: '9780306406157', gtinStatus: 'valid' },
      { gtin: '4006381333932', gtinStatus: 'invalid' },
    ]);
    const { client, calls } = fakeCatalog({ '4006381333931': ['B0MATCHED1'], '9780306406157': ['B0AMBIG001', 'B0AMBIG002'] });

    const summary = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    expect(calls).toHaveLength(1);
    expect(summary).toMatchObject({ looked: 3, matched: 1, none: 1, failed: 0, invalid: 0 });
    expect(summary.ambiguous).toEqual([{ sku: 'SKU-2', asins: ['B0AMBIG001', 'B0AMBIG002'] }]);
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBe('B0MATCHED1');
    expect(getSkuByCode(db, 'SKU-2')?.asin).toBeNull();
  });

  it('never overwrites an ASIN already stored and skips those SKUs next time', async () => {
    seed(db, [{ gtin: '4006381333931', gtinStatus: 'valid' }]);
    db.prepare("UPDATE skus SET asin = 'B0BYHAND01'").run();
    const { client, calls } = fakeCatalog({ '4006381333931': ['B0MATCHED1'] });

    const summary = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    expect(calls).toHaveLength(0);
    expect(summary.looked).toBe(0);
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBe('B0BYHAND01');
  });

  it('reports a failed lookup and stores what the other batches found', async () => {
    seed(db, [
      { gtin: '4006381333931', gtinStatus: 'valid' },
      { gtin: '036000291452', gtinStatus: 'valid' },
    ]);
    const { client } = fakeCatalog({ '4006381333931': ['B0MATCHED1'] }, ['036000291452']);

    const summary = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    expect(summary).toMatchObject({ matched: 1, failed: 1 });
    expect(summary.errors.map((e) => e.code)).toEqual(['SPAPI_UNAVAILABLE']);
    expect(getSkuByCode(db, 'SKU-1')?.asin).toBeNull();
  });
});
