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
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
import { readSyncSettings, saveSyncSettings } from '../main/sync/settings';
import { BR, configureSync } from './lib/world';

const ACCOUNT = 'demo';
/** Amazon's seconds per real millisecond, for the core and the simulator alike. */
const CLOCK_SCALE = 400;
const PING_EVERY_MS = 50;
/** Where the core writes a CPU profile (--cpu-prof), when set: for finding what holds its thread. */
const profileDir = process.env.VITRINE_BENCH_CORE_PROF;
/** KEEP_BENCH_DB=1 keeps the temporary folder (database, sheet, logs) and says where it is. */
const keep = Boolean(process.env.KEEP_BENCH_DB);

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

interface PhaseResult {
  readonly uiMaxStallMs: number;
  /** CPU seconds each process spent in the phase (the machine is shared: compare with `seconds`). */
  readonly cpuSeconds: { readonly ui: number; readonly core: number | null; readonly simulator: number | null };
  /** The longest stall of an idle process during the phase: what the machine's load alone causes. */
  readonly idleProcessMaxStallMs: number;
  readonly roundTripMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly seconds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Linux: the CPU seconds (user + system) of this process's children whose command line matches. */
function childCpuSeconds(match: RegExp): number | null {
  if (process.platform !== 'linux') return null;
  let total: number | null = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      if (!match.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) continue;
      total = (total ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/**
 * A process that does nothing but watch its own event loop: its longest stall during a phase is
 * what the machine (other programs on the same cores) inflicts on any process, ours included.
 */
function startIdleWatcher(): { reset(): Promise<void>; maxStallMs(): Promise<number>; stop(): void } {
  const script = `
    const { monitorEventLoopDelay } = require('node:perf_hooks');
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
      if (line === 'reset') { h.reset(); process.stdout.write('ok\\n'); }
      else process.stdout.write(String(Math.round(h.max / 1e6)) + '\\n');
    }).on('close', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const answers: ((line: string) => void)[] = [];
  lines.on('line', (line) => answers.shift()?.(line));
  const ask = (command: string) =>
    new Promise<string>((resolve) => {
      answers.push(resolve);
      child.stdin.write(`${command}\n`);
    });
  return {
    reset: () => ask('reset').then(() => undefined),
    maxStallMs: () => ask('read').then(Number),
    stop: () => child.stdin.end(),
  };
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
  // In memory (no state file): saving a 100k-listing state after every feed would slow Amazon's
  // side down, which is not what this benchmark measures.
  const ready = await ask('start');
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
  const [entry, sim] = await Promise.all([
    buildCoreBundle(join(import.meta.dirname, '../out/bench-core')),
    startSimulatorProcess(dir, clockEnv),
    generateCatalogSheet(sheet, skus),
  ]);

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
  // The sheet's families vary by colour alone: the seller maps that and picks the matching theme.
  saveSyncSettings(db, ACCOUNT, BR, { ...readSyncSettings(db, ACCOUNT, BR), characteristicAttributes: { color: 'Cor' }, variationTheme: 'COLOR' });
  seedOrders(db, orders, ACCOUNT);

  const idle = startIdleWatcher();
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
    nodeCoreLauncher({
      entry,
      execArgv: ['--max-semi-space-size=64', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      env: { ...clockEnv, VITRINE_CORE_LOG_DIR: dir },
    }),
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
  async function phase(name: string, work: () => Promise<unknown>): Promise<PhaseResult> {
    await idle.reset();
    // Phase boundaries on the monotonic clock, to find them in a profile of the core (VITRINE_BENCH_CORE_PROF).
    if (profileDir) process.stderr.write(`phase ${name} start ${process.hrtime.bigint() / 1000n}\n`);
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    const trips: number[] = [];
    const cpuBefore = { ui: process.cpuUsage(), core: childCpuSeconds(/bench-core/), simulator: childCpuSeconds(/sim-process/) };
    let running = true;
    const pinger = (async () => {
      while (running) {
        const sent = performance.now();
        const sentUs = process.hrtime.bigint() / 1000n;
        await host.invoke('sync:overview', { accountId: ACCOUNT, marketplaceId: BR });
        const ms = performance.now() - sent;
        trips.push(ms);
        // Slow answers on the monotonic clock (µs), to find what the core was doing in its profile.
        if (profileDir && ms > 100) process.stderr.write(`slow ${name} ${sentUs} ${Math.round(ms)}\n`);
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
    const ui = process.cpuUsage(cpuBefore.ui);
    const coreAfter = childCpuSeconds(/bench-core/);
    const simulatorAfter = childCpuSeconds(/sim-process/);
    const tenths = (n: number) => Math.round(n * 10) / 10;
    const cpuSeconds = {
      ui: tenths((ui.user + ui.system) / 1e6),
      core: coreAfter === null || cpuBefore.core === null ? null : tenths(coreAfter - cpuBefore.core),
      simulator: simulatorAfter === null || cpuBefore.simulator === null ? null : tenths(simulatorAfter - cpuBefore.simulator),
    };
    if (profileDir) process.stderr.write(`phase ${name} end ${process.hrtime.bigint() / 1000n}\n`);
    const idleProcessMaxStallMs = await idle.maxStallMs();
    await pinger;
    const sorted = [...trips].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n);
    return {
      uiMaxStallMs: round(stalls.max / 1e6),
      cpuSeconds,
      idleProcessMaxStallMs,
      roundTripMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) },
      seconds: Math.round(seconds * 10) / 10,
    };
  }

  const phases: Record<string, PhaseResult> = {};
  phases.import = await phase('import', async () => {
    answerOpen = sheet;
    const chosen = await invoke<{ fileToken: string }>('files:choose-import', undefined);
    await invoke('catalog:import-commit', { fileToken: chosen.fileToken });
  });
  // The sheet has no bullet points, which the product type requires: the seller fills them in (not
  // timed), so the publish sends every product instead of checking them all as incomplete.
  db.prepare(`UPDATE products SET bullet_points = json_array('Algodão penteado', 'Manga curta')`).run();
  phases.includeAll = await phase('includeAll', () => invoke('mapping:include-all', { accountId: ACCOUNT, marketplaceId: BR }));
  // Whatever "include all ready" left out, the seller includes by hand: the publish sends everything.
  selectAllProducts(db, { accountId: ACCOUNT, marketplaceId: BR }, 0);
  const lane = (which: 'full' | 'fast') => async () => {
    const totals = await host.op('runLane', which);
    if (keep) process.stderr.write(`${which}: ${JSON.stringify(totals)}\n`);
  };
  phases.firstPublish = await phase('firstPublish', lane('full'));
  phases.noChange = await phase('noChange', lane('full'));
  db.prepare("UPDATE skus SET stock = stock + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id % 100 = 0").run();
  phases.stock1pct = await phase('stock1pct', lane('fast'));
  phases.ordersExport = await phase('ordersExport', async () => {
    answerSave = join(dir, 'pedidos.xlsx');
    const chosen = await invoke<{ fileToken: string }>('files:choose-export', { format: 'xlsx', suggestedName: 'pedidos.xlsx' });
    await invoke('orders:export', { filter: {}, format: 'xlsx', fileToken: chosen.fileToken });
  });

  process.stdout.write(`${JSON.stringify({ skus, orders, phases })}\n`);
  await host.close();
  db.close();
  await sim.stop();
  idle.stop();
  if (keep) process.stderr.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
