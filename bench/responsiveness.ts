/**
 * `npm run -s bench:responsiveness [-- --skus 100000 --orders 50000]`: does the window stay
 * responsive while Vitrine works? This process plays Electron's main process (the UI side): it
 * hosts the real core in a process of its own (the app's bundle, forked as under the E2E harness)
 * and, for each phase of heavy work, measures
 *  - its own event loop's longest stall (what would freeze the window), and
 *  - the round trip of a light query (the send counters, `sync:overview`) sent every 50 ms.
 * The simulator runs in a third process, on a clock sped up in step with the core's, so Amazon's
 * processing minutes pass in seconds. Phases: 100k-row xlsx import, include-all over 100k
 * products, first publish of 100k SKUs, a no-change cycle, a 1 % stock change (fast lane), and a
 * 50k-order xlsx export. Prints one JSON object:
 * `{"phases":{"<phase>":{"uiMaxStallMs":N,"roundTripMs":{"p50":N,"p99":N,"max":N},"seconds":N},…}}`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { DEMO } from '../main/amazon/simulator/seed';
import { CoreHost, type HostCallHandlers } from '../main/core/host';
import { nodeCoreLauncher } from '../main/core/node-launcher';
import { openDatabase } from '../main/db/connection';
import { getAccount, saveAccount } from '../main/db/tables/accounts';
import { selectAllProducts } from '../main/db/tables/listing-selections';
import { configureLogging } from '../main/log/logger';
import { MemorySecretStore } from '../main/secrets/memory-store';
import { buildCoreBundle } from '../scripts/core-bundle';
import { generateCatalogSheet } from './lib/catalog-sheet';
import { seedOrders } from './lib/orders';
import { BR, configureSync } from './lib/world';

const ACCOUNT = 'demo';
/** Amazon's seconds per real millisecond, for the core and the simulator alike. */
const CLOCK_SCALE = 400;
const PING_EVERY_MS = 50;

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

interface PhaseResult {
  readonly uiMaxStallMs: number;
  readonly roundTripMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly seconds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The simulator in a process of its own (bench/lib/sim-process.ts), on the shared scaled clock. */
async function startSimulatorProcess(dir: string, env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lib/sim-process.ts')], {
    env: { ...process.env, ...env, VITRINE_LOG_DIR: dir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const answers: ((line: string) => void)[] = [];
  lines.on('line', (line) => answers.shift()?.(line));
  const ask = (command: string) =>
    new Promise<string>((resolve) => {
      answers.push(resolve);
      child.stdin.write(`${command}\n`);
    });
  const ready = await ask(`start ${join(dir, 'simulator.json')}`);
  if (!ready.startsWith('ready ')) throw new Error(`simulator: ${ready}`);
  return {
    url: ready.slice('ready '.length),
    async stop() {
      await ask('stop');
      child.stdin.end();
    },
  };
}

async function main(): Promise<void> {
  const skus = argNumber('--skus', 100_000);
  const orders = argNumber('--orders', 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-responsiveness-'));
  configureLogging({ dir, console: false });
  const clockEnv = { VITRINE_CLOCK_SCALE: String(CLOCK_SCALE), VITRINE_CLOCK_ANCHOR: String(Date.now()) };
  const sheet = join(dir, 'catalogo.xlsx');
  // Inside the checkout: the bundle finds its dependencies in node_modules, as out/main/core.js does.
  const [entry, sim] = await Promise.all([buildCoreBundle(join(import.meta.dirname, '../out/bench-core')), startSimulatorProcess(dir, clockEnv), generateCatalogSheet(sheet, skus)]);

  // The seller's setup, written before the core starts: the demo account on Amazon.com.br, the
  // send settings a seller fills on the mapping screens, and 50k past orders.
  const dbFile = join(dir, 'vitrine.db');
  const db = openDatabase(dbFile);
  saveAccount(db, {
    id: ACCOUNT,
    label: 'Demo',
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
  if (!getAccount(db, ACCOUNT)) throw new Error('account not saved');
  configureSync(db, ACCOUNT);
  seedOrders(db, orders, ACCOUNT);

  const secrets = new MemorySecretStore();
  let answerOpen: string | null = null;
  let answerSave: string | null = null;
  const calls: HostCallHandlers = {
    'secrets.get': (key) => secrets.get(key),
    'secrets.set': (key, value) => secrets.set(key, value),
    'secrets.delete': (key) => secrets.delete(key),
    notify: () => undefined,
    'dialog.open': () => (answerOpen ? { canceled: false, filePaths: [answerOpen] } : { canceled: true, filePaths: [] }),
    'dialog.save': () => (answerSave ? { canceled: false, filePath: answerSave } : { canceled: true, filePath: '' }),
    revealInFolder: () => undefined,
    'loginItem.set': () => undefined,
    tray: () => undefined,
  };
  const host = new CoreHost(
    nodeCoreLauncher({ entry, execArgv: ['--max-semi-space-size=64'], env: { ...clockEnv, VITRINE_CORE_LOG_DIR: dir } }),
    {
      dbFile,
      version: 'bench',
      systemLocale: 'pt-BR',
      platform: process.platform,
      logsDir: dir,
      documentsDir: dir,
      loginItem: { supported: false, openAtLogin: false },
      simulator: { url: sim.url, lwaUrl: `${sim.url}/auth/o2/token`, demo: DEMO },
      backgroundWork: false,
    },
    calls,
    { onEvent: () => undefined, messages: { restarted: () => 'restarted', unavailable: () => 'unavailable' } },
  );
  await host.start();

  const invoke = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await host.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };

  /** Runs one phase while measuring this process's stalls and the light query's round trips. */
  async function phase(work: () => Promise<unknown>): Promise<PhaseResult> {
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    const trips: number[] = [];
    let running = true;
    const pinger = (async () => {
      while (running) {
        const sent = performance.now();
        await host.invoke('sync:overview', { accountId: ACCOUNT, marketplaceId: BR });
        trips.push(performance.now() - sent);
        const wait = PING_EVERY_MS - (performance.now() - sent);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    })();
    stalls.enable();
    const start = performance.now();
    try {
      await work();
    } finally {
      running = false;
      stalls.disable();
    }
    const seconds = (performance.now() - start) / 1000;
    await pinger;
    const sorted = [...trips].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n);
    return {
      uiMaxStallMs: round(stalls.max / 1e6),
      roundTripMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) },
      seconds: Math.round(seconds * 10) / 10,
    };
  }

  const phases: Record<string, PhaseResult> = {};
  phases.import = await phase(async () => {
    answerOpen = sheet;
    const chosen = await invoke<{ fileToken: string }>('files:choose-import', undefined);
    await invoke('catalog:import-commit', { fileToken: chosen.fileToken });
  });
  phases.includeAll = await phase(() => invoke('mapping:include-all', { accountId: ACCOUNT, marketplaceId: BR }));
  // Whatever "include all ready" left out, the seller includes by hand: the publish sends everything.
  selectAllProducts(db, { accountId: ACCOUNT, marketplaceId: BR }, 0);
  phases.firstPublish = await phase(() => host.op('runLane', 'full'));
  phases.noChange = await phase(() => host.op('runLane', 'full'));
  db.prepare('UPDATE skus SET stock = stock + 1, updated_at = strftime(\'%Y-%m-%dT%H:%M:%fZ\',\'now\') WHERE id % 100 = 0').run();
  phases.stock1pct = await phase(() => host.op('runLane', 'fast'));
  phases.ordersExport = await phase(async () => {
    answerSave = join(dir, 'pedidos.xlsx');
    const chosen = await invoke<{ fileToken: string }>('files:choose-export', { format: 'xlsx', suggestedName: 'pedidos.xlsx' });
    await invoke('orders:export', { filter: {}, format: 'xlsx', fileToken: chosen.fileToken });
  });

  process.stdout.write(`${JSON.stringify({ skus, orders, phases })}\n`);
  await host.close();
  db.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
}

await main();
