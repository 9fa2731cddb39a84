import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { withCheckDigit } from '../../../main/amazon/simulator/seed';
import { getAccount } from '../../../main/db/tables/accounts';
import { selectAllProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { getProductIdByKey, prepareProductUpsert } from '../../../main/db/tables/products';
import { saveMatchedAsins } from '../../../main/db/tables/sku-gtins';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { syncOverview } from '../../../main/sync/overview';
import { SyncService } from '../../../main/sync/service';
import { saveSyncSettings } from '../../../main/sync/settings';
import { channels } from '../../../preload/contract';

const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;

/**
 * "Sincronizar agora" in the app (SyncService.runAll): the restriction check runs before the full
 * cycle plans, and its answers reach the screens through the IPC contract.
 */
async function setup() {
  const clock = new VirtualClock();
  let simulator: SimulatorHandle | undefined;
  const services = createServices({
    dbFile: join(mkdtempSync(join(tmpdir(), 'vitrine-restrictions-')), 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    startSimulator: async (stateFile) =>
      (simulator = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true })),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const account = getAccount(services.db, 'demo');
  const enabled = account?.marketplaces.filter((m) => m.enabled) ?? [];
  for (const m of enabled) {
    saveSchema(services.db, {
      marketplaceId: m.marketplaceId,
      productType: 'HOME',
      locale: m.language.replace('-', '_'),
      displayName: 'Home',
      version: '1',
      checksum: 'x',
      propertyGroups: {},
      fetchedAt: clock.now(),
      checkedAt: clock.now(),
      schema: HOME,
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
  // Two products of the simulator's seeded catalog (on Amazon.com.br and Amazon.com): the Som Puro
  // headphones need a brand approval, the thermos does not.
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  for (const [code, digits, asin, title, brand] of [
    ['FONE-BT', '789100000009', 'B0SEED0009', 'Fone de ouvido bluetooth', 'Som Puro'],
    ['GARRAFA', '789100000008', 'B0SEED0008', 'Garrafa térmica inox 500 ml', 'Casa Prática'],
  ] as const) {
    const p = product({
      key: code,
      title,
      description: title,
      brand,
      manufacturer: null,
      bulletPoints: ['Garantia de 1 ano'],
      imageUrls: ['https://img.example/p.jpg'],
      categoryId: null,
    });
    if (!p) throw new Error('not written');
    sku({
      sku: code,
      productId: p.id,
      gtin: withCheckDigit(digits),
      gtinExempt: null,
      gtinStatus: 'valid',
      priceCents: 9990,
      salePriceCents: null,
      stock: 5,
      weightG: 300,
      lengthMm: 200,
      widthMm: 100,
      heightMm: 100,
      variation: null,
      active: true,
    });
    saveMatchedAsins(services.db, [{ sku: code, asin }]);
  }
  for (const m of enabled) selectAllProducts(services.db, { accountId: 'demo', marketplaceId: m.marketplaceId }, 0);
  if (!simulator) throw new Error('the embedded simulator did not start');
  return { services, clock, simulator, marketplaceIds: enabled.map((m) => m.marketplaceId) };
}

describe('Sincronizar agora with a product Amazon restricts', () => {
  let services: Services | undefined;
  afterEach(async () => services?.close());

  it("holds it back with Amazon's reason and approval link, sends the other, and says so on Sincronização", async () => {
    const ctx = await setup();
    services = ctx.services;
    const sync = new SyncService(ctx.services, ctx.clock);

    const totals = await sync.runNow();

    const n = ctx.marketplaceIds.length;
    expect(n).toBeGreaterThan(0);
    expect(totals.accepted).toBe(n);
    const status = sync.status({ accountId: 'demo', offset: 0, limit: 50 });
    for (const row of status.items.filter((r) => r.sku === 'FONE-BT')) {
      expect(row).toMatchObject({ status: 'skipped', label: 'Não enviado', reason: ctx.services.translator.t('sync.reasons.restricted') });
    }
    expect(status.items.filter((r) => r.sku === 'GARRAFA').map((r) => r.status)).toEqual(ctx.marketplaceIds.map(() => 'live'));

    const marketplaceId = ctx.marketplaceIds[0] as string;
    const overview = syncOverview(ctx.services, { accountId: 'demo', marketplaceId });
    expect(overview.groups[0]).toMatchObject({
      cause: { kind: 'reason', status: 'skipped', reason: 'restricted' },
      skus: 1,
      label: 'A Amazon exige aprovação ou não permite o produto',
      needsAction: true,
    });

    const handlers = createHandlers(ctx.services);
    const call = async (channel: 'sync:restrictions' | 'sync:recheck-restrictions', input: unknown) => {
      const result = await dispatch(handlers, ctx.services.translator, channel, input, true);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const parsed = channels['sync:restrictions'].output.parse(
      await call('sync:restrictions', { accountId: 'demo', marketplaceId, states: ['restricted'], offset: 0, limit: 5 }),
    );
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]).toMatchObject({ sku: 'FONE-BT', asin: 'B0SEED0009', label: 'A Amazon exige aprovação para esta marca/categoria' });
    expect(parsed.items[0]?.reasons[0]?.links[0]?.url).toMatch(
      /^https:\/\/sellercentral\.amazon\.com(\.br)?\/hz\/approvalrequest\/restrictions\/approve\?asin=B0SEED0009/,
    );

    // The seller was approved; "Verificar de novo" from the product's card, then the next cycle sends it.
    ctx.simulator.control.approveRestriction(ctx.simulator.demo.sellerId, 'B0SEED0009');
    for (const id of ctx.marketplaceIds) {
      const again = channels['sync:recheck-restrictions'].output.parse(
        await call('sync:recheck-restrictions', { accountId: 'demo', marketplaceId: id, skus: ['FONE-BT'] }),
      );
      expect(again).toEqual({ asked: 1, allowed: 1, restricted: 0, error: null });
    }
    const product = channels['sync:restrictions'].output.parse(
      await call('sync:restrictions', { accountId: 'demo', productId: getProductIdByKey(ctx.services.db, 'FONE-BT') }),
    );
    expect(product.items.map((i) => i.state)).toEqual(ctx.marketplaceIds.map(() => 'allowed'));
    await sync.runNow();
    expect(ctx.simulator.control.responseViolations()).toEqual([]);
    expect(
      sync
        .status({ accountId: 'demo', offset: 0, limit: 50 })
        .items.filter((r) => r.sku === 'FONE-BT')
        .map((r) => r.status),
    ).toEqual(ctx.marketplaceIds.map(() => 'live'));
  }, 120_000);
});
