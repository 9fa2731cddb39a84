import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { getSkuByCode, prepareSkuUpsert, type SkuUpsert } from '../../../main/db/tables/skus';
import { SpApiError } from '../../../main/amazon/errors';
import type { CatalogSearchClient, CatalogSearchParams } from '../../../main/ean/asin-match';
import { CatalogEanCheck } from '../../../main/ean/catalog-check';
import { matchCatalogAsins } from '../../../main/ean/catalog-match';
import { catalogMatchesOf } from '../../../main/db/tables/catalog-matches';

const MARKETPLACE = 'A2Q3Y263D00KWC';

function seedMore(db: Db, key: string, skus: readonly Partial<SkuUpsert>[]): void {
  const product = prepareProductUpsert(db)({
    key,
    title: 'Camiseta',
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!product) throw new Error('product not written');
  const upsert = prepareSkuUpsert(db);
  skus.forEach((s, i) =>
    upsert({
      sku: `SKU-${i}`,
      productId: product.id,
      gtin: null,
      gtinExempt: null,
      gtinStatus: null,
      priceCents: null,
      salePriceCents: null,
      stock: null,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: null,
      ...s,
    }),
  );
}

function seed(db: Db, skus: readonly Partial<SkuUpsert>[]): void {
  seedMore(db, 'P1', skus);
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
            summaries: [{ marketplaceId: MARKETPLACE, itemName: `Produto ${asin}`, brand: 'Marca' }],
            productTypes: [{ marketplaceId: MARKETPLACE, productType: 'BRACELET' }],
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

  const skuId = (code: string) => getSkuByCode(db, code)?.id ?? -1;
  const answerOf = (code: string) => catalogMatchesOf(db, [skuId(code)], MARKETPLACE).get(skuId(code));

  it("records Amazon's answer per SKU and attaches the ASIN of the one product found", async () => {
    seed(db, [
      { gtin: '4006381333931', gtinStatus: 'valid' },
      { gtin: '5901234123457', gtinStatus: 'valid' },
      { gtin: '9780306406157', gtinStatus: 'valid' },
      { gtin: '4006381333932', gtinStatus: 'invalid' },
    ]);
    const { client, calls } = fakeCatalog({ '4006381333931': ['B0MATCHED1'], '9780306406157': ['B0AMBIG001', 'B0AMBIG002'] });

    const summary = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE, locale: 'pt_BR', now: () => 42 });

    expect(calls).toHaveLength(1);
    expect(calls[0]?.locale).toBe('pt_BR');
    expect(summary).toMatchObject({ looked: 3, matched: 1, attached: 1, none: 1, failed: 0, invalid: 1 });
    expect(summary.ambiguous).toEqual([{ sku: 'SKU-2', asins: ['B0AMBIG001', 'B0AMBIG002'] }]);
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBe('B0MATCHED1');
    expect(getSkuByCode(db, 'SKU-2')?.asin).toBeNull();
    expect(answerOf('SKU-0')).toMatchObject({
      outcome: 'matched',
      asin: 'B0MATCHED1',
      title: 'Produto B0MATCHED1',
      productType: 'BRACELET',
      gtin: '04006381333931',
      attached: true,
      matchedAt: 42,
    });
    expect(answerOf('SKU-1')).toMatchObject({ outcome: 'none', asin: null });
    expect(answerOf('SKU-2')).toMatchObject({ outcome: 'ambiguous', candidates: ['B0AMBIG001', 'B0AMBIG002'], productType: 'BRACELET' });
    expect(answerOf('SKU-3')).toBeUndefined();
  });

  it('never gives an ASIN to SKUs that share a code, and takes back one given before the code was shared', async () => {
    seed(db, [{ gtin: '4006381333931', gtinStatus: 'valid' }]);
    const { client } = fakeCatalog({ '4006381333931': ['B0MATCHED1'] });
    await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBe('B0MATCHED1');

    seedMore(db, 'P2', [{ sku: 'OTHER', gtin: '04006381333931', gtinStatus: 'valid' }]);
    const summary = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    expect(summary).toMatchObject({ looked: 0, duplicates: 2 });
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBeNull();
    expect(getSkuByCode(db, 'OTHER')?.asin).toBeNull();
    expect(answerOf('SKU-0')).toBeUndefined();
  });

  it('never overwrites an ASIN already stored, and does not ask again about a code already answered', async () => {
    seed(db, [{ gtin: '4006381333931', gtinStatus: 'valid' }]);
    db.prepare("UPDATE skus SET asin = 'B0BYHAND01'").run();
    const { client, calls } = fakeCatalog({ '4006381333931': ['B0MATCHED1'] });

    const first = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });
    const again = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    expect(first).toMatchObject({ looked: 1, matched: 1, attached: 0 });
    expect(again.looked).toBe(0);
    expect(calls).toHaveLength(1);
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBe('B0BYHAND01');
    expect(answerOf('SKU-0')).toMatchObject({ asin: 'B0MATCHED1', attached: false });
  });

  it('looks a changed code up again and moves the SKU to the product of its new code', async () => {
    seed(db, [{ gtin: '4006381333931', gtinStatus: 'valid' }]);
    const { client } = fakeCatalog({ '4006381333931': ['B0MATCHED1'], '5901234123457': ['B0MATCHED2'] });
    await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    db.prepare("UPDATE skus SET gtin = '5901234123457'").run();
    const summary = await matchCatalogAsins(db, client, { marketplaceId: MARKETPLACE });

    expect(summary).toMatchObject({ looked: 1, attached: 1 });
    expect(getSkuByCode(db, 'SKU-0')?.asin).toBe('B0MATCHED2');
    expect(answerOf('SKU-0')).toMatchObject({ gtin: '05901234123457', asin: 'B0MATCHED2' });
  });

  it('reports a failed lookup, keeps what the other batches found, and asks again next time', async () => {
    seed(db, [
      { gtin: '4006381333931', gtinStatus: 'valid' },
      { gtin: '036000291452', gtinStatus: 'valid' },
    ]);
    const failing = fakeCatalog({ '4006381333931': ['B0MATCHED1'] }, ['036000291452']);

    const summary = await matchCatalogAsins(db, failing.client, { marketplaceId: MARKETPLACE });
    const retry = fakeCatalog({ '036000291452': ['B0UPC00001'] });
    const second = await matchCatalogAsins(db, retry.client, { marketplaceId: MARKETPLACE });

    expect(summary).toMatchObject({ matched: 1, failed: 1 });
    expect(summary.errors.map((e) => e.code)).toEqual(['SPAPI_UNAVAILABLE']);
    expect(second).toMatchObject({ looked: 1, attached: 1 });
    expect(getSkuByCode(db, 'SKU-1')?.asin).toBe('B0UPC00001');
  });
});
