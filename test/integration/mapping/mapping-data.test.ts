import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { characteristicValues, listAttributeMappings, saveAttributeMapping } from '../../../main/db/tables/attribute-mappings';
import { listCategories } from '../../../main/db/tables/categories';
import { listCategoryMappings, removeCategoryMapping, setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { readDashboardCounters } from '../../../main/db/tables/dashboard';
import { countSelected, selectedAmong, selectProducts, unselectProducts } from '../../../main/db/tables/listing-selections';
import { getCachedSchema, getSchemaInfo, touchSchema } from '../../../main/db/tables/product-type-schemas';
import { resolveCategoryMappings } from '../../../main/mapping/category-tree';
import { toProductTypeMapping } from '../../../main/mapping/product-type-mapping';
import { buildListing } from '../../../main/listings';
import { BR, cacheSchema, seedCatalog, shirtSchema } from './mapping-helpers';

function fresh(): Db {
  return openDatabase(':memory:');
}

function categoryId(db: Db, path: string): number {
  const c = listCategories(db).find((x) => x.path === path);
  if (!c) throw new Error(`no category ${path}`);
  return c.id;
}

describe('category mappings', () => {
  it('inherit down the tree: a child without its own row uses the nearest mapped ancestor', () => {
    const db = fresh();
    seedCatalog(db, [
      { key: 'A', title: 'Camiseta', category: 'Roupas > Camisetas > Manga longa' },
      { key: 'B', title: 'Tênis', category: 'Roupas > Calçados' },
      { key: 'C', title: 'Caneca', category: 'Casa' },
    ]);
    setCategoryMapping(db, { categoryId: categoryId(db, 'Roupas'), marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    setCategoryMapping(db, { categoryId: categoryId(db, 'Roupas > Calçados'), marketplaceId: BR, productType: 'SHOES', variationTheme: 'SIZE' }, 1);

    const resolved = resolveCategoryMappings(listCategories(db), listCategoryMappings(db, BR));

    const longSleeve = resolved.get(categoryId(db, 'Roupas > Camisetas > Manga longa'));
    expect(longSleeve).toEqual({ productType: 'SHIRT', variationTheme: null, fromCategoryId: categoryId(db, 'Roupas'), inherited: true });
    expect(resolved.get(categoryId(db, 'Roupas > Calçados'))).toMatchObject({ productType: 'SHOES', variationTheme: 'SIZE', inherited: false });
    expect(resolved.has(categoryId(db, 'Casa'))).toBe(false);
  });

  it('are per marketplace, and removing a child mapping falls back to the parent', () => {
    const db = fresh();
    seedCatalog(db, [{ key: 'A', title: 'Camiseta', category: 'Roupas > Camisetas' }]);
    const parent = categoryId(db, 'Roupas');
    const child = categoryId(db, 'Roupas > Camisetas');
    setCategoryMapping(db, { categoryId: parent, marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    setCategoryMapping(db, { categoryId: child, marketplaceId: BR, productType: 'HOME', variationTheme: null }, 1);

    expect(removeCategoryMapping(db, child, BR)).toBe(true);
    const resolved = resolveCategoryMappings(listCategories(db), listCategoryMappings(db, BR));

    expect(resolved.get(child)?.productType).toBe('SHIRT');
    expect(resolveCategoryMappings(listCategories(db), listCategoryMappings(db, 'ATVPDKIKX0DER')).size).toBe(0);
  });

  it('a parent cycle resolves to unmapped instead of looping', () => {
    const resolved = resolveCategoryMappings(
      [
        { id: 1, parentId: 2 },
        { id: 2, parentId: 1 },
      ],
      [],
    );
    expect(resolved.size).toBe(0);
  });

  it('feed the dashboard count of unmapped categories, inheritance included', () => {
    const db = fresh();
    seedCatalog(db, [{ key: 'A', title: 'Camiseta', category: 'Roupas > Camisetas' }]);
    const before = readDashboardCounters(db).categoriesUnmapped;
    setCategoryMapping(db, { categoryId: categoryId(db, 'Roupas'), marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    // "Roupas" and, by inheritance, "Roupas > Camisetas".
    expect(readDashboardCounters(db).categoriesUnmapped).toBe(before - 2);
  });
});

describe('attribute mappings', () => {
  it('round-trip a characteristic with value map, unit and default; removing both sources deletes the row', () => {
    const db = fresh();
    const row = {
      marketplaceId: BR,
      productType: 'SHIRT',
      attribute: 'target_gender',
      characteristic: 'Gênero',
      valueMap: { Feminino: 'female' },
      unit: null,
      defaultValue: 'unisex',
    };
    saveAttributeMapping(db, row, 1);
    saveAttributeMapping(db, { ...row, attribute: 'item_weight', characteristic: 'Peso', valueMap: {}, unit: 'grams', defaultValue: 250 }, 1);

    expect(listAttributeMappings(db, BR, 'SHIRT')).toEqual([
      { ...row, attribute: 'item_weight', characteristic: 'Peso', valueMap: {}, unit: 'grams', defaultValue: 250 },
      row,
    ]);

    saveAttributeMapping(db, { ...row, characteristic: null, defaultValue: null }, 2);
    expect(listAttributeMappings(db, BR, 'SHIRT').map((m) => m.attribute)).toEqual(['item_weight']);
  });

  it('list the distinct values of a characteristic from products and SKU variations', () => {
    const db = fresh();
    seedCatalog(db, [
      { key: 'A', title: 'A', characteristics: { Cor: 'Azul' } },
      { key: 'B', title: 'B', characteristics: { Cor: 'Azul' } },
      {
        key: 'P',
        title: 'P',
        skus: [
          { sku: 'P-1', variation: { Cor: 'Verde' } },
          { sku: 'P-2', variation: { Cor: 'Azul' } },
        ],
      },
    ]);

    expect(characteristicValues(db, 'Cor', 10)).toEqual([
      { value: 'Azul', products: 3 },
      { value: 'Verde', products: 1 },
    ]);
  });
});

describe('product type schema cache', () => {
  it('stores the schema compressed and returns it with version, checksum and check time', () => {
    const db = fresh();
    const schema = { $id: 'x/SHIRT', properties: { item_name: { title: 'Nome' } }, required: ['item_name'] };
    cacheSchema(db, 'SHIRT', schema, 'V7');

    touchSchema(db, { marketplaceId: BR, productType: 'SHIRT', locale: 'pt_BR' }, 99);

    expect(getCachedSchema(db, { marketplaceId: BR, productType: 'SHIRT', locale: 'pt_BR' })).toMatchObject({
      schema,
      version: 'V7',
      checksum: 'sum-V7',
      checkedAt: 99,
    });
    expect(getSchemaInfo(db, { marketplaceId: BR, productType: 'SHIRT', locale: 'en_US' })).toBeUndefined();
  });
});

describe('selections', () => {
  it('are per account and marketplace; selecting twice counts once', () => {
    const db = fresh();
    const ids = seedCatalog(db, [
      { key: 'A', title: 'A' },
      { key: 'B', title: 'B' },
    ]);
    const a = ids.get('A') ?? 0;
    const b = ids.get('B') ?? 0;
    const scope = { accountId: 'acc', marketplaceId: BR };

    expect(selectProducts(db, scope, [a, b], 1)).toBe(2);
    expect(selectProducts(db, scope, [a], 2)).toBe(0);
    expect(unselectProducts(db, scope, [b])).toBe(1);

    expect([...selectedAmong(db, scope, [a, b])]).toEqual([[a, 'manual']]);
    expect(countSelected(db, { accountId: 'other', marketplaceId: BR })).toBe(0);
  });

  it('say whether a listing rule or the seller selected a product', () => {
    const db = fresh();
    const ids = seedCatalog(db, [
      { key: 'A', title: 'A' },
      { key: 'B', title: 'B' },
    ]);
    const scope = { accountId: 'acc', marketplaceId: BR };
    const rule = db
      .prepare(
        "INSERT INTO listing_rules (account_id, marketplace_id, name, conditions, on_exit, enabled, created_at, updated_at) VALUES ('acc', ?, 'R', '[]', 'leave', 1, 1, 1)",
      )
      .run(BR);
    for (const key of ['A', 'B']) db.prepare('INSERT INTO rule_matches (rule_id, product_id) VALUES (?, ?)').run(rule.lastInsertRowid, ids.get(key));
    selectProducts(db, scope, [ids.get('A') ?? 0], 1);

    expect(selectedAmong(db, scope, [ids.get('A') ?? 0, ids.get('B') ?? 0])).toEqual(
      new Map([
        [ids.get('A'), 'manual'],
        [ids.get('B'), 'rule'],
      ]),
    );
  });
});

describe('stored mappings as the builder reads them', () => {
  it('a default with a unit is sent with that unit; a characteristic falls back to its default', () => {
    const base = { marketplaceId: BR, productType: 'SHIRT', valueMap: {}, unit: null, characteristic: null, defaultValue: null };
    const mapping = toProductTypeMapping(
      'SHIRT',
      [
        { ...base, attribute: 'item_weight', unit: 'grams', defaultValue: 180 },
        { ...base, attribute: 'color', characteristic: 'Cor', defaultValue: 'Multicolor' },
      ],
      null,
    );
    const listing = buildListing({
      product: { title: 'Camiseta', characteristics: {} },
      sku: { sku: 'S', price: 10, stock: 1, isVariationParent: true },
      marketplace: { id: BR, currency: 'BRL', languageTag: 'pt_BR' },
      mapping: { ...mapping, variationTheme: 'COLOR' },
      settings: {},
      schema: shirtSchema(),
      today: '2026-11-22',
    });

    expect(listing.attributes['item_weight']).toEqual([{ value: 180, unit: 'grams', marketplace_id: BR }]);
    expect(listing.attributes['color']).toEqual([{ value: 'Multicolor', language_tag: 'pt_BR', marketplace_id: BR }]);
  });
});
