import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAttributeMapping } from '../../../main/db/tables/attribute-mappings';
import { listCategories } from '../../../main/db/tables/categories';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { MANUAL_PAGE_SQL, RULE_PAGE_SQL } from '../../../main/db/tables/listing-sources';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { Translator } from '../../../main/i18n';
import { buildListing } from '../../../main/listings';
import { listingInputsFor, type ListingInputEntry } from '../../../main/selection/listing-inputs';
import { checkProducts } from '../../../main/selection/product-checks';
import { BR, cacheSchema, mapShirt, seedAccount, seedCatalog, shirtSchema } from '../mapping/mapping-helpers';

const scope = { accountId: 'acc', marketplaceId: BR };
const options = { translator: new Translator('pt-BR'), today: '2026-11-22' };

function setup(): { db: Db; ids: Map<string, number> } {
  const db = openDatabase(':memory:');
  seedAccount(db);
  const ids = seedCatalog(db, [
    {
      key: 'CAM-1',
      title: 'Camiseta feminina azul',
      category: 'Roupas > Camisetas',
      characteristics: { Gênero: 'Feminino', Tecido: 'Algodão', Cor: 'Azul', Tamanho: 'M' },
    },
    { key: 'CASA-1', title: 'Caneca', category: 'Casa' },
    { key: 'SEM-1', title: 'Sem categoria' },
    { key: 'CAM-2', title: 'Camiseta sem preço', category: 'Roupas > Camisetas', skus: [{ sku: 'CAM-2', priceCents: null }] },
    {
      key: 'FAM',
      title: 'Camiseta com variações',
      category: 'Roupas > Camisetas',
      skus: [
        { sku: 'FAM-P', variation: { Tamanho: 'P' } },
        { sku: 'FAM-M', variation: { Tamanho: 'M' } },
      ],
    },
  ]);
  const roupas = listCategories(db).find((c) => c.path === 'Roupas')?.id ?? 0;
  setCategoryMapping(db, { categoryId: roupas, marketplaceId: BR, productType: 'SHIRT', variationTheme: 'SIZE' }, 1);
  cacheSchema(db, 'SHIRT', shirtSchema(), 'V1');
  return { db, ids };
}

function ids(map: Map<string, number>, ...keys: string[]): number[] {
  return keys.map((k) => map.get(k) ?? -1);
}

describe('listingInputsFor', () => {
  it('yields only the selected products by default, each SKU with its reason when it cannot be built', () => {
    const { db, ids: byKey } = setup();
    selectProducts(db, scope, ids(byKey, 'CAM-1', 'CASA-1', 'SEM-1', 'CAM-2'), 1);

    const entries = [...listingInputsFor(db, 'acc', BR, options)];

    expect(entries.map((e) => [e.sku, e.kind === 'skip' ? e.reason : e.kind])).toEqual([
      ['CAM-1', 'listing'],
      ['CASA-1', 'category_unmapped'],
      ['SEM-1', 'no_category'],
      ['CAM-2', 'no_price'],
    ]);
  });

  it('fills the builder input from the catalog, the inherited category mapping and the attribute mappings', () => {
    const { db, ids: byKey } = setup();
    mapShirt(db);

    const [entry] = [...listingInputsFor(db, 'acc', BR, { ...options, productIds: ids(byKey, 'CAM-1') })];
    if (entry?.kind !== 'listing') throw new Error(`expected a listing, got ${JSON.stringify(entry)}`);
    const listing = buildListing(entry.input);

    expect(entry.listing).toEqual(listing);
    expect(entry.invalid).toBeNull();
    expect(listing.productType).toBe('SHIRT');
    expect(entry.input.marketplace).toEqual({ id: BR, currency: 'BRL', languageTag: 'pt_BR' });
    expect(listing.attributes['target_gender']).toEqual([{ value: 'female', marketplace_id: BR }]);
    expect(listing.attributes['country_of_origin']).toEqual([{ value: 'BR', marketplace_id: BR }]);
    expect(listing.attributes['purchasable_offer']?.[0]).toMatchObject({ currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 49.9 }] }] });
  });

  it('yields a variation family parent first, then children linked to it', () => {
    const { db, ids: byKey } = setup();

    const entries = [...listingInputsFor(db, 'acc', BR, { ...options, productIds: ids(byKey, 'FAM') })].filter(
      (e): e is Extract<ListingInputEntry, { kind: 'listing' }> => e.kind === 'listing',
    );

    expect(entries.map((e) => [e.sku, e.isVariationParent, e.input.sku.parentSku])).toEqual([
      ['FAM', true, undefined],
      ['FAM-P', false, 'FAM'],
      ['FAM-M', false, 'FAM'],
    ]);
    expect(entries[0]?.input.mapping.variationTheme).toBe('SIZE');
  });

  it('pages through the selection without holding a statement open: writes between entries succeed', () => {
    const { db, ids: byKey } = setup();
    selectProducts(db, scope, [...byKey.values()], 1);

    const seen: string[] = [];
    for (const entry of listingInputsFor(db, 'acc', BR, { ...options, pageSize: 1 })) {
      seen.push(entry.sku);
      db.prepare('UPDATE skus SET stock = stock + 1 WHERE sku = ?').run(entry.sku);
    }

    expect(seen).toEqual(['CAM-1', 'CASA-1', 'SEM-1', 'CAM-2', 'FAM', 'FAM-P', 'FAM-M']);
  });

  it('reads each selection page as primary-key ranges, not by scanning the selection', () => {
    const { db } = setup();
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' ');
    const plans = [plan(MANUAL_PAGE_SQL, 'acc', BR, 0, 10), plan(RULE_PAGE_SQL, 1, 0, 10)];
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH .* USING PRIMARY KEY/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('also yields products selected by an enabled listing rule, once', () => {
    const { db, ids: byKey } = setup();
    const rule = db
      .prepare(
        "INSERT INTO listing_rules (account_id, marketplace_id, name, conditions, on_exit, enabled, created_at, updated_at) VALUES ('acc', ?, 'Casa', '[]', 'leave', 1, 1, 1)",
      )
      .run(BR);
    for (const key of ['CAM-1', 'CASA-1']) db.prepare('INSERT INTO rule_matches (rule_id, product_id) VALUES (?, ?)').run(rule.lastInsertRowid, byKey.get(key));
    selectProducts(db, scope, ids(byKey, 'CAM-1'), 1);

    // Pages of one product: CASA-1 comes from the rule alone, CAM-1 (chosen and matched) once.
    expect([...listingInputsFor(db, 'acc', BR, { ...options, pageSize: 1 })].map((e) => e.sku)).toEqual(['CAM-1', 'CASA-1']);
  });
});

describe('checkProducts', () => {
  it('reports schema issues naming the store field until the mappings fill them, then ready', () => {
    const { db, ids: byKey } = setup();
    const t = new Translator('pt-BR');
    const [before] = checkProducts(db, t, scope, ids(byKey, 'CAM-1'), options);

    mapShirt(db);
    const [after] = checkProducts(db, t, scope, ids(byKey, 'CAM-1'), options);

    expect(before?.status).toBe('invalid');
    expect(before?.skus[0]?.issues.map((i) => i.attribute)).toEqual(expect.arrayContaining(['target_gender', 'department', 'country_of_origin']));
    expect(after?.status).toBe('ready');
    expect(after?.skus[0]?.issues).toEqual([]);
  });

  it('explains a wrong value mapping with the allowed values', () => {
    const { db, ids: byKey } = setup();
    mapShirt(db);
    saveAttributeMapping(
      db,
      { marketplaceId: BR, productType: 'SHIRT', attribute: 'target_gender', characteristic: 'Gênero', valueMap: {}, unit: null, defaultValue: null },
      2,
    );

    const [check] = checkProducts(db, new Translator('pt-BR'), scope, ids(byKey, 'CAM-1'), options);

    const issue = check?.skus[0]?.issues.find((i) => i.attribute === 'target_gender');
    expect(issue).toMatchObject({ code: 'not_allowed', storeField: 'Gênero' });
    expect(issue?.message).toContain('Feminino');
  });

  it('blocks a product whose category is not mapped, with a localized reason', () => {
    const { db, ids: byKey } = setup();

    const [check] = checkProducts(db, new Translator('en'), scope, ids(byKey, 'CASA-1'), options);

    expect(check?.status).toBe('blocked');
    expect(check?.skus[0]?.blocked?.code).toBe('category_unmapped');
    expect(check?.skus[0]?.blocked?.message).toMatch(/Categories/);
  });
});
