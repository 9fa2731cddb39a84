import { beforeEach, describe, expect, it } from 'vitest';
import type { RuleCondition } from '../../../preload/contract/rules';
import { openDatabase, type Db } from '../../../main/db/connection';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { deleteRule, evaluateRules, previewRule, ruleExits, saveRule, selectedProductIds, selectionSources } from '../../../main/rules';
import { ruleMatchQuery } from '../../../main/db/tables/rule-matches';
import { CATEGORY_PATHS, generateCatalog, writeCatalog, type GenProduct } from './generated-catalog';

const scope = { accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' };
const catalog = generateCatalog(600);
let db: Db;
let ids: Map<string, number>;

beforeEach(() => {
  db = openDatabase(':memory:');
  ids = writeCatalog(db, catalog);
});

const categoryId = (path: readonly string[]) => db.prepare('SELECT id FROM categories WHERE path = ?').pluck().get(path.join(' > ')) as number;
const active = (p: GenProduct) => p.skus.filter((s) => s.active);
const startsWith = (path: readonly string[] | null, prefix: readonly string[]) => path !== null && prefix.every((seg, i) => path[i] === seg);

/** Hand-computed truth: each condition as plain JavaScript over the generator's model. */
const byHand = {
  category: (prefix: readonly string[], sub: boolean) => (p: GenProduct) =>
    sub ? startsWith(p.categoryPath, prefix) : p.categoryPath?.join('/') === prefix.join('/'),
  brand: (brands: readonly string[]) => (p: GenProduct) => p.brand !== null && brands.map((b) => b.toLowerCase()).includes(p.brand.toLowerCase()),
  color: (values: readonly string[]) => (p: GenProduct) => p.color !== null && values.includes(p.color),
  price: (min: number | null, max: number | null) => (p: GenProduct) =>
    active(p).some((s) => s.priceCents !== null && (min === null || s.priceCents >= min) && (max === null || s.priceCents <= max)),
  stock: (min: number) => (p: GenProduct) => active(p).reduce((n, s) => n + s.stock, 0) >= min,
  validEan: () => (p: GenProduct) => active(p).length > 0 && active(p).every((s) => s.gtinStatus === 'valid'),
};

function expectedKeys(...predicates: ((p: GenProduct) => boolean)[]): string[] {
  return catalog
    .filter((p) => predicates.every((f) => f(p)))
    .map((p) => p.key)
    .sort();
}

function selectedKeys(): string[] {
  const byId = new Map([...ids].map(([k, v]) => [v, k]));
  return [...selectedProductIds(db, scope)].map((id) => byId.get(id) as string).sort();
}

const cases: readonly { name: string; conditions: () => RuleCondition[]; hand: () => ((p: GenProduct) => boolean)[] }[] = [
  {
    name: 'category with subcategories',
    conditions: () => [{ kind: 'category', categoryIds: [categoryId(['Roupas', 'Camisetas'])], includeSubcategories: true }],
    hand: () => [byHand.category(['Roupas', 'Camisetas'], true)],
  },
  {
    name: 'category alone',
    conditions: () => [{ kind: 'category', categoryIds: [categoryId(['Roupas'])], includeSubcategories: false }],
    hand: () => [byHand.category(['Roupas'], false)],
  },
  { name: 'brand, any case', conditions: () => [{ kind: 'brand', brands: ['acme', 'Joias Aurora'] }], hand: () => [byHand.brand(['acme', 'Joias Aurora'])] },
  {
    name: 'characteristic values',
    conditions: () => [{ kind: 'characteristic', name: 'cor', values: ['Azul', 'Preto'] }],
    hand: () => [byHand.color(['Azul', 'Preto'])],
  },
  { name: 'price range', conditions: () => [{ kind: 'price', minCents: 5_000, maxCents: 15_000 }], hand: () => [byHand.price(5_000, 15_000)] },
  { name: 'price floor only', conditions: () => [{ kind: 'price', minCents: 20_000, maxCents: null }], hand: () => [byHand.price(20_000, null)] },
  { name: 'stock at least 10', conditions: () => [{ kind: 'stock', min: 10 }], hand: () => [byHand.stock(10)] },
  { name: 'valid EAN', conditions: () => [{ kind: 'valid-ean' }], hand: () => [byHand.validEan()] },
  {
    name: 'all together',
    conditions: () => [
      { kind: 'category', categoryIds: [categoryId(['Roupas']), categoryId(['Joias'])], includeSubcategories: true },
      { kind: 'brand', brands: ['Acme', 'Algodão Vivo'] },
      { kind: 'price', minCents: 1_000, maxCents: 25_000 },
      { kind: 'stock', min: 3 },
      { kind: 'valid-ean' },
    ],
    hand: () => [
      (p) => byHand.category(['Roupas'], true)(p) || byHand.category(['Joias'], true)(p),
      byHand.brand(['Acme', 'Algodão Vivo']),
      byHand.price(1_000, 25_000),
      byHand.stock(3),
      byHand.validEan(),
    ],
  },
];

describe('listing rules select what a hand computation selects', () => {
  it.each(cases)('$name', ({ conditions, hand }) => {
    const expected = expectedKeys(...hand());

    saveRule(db, scope, undefined, { name: 'r', enabled: true, conditions: conditions(), onExit: 'leave' }, 1);

    expect(expected.length).toBeGreaterThan(0);
    expect(selectedKeys()).toEqual(expected);
    expect(previewRule(db, conditions(), { offset: 0, limit: 1 }).included).toBe(expected.length);
  });

  it('"all together" really mixes categories from two trees', () => {
    expect(CATEGORY_PATHS.some((p) => p[0] === 'Joias')).toBe(true);
    expect(expectedKeys(byHand.category(['Joias'], true), byHand.brand(['Acme', 'Algodão Vivo'])).length).toBeGreaterThan(0);
  });
});

describe('rule preview', () => {
  it('counts failures per condition and explains an excluded product with its own values', () => {
    const conditions: RuleCondition[] = [
      { kind: 'brand', brands: ['Acme'] },
      { kind: 'stock', min: 10 },
    ];

    const preview = previewRule(db, conditions, { offset: 0, limit: 50 });

    expect(preview.total).toBe(catalog.length);
    expect(preview.failing).toEqual([catalog.filter((p) => !byHand.brand(['Acme'])(p)).length, catalog.filter((p) => !byHand.stock(10)(p)).length]);
    const excluded = preview.excludedPage[0];
    const model = catalog.find((p) => p.key === excluded?.key) as GenProduct;
    const brandFail = excluded?.failed.find((f) => f.kind === 'brand');
    const stockFail = excluded?.failed.find((f) => f.kind === 'stock');
    expect(brandFail === undefined).toBe(byHand.brand(['Acme'])(model));
    expect(stockFail === undefined).toBe(byHand.stock(10)(model));
    if (brandFail) expect(brandFail.actual).toBe(model.brand);
    if (stockFail) expect(stockFail.actual).toBe(String(active(model).reduce((n, s) => n + s.stock, 0)));
    expect(preview.includedPage.every((p) => p.failed.length === 0)).toBe(true);
  });

  it('writes nothing', () => {
    previewRule(db, [{ kind: 'valid-ean' }], { offset: 0, limit: 10 });

    expect(selectedProductIds(db, scope).size).toBe(0);
  });
});

describe('a product that stops matching', () => {
  const stockRule = (onExit: 'zero-quantity' | 'leave') => ({
    name: `stock ${onExit}`,
    enabled: true,
    conditions: [{ kind: 'stock', min: 10 } as const],
    onExit,
  });
  const setStock = (sku: string, stock: number) => {
    const upsert = prepareSkuUpsert(db);
    const product = ids.get(sku.split('-')[0] as string) as number;
    upsert({
      sku,
      productId: product,
      gtin: null,
      gtinExempt: null,
      gtinStatus: null,
      priceCents: null,
      salePriceCents: null,
      stock,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: null,
    });
  };
  const matching = () => catalog.filter(byHand.stock(10));

  it.each(['zero-quantity', 'leave'] as const)('is handled per the rule setting: %s', (onExit) => {
    saveRule(db, scope, undefined, stockRule(onExit), 1);
    const leaving = matching()[0] as GenProduct;
    for (const s of leaving.skus) setStock(s.sku, 0);

    const summary = evaluateRules(db, scope, 2);

    expect(summary.exited).toBe(1);
    expect(ruleExits(db, scope)).toEqual(new Map([[ids.get(leaving.key), onExit]]));
    expect(selectedProductIds(db, scope).has(ids.get(leaving.key) as number)).toBe(false);
  });

  it('stays selected when the seller also chose it by hand, and an exit clears when it matches again', () => {
    saveRule(db, scope, undefined, stockRule('zero-quantity'), 1);
    const [kept, back] = matching() as [GenProduct, GenProduct];
    selectProducts(db, scope, [ids.get(kept.key) as number], 1);
    for (const s of [...kept.skus, ...back.skus]) setStock(s.sku, 0);
    evaluateRules(db, scope, 2);
    const afterDrop = ruleExits(db, scope);
    setStock(back.skus[0]?.sku as string, 50);

    evaluateRules(db, scope, 3);

    expect(afterDrop.has(ids.get(kept.key) as number)).toBe(false);
    expect(afterDrop.get(ids.get(back.key) as number)).toBe('zero-quantity');
    expect(ruleExits(db, scope).has(ids.get(back.key) as number)).toBe(false);
    expect(selectionSources(db, scope, ids.get(kept.key) as number)).toEqual(['manual']);
  });

  it("when its rule is deleted, gets that rule's exit policy", () => {
    const rule = saveRule(db, scope, undefined, stockRule('zero-quantity'), 1);

    const result = deleteRule(db, rule.id, 2);

    expect(result).toEqual({ deleted: true, exited: matching().length });
    expect([...ruleExits(db, scope).values()].every((v) => v === 'zero-quantity')).toBe(true);
  });
});

describe('rule evaluation in SQL', () => {
  it('reaches SKUs and characteristics through their indexes, never a full scan', () => {
    const conditions: RuleCondition[] = [
      { kind: 'stock', min: 1 },
      { kind: 'characteristic', name: 'Cor', values: ['Azul'] },
      { kind: 'valid-ean' },
      { kind: 'price', minCents: 1, maxCents: null },
    ];
    const { sql, params } = ruleMatchQuery(db, conditions);

    const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

    expect(details.some((d) => /SCAN p\b|SCAN products/.test(d))).toBe(true);
    expect(details.filter((d) => /^SCAN (s|skus|pc|product_characteristics|cs)\b/.test(d))).toEqual([]);
  });
});
