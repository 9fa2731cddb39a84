import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleSheetPath } from '../../../main/catalog-match/sample-sheet';
import type { AccountClients } from '../../../main/accounts/clients';
import { saveAccount } from '../../../main/db/tables/accounts';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { getSkuByCode, prepareSkuUpsert } from '../../../main/db/tables/skus';
import type { CatalogSearchClient } from '../../../main/ean/asin-match';
import { eanHandlers } from '../../../main/ipc/handlers/ean';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import type { EanCheck, EanMatchSummary, EanReportView, TaskProgress } from '../../../preload/contract';

const MARKETPLACE = 'A2Q3Y263D00KWC';

function seedSkus(services: Services, gtins: readonly (string | null)[]): void {
  const product = prepareProductUpsert(services.db)({
    key: 'P1',
    title: 'Caneca',
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!product) throw new Error('product not written');
  const upsert = prepareSkuUpsert(services.db);
  gtins.forEach((gtin, i) =>
    upsert({
      sku: `SKU-${i}`,
      productId: product.id,
      gtin,
      gtinExempt: null,
      gtinStatus: gtin ? 'valid' : null,
      priceCents: null,
      salePriceCents: null,
      stock: null,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: null,
    }),
  );
}

function seedAccount(services: Services, enabled: boolean): void {
  saveAccount(services.db, {
    id: 'acc-1',
    label: 'Loja',
    kind: 'amazon',
    region: 'NA',
    sandbox: false,
    sellerId: 'A1SELLER',
    lwaClientId: 'amzn1.application-oa2-client.x',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: MARKETPLACE, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled }],
  });
}

/** The catalog client the account would get: answers every code with one ASIN derived from it. */
const fakeClient: CatalogSearchClient = {
  searchCatalogItems: async (params) => ({
    items: params.identifiers.map((id) => ({
      asin: `B0${id.slice(-8)}`,
      identifiers: [{ marketplaceId: MARKETPLACE, identifiers: [{ identifierType: params.identifiersType, identifier: id }] }],
    })),
  }),
};

describe('ean IPC handlers', () => {
  let services: Services;
  beforeEach(() => {
    const real = createServices({ dbFile: ':memory:', secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR' });
    services = { ...real, amazon: { forAccountRow: async () => fakeClient } as unknown as AccountClients };
  });
  afterEach(() => services.db.close());

  const call = (channel: string, input: unknown) => dispatch(eanHandlers(services), services.translator, channel, input, true);

  it('checks one code with localized problems', async () => {
    const result = await call('ean:check', { code: '4006381333932' });

    expect(result.ok).toBe(true);
    const check = (result as { value: EanCheck }).value;
    expect(check).toMatchObject({ valid: false, kind: 'GTIN-13', gtin14: null });
    expect(check.problems).toEqual([
      { code: 'CHECK_DIGIT', severity: 'error', label: 'dígito verificador', message: expect.stringContaining('O último dígito não confere') },
    ]);
  });

  it('answers the catalog report with counts worst first and a page of findings', async () => {
    seedSkus(services, ['4006381333931', '4006381333931', null, '4006381333932', null, null]);

    const result = await call('ean:report', { offset: 0, limit: 2, code: 'MISSING' });

    const view = (result as { value: EanReportView }).value;
    expect(view).toMatchObject({ total: 6, valid: 0, duplicateCodes: 1 });
    expect(view.counts.map((c) => [c.code, c.count])).toEqual([
      ['MISSING', 3],
      ['DUPLICATE', 2],
      ['CHECK_DIGIT', 1],
    ]);
    expect(view.page.total).toBe(3);
    expect(view.page.items.map((f) => f.sku)).toEqual(['SKU-2', 'SKU-4']);
  });

  it('names the other SKUs in a duplicate message', async () => {
    seedSkus(services, ['4006381333931', '4006381333931']);

    const result = await call('ean:report', { offset: 0, limit: 10, code: 'DUPLICATE' });

    const first = (result as { value: EanReportView }).value.page.items[0];
    expect(first?.problems[0]?.message).toContain('SKU-1');
  });

  it('refuses a malformed page request and returns nothing for an unknown problem code', async () => {
    seedSkus(services, [null]);

    const bad = await call('ean:report', { offset: -1, limit: 10 });
    const unknown = await call('ean:report', { offset: 0, limit: 10, code: 'NOT_A_CODE' });

    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((unknown as { value: EanReportView }).value.page).toEqual({ total: 0, items: [] });
  });

  it('matches ASINs for an enabled marketplace, stores them and reports progress', async () => {
    seedSkus(services, ['4006381333931', '5901234123457']);
    seedAccount(services, true);
    const events: TaskProgress[] = [];
    services.tasks.subscribe((event, payload) => {
      if (event === 'task:progress') events.push(payload as TaskProgress);
    });

    const result = await call('ean:match-asins', { accountId: 'acc-1', marketplaceId: MARKETPLACE });

    expect((result as { value: EanMatchSummary }).value).toMatchObject({ looked: 2, matched: 2, failed: 0 });
    expect(getSkuByCode(services.db, 'SKU-0')?.asin).toBe(`B0${'4006381333931'.slice(-8)}`);
    expect(events.at(-1)).toMatchObject({ kind: 'ean:match-asins', finished: true, done: 2 });
  });

  it('refuses a marketplace the account has not enabled, and an unknown account', async () => {
    seedAccount(services, false);

    const disabled = await call('ean:match-asins', { accountId: 'acc-1', marketplaceId: MARKETPLACE });
    const missing = await call('ean:match-asins', { accountId: 'nope', marketplaceId: MARKETPLACE });

    expect(disabled).toMatchObject({ ok: false, error: { code: 'EAN_MARKETPLACE_NOT_ENABLED' } });
    expect(disabled.ok === false && disabled.error.message).toContain(MARKETPLACE);
    expect(missing).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
  });

  it('answers what Amazon said about chosen SKUs, and the counts of a marketplace', async () => {
    seedSkus(services, ['4006381333931', '5901234123457']);
    seedAccount(services, true);
    await call('ean:match-asins', { accountId: 'acc-1', marketplaceId: MARKETPLACE });
    const id = getSkuByCode(services.db, 'SKU-0')?.id ?? 0;

    const matches = await call('ean:catalog-matches', { marketplaceId: MARKETPLACE, skuIds: [id] });
    const status = await call('ean:catalog-match-status', { marketplaceId: MARKETPLACE });

    expect(matches).toMatchObject({ ok: true, value: [{ skuId: id, outcome: 'matched', asin: `B0${'4006381333931'.slice(-8)}`, attached: true }] });
    expect(status).toMatchObject({ ok: true, value: { running: false, matched: 2, none: 0, ambiguous: 0 } });
  });

  it('hands out a copy of the sample spreadsheet in the data folder, as a file the import accepts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-sample-'));
    const withData = { ...services, dataDir };
    const result = await dispatch(eanHandlers(withData), services.translator, 'ean:sample-sheet', undefined, true);

    expect(result).toMatchObject({ ok: true, value: { name: 'planilha-exemplo-vitrine.xlsx' } });
    const token = (result as { value: { fileToken: string } }).value.fileToken;
    const path = services.fileGrants.resolve(token, 'read');
    expect(path).toBe(join(dataDir, 'exemplos', 'planilha-exemplo-vitrine.xlsx'));
    expect(readFileSync(path)).toEqual(readFileSync(sampleSheetPath() ?? ''));
    rmSync(dataDir, { recursive: true, force: true });
  });
});
