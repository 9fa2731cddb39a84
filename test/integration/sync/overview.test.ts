import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator } from '../../../main/amazon/simulator';
import type { NotificationRequest } from '../../../main/app/notifications';
import { setEnabledMarketplaces } from '../../../main/db/tables/accounts';
import { prepareCategoryPaths } from '../../../main/db/tables/categories';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { syncOverview, syncProducts } from '../../../main/sync/overview';
import { SyncService } from '../../../main/sync/service';
import { saveSyncSettings } from '../../../main/sync/settings';

const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;
/**
 * The cached copy Vitrine checks with before sending, from before Amazon made `brand` required:
 * the local check lets the brandless vase through and Amazon itself refuses it (90220 brand).
 */
const HOME_BEFORE_BRAND = { ...HOME, required: (HOME['required'] as string[]).filter((a) => a !== 'brand') };
const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';
const DEFAULTS = {
  country_of_origin: 'BR',
  supplier_declared_dg_hz_regulation: 'not_applicable',
  item_type_keyword: 'vases',
  material: 'Ceramic',
  room_type: 'Living Room',
  color: 'Beige',
};

/**
 * The demo account on Amazon.com.br and Amazon.com. On BR: two good vases, one without a
 * brand (Amazon answers 90220 "brand"), all selected, plus a product without a category
 * when no fallback product type is set. On US only the first vase is selected.
 */
async function setup(): Promise<{ services: Services; clock: VirtualClock; notifications: NotificationRequest[] }> {
  const clock = new VirtualClock();
  const notifications: NotificationRequest[] = [];
  const services = createServices({
    dbFile: join(mkdtempSync(join(tmpdir(), 'vitrine-sync-overview-')), 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    notifier: { notify: (n) => void notifications.push(n) },
    startSimulator: (stateFile) => startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false }),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR, US]);
  const db = services.db;
  for (const [marketplaceId, locale] of [
    [BR, 'pt_BR'],
    [US, 'en_US'],
  ] as const) {
    const now = clock.now();
    saveSchema(db, {
      marketplaceId,
      productType: 'HOME',
      locale,
      displayName: 'Casa',
      version: '1',
      checksum: 'x',
      propertyGroups: {},
      fetchedAt: now,
      checkedAt: now,
      schema: HOME_BEFORE_BRAND,
    });
    saveSyncSettings(db, 'demo', marketplaceId, { defaultProductType: 'HOME', defaultAttributes: DEFAULTS });
  }
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  const vases = prepareCategoryPaths(db)(['Decoração', 'Vasos']);
  const ids: number[] = [];
  for (const [code, brand] of [
    ['VASO-1', 'Barro & Arte'],
    ['VASO-2', 'Barro & Arte'],
    ['VASO-SEM-MARCA', null],
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
    ids.push(p.id);
    sku({
      sku: code,
      productId: p.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 4990,
      salePriceCents: null,
      stock: 5,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
  selectProducts(db, { accountId: 'demo', marketplaceId: BR }, ids, 0);
  selectProducts(db, { accountId: 'demo', marketplaceId: US }, ids.slice(0, 1), 0);
  return { services, clock, notifications };
}

describe('Sincronização overview (one marketplace, causes, product names)', () => {
  let services: Services | undefined;
  afterEach(async () => services?.close());

  it('counts only the chosen marketplace, groups the refusal by cause with its fix, names the products, and the notification says "1 produto"', async () => {
    const ctx = await setup();
    services = ctx.services;
    const sync = new SyncService(ctx.services, ctx.clock);

    const totals = await sync.runNow();
    expect(totals.failed).toBe(1);

    // Bug: "A Amazon recusou 1 produtos".
    expect(ctx.notifications.map((n) => n.title)).toEqual(['A Amazon recusou 1 produto']);
    expect(ctx.notifications[0]?.body).toBe('Última sincronização — aceitos: 3, com erro: 1. Clique para ver o que corrigir.');

    const br = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: BR });
    const us = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: US });
    expect(br.counts.live).toBe(2);
    expect(br.counts.error).toBe(1);
    expect(us.counts.live).toBe(1);
    expect(us.counts.error).toBeUndefined();

    const brand = br.groups.find((g) => g.cause.kind === 'issue' && g.cause.attribute === 'brand');
    expect(brand).toMatchObject({
      skus: 1,
      label: 'Falta preencher: Marca',
      needsAction: true,
      fix: { screen: 'products', param: null },
      cause: { kind: 'issue', code: '90220', attribute: 'brand' },
    });
    expect(brand?.amazonMessage).toBeTruthy();
    expect(us.groups.filter((g) => g.needsAction)).toEqual([]);

    const refused = syncProducts(ctx.services, { accountId: 'demo', marketplaceId: BR, cause: brand?.cause ?? { kind: 'unknown' }, offset: 0, limit: 10 });
    expect(refused.total).toBe(1);
    expect(refused.items[0]).toMatchObject({ sku: 'VASO-SEM-MARCA', title: 'Vaso VASO-SEM-MARCA', status: 'error', label: 'Erro' });
    expect(refused.items[0]?.productId).toBeGreaterThan(0);

    const searched = syncProducts(ctx.services, { accountId: 'demo', marketplaceId: BR, search: 'vaso-2', offset: 0, limit: 10 });
    expect(searched.items.map((r) => r.sku)).toEqual(['VASO-2']);
    const usRows = syncProducts(ctx.services, { accountId: 'demo', marketplaceId: US, offset: 0, limit: 10 }).items;
    expect(usRows.filter((r) => r.status === 'live').map((r) => r.sku)).toEqual(['VASO-1']);
    expect(usRows.every((r) => r.marketplaceId === US)).toBe(true);
  }, 60_000);

  it('a product without a mapped category is a cause that leads to Categorias, and products left out by choice do not need action', async () => {
    const ctx = await setup();
    services = ctx.services;
    saveSyncSettings(ctx.services.db, 'demo', BR, { defaultAttributes: DEFAULTS });
    await new SyncService(ctx.services, ctx.clock).runNow();

    const br = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: BR });
    const unmapped = br.groups.find((g) => g.cause.kind === 'reason' && g.cause.reason === 'category_unmapped');
    expect(unmapped).toMatchObject({
      skus: 3,
      label: 'Categoria sem relacionamento com a Amazon',
      needsAction: true,
      fix: { screen: 'categories', param: null },
    });
    expect(unmapped?.hint).toContain('Categorias');
    const us = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: US });
    for (const g of us.groups) if (g.cause.kind === 'reason' && g.cause.reason === 'not_selected') expect(g.needsAction).toBe(false);
  }, 60_000);

  it("a product the local check stops before sending (brand missing) is one cause in the seller's words, leading to Produtos", async () => {
    const ctx = await setup();
    services = ctx.services;
    const now = ctx.clock.now();
    saveSchema(ctx.services.db, {
      marketplaceId: BR,
      productType: 'HOME',
      locale: 'pt_BR',
      displayName: 'Casa',
      version: '1',
      checksum: 'x',
      propertyGroups: {},
      fetchedAt: now,
      checkedAt: now,
      schema: HOME,
    });
    await new SyncService(ctx.services, ctx.clock).runNow();

    const brand = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: BR }).groups.find(
      (g) => g.cause.kind === 'issue' && g.cause.attribute === 'brand',
    );
    expect(brand).toMatchObject({ skus: 1, needsAction: true, fix: { screen: 'products', param: null } });
    expect(brand?.label).toMatch(/Marca/);
    expect(brand?.label).not.toMatch(/brand|VITRINE/);
  }, 60_000);

  it('products held back by their EAN are shown under that cause (sem EAN / EAN inválido) with what to do, not as "Não incluído"', async () => {
    const ctx = await setup();
    services = ctx.services;
    const db = ctx.services.db;
    const product = prepareProductUpsert(db);
    const sku = prepareSkuUpsert(db);
    // 7891000000015: wrong check digit; 2001234567893: an in-store code; none of them can be included.
    for (const [code, gtin, gtinStatus] of [
      ['SEM-EAN', null, 'missing'],
      ['DV-ERRADO', '7891000000015', 'invalid'],
      ['LOJA', '2001234567893', 'invalid'],
    ] as const) {
      const p = product({
        key: code,
        title: `Caneca ${code}`,
        description: null,
        brand: 'Barro & Arte',
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: null,
      });
      if (!p) throw new Error('not written');
      sku({
        sku: code,
        productId: p.id,
        gtin,
        gtinExempt: false,
        gtinStatus,
        priceCents: 1990,
        salePriceCents: null,
        stock: 5,
        weightG: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        variation: null,
        active: true,
      });
    }
    await new SyncService(ctx.services, ctx.clock).runNow();

    const br = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: BR });
    const reason = (r: string) => br.groups.find((g) => g.cause.kind === 'reason' && g.cause.reason === r);
    expect(reason('ean_missing')).toMatchObject({
      skus: 1,
      label: 'Sem EAN: não pode ir para a Amazon',
      needsAction: true,
      fix: { screen: 'products', param: null },
    });
    expect(reason('ean_missing')?.hint).toContain('Preencha o EAN');
    expect(reason('ean_invalid')).toMatchObject({ skus: 2, needsAction: true, fix: { screen: 'products', param: null } });
    expect(reason('ean_invalid')?.hint).toContain('dígito verificador');
    expect(reason('not_selected')).toBeUndefined();

    const invalid = syncProducts(ctx.services, {
      accountId: 'demo',
      marketplaceId: BR,
      cause: reason('ean_invalid')?.cause ?? { kind: 'unknown' },
      offset: 0,
      limit: 10,
    });
    expect(invalid.items.map((r) => r.sku).sort()).toEqual(['DV-ERRADO', 'LOJA']);
    expect(invalid.items[0]?.reason).toContain('seria recusado pela Amazon');
    // Left out by choice on Amazon.com, with a good (exempt) code: still "not included", folded.
    const us = syncOverview(ctx.services, { accountId: 'demo', marketplaceId: US });
    const usNotSelected = us.groups.find((g) => g.cause.kind === 'reason' && g.cause.reason === 'not_selected');
    expect(usNotSelected).toMatchObject({ skus: 2, needsAction: false });
  }, 60_000);
});
