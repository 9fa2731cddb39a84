import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator } from '../../../main/amazon/simulator';
import { readChecklist } from '../../../main/dashboard/checklist';
import { setEnabledMarketplaces } from '../../../main/db/tables/accounts';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { generateCatalog, writeCatalog } from '../../unit/rules/generated-catalog';

const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;
const BR = 'A2Q3Y263D00KWC';
const scope = { accountId: 'demo', marketplaceId: BR };

async function setup(): Promise<Services> {
  const clock = new VirtualClock();
  const services = createServices({
    dbFile: join(mkdtempSync(join(tmpdir(), 'vitrine-checklist-')), 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    startSimulator: (stateFile) => startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false }),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR]);
  return services;
}

describe('Início checklist (the Tray path, step by step)', () => {
  let services: Services | undefined;
  afterEach(async () => services?.close());

  it('follows the seller: demo account only, no products, then categories to match, characteristics missing, products included', async () => {
    services = await setup();
    const db = services.db;
    expect(readChecklist(services, scope)).toMatchObject({
      account: { accounts: 1, realAccounts: 0 },
      products: { products: 0 },
      categories: { unmapped: 0 },
      selection: { selected: 0 },
    });

    // Roupas, Roupas > Camisetas, … and Joias, Joias > Pulseiras; ~10 % of products without a category.
    const catalog = generateCatalog(211);
    const ids = writeCatalog(db, catalog);
    const categoriesWithProducts = new Set(catalog.filter((p) => p.categoryPath).map((p) => p.categoryPath?.join('>')));
    const first = readChecklist(services, scope);
    expect(first.products.products).toBe(211);
    expect(first.categories.unmapped).toBe(categoriesWithProducts.size);
    expect(first.categories.productsUnmapped).toBe(211);
    expect(first.characteristics).toMatchObject({ categoriesBlocked: 0, checked: 0 });

    // "Roupas" matched to HOME (inherited by its subcategories); no characteristic mapped yet.
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
    const roupas = db.prepare("SELECT id FROM categories WHERE path = 'Roupas'").pluck().get() as number;
    setCategoryMapping(db, { categoryId: roupas, marketplaceId: BR, productType: 'HOME', variationTheme: null }, 0);
    const inRoupas = catalog.filter((p) => p.categoryPath?.[0] === 'Roupas');
    const roupasCategories = new Set(inRoupas.map((p) => p.categoryPath?.join('>')));
    const second = readChecklist(services, scope);
    expect(second.categories.unmapped).toBe(categoriesWithProducts.size - roupasCategories.size);
    expect(second.categories.mapped).toBe(roupasCategories.size);
    expect(second.categories.productsUnmapped).toBe(211 - inRoupas.length);
    expect(second.characteristics.categoriesBlocked).toBe(roupasCategories.size);
    expect(second.characteristics.productType).toBe('HOME');
    expect(second.characteristics.productsBlocked).toBeGreaterThan(0);

    selectProducts(db, scope, [ids.get(catalog[0]?.key ?? '') ?? 0, ids.get(catalog[1]?.key ?? '') ?? 0], 0);
    expect(readChecklist(services, scope).selection.selected).toBe(2);
    expect(readChecklist(services, { accountId: 'demo', marketplaceId: 'ATVPDKIKX0DER' }).selection.selected).toBe(0);
  }, 60_000);
});
