import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator } from '../../../main/amazon/simulator';
import type { NotificationRequest } from '../../../main/app/notifications';
import { getAccount } from '../../../main/db/tables/accounts';
import { findCachedSchema, saveSchema } from '../../../main/db/tables/product-type-schemas';
import { prepareCategoryPaths } from '../../../main/db/tables/categories';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { selectAllProducts } from '../../../main/db/tables/listing-selections';
import { getProductIdByKey, prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { SyncService } from '../../../main/sync/service';
import { saveSyncSettings } from '../../../main/sync/settings';

const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;
/**
 * The cached copy Vitrine checks with before sending, from before Amazon made `brand` required
 * (checked today, so it is not re-downloaded): the brandless vase passes the local check and
 * Amazon itself refuses it.
 */
const HOME_BEFORE_BRAND = { ...HOME, required: (HOME['required'] as string[]).filter((a) => a !== 'brand') };

async function setup() {
  const clock = new VirtualClock();
  const notifications: NotificationRequest[] = [];
  const services = createServices({
    dbFile: join(mkdtempSync(join(tmpdir(), 'vitrine-sync-svc-')), 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    notifier: { notify: (n) => void notifications.push(n) },
    startSimulator: (stateFile) => startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false }),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const account = getAccount(services.db, 'demo');
  for (const m of account?.marketplaces ?? []) {
    const now = clock.now();
    saveSchema(services.db, {
      marketplaceId: m.marketplaceId,
      productType: 'HOME',
      locale: m.language.replace('-', '_'),
      displayName: 'Home',
      version: '1',
      checksum: 'x',
      propertyGroups: {},
      fetchedAt: now,
      checkedAt: now,
      schema: HOME_BEFORE_BRAND,
    });
    saveSyncSettings(services.db, 'demo', m.marketplaceId, {
      defaultProductType: 'HOME',
      defaultAttributes: {
        country_of_origin: 'BR',
        supplier_declared_dg_hz_regulation: 'not_applicable',
        item_type_keyword: 'vases',
        material: 'Ceramic',
        room_type: 'Living Room',
        color: 'Beige',
      },
    });
  }
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
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
      categoryId: null,
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
      stock: 5,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
  for (const m of account?.marketplaces ?? []) selectAllProducts(services.db, { accountId: 'demo', marketplaceId: m.marketplaceId }, 0);
  return { services, clock, notifications, marketplaces: account?.marketplaces.filter((m) => m.enabled).length ?? 0 };
}

describe('SyncService (app side of the send engine)', () => {
  let services: Services | undefined;
  afterEach(async () => services?.close());

  it('Send now: statuses change live, an invalid product explains itself, failures raise one notification and the tray warning', async () => {
    const ctx = await setup();
    services = ctx.services;
    const sync = new SyncService(ctx.services, ctx.clock);
    const tray = { runs: [] as unknown[], warning: false, available: false };
    sync.attachTray({ setRuns: (r) => void tray.runs.push(r), setWarning: (w) => void (tray.warning = w), setSendAvailable: (a) => void (tray.available = a) });
    const events: { counts: Record<string, number> }[] = [];
    ctx.services.tasks.subscribe((event, payload) => {
      if (event === 'sync:status-changed') events.push(payload as never);
    });

    const totals = await sync.runNow();

    expect(totals).toMatchObject({ accepted: 2 * ctx.marketplaces, failed: ctx.marketplaces });
    expect(events.some((e) => (e.counts.sending ?? 0) > 0 || (e.counts.waiting ?? 0) > 0)).toBe(true);
    expect(events.at(-1)?.counts.live).toBe(2 * ctx.marketplaces);
    const page = sync.status({ accountId: 'demo', statuses: ['error'], offset: 0, limit: 50 });
    const bad = page.items[0];
    expect(bad?.sku).toBe('VASO-SEM-MARCA');
    expect(bad?.label).toBe('Erro');
    expect(bad?.issues).toContainEqual(
      expect.objectContaining({ code: '90220', attributeName: 'brand', explanation: expect.stringContaining('A Amazon precisa de um valor') as unknown }),
    );
    const byProduct = sync.status({ accountId: 'demo', productId: getProductIdByKey(ctx.services.db, 'VASO-SEM-MARCA') ?? 0, offset: 0, limit: 50 });
    expect(byProduct.total).toBe(ctx.marketplaces);
    expect(byProduct.items.every((r) => r.sku === 'VASO-SEM-MARCA' && r.catalogSku === 'VASO-SEM-MARCA' && r.label === 'Erro')).toBe(true);
    expect(byProduct.items[0]?.issues[0]?.explanation).toContain('A Amazon precisa de um valor');
    expect(page.items[0]?.catalogSku).toBeUndefined();
    expect(ctx.notifications).toEqual([
      { title: `A Amazon recusou ${ctx.marketplaces} produtos`, body: expect.stringContaining('com erro') as unknown, route: '/sync?status=error' },
    ]);
    expect(tray).toMatchObject({ warning: true, available: true });
    const activity = sync.activity('demo', 0, 10);
    expect(activity.items[0]).toMatchObject({ lane: 'full', trigger: 'manual', state: 'done', sent: 3 * ctx.marketplaces });
    expect(activity.items[0]?.feeds.every((f) => f.step === 'reported')).toBe(true);
    const firstFeed = activity.items[0]?.feeds[0];
    const sentDoc = JSON.parse(sync.feedDocument(firstFeed?.id ?? 0)) as { messages: { sku: string }[] };
    expect(sentDoc.messages).toHaveLength(firstFeed?.messages ?? -1);
  }, 60_000);

  it('downloads the schema of a newly mapped product type before a full cycle, so the mapped product is sent', async () => {
    const ctx = await setup();
    services = ctx.services;
    const db = ctx.services.db;
    const BR = 'A2Q3Y263D00KWC';
    const office = prepareCategoryPaths(db)(['Escritório']);
    setCategoryMapping(db, { categoryId: office, marketplaceId: BR, productType: 'OFFICE_PRODUCTS', variationTheme: null }, 0);
    const p = prepareProductUpsert(db)({
      key: 'CANETA',
      title: 'Caneta azul',
      description: 'Caneta esferográfica',
      brand: 'Escreve',
      manufacturer: null,
      bulletPoints: ['Tinta azul'],
      imageUrls: ['https://img.example/c.jpg'],
      categoryId: office,
    });
    if (!p) throw new Error('not written');
    prepareSkuUpsert(db)({
      sku: 'CANETA-1',
      productId: p.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 390,
      salePriceCents: null,
      stock: 50,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
    selectAllProducts(db, { accountId: 'demo', marketplaceId: BR }, 0);
    expect(findCachedSchema(db, BR, 'OFFICE_PRODUCTS', 'pt_BR')).toBeUndefined();

    const sync = new SyncService(ctx.services, ctx.clock);
    await sync.runNow();

    expect(findCachedSchema(db, BR, 'OFFICE_PRODUCTS', 'pt_BR')?.version).toBeTruthy();
    const row = sync.status({ accountId: 'demo', marketplaceId: BR, offset: 0, limit: 50 }).items.find((r) => r.sku === 'CANETA-1');
    expect(row?.status === 'live' || row?.status === 'error').toBe(true);
    expect(row?.reason ?? '').not.toContain('regras da Amazon');
  }, 60_000);

  it('fetches the fallback product type\'s rules as soon as it is chosen, so "Incluir produtos" can check against them', async () => {
    const ctx = await setup();
    services = ctx.services;
    const BR = 'A2Q3Y263D00KWC';
    expect(findCachedSchema(ctx.services.db, BR, 'OFFICE_PRODUCTS', 'pt_BR')).toBeUndefined();

    const saved = await new SyncService(ctx.services, ctx.clock).saveSettings('demo', BR, { defaultProductType: 'OFFICE_PRODUCTS' });

    expect(saved.defaultProductType).toBe('OFFICE_PRODUCTS');
    expect(findCachedSchema(ctx.services.db, BR, 'OFFICE_PRODUCTS', 'pt_BR')?.version).toBeTruthy();
  }, 60_000);
});
