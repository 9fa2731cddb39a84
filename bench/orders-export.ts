/**
 * Orders export benchmark: `npm run -s bench:orders-export -- --orders 50000 [--format xlsx|csv]`.
 * Seeds N orders × ~2 items into a temporary database (not timed), then times the export alone
 * and samples the process RSS while it runs. Goal: 50k orders in ≤ 10 s and ≤ 400 MB.
 * Prints one JSON object.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/connection';
import { saveAccount } from '../main/db/tables/accounts';
import { prepareOrderUpsert } from '../main/db/tables/orders';
import { Translator } from '../main/i18n';
import { configureLogging } from '../main/log/logger';
import { exportOrders, type ExportFormat } from '../main/orders/export';
import { ORDER_STATUSES } from '../main/orders/status';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const NAMES = ['Ana Silva', 'João Santos', '=HYPERLINK("http://x.invalid","x")', 'Maria Oliveira', '+55 Pedro'];

function seed(db: ReturnType<typeof openDatabase>, count: number): void {
  saveAccount(db, {
    id: 'bench',
    label: 'Bench',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: 'BENCH',
    lwaClientId: 'bench',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [],
  });
  const upsert = prepareOrderUpsert(db);
  const start = Date.parse('2026-01-01T00:00:00Z');
  db.transaction(() => {
    for (let n = 0; n < count; n += 1) {
      const time = new Date(start + n * 600_000).toISOString();
      const lines = 1 + (n % 3 === 0 ? 0 : 1) + (n % 5 === 0 ? 1 : 0);
      upsert({
        accountId: 'bench',
        amazonOrderId: `702-${String(1_000_000 + n).padStart(7, '0')}-${String(n * 7919 % 10_000_000).padStart(7, '0')}`,
        marketplaceId: 'A2Q3Y263D00KWC',
        status: ORDER_STATUSES[n % ORDER_STATUSES.length] ?? 'Shipped',
        fulfilledBy: 'MERCHANT',
        createdTime: time,
        lastUpdatedTime: time,
        buyerName: NAMES[n % NAMES.length] ?? null,
        buyerEmail: `${n}@marketplace.amazon.com.br`,
        buyer: { buyerName: NAMES[n % NAMES.length] },
        recipient: { deliveryAddress: { city: 'São Paulo', stateOrRegion: 'SP', countryCode: 'BR' } },
        packages: null,
        shipCity: 'São Paulo',
        shipState: 'SP',
        shipCountry: 'BR',
        currency: 'BRL',
        totalCents: 8990 * lines,
        items: Array.from({ length: lines }, (_, i) => ({
          orderItemId: `${n}${i}`,
          sellerSku: `SKU-${(n + i) % 500}`,
          asin: 'B0SEED0001',
          title: 'Pulseira de prata 925 com zircônias',
          quantity: 1 + (i % 2),
          unitPriceCents: 8990,
          currency: 'BRL',
        })),
      });
    }
  })();
}

async function main(): Promise<void> {
  const count = Number(arg('--orders') ?? 50_000);
  const format = (arg('--format') ?? 'xlsx') as ExportFormat;
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-orders-'));
  configureLogging({ dir, console: false });
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    seed(db, count);
    const file = join(dir, `orders.${format}`);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await exportOrders(db, {
      file,
      format,
      filter: {},
      t: new Translator('pt-BR').t,
      locale: 'pt-BR',
      onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    });
    const seconds = (performance.now() - started) / 1000;
    // CPU time next to wall time: on a shared machine the wall clock also measures the neighbours.
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    process.stdout.write(
      `${JSON.stringify({ orders: result.orders, items: result.items, format, seconds: Math.round(seconds * 100) / 100, cpuSeconds: Math.round(cpuSeconds * 100) / 100, peakRssMB: Math.round(peak / 1048576), fileMB: Math.round(statSync(file).size / 104857.6) / 10 })}\n`,
    );
  } finally {
    db.close();
    if (!process.env.KEEP_BENCH_DB) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
