import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { listCategories, prepareCategoryPaths, splitCategoryPath } from '../../../main/db/tables/categories';
import { getProductCharacteristics, prepareCharacteristicWriter } from '../../../main/db/tables/characteristics';
import { kitStock, prepareKitWriter } from '../../../main/db/tables/kits';
import { getProduct, listProducts, prepareProductUpsert, type ProductUpsert } from '../../../main/db/tables/products';
import { getSkuByCode, prepareSkuUpsert, type SkuUpsert } from '../../../main/db/tables/skus';
import { readDashboardCounters } from '../../../main/db/tables/dashboard';

const product = (key: string, over: Partial<ProductUpsert> = {}): ProductUpsert => ({
  key,
  title: `Produto ${key}`,
  description: null,
  brand: null,
  manufacturer: null,
  bulletPoints: null,
  imageUrls: null,
  categoryId: null,
  ...over,
});
const sku = (code: string, productId: number, over: Partial<SkuUpsert> = {}): SkuUpsert => ({
  sku: code,
  productId,
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
  ...over,
});

/** Test helper: every product here has a title, so the upsert always answers. */
function productWriter(db: Db) {
  const upsert = prepareProductUpsert(db);
  return (p: ProductUpsert) => {
    const result = upsert(p);
    if (!result) throw new Error(`product ${p.key} was not written`);
    return result;
  };
}

function plan(db: Db, sql: string, params: unknown[] = []): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('catalog tables', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('creates each level of a category path once and reuses it', () => {
    const ensure = prepareCategoryPaths(db);
    const leaf = ensure(splitCategoryPath('Roupas > Camisetas'));
    const again = prepareCategoryPaths(db)(splitCategoryPath('Roupas/Camisetas'));
    const other = ensure(splitCategoryPath('Roupas > Calças'));
    expect(again).toBe(leaf);
    expect(listCategories(db).map((c) => c.path)).toEqual(['Roupas', 'Roupas > Calças', 'Roupas > Camisetas']);
    expect(listCategories(db).find((c) => c.id === other)?.parentId).toBe(listCategories(db).find((c) => c.path === 'Roupas')?.id);
  });

  it('upserts products and SKUs, keeping stored values the file leaves empty and reporting real changes only', () => {
    const upsertProduct = productWriter(db);
    const upsertSku = prepareSkuUpsert(db);
    const p = upsertProduct(product('A', { brand: 'Acme' }));
    const first = upsertSku(sku('A', p.id, { priceCents: 1990, stock: 3, variation: { Cor: 'Azul' } }));
    const same = upsertSku(sku('A', p.id, { priceCents: 1990 }));
    const changed = upsertSku(sku('A', p.id, { stock: 5, variation: { Tamanho: 'M' } }));
    const productAgain = upsertProduct(product('A', { title: null, brand: 'Acme' }));
    expect([p.outcome, first.outcome, same.outcome, changed.outcome, productAgain.outcome]).toEqual([
      'inserted',
      'inserted',
      'unchanged',
      'updated',
      'unchanged',
    ]);
    const stored = getSkuByCode(db, 'A');
    expect(stored).toMatchObject({ priceCents: 1990, stock: 5, variation: { Cor: 'Azul', Tamanho: 'M' }, active: true, gtinStatus: 'missing' });
    expect(getProduct(db, p.id)).toMatchObject({ title: 'Produto A', brand: 'Acme' });
  });

  it('refuses to create a product without a title', () => {
    expect(prepareProductUpsert(db)(product('T', { title: null }))).toBeUndefined();
  });

  it('rejects a SKU longer than 40 characters at the schema level', () => {
    const p = productWriter(db)(product('B'));
    expect(() => prepareSkuUpsert(db)(sku('x'.repeat(41), p.id))).toThrow(/CHECK/);
  });

  it('derives kit stock from its components', () => {
    const upsertProduct = productWriter(db);
    const upsertSku = prepareSkuUpsert(db);
    const a = upsertSku(sku('A', upsertProduct(product('A')).id, { stock: 10 })).id;
    const b = upsertSku(sku('B', upsertProduct(product('B')).id, { stock: 3 })).id;
    const kit = upsertSku(sku('KIT', upsertProduct(product('KIT')).id, { stock: 99 })).id;
    const write = prepareKitWriter(db);
    expect(
      write(kit, [
        { skuId: a, quantity: 2 },
        { skuId: b, quantity: 1 },
      ]),
    ).toBe(true);
    expect(
      write(kit, [
        { skuId: b, quantity: 1 },
        { skuId: a, quantity: 2 },
      ]),
    ).toBe(false);
    expect(kitStock(db, kit)).toBe(3);
    expect(getSkuByCode(db, 'KIT')).toMatchObject({ stock: 3, isKit: true });
    expect(kitStock(db, a)).toBeUndefined();
  });

  it('stores characteristics by case-insensitive name and counts them on the dashboard', () => {
    const p = productWriter(db)(product('C'));
    prepareSkuUpsert(db)(sku('C', p.id));
    const set = prepareCharacteristicWriter(db);
    expect(set(p.id, 'Cor', 'Azul')).toBe(true);
    expect(set(p.id, 'cor', 'Azul')).toBe(false);
    expect(getProductCharacteristics(db, p.id)).toEqual({ Cor: 'Azul' });
    expect(readDashboardCounters(db)).toMatchObject({ products: 1, characteristics: 1 });
  });

  it('lists with full-text search (accent-insensitive), exact SKU/GTIN and filters', () => {
    const upsertProduct = productWriter(db);
    const upsertSku = prepareSkuUpsert(db);
    const cat = prepareCategoryPaths(db)(['Roupas']);
    const p1 = upsertProduct(product('P1', { title: 'Camiseta Algodão Azul', categoryId: cat })).id;
    upsertSku(sku('P1-M', p1, { stock: 2, gtin: '7891234567895', gtinStatus: 'valid', priceCents: 5000 }));
    upsertSku(sku('P1-G', p1, { stock: 0, priceCents: 5500 }));
    const p2 = upsertProduct(product('P2', { title: 'Caneca' })).id;
    upsertSku(sku('P2', p2, { stock: 0 }));
    expect(listProducts(db, { offset: 0, limit: 10, search: 'algodao' }).items.map((i) => i.key)).toEqual(['P1']);
    expect(listProducts(db, { offset: 0, limit: 10, search: '7891234567895' }).items.map((i) => i.key)).toEqual(['P1']);
    expect(listProducts(db, { offset: 0, limit: 10, search: 'P2' }).items.map((i) => i.key)).toEqual(['P2']);
    expect(listProducts(db, { offset: 0, limit: 10, categoryId: cat }).total).toBe(1);
    expect(listProducts(db, { offset: 0, limit: 10, stock: 'out-of-stock' }).items.map((i) => i.key)).toEqual(['P2']);
    expect(listProducts(db, { offset: 0, limit: 10, gtinStatus: 'missing' }).total).toBe(2);
    const page = listProducts(db, { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 2, items: [{ key: 'P2' }] });
    expect(listProducts(db, { offset: 0, limit: 1 }).items[0]).toMatchObject({
      skuCount: 2,
      stock: 2,
      minPriceCents: 5000,
      maxPriceCents: 5500,
      gtinProblems: 1,
    });
  });

  it('key lookups use indexes, not table scans', () => {
    const bySku = plan(db, 'SELECT id FROM skus WHERE sku = ?', ['A']);
    const byGtin = plan(db, 'SELECT product_id FROM skus WHERE gtin = ?', ['1']);
    const byCategory = plan(db, 'SELECT id FROM products WHERE category_id = ?', [1]);
    const byText = plan(db, 'SELECT rowid FROM products_fts WHERE products_fts MATCH ?', ['x']);
    const skusOfProduct = plan(db, 'SELECT id FROM skus WHERE product_id = ?', [1]);
    const byGtinStatus = plan(db, 'SELECT product_id FROM skus WHERE gtin_status = ?', ['missing']);
    const inStock = plan(db, 'SELECT 1 FROM skus s WHERE s.product_id = ? AND s.stock > 0', [1]);
    for (const p of [bySku, byGtin, byCategory, skusOfProduct, byGtinStatus, inStock]) expect(p).not.toMatch(/\bSCAN (skus|products)\b/);
    expect(inStock).toMatch(/COVERING INDEX skus_product/);
    expect(bySku).toMatch(/SEARCH skus USING (COVERING )?INDEX/);
    expect(byCategory).toMatch(/SEARCH products USING (COVERING )?INDEX products_category/);
    expect(byText).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
