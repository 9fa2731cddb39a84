import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator } from '../../../main/amazon/simulator';
import { setEnabledMarketplaces } from '../../../main/db/tables/accounts';
import { prepareCategoryPaths } from '../../../main/db/tables/categories';
import { saveAttributeMapping } from '../../../main/db/tables/attribute-mappings';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { checkScope } from '../../../main/selection/include-products';
import { previewWithReadiness } from '../../../main/rules/preview';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { saveSyncSettings } from '../../../main/sync/settings';

const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;
const BR = 'A2Q3Y263D00KWC';
const scope = { accountId: 'demo', marketplaceId: BR };
const DEFAULTS = {
  country_of_origin: 'BR',
  supplier_declared_dg_hz_regulation: 'not_applicable',
  item_type_keyword: 'vases',
  material: 'Ceramic',
  room_type: 'Living Room',
  color: 'Beige',
};

/** Vases in "Decoração > Vasos" (matched to HOME, its required characteristics given defaults): two complete, one without a brand, one sold out. */
async function setup(): Promise<Services> {
  const clock = new VirtualClock();
  const services = createServices({
    dbFile: join(mkdtempSync(join(tmpdir(), 'vitrine-rule-readiness-')), 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    startSimulator: (stateFile) => startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false }),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR]);
  const db = services.db;
  saveSchema(db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'x',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema: HOME,
  });
  saveSyncSettings(db, 'demo', BR, { defaultProductType: 'HOME', defaultAttributes: DEFAULTS });
  const vases = prepareCategoryPaths(db)(['Decoração', 'Vasos']);
  setCategoryMapping(db, { categoryId: vases, marketplaceId: BR, productType: 'HOME', variationTheme: null }, 0);
  for (const [attribute, defaultValue] of Object.entries(DEFAULTS)) {
    saveAttributeMapping(db, { marketplaceId: BR, productType: 'HOME', attribute, characteristic: null, valueMap: {}, unit: null, defaultValue }, 0);
  }
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  for (const [code, brand, stock] of [
    ['VASO-1', 'Barro & Arte', 5],
    ['VASO-2', 'Barro & Arte', 5],
    ['VASO-SEM-MARCA', null, 5],
    ['VASO-ESGOTADO', 'Barro & Arte', 0],
  ] as const) {
    const p = product({
      key: code,
      title: `Vaso ${code}`,
      description: 'Vaso de cerâmica',
      brand,
      manufacturer: null,
      bulletPoints: ['Feito à mão'],
      imageUrls: ['https://img.example/v.jpg'],
      categoryId: vases,
    });
    if (!p) throw new Error('not written');
    sku({
      sku: code,
      productId: p.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 4990,
      salePriceCents: null,
      stock,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
  return services;
}

describe('rule preview readiness (the same verdict as "Incluir produtos")', () => {
  let services: Services | undefined;
  afterEach(async () => services?.close());

  it('says for each selected product whether it would be sent, and why not in Portuguese; counts the ready ones', async () => {
    services = await setup();
    const preview = previewWithReadiness(services, [{ kind: 'stock', min: 1 }], { offset: 0, limit: 20 }, scope);

    expect(preview.included).toBe(3);
    const checks = new Map(
      checkScope(
        services,
        scope,
        preview.includedPage.map((p) => p.productId),
      ).map((c) => [c.productId, c.status]),
    );
    for (const p of preview.includedPage) expect(p.readiness?.status).toBe(checks.get(p.productId));
    expect(preview.readyIncluded).toBe([...checks.values()].filter((s) => s === 'ready').length);
    expect(preview.readyIncluded).toBe(2);

    const brandless = preview.includedPage.find((p) => p.key === 'VASO-SEM-MARCA');
    expect(brandless?.readiness?.status).not.toBe('ready');
    expect(brandless?.readiness?.problems.join(' ')).toMatch(/Marca/);
    // Excluded products are not checked: the rule does not send them anyway.
    expect(preview.excludedPage.map((p) => p.key)).toEqual(['VASO-ESGOTADO']);
    expect(preview.excludedPage[0]?.readiness).toBeUndefined();
  }, 60_000);

  it('without a marketplace, previews conditions only', async () => {
    services = await setup();
    const preview = previewWithReadiness(services, [{ kind: 'stock', min: 1 }], { offset: 0, limit: 20 }, null);

    expect(preview.included).toBe(3);
    expect(preview.includedPage.every((p) => p.readiness === undefined)).toBe(true);
    expect(preview.readyIncluded).toBeUndefined();
  }, 60_000);
});
