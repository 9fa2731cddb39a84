import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../preload/contract';
import { listCategories } from '../../../main/db/tables/categories';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { excludeAllFiltered, includeAllReady } from '../../../main/selection/bulk-selection';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { BR, cacheSchema, mapShirt, seedAccount, seedCatalog, shirtSchema, type SeedProduct } from '../mapping/mapping-helpers';

const scope = { accountId: 'acc', marketplaceId: BR };
const READY_TRAITS = { Gênero: 'Feminino', Tecido: 'Algodão', Cor: 'Azul', Tamanho: 'M' };

type Kind = 'ready' | 'category_unmapped' | 'invalid' | 'no_category' | 'no_price';

/** Product i's kind, by construction: the hand computation the tests compare with. */
function kindOf(i: number): Kind {
  if (i % 4 === 0) return 'ready';
  if (i % 4 === 1) return 'category_unmapped';
  if (i % 4 === 2) return 'invalid';
  return i % 8 === 3 ? 'no_category' : 'no_price';
}

/** "verde" is in the title of half the ready shirts and of every invalid one. */
function product(i: number): SeedProduct {
  const key = `P-${String(i).padStart(3, '0')}`;
  switch (kindOf(i)) {
    case 'ready':
      return { key, title: `Camiseta ${i % 8 === 0 ? 'azul' : 'verde'} ${i}`, category: 'Roupas > Camisetas', characteristics: READY_TRAITS };
    case 'category_unmapped':
      return { key, title: `Caneca ${i}`, category: 'Casa' };
    case 'invalid':
      return { key, title: `Camiseta verde lisa ${i}`, category: 'Roupas > Camisetas' };
    case 'no_category':
      return { key, title: `Avulso ${i}` };
    case 'no_price':
      return { key, title: `Camiseta sem preço ${i}`, category: 'Roupas > Camisetas', characteristics: READY_TRAITS, skus: [{ sku: key, priceCents: null }] };
  }
}

const N = 80;
let services: Services;
let dir: string;
let ids: Map<string, number>;
const call = (channel: string, input?: unknown) => dispatch(createHandlers(services), services.translator, channel, input, true);
const keyOf = (i: number) => `P-${String(i).padStart(3, '0')}`;
const idOf = (i: number) => ids.get(keyOf(i)) ?? -1;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function manualSelection(): number[] {
  return services.db
    .prepare('SELECT product_id FROM listing_selections WHERE account_id = ? AND marketplace_id = ? ORDER BY product_id')
    .pluck()
    .all('acc', BR) as number[];
}

function selectedProducts(): number[] {
  return services.db
    .prepare('SELECT DISTINCT product_id FROM selected_products WHERE account_id = ? AND marketplace_id = ? ORDER BY product_id')
    .pluck()
    .all('acc', BR) as number[];
}

function categoryId(path: string): number {
  return listCategories(services.db).find((c) => c.path === path)?.id ?? -1;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-bulk-selection-'));
  services = createServices({ dbFile: join(dir, 'b.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'en' });
  seedAccount(services.db);
  ids = seedCatalog(services.db, range(N).map(product));
  setCategoryMapping(services.db, { categoryId: categoryId('Roupas'), marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
  cacheSchema(services.db, 'SHIRT', shirtSchema());
  mapShirt(services.db);
});

afterEach(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('include all ready products', () => {
  it('includes exactly the ready products, counts the others per reason and reports progress', async () => {
    const events: TaskProgress[] = [];
    const stop = services.tasks.subscribe((event, payload) => {
      if (event === 'task:progress') events.push(payload as TaskProgress);
    });
    selectProducts(services.db, scope, [idOf(0)], 1);

    const result = await includeAllReady(services, scope, {}, { chunkSize: 7 });
    stop();

    const expected = range(N).filter((i) => kindOf(i) === 'ready');
    const countOf = (k: Kind) => range(N).filter((i) => kindOf(i) === k).length;
    expect(manualSelection()).toEqual(expected.map(idOf));
    expect(result).toMatchObject({ matched: N, included: expected.length - 1, alreadyIncluded: 1 });
    expect(result.rejected).toEqual([
      { reason: 'category_unmapped', count: countOf('category_unmapped') },
      { reason: 'invalid', count: countOf('invalid') },
      { reason: 'no_category', count: countOf('no_category') },
      { reason: 'no_price', count: countOf('no_price') },
    ]);
    expect(result.rejectedSample[0]).toMatchObject({
      productId: idOf(1),
      title: 'Caneca 1',
      status: 'blocked',
      reason: 'category_unmapped',
      reasons: [expect.stringMatching(/Categories/)],
    });
    expect(result.rejectedSample.find((r) => r.reason === 'invalid')?.reasons.length).toBeGreaterThan(0);
    const mine = events.filter((e) => e.taskId === result.taskId);
    expect(mine[0]).toMatchObject({ kind: 'mapping:include-all', done: 0, total: N, finished: false });
    expect(mine.at(-1)).toMatchObject({ kind: 'mapping:include-all', done: N, total: N, finished: true });
  });

  it('respects the search and the category, as the list shows them', async () => {
    const verde = await includeAllReady(services, scope, { search: 'verde' });
    const readyVerde = range(N).filter((i) => kindOf(i) === 'ready' && i % 8 === 4);
    expect(manualSelection()).toEqual(readyVerde.map(idOf));
    expect(verde).toMatchObject({ matched: readyVerde.length + range(N).filter((i) => kindOf(i) === 'invalid').length, included: readyVerde.length });
    expect(verde.rejected).toEqual([{ reason: 'invalid', count: range(N).filter((i) => kindOf(i) === 'invalid').length }]);

    const casa = await includeAllReady(services, scope, { categoryId: categoryId('Casa') });
    expect(casa).toMatchObject({ matched: N / 4, included: 0, rejected: [{ reason: 'category_unmapped', count: N / 4 }] });
    expect(manualSelection()).toEqual(readyVerde.map(idOf));

    const exactSku = await includeAllReady(services, scope, { search: keyOf(8) });
    expect(exactSku).toMatchObject({ matched: 1, included: 1 });
  });

  it('refuses a second run for the same account and marketplace while one is under way, with a localized error', async () => {
    const first = includeAllReady(services, scope, {}, { chunkSize: 5 });

    const second = await call('mapping:include-all', { ...scope, search: 'verde' });
    const remove = await call('mapping:exclude-all', scope);

    expect(second).toMatchObject({ ok: false, error: { code: 'MAPPING_BULK_RUNNING', message: expect.stringContaining('Wait for that to finish') } });
    expect(remove).toMatchObject({ ok: false, error: { code: 'MAPPING_BULK_RUNNING' } });
    await expect(first).resolves.toMatchObject({ matched: N });
    expect(await call('mapping:include-all', { ...scope, search: 'verde' })).toMatchObject({ ok: true, value: { included: 0 } });
  });

  it('validates its input and the marketplace in main', async () => {
    expect(await call('mapping:include-all', { ...scope, search: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('mapping:include-all', { ...scope, categoryId: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('mapping:include-all', { ...scope, marketplaceId: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'MAPPING_MARKETPLACE_UNKNOWN' } });
    expect(manualSelection()).toEqual([]);
  });
});

describe('remove all', () => {
  it('removes only the seller’s choices among the filtered products; rule-selected ones stay selected', async () => {
    const rule = services.db
      .prepare(
        "INSERT INTO listing_rules (account_id, marketplace_id, name, conditions, on_exit, enabled, created_at, updated_at) VALUES ('acc', ?, 'R', '[]', 'leave', 1, 1, 1)",
      )
      .run(BR);
    const byRule = [4, 12];
    for (const i of byRule) services.db.prepare('INSERT INTO rule_matches (rule_id, product_id) VALUES (?, ?)').run(rule.lastInsertRowid, idOf(i));
    await includeAllReady(services, scope, {});
    const ready = range(N).filter((i) => kindOf(i) === 'ready');

    const removed = await call('mapping:exclude-all', { ...scope, search: 'verde' });

    const verde = ready.filter((i) => i % 8 === 4);
    const kept = ready.filter((i) => i % 8 === 0);
    expect(removed).toEqual({ ok: true, value: verde.length });
    expect(manualSelection()).toEqual(kept.map(idOf));
    expect(selectedProducts()).toEqual([...kept, ...byRule].sort((a, b) => a - b).map(idOf));
    expect(excludeAllFiltered(services, scope, { categoryId: categoryId('Roupas > Camisetas') })).toBe(kept.length);
    expect(manualSelection()).toEqual([]);
  });
});

describe('the product code decides readiness as on the EAN screen', () => {
  it("leaves out a ready-looking product whose EAN has a wrong check digit, counted apart, in the EAN screen's words", async () => {
    const extra = seedCatalog(services.db, [
      {
        key: 'EAN-RUIM',
        title: 'Camiseta azul EAN errado',
        category: 'Roupas > Camisetas',
        characteristics: READY_TRAITS,
        skus: [{ sku: 'EAN-RUIM', gtin: '7891234567890' }],
      },
    ]);
    const id = extra.get('EAN-RUIM') ?? -1;

    const result = await includeAllReady(services, scope, { search: 'EAN errado' });

    expect(manualSelection()).not.toContain(id);
    expect(result.rejected).toEqual([{ reason: 'gtin_rejected', count: 1 }]);
    expect(result.rejectedSample[0]?.reasons).toEqual([services.translator.t('ean.problems.CHECK_DIGIT')]);
  });
});
