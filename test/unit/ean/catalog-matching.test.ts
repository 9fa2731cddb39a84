import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountClients } from '../../../main/accounts/clients';
import { CatalogMatching, matchTargets } from '../../../main/catalog-match/service';
import { saveAccount } from '../../../main/db/tables/accounts';
import { catalogMatchCounts } from '../../../main/db/tables/catalog-matches';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import type { CatalogSearchClient, CatalogSearchParams } from '../../../main/ean/asin-match';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';

const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';

function addSku(services: Services, sku: string, gtin: string): void {
  const product = prepareProductUpsert(services.db)({
    key: sku,
    title: 'Caneca',
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!product) throw new Error('product not written');
  prepareSkuUpsert(services.db)({
    sku,
    productId: product.id,
    gtin,
    gtinExempt: null,
    gtinStatus: 'valid',
    priceCents: null,
    salePriceCents: null,
    stock: null,
    weightG: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    variation: null,
    active: null,
  });
}

function addAccount(services: Services, id: string, marketplaces: readonly [string, boolean][]): void {
  saveAccount(services.db, {
    id,
    label: id,
    kind: 'amazon',
    region: 'NA',
    sandbox: false,
    sellerId: `S-${id}`,
    lwaClientId: 'amzn1.application-oa2-client.x',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: marketplaces.map(([marketplaceId, enabled]) => ({
      marketplaceId,
      countryCode: marketplaceId === BR ? 'BR' : 'US',
      name: marketplaceId,
      currency: 'BRL',
      language: marketplaceId === BR ? 'pt_BR' : 'en_US',
      participating: true,
      enabled,
    })),
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('background catalog matching', () => {
  let services: Services;
  let calls: CatalogSearchParams[];
  let matching: CatalogMatching | undefined;
  beforeEach(() => {
    calls = [];
    const client: CatalogSearchClient = {
      async searchCatalogItems(params) {
        calls.push(params);
        await new Promise((r) => setTimeout(r, 40));
        return {
          items: params.identifiers.map((id) => ({
            asin: `B0${id.slice(-8)}`,
            identifiers: [{ marketplaceId: params.marketplaceId, identifiers: [{ identifierType: 'EAN', identifier: id }] }],
          })),
        };
      },
    };
    const real = createServices({ dbFile: ':memory:', secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR' });
    services = { ...real, amazon: { forAccount: async () => client } as unknown as AccountClients };
  });
  afterEach(async () => {
    await matching?.stop();
    matching = undefined;
    services.db.close();
  });

  it('matches in every enabled marketplace once, through the first account selling there', () => {
    addAccount(services, 'a', [
      [BR, true],
      [US, false],
    ]);
    addAccount(services, 'b', [
      [BR, true],
      [US, true],
    ]);

    expect(matchTargets(services.db)).toEqual([
      { accountId: 'a', marketplaceId: BR, locale: 'pt_BR' },
      { accountId: 'b', marketplaceId: US, locale: 'en_US' },
    ]);
  });

  it('notices new codes by itself and looks them up, without asking again about the old ones', async () => {
    addAccount(services, 'a', [[BR, true]]);
    addSku(services, 'A', '4006381333931');
    matching = new CatalogMatching(services, { pollMs: 10 });

    matching.start();
    await until(() => catalogMatchCounts(services.db, BR).matched === 1);
    addSku(services, 'B', '5901234123457');
    await until(() => catalogMatchCounts(services.db, BR).matched === 2);

    expect(calls.map((c) => c.identifiers)).toEqual([['4006381333931'], ['5901234123457']]);
    expect(calls[0]?.locale).toBe('pt_BR');
  });

  it('never runs two passes at once: a kick during a pass queues one more after it', async () => {
    addAccount(services, 'a', [[BR, true]]);
    addSku(services, 'A', '4006381333931');
    matching = new CatalogMatching(services);

    const first = matching.kick();
    await until(() => calls.length === 1);
    expect(matching.status).toMatchObject({ running: true, marketplaceId: BR });
    addSku(services, 'B', '5901234123457');
    const second = matching.kick();
    const third = matching.kick();
    await Promise.all([first, second, third]);

    expect(second).toBe(third);
    expect(calls.map((c) => c.identifiers)).toEqual([['4006381333931'], ['5901234123457']]);
    expect(matching.status.running).toBe(false);
  });
});
