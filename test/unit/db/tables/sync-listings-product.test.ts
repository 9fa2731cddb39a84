import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { saveAccount } from '../../../../main/db/tables/accounts';
import { insertLinks, setLinkTreatment } from '../../../../main/db/tables/listing-links';
import { prepareProductUpsert } from '../../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../../main/db/tables/skus';
import { listStatuses, prepareBuiltWriter, PRODUCT_LISTINGS_SQL, saveRecheck } from '../../../../main/db/tables/sync-listings';

const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';
let db: Db;

function addProduct(key: string, skus: readonly string[]): { productId: number; skuIds: Map<string, number> } {
  const p = prepareProductUpsert(db)({
    key,
    title: key,
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!p) throw new Error('product not written');
  const upsert = prepareSkuUpsert(db);
  const skuIds = new Map<string, number>();
  for (const sku of skus) {
    const row = upsert({
      sku,
      productId: p.id,
      gtin: null,
      gtinExempt: null,
      gtinStatus: null,
      priceCents: 1000,
      salePriceCents: null,
      stock: 5,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
    skuIds.set(sku, row.id);
  }
  return { productId: p.id, skuIds };
}

function sent(accountId: string, marketplaceId: string, sku: string, now: number): void {
  prepareBuiltWriter(db, accountId, marketplaceId, now)({ sku, stamp: 's', status: 'live', reason: null, productType: 'HOME' });
}

const marketplace = (marketplaceId: string, countryCode: string) => ({
  marketplaceId,
  countryCode,
  name: countryCode,
  currency: 'BRL',
  language: 'pt-BR',
  participating: true,
  enabled: true,
});

beforeEach(() => {
  db = openDatabase(':memory:');
  for (const id of ['one', 'two']) {
    saveAccount(db, {
      id,
      label: id,
      kind: 'simulator',
      region: 'NA',
      sandbox: false,
      sellerId: `S-${id}`,
      lwaClientId: 'c',
      storeName: null,
      clientSecretSetAt: 0,
      authorizedAt: 0,
      createdAt: 0,
      marketplaces: [marketplace(BR, 'BR'), marketplace(US, 'US')],
    });
  }
});
afterEach(() => db.close());

describe('listStatuses by product', () => {
  it("answers only the product's SKUs, a Vitrine-managed linked SKU under its Amazon SKU, tagged with the catalog SKU", () => {
    const vase = addProduct('VASO', ['VASO-P', 'VASO-G']);
    addProduct('PRATO', ['PRATO-1']);
    const scope = { accountId: 'one', marketplaceId: BR };
    insertLinks(db, scope, [{ amazonSku: 'OLD-VASO-G', skuId: vase.skuIds.get('VASO-G') as number, matchedBy: 'ean' }], 1);
    setLinkTreatment(db, scope, ['OLD-VASO-G'], 'vitrine-manages', 2);
    sent('one', BR, 'VASO-P', 10);
    sent('one', US, 'VASO-P', 11);
    sent('one', BR, 'OLD-VASO-G', 12);
    sent('one', US, 'VASO-G', 13);
    sent('one', BR, 'PRATO-1', 14);
    sent('two', BR, 'VASO-P', 15);
    saveRecheck(
      db,
      'one',
      BR,
      'OLD-VASO-G',
      { asin: 'B0VASO', issues: [{ code: '90220', message: "'brand' is required.", severity: 'ERROR', attributeName: 'brand' }] },
      20,
    );

    const page = listStatuses(db, { accountId: 'one', productId: vase.productId, offset: 0, limit: 50 });

    expect(page.total).toBe(4);
    expect(page.items.map((r) => [r.marketplaceId, r.sku, r.catalogSku]).sort()).toEqual(
      [
        [BR, 'OLD-VASO-G', 'VASO-G'],
        [BR, 'VASO-P', 'VASO-P'],
        [US, 'VASO-G', 'VASO-G'],
        [US, 'VASO-P', 'VASO-P'],
      ].sort(),
    );
    expect(page.items.find((r) => r.sku === 'OLD-VASO-G')).toMatchObject({
      status: 'error',
      asin: 'B0VASO',
      issues: [{ code: '90220', attributeName: 'brand' }],
    });
  });

  it('keeps the marketplace and status filters, and leaves rows without a product unmarked', () => {
    const vase = addProduct('VASO', ['VASO-P']);
    sent('one', BR, 'VASO-P', 10);
    sent('one', US, 'VASO-P', 11);
    saveRecheck(db, 'one', US, 'VASO-P', { issues: [{ code: '8541', message: 'x', severity: 'ERROR' }] }, 20);

    const errors = listStatuses(db, { accountId: 'one', productId: vase.productId, statuses: ['error'], offset: 0, limit: 50 });
    const brazil = listStatuses(db, { accountId: 'one', productId: vase.productId, marketplaceId: BR, offset: 0, limit: 50 });
    const everything = listStatuses(db, { accountId: 'one', offset: 0, limit: 50 });

    expect(errors.items.map((r) => r.marketplaceId)).toEqual([US]);
    expect(brazil.items.map((r) => r.marketplaceId)).toEqual([BR]);
    expect(everything.total).toBe(2);
    expect(everything.items.every((r) => r.catalogSku === undefined)).toBe(true);
  });

  it("reaches every table through an index, driven by the product's SKUs", () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PRODUCT_LISTINGS_SQL}`).all({ account: 'one', product: 1 }) as { detail: string }[]).map((r) => r.detail);

    expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([]);
  });
});
