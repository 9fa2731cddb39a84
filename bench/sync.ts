/**
 * Send engine benchmark: `npm run -s bench:sync -- --skus 100000`.
 * Real SQLite catalog (title, 5 bullets, description, 3 images; a fifth of the products are
 * variation families), the offline simulator with Amazon's documented limits on one shared
 * VirtualClock, and the real sync engine. Prints one JSON object:
 * first publish (feeds, bytes, API calls, simulated vs floor seconds, wall), a no-change cycle,
 * and a 1 % stock change through the fast lane.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../main/amazon/clock';
import { createSpApiClient } from '../main/amazon/client';
import { DEMO, startSimulator } from '../main/amazon/simulator';
import { openDatabase, type Db } from '../main/db/connection';
import { saveAccount } from '../main/db/tables/accounts';
import { saveSchema } from '../main/db/tables/product-type-schemas';
import { selectAllProducts } from '../main/db/tables/listing-selections';
import { prepareProductUpsert } from '../main/db/tables/products';
import { prepareSkuUpsert } from '../main/db/tables/skus';
import { listFeedsOfRun } from '../main/db/tables/sync-feeds';
import { configureLogging } from '../main/log/logger';
import { runCycle } from '../main/sync/engine';
import { saveSyncSettings } from '../main/sync/settings';

const BR = 'A2Q3Y263D00KWC';

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

/**
 * The least time Amazon's limits allow for these documents, written from the reference alone
 * (not from main/sync): feeds are submitted no faster than createFeed's plan (burst 15, 0.0083/s)
 * and 5 JSON_LISTINGS_FEED per any 5 minutes, and processed one at a time, 30 s + 5 ms/message.
 */
export function floorSeconds(messageCounts: readonly number[]): number {
  const submissions: number[] = [];
  let tokens = 15;
  let lastRefill = 0;
  let busyUntil = 0;
  for (const m of messageCounts) {
    let t = submissions.length === 0 ? 0 : (submissions.at(-1) ?? 0);
    if (submissions.length >= 5) t = Math.max(t, (submissions[submissions.length - 5] ?? 0) + 300);
    const available = Math.min(15, tokens + (t - lastRefill) * 0.0083);
    if (available < 1) t += (1 - available) / 0.0083;
    tokens = Math.min(15, tokens + (t - lastRefill) * 0.0083) - 1;
    lastRefill = t;
    submissions.push(t);
    const start = Math.max(t, busyUntil);
    busyUntil = start + 30 + 0.005 * m;
  }
  return busyUntil;
}

const WORDS = 'vaso cerâmica artesanal esmaltado decoração sala mesa flores natural acabamento fosco presente casa elegante moderno rústico'.split(' ');
function text(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 7) % WORDS.length] ?? 'vaso');
  return out.join(' ');
}

function seedCatalog(db: Db, skus: number): void {
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  const colors = ['Azul', 'Verde'];
  const sizes = ['P', 'G'];
  db.transaction(() => {
    let n = 0;
    for (let p = 1; n < skus; p++) {
      const family = p % 5 === 0 && skus - n >= 4;
      const row = product({
        key: `PROD-${p}`,
        title: `Vaso de cerâmica ${text(p, 6)} ${p}`,
        description: text(p, 90),
        brand: 'Barro & Arte',
        manufacturer: 'Barro & Arte Ltda',
        bulletPoints: [1, 2, 3, 4, 5].map((b) => text(p + b, 20)),
        imageUrls: [1, 2, 3].map((i) => `https://cdn.loja.example/produtos/${p}/foto-${i}.jpg`),
        categoryId: null,
      });
      if (!row) throw new Error('product not written');
      const variants = family ? colors.flatMap((c) => sizes.map((s) => ({ Cor: c, Tamanho: s }))) : [null];
      for (const v of variants) {
        n += 1;
        sku({
          sku: `SKU-${n}`,
          productId: row.id,
          gtin: null,
          gtinExempt: true,
          gtinStatus: 'exempt',
          priceCents: 2990 + (n % 50) * 100,
          salePriceCents: null,
          stock: 5 + (n % 20),
          weightG: 800,
          lengthMm: 200,
          widthMm: 150,
          heightMm: 300,
          variation: v,
          active: true,
        });
      }
    }
  })();
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 100_000) / 10;
}

async function main(): Promise<void> {
  const skus = argNumber('--skus', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-sync-'));
  configureLogging({ dir, console: false });
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false });
  let requests = 0;
  let writes = 0;
  const countingFetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/auth/o2/token')) {
      requests += 1;
      if (init?.method === 'POST' || init?.method === 'PUT' || init?.method === 'PATCH' || init?.method === 'DELETE') writes += 1;
    }
    return fetch(input, init);
  };
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
    fetch: countingFetch,
  });

  const db = openDatabase(join(dir, 'bench.db'));
  saveAccount(db, {
    id: 'bench',
    label: 'Bench',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: DEMO.sellerId,
    lwaClientId: DEMO.clientId,
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../main/amazon/simulator/product-types/HOME.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  saveSchema(db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'bench',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema,
  });
  saveSyncSettings(db, 'bench', BR, {
    defaultProductType: 'HOME',
    defaultAttributes: {
      country_of_origin: 'BR',
      supplier_declared_dg_hz_regulation: 'not_applicable',
      item_type_keyword: 'vases',
      material: 'Ceramic',
      room_type: 'Living Room',
      color: 'Beige',
    },
    characteristicAttributes: { color: 'Cor', size: 'Tamanho' },
    variationTheme: 'SIZE/COLOR',
  });
  seedCatalog(db, skus);
  // The seller includes the whole catalog (Incluir produtos → select all).
  selectAllProducts(db, { accountId: 'bench', marketplaceId: BR }, 0);
  const cycle = (lane: 'full' | 'fast') => runCycle({ db, client, clock, accountId: 'bench', lane, trigger: 'cli' });

  let wall = performance.now();
  let cpu = process.cpuUsage();
  let t0 = clock.now();
  let calls0 = requests;
  const first = await cycle('full');
  const counts = listFeedsOfRun(db, first.runId).map((f) => f.messages);
  const firstResult = {
    feeds: counts.length,
    bytes: first.bytes,
    apiCalls: requests - calls0,
    simulatedSeconds: Math.round((clock.now() - t0) / 1000),
    floorSeconds: Math.round(floorSeconds(counts)),
    wallSeconds: Math.round((performance.now() - wall) / 100) / 10,
    // The machine is shared: CPU seconds show the cost when wall time is inflated by other load.
    cpuSeconds: cpuSecondsSince(cpu),
    accepted: first.accepted,
    failed: first.failed,
  };

  wall = performance.now();
  cpu = process.cpuUsage();
  const writes0 = writes;
  await cycle('full');
  const noChange = { writeCalls: writes - writes0, wallSeconds: Math.round((performance.now() - wall) / 100) / 10, cpuSeconds: cpuSecondsSince(cpu) };

  const update = db.prepare('UPDATE skus SET stock = stock + 1 WHERE id % 100 = 0');
  const changed = update.run().changes;
  t0 = clock.now();
  calls0 = requests;
  const fast = await cycle('fast');
  const stock1pct = {
    apiCalls: requests - calls0,
    simulatedSeconds: Math.round((clock.now() - t0) / 1000),
    changed,
    feeds: fast.feeds,
    accepted: fast.accepted,
  };

  process.stdout.write(`${JSON.stringify({ skus, first: firstResult, noChange, stock1pct })}\n`);
  db.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A cycle allocates many short-lived objects (built listings, report items); V8's default 16 MB
 * young generation promotes most of them and full GCs then cost ~25 % of the run. A larger
 * nursery is a start-up flag, so re-run this script once with it (the app would set it through
 * Electron's js-flags).
 */
const YOUNG_GENERATION = '--max-semi-space-size=64';
if (!process.execArgv.includes(YOUNG_GENERATION) && !(process.env.NODE_OPTIONS ?? '').includes('max-semi-space-size')) {
  const child = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
} else {
  await main();
}
