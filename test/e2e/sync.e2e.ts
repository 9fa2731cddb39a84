import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import type { NotificationRequest } from '../../main/app/notifications';
import { setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { saveSchema } from '../../main/db/tables/product-type-schemas';
import { selectProducts } from '../../main/db/tables/listing-selections';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';
import { saveSyncSettings } from '../../main/sync/settings';
import type { SyncStatusRow, VitrineApi } from '../../preload/contract';
import { expect, test } from './fixtures';

const BR = 'A2Q3Y263D00KWC';

/**
 * The demo account on Amazon.com.br only, HOME defaults, two good vases and one without a brand.
 * Vitrine's cached HOME schema predates Amazon's `brand` requirement, so the local check lets the
 * brandless vase go and Amazon itself refuses it.
 */
async function seed(services: Services): Promise<void> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR]);
  const home = JSON.parse(readFileSync(join(import.meta.dirname, '../../main/amazon/simulator/product-types/HOME.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const schema = { ...home, required: (home['required'] as string[]).filter((a) => a !== 'brand') };
  const now = Date.now();
  saveSchema(services.db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'e2e',
    propertyGroups: {},
    fetchedAt: now,
    checkedAt: now,
    schema,
  });
  saveSyncSettings(services.db, 'demo', BR, {
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
    if (!p) throw new Error(`product ${code} not written`);
    selectProducts(services.db, { accountId: 'demo', marketplaceId: BR }, [p.id], 0);
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
}

// The embedded simulator runs on real time here: one feed takes Amazon's 30 s to process.
test.setTimeout(150_000);

test('Send now through the bridge: live status events, the invalid product explains itself, one failure notification in the singular', async ({
  page,
  services,
  openApp,
}) => {
  await seed(services);
  const notifications: NotificationRequest[] = [];
  // The harness builds services with a silent notifier; the sync service reads it when it notifies.
  Object.defineProperty(services, 'notifier', { value: { notify: (n: NotificationRequest) => void notifications.push(n) } });
  await openApp('');

  const result = await page.evaluate(async () => {
    const api = (globalThis as unknown as { vitrine: VitrineApi }).vitrine;
    const seen: Record<string, number>[] = [];
    const off = api.on('sync:status-changed', (p) => void seen.push(p.counts as Record<string, number>));
    const run = await api.syncRunNow();
    // Pushes are forwarded asynchronously: give the last one a moment to arrive.
    await new Promise((r) => setTimeout(r, 500));
    off();
    const errors = await api.syncStatus({ accountId: 'demo', statuses: ['error'], offset: 0, limit: 10 });
    const live = await api.syncStatus({ accountId: 'demo', statuses: ['live'], offset: 0, limit: 10 });
    return { run, seen, errors, live };
  });

  expect(result.run).toMatchObject({ ok: true, value: { sent: 3, accepted: 2, failed: 1 } });
  expect(result.seen.some((c) => (c.waiting ?? 0) > 0 || (c.sending ?? 0) > 0)).toBe(true);
  expect(result.seen.at(-1)).toMatchObject({ live: 2, error: 1 });
  const errors = result.errors as { ok: true; value: { items: SyncStatusRow[] } };
  const bad = errors.value.items[0];
  expect(bad).toMatchObject({ sku: 'VASO-SEM-MARCA', label: 'Erro' });
  expect(bad?.issues).toContainEqual(
    expect.objectContaining({ code: '90220', attributeName: 'brand', explanation: expect.stringContaining('Preencha o campo') as unknown }),
  );
  expect((result.live as { ok: true; value: { total: number } }).value.total).toBe(2);
  expect(notifications).toHaveLength(1);
  // One refusal reads in the singular (it once said "1 produtos").
  expect(notifications[0]).toMatchObject({ title: 'A Amazon recusou 1 produto', route: '/sync?status=error' });
  expect(notifications[0]?.body).toBe('Última sincronização — aceitos: 2, com erro: 1. Clique para ver o que corrigir.');
});
