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
import { Translator } from '../main/i18n';
import { configureLogging } from '../main/log/logger';
import { exportOrders, type ExportFormat } from '../main/orders/export';
import { seedOrders } from './lib/orders';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const count = Number(arg('--orders') ?? 50_000);
  const format = (arg('--format') ?? 'xlsx') as ExportFormat;
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-orders-'));
  configureLogging({ dir, console: false });
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    seedOrders(db, count);
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
