import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { DEMO_PRODUCTS } from '../../../main/amazon/simulator/demo-catalog';
import { catalogMatchingFor } from '../../../main/catalog-match/service';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import type { CategoryRow, ProductTypeSuggestion } from '../../../preload/contract';
import { BR } from './mapping-helpers';

let services: Services;
let dir: string;
const scope = { accountId: 'demo', marketplaceId: BR };

const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await dispatch(createHandlers(services), services.translator, channel, input, true);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-categories-'));
  services = createServices({ dbFile: join(dir, 'c.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR', clock: new VirtualClock() });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const sheet = await call<{ fileToken: string }>('ean:sample-sheet', undefined);
  await call('catalog:import-commit', { fileToken: sheet.fileToken });
  await catalogMatchingFor(services).kick();
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

const categories = () => call<{ items: CategoryRow[]; unmapped: number }>('mapping:categories', { marketplaceId: BR });
const row = (items: readonly CategoryRow[], path: string) => {
  const found = items.find((c) => c.path === path);
  if (!found) throw new Error(`no category ${path}`);
  return found;
};

describe('relating categories in Portuguese, from what the products are on Amazon', () => {
  it('does not count empty parent categories as unmapped, and suggests what the products are on Amazon', async () => {
    const { items, unmapped } = await categories();
    const withProducts = new Set(DEMO_PRODUCTS.map((p) => p.category));
    const pulseiras = DEMO_PRODUCTS.filter((p) => p.category === 'Joias > Pulseiras');
    const asBracelet = pulseiras.filter((p) => p.skus.some((s) => s.amazon?.productType === 'BRACELET' && s.ean !== null)).length;

    expect(unmapped).toBe(withProducts.size);
    expect(row(items, 'Joias')).toMatchObject({
      products: 0,
      needsMapping: false,
      subtreeProducts: DEMO_PRODUCTS.filter((p) => p.category.startsWith('Joias >')).length,
    });
    expect(row(items, 'Joias > Pulseiras')).toMatchObject({
      needsMapping: true,
      products: pulseiras.length,
      suggestion: { productType: 'BRACELET', displayName: 'Pulseira', products: asBracelet, of: pulseiras.length },
    });
  });

  it("suggests the category products' Amazon product type first, in Portuguese, then Amazon's searches", async () => {
    const pulseiras = row((await categories()).items, 'Joias > Pulseiras');

    const suggestions = await call<ProductTypeSuggestion[]>('mapping:suggest', { ...scope, categoryId: pulseiras.id });

    expect(suggestions[0]).toMatchObject({
      productType: 'BRACELET',
      displayName: 'Pulseira',
      matchedBy: expect.arrayContaining(['catalog']),
      evidence: { of: pulseiras.products },
    });
    expect(suggestions.find((s) => s.productType === 'JEWELRY')).toMatchObject({ displayName: 'Joias e bijuterias' });
  });

  it('searches product types by their Portuguese names, with or without accents, and says when nothing matches', async () => {
    const search = async (keywords: string) =>
      (await call<{ productType: string; displayName: string }[]>('mapping:search-product-types', { ...scope, keywords })).map(
        (p) => `${p.productType}:${p.displayName}`,
      );

    expect(await search('pulseira')).toContain('BRACELET:Pulseira');
    expect(await search('Pulseiras')).toContain('BRACELET:Pulseira');
    expect(await search('decoração')).toContain('HOME:Casa');
    expect(await search('calcados')).toContain('SHOES:Calçados');
    expect(await search('xyzqw')).toEqual([]);
  });

  it('shows a mapped category by its Portuguese name, inherited by its subcategories', async () => {
    const joias = row((await categories()).items, 'Joias');
    await call('mapping:map-category', { ...scope, categoryId: joias.id, productType: 'JEWELRY', variationTheme: null });

    const { items } = await categories();

    expect(row(items, 'Joias')).toMatchObject({ productType: 'JEWELRY', productTypeName: 'Joias e bijuterias' });
    expect(row(items, 'Joias > Brincos')).toMatchObject({
      effectiveProductType: 'JEWELRY',
      effectiveProductTypeName: 'Joias e bijuterias',
      needsMapping: false,
    });
  });
});
