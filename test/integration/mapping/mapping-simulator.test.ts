import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { saveAttributeMapping } from '../../../main/db/tables/attribute-mappings';
import { listCategories } from '../../../main/db/tables/categories';
import { getSchemaInfo, saveSchema, getCachedSchema } from '../../../main/db/tables/product-type-schemas';
import { ensureSchema, refreshMappedSchemas, type DefinitionsClient } from '../../../main/mapping/schemas';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { characteristicsView } from '../../../main/mapping/characteristics';
import * as mapping from '../../../main/mapping/service';
import * as selection from '../../../main/selection/include-products';
import { previewProduct } from '../../../main/selection/preview';
import { suggestProductTypes } from '../../../main/mapping/suggestions';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { BR, seedCatalog } from './mapping-helpers';

let services: Services;
let dir: string;
let client: DefinitionsClient;
const scope = { accountId: 'demo', marketplaceId: BR };
const key = { marketplaceId: BR, productType: 'SHIRT', locale: 'pt_BR' };
const SCHEMA_DAY = 24 * 3600_000 + 5_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-mapping-'));
  services = createServices({ dbFile: join(dir, 'm.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR' });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  client = await services.amazon.forAccount('demo');
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('product type schema cache against the simulator', () => {
  it('downloads once, serves from cache while fresh, and asks Amazon again when forced', async () => {
    const first = await ensureSchema(services.db, client, key, { now: 1_000 });
    const second = await ensureSchema(services.db, client, key, { now: 2_000 });
    const forced = await ensureSchema(services.db, client, key, { now: 3_000, force: true });

    expect([first.outcome, second.outcome, forced.outcome]).toEqual(['downloaded', 'cached', 'unchanged']);
    expect(first.schema.schema['properties']).toHaveProperty('target_gender');
    expect(getSchemaInfo(services.db, key)?.checkedAt).toBe(3_000);
  });

  it('replaces the cached schema when Amazon reports another version', async () => {
    await ensureSchema(services.db, client, key, { now: 1_000 });
    const cached = getCachedSchema(services.db, key);
    if (!cached) throw new Error('not cached');
    saveSchema(services.db, { ...cached, version: 'OLD', schema: { properties: {} } });

    const refreshed = await ensureSchema(services.db, client, key, { now: 10_000, force: true });

    expect(refreshed.outcome).toBe('updated');
    expect(refreshed.schema.version).not.toBe('OLD');
    expect(getCachedSchema(services.db, key)?.schema['properties']).toHaveProperty('target_gender');
  });

  it('keeps using the cached schema when Amazon cannot be reached, and fails without one', async () => {
    const offline: DefinitionsClient = {
      ...client,
      getDefinitionsProductType: () => Promise.reject(new Error('offline')),
    };
    await ensureSchema(services.db, client, key, { now: 1_000 });

    const stale = await ensureSchema(services.db, offline, key, { now: 1_000, force: true });

    expect(stale.outcome).toBe('stale');
    await expect(ensureSchema(services.db, offline, { ...key, productType: 'TOY' }, { now: 1 })).rejects.toThrow('offline');
  });
});

describe('refreshing the schemas a marketplace uses', () => {
  it('updates the outdated ones and reports a product type Amazon does not know without stopping', async () => {
    seedCatalog(services.db, [
      { key: 'R-1', title: 'Camisa', category: 'Refresh > Camisas' },
      { key: 'R-2', title: 'Coisa', category: 'Refresh > Coisas' },
    ]);
    const categories = listCategories(services.db);
    const idOf = (path: string) => categories.find((c) => c.path === path)?.id ?? -1;
    setCategoryMapping(services.db, { categoryId: idOf('Refresh > Camisas'), marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    setCategoryMapping(services.db, { categoryId: idOf('Refresh > Coisas'), marketplaceId: BR, productType: 'NOT_A_TYPE', variationTheme: null }, 1);
    await ensureSchema(services.db, client, key, { now: 1_000 });
    const cached = getCachedSchema(services.db, key);
    if (!cached) throw new Error('not cached');
    saveSchema(services.db, { ...cached, version: 'OLD', checkedAt: 0 });

    const results = await refreshMappedSchemas(services.db, client, BR, 'pt_BR', { now: SCHEMA_DAY });

    expect(results.map((r) => [r.productType, r.outcome])).toEqual([
      ['NOT_A_TYPE', 'failed'],
      ['SHIRT', 'updated'],
    ]);
    expect(getSchemaInfo(services.db, key)?.version).not.toBe('OLD');
  });
});

describe('product type suggestions', () => {
  it('finds product types from the category name and from sample titles, ranking double hits first', async () => {
    const suggestions = await suggestProductTypes(client, { marketplaceId: BR, categoryName: 'Shirt & Shoes', sampleTitles: ['Cotton shirt blue'] });

    expect(suggestions[0]).toMatchObject({ productType: 'SHIRT', matchedBy: ['category', 'title'], hits: 2 });
    expect(suggestions.map((s) => s.productType)).toContain('SHOES');
  });
});

describe('mapping a category through to a listing Amazon accepts', () => {
  it('maps, shows required and conditional attributes, fixes the issues, includes the product and checks it with Amazon', async () => {
    const ids = seedCatalog(services.db, [
      {
        key: 'CAM-9',
        title: 'Camiseta feminina',
        category: 'Moda > Camisetas',
        characteristics: { Gênero: 'Feminino', Cor: 'Azul', Tamanho: 'M', Tecido: 'Algodão' },
      },
    ]);
    const productId = ids.get('CAM-9') ?? -1;
    const categoryId = listCategories(services.db).find((c) => c.path === 'Moda')?.id ?? -1;

    await mapping.mapCategory(services, scope, { categoryId, productType: 'SHIRT', variationTheme: null });
    const view = await characteristicsView(services, scope, 'SHIRT', (s, ids) => selection.checkScope(services, s, ids));
    const rejected = selection.includeProducts(services, scope, [productId]);

    expect(view.products.ready).toBe(0);
    expect(view.attributes[0]?.blocking).toBe(view.products.total);
    expect(view.attributes.find((a) => a.name === 'target_gender')).toMatchObject({
      requirement: 'required',
      closedList: true,
      blocking: view.products.total,
      title: 'Gênero',
    });
    expect(view.attributes.find((a) => a.name === 'color')).toMatchObject({
      requirement: 'conditional',
      condition: expect.stringMatching(/^Obrigatório quando /),
    });
    expect(view.attributes.find((a) => a.name === 'item_name')?.storeField).toBe('title');
    expect(rejected.included).toEqual([]);
    expect(rejected.rejected[0]?.reasons.length).toBeGreaterThan(0);

    const row = { marketplaceId: BR, productType: 'SHIRT', valueMap: {}, unit: null, characteristic: null, defaultValue: null };
    mapping.saveAttributeMapping(services, { ...row, attribute: 'target_gender', characteristic: 'Gênero', valueMap: { Feminino: 'female' } });
    for (const [attribute, characteristic] of [
      ['color', 'Cor'],
      ['size', 'Tamanho'],
      ['fabric_type', 'Tecido'],
    ] as const) {
      mapping.saveAttributeMapping(services, { ...row, attribute, characteristic });
    }
    for (const [attribute, value] of Object.entries({
      department: 'Womens',
      country_of_origin: 'BR',
      supplier_declared_dg_hz_regulation: 'not_applicable',
      item_type_keyword: 't-shirts',
    })) {
      saveAttributeMapping(services.db, { ...row, attribute, defaultValue: value }, 1);
    }
    const included = selection.includeProducts(services, scope, [productId]);
    const preview = previewProduct(services, scope, productId);
    const amazon = await selection.checkWithAmazon(services, scope, productId);

    expect(included).toEqual({ included: [productId], rejected: [] });
    expect(preview.status).toBe('ready');
    expect(JSON.parse(preview.skus[0]?.json ?? '{}')).toMatchObject({
      productType: 'SHIRT',
      attributes: { target_gender: [{ value: 'female', marketplace_id: BR }] },
    });
    expect(preview.skus[0]?.changedSinceSent).toBeNull();
    expect(amazon.results).toEqual([{ sku: 'CAM-9', status: 'VALID', issues: [] }]);
  });

  it("asks Amazon about a product code with a wrong check digit and shows its refusal explained in the seller's language", async () => {
    const ids = seedCatalog(services.db, [
      {
        key: 'CAM-EAN',
        title: 'Camiseta feminina',
        category: 'Moda > Camisetas',
        characteristics: { Gênero: 'Feminino', Cor: 'Azul', Tamanho: 'M', Tecido: 'Algodão' },
        skus: [{ sku: 'CAM-EAN', gtin: '7891000000015' }],
      },
    ]);
    const productId = ids.get('CAM-EAN') ?? -1;
    const categoryId = listCategories(services.db).find((c) => c.path === 'Moda')?.id ?? -1;
    await mapping.mapCategory(services, scope, { categoryId, productType: 'SHIRT', variationTheme: null });
    const row = { marketplaceId: BR, productType: 'SHIRT', valueMap: {}, unit: null, characteristic: null, defaultValue: null };
    mapping.saveAttributeMapping(services, { ...row, attribute: 'target_gender', characteristic: 'Gênero', valueMap: { Feminino: 'female' } });
    for (const [attribute, characteristic] of [
      ['color', 'Cor'],
      ['size', 'Tamanho'],
      ['fabric_type', 'Tecido'],
    ] as const)
      mapping.saveAttributeMapping(services, { ...row, attribute, characteristic });
    for (const [attribute, value] of Object.entries({
      department: 'Womens',
      country_of_origin: 'BR',
      supplier_declared_dg_hz_regulation: 'not_applicable',
      item_type_keyword: 't-shirts',
    })) {
      saveAttributeMapping(services.db, { ...row, attribute, defaultValue: value }, 1);
    }

    const amazon = await selection.checkWithAmazon(services, scope, productId);

    expect(amazon.results).toEqual([
      {
        sku: 'CAM-EAN',
        status: 'INVALID',
        issues: [
          {
            code: '8106',
            severity: 'ERROR',
            attributeNames: ['externally_assigned_product_identifier'],
            // Amazon's words kept verbatim, the seller's explanation beside them.
            message: expect.stringContaining('Invalid StandardProductID value for SKU [CAM-EAN]'),
            explanation: services.translator.t('sync.explain.8106'),
          },
        ],
      },
    ]);
    expect(services.translator.t('sync.explain.8106')).toMatch(/EAN.*dígito verificador/);
  });
});
