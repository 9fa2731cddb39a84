import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpApiClient } from '../../../main/amazon/client';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { selectAllProducts } from '../../../main/db/tables/listing-selections';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { runCycle } from '../../../main/sync/engine';
import { BR, configureSync } from '../../../bench/lib/world';

let sim: SimulatorHandle | undefined;
let db: Db | undefined;
let dir: string | undefined;

afterEach(async () => {
  db?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = db = dir = undefined;
});

/** Hostile but legal catalog text, sent to Amazon: it must arrive exactly as stored. */
const PRODUCTS = [
  { sku: '👕-P', title: 'Camiseta 👕 família 👨‍👩‍👧 tamanho P' },
  { sku: 'R/1 ?#%', title: 'מוצר חדש — \u202bعربي\u202c — não\u0303' },
  { sku: '=F2', title: '=HYPERLINK("http://x.invalid","Clique")' },
];

async function world(faults: {
  rateMalformed?: number;
  seed?: number;
}): Promise<{ local: Db; run: () => Promise<unknown>; client: ReturnType<typeof createSpApiClient> }> {
  const clock = new VirtualClock();
  const handle = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true, faults });
  sim = handle;
  dir = mkdtempSync(join(tmpdir(), 'vitrine-hostile-sync-'));
  const local = openDatabase(join(dir, 'vitrine.db'));
  db = local;
  saveAccount(local, {
    id: 'demo',
    label: 'Demo',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: handle.demo.sellerId,
    lwaClientId: handle.demo.clientId,
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  configureSync(local, 'demo');
  const product = prepareProductUpsert(local);
  const sku = prepareSkuUpsert(local);
  for (const p of PRODUCTS) {
    const row = product({
      key: p.sku,
      title: p.title,
      description: 'Descrição',
      brand: 'Marca',
      manufacturer: null,
      bulletPoints: ['Um'],
      imageUrls: ['https://img.example/1.jpg'],
      categoryId: null,
    });
    if (!row) throw new Error('product not written');
    sku({
      sku: p.sku,
      productId: row.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 4990,
      salePriceCents: null,
      stock: 3,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
  selectAllProducts(local, { accountId: 'demo', marketplaceId: BR }, 0);
  const client = createSpApiClient({ endpoint: { baseUrl: handle.url, lwaUrl: handle.lwaUrl }, credentials: handle.demo, clock });
  return { local, client, run: () => runCycle({ db: local, client, clock, accountId: 'demo', lane: 'full', trigger: 'cli' }) };
}

function titleOf(attributes: Record<string, unknown[]>): unknown {
  return (attributes.item_name?.[0] as { value?: unknown } | undefined)?.value;
}

describe('hostile strings through the sync engine and the SP-API client', () => {
  it('emoji and reserved URL characters in SKUs, RTL and formula-like titles reach Amazon unchanged and read back by SKU', async () => {
    const { run, client } = await world({});

    await run();

    const listings = new Map((sim?.control.listings() ?? []).map((l) => [l.sku, l]));
    for (const p of PRODUCTS) {
      expect([p.sku, titleOf(listings.get(p.sku)?.attributes ?? {})]).toEqual([p.sku, p.title]);
      const item = await client.getListingsItem({ sellerId: sim?.demo.sellerId ?? '', sku: p.sku, marketplaceIds: [BR] });
      expect(item.sku).toBe(p.sku);
    }
    expect(sim?.control.requestViolations()).toEqual([]);
  });

  it('broken response bodies delay the send but lose and duplicate nothing', async () => {
    const { local, run } = await world({ rateMalformed: 0.3, seed: 5 });

    for (let cycle = 0; cycle < 6; cycle += 1) {
      await run().catch(() => undefined);
      if (local.prepare("SELECT count(*) FROM sync_feeds WHERE step NOT IN ('reported', 'failed')").pluck().get() === 0) break;
    }

    const statuses = local.prepare('SELECT sku, status FROM sync_listings ORDER BY sku').all();
    expect(statuses).toEqual([...PRODUCTS].map((p) => ({ sku: p.sku, status: 'live' })).sort((a, b) => (a.sku < b.sku ? -1 : 1)));
    expect(sim?.control.faultsInjected().malformed).toBeGreaterThan(0);
    const feeds = sim?.control.feeds() ?? [];
    expect(feeds.filter((f) => f.sellerId === sim?.demo.sellerId)).toHaveLength(
      local.prepare('SELECT count(*) FROM sync_feeds WHERE feed_id IS NOT NULL').pluck().get() as number,
    );
  });
});
