/**
 * Crash consistency: `npm run -s bench:crash [-- --trials 50 --seed 1 --verbose]`.
 *
 * Each trial copies a prepared database (and simulator state), starts the real CLI as a child
 * process, SIGKILLs it after a random delay, checks `PRAGMA integrity_check` on what the kill left,
 * restarts the same command until it completes, and compares the normalized end state
 * (bench/lib/normalize.ts) with an uninterrupted run of the same command. Trials alternate:
 * - `sync --once --simulator URL`: a standalone simulator process (bench/lib/sim-process.ts) on a
 *   loopback port with a state file, restarted from a fresh copy per trial; both processes share
 *   a clock sped up 1000× so Amazon's 30 s of feed processing take 30 ms;
 * - `import-orders`: 240 orders over several pages. That command has no --simulator option, so
 *   it reads the orders through the embedded simulator, which loads the state file the benchmark
 *   put beside the database (and dies with the CLI, as it would in the app).
 * Kill delays are drawn (seeded) over the uninterrupted run's working time and counted from the
 * moment the CLI opens its database (its WAL file appears), so kills land while the command works
 * whatever Node's start-up costs on a busy machine. The CLI runs from an esbuild bundle of
 * main/cli.ts (bench/lib/processes.ts says why).
 *
 * Prints {"trials","mismatches","integrityFailures"}; a duplicate feed or order counts as a
 * mismatch. `--verbose` reports each trial on stderr.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNT_ID } from '../main/accounts/clients';
import { startSimulator } from '../main/amazon/simulator';
import { seededRandom } from '../main/amazon/simulator/faults';
import { DEMO } from '../main/amazon/simulator/seed';
import { openDatabase } from '../main/db/connection';
import { saveAccount } from '../main/db/tables/accounts';
import { prepareProductUpsert } from '../main/db/tables/products';
import { prepareSkuUpsert } from '../main/db/tables/skus';
import { configureLogging } from '../main/log/logger';
import { countMismatches, duplicateFeeds, duplicateOrders, normalizedState, type NormalizedState, type SimStateFile } from './lib/normalize';
import { buildCliBundle, runCli, startSimProcess, type CliRun, type SimProcess } from './lib/processes';
import { BR, configureSync, seedCatalog } from './lib/world';

const SCALE = 1000;
const ORDERS = 240;
const MAX_RESTARTS = 3;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

/** Database for the sync trials: the demo seller selling in BR, a small catalog ready to send. */
function syncTemplate(file: string): void {
  const db = openDatabase(file);
  saveAccount(db, {
    id: DEMO_ACCOUNT_ID,
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
  configureSync(db, DEMO_ACCOUNT_ID);
  seedCatalog(db, 6);
  db.close();
}

/** Simulator state with ORDERS settled orders, and a catalog holding the SKUs they buy. */
async function ordersTemplate(dbFile: string, stateFile: string): Promise<void> {
  const sim = await startSimulator({ stateFile, seedOrders: false, autoOrderEveryMs: 0 });
  const skus = sim.control.listings().map((l) => l.sku);
  const now = Date.now();
  for (let i = 0; i < ORDERS; i += 1) {
    const lines = [
      { sku: skus[i % skus.length] ?? '', quantity: 1 + (i % 3) },
      ...(i % 4 === 0 ? [{ sku: skus[(i + 1) % skus.length] ?? '', quantity: 1 }] : []),
    ];
    // Well before "now": the import only asks for orders at least two minutes old.
    sim.control.createOrder({ lines, status: i % 9 === 0 ? 'Canceled' : 'Unshipped', willCancel: false, createdAt: now - 3 * 3600_000 + i * 30_000 });
  }
  await sim.close();
  // The CLI's embedded simulator lets buyers order on the wall clock (every 20 min by default);
  // orders appearing mid-benchmark would make runs differ by when they ran, so none are due.
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { nextOrderAt: number };
  writeFileSync(stateFile, JSON.stringify({ ...state, nextOrderAt: now + 365 * 24 * 3600_000 }));
  const db = openDatabase(dbFile);
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  for (const code of skus) {
    const row = product({
      key: code,
      title: `Produto ${code}`,
      description: null,
      brand: null,
      manufacturer: null,
      bulletPoints: [],
      imageUrls: [],
      categoryId: null,
    });
    if (!row) throw new Error('product not written');
    sku({
      sku: code,
      productId: row.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 1000,
      salePriceCents: null,
      stock: 10_000,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
  db.close();
}

type Kind = 'sync' | 'orders';

interface Outcome {
  readonly state: NormalizedState;
  readonly duplicates: number;
  readonly integrity: string;
}

class Bench {
  private simUrl = '';
  constructor(
    private readonly root: string,
    private readonly bundle: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly sim: SimProcess,
  ) {}

  /** A fresh copy of the kind's templates in a new folder; returns the database path. */
  async prepare(kind: Kind, name: string): Promise<string> {
    const dir = join(this.root, name);
    mkdirSync(dir);
    const db = join(dir, 'vitrine.db');
    copyFileSync(join(this.root, 'templates', `${kind}.db`), db);
    copyFileSync(join(this.root, 'templates', `${kind}-sim.json`), join(dir, kind === 'sync' ? 'standalone-sim.json' : 'simulator-state.json'));
    if (kind === 'sync') this.simUrl = (await this.sim.command(`start ${join(dir, 'standalone-sim.json')}`)).replace(/^ready /, '');
    return db;
  }

  run(kind: Kind, db: string, killAfterOpenMs?: number): Promise<CliRun> {
    const args = kind === 'sync' ? ['sync', '--once', '--db', db, '--json', '--simulator', this.simUrl] : ['import-orders', '--db', db, '--json'];
    return runCli(this.bundle, args, this.env, { db, ...(killAfterOpenMs === undefined ? {} : { killAfterOpenMs }) });
  }

  /** Runs to completion, restarting after a failure (a restart is what the seller would do). */
  async complete(kind: Kind, db: string): Promise<CliRun> {
    let last: CliRun | undefined;
    for (let attempt = 0; attempt < MAX_RESTARTS; attempt += 1) {
      last = await this.run(kind, db);
      if (last.code === 0) return last;
    }
    throw new Error(`${kind} did not complete: ${last?.stderr ?? ''}`);
  }

  async outcome(kind: Kind, db: string): Promise<Outcome> {
    let simFile = join(db, '..', 'simulator-state.json');
    if (kind === 'sync') {
      // Stopping writes the state file and leaves the folder to us until the next trial starts.
      await this.sim.command('stop');
      simFile = join(db, '..', 'standalone-sim.json');
    }
    const sim = JSON.parse(readFileSync(simFile, 'utf8')) as SimStateFile;
    const labels = new Map(Object.keys(sim.orders).map((id) => [id, id]));
    const handle = openDatabase(db);
    try {
      return {
        state: normalizedState(handle, sim, DEMO.sellerId, labels),
        duplicates: duplicateOrders(handle) + (kind === 'sync' ? duplicateFeeds(handle, sim, DEMO.sellerId) : 0),
        integrity: integrity(db),
      };
    } finally {
      handle.close();
    }
  }
}

function integrity(db: string): string {
  const handle = openDatabase(db);
  try {
    return (handle.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
  } finally {
    handle.close();
  }
}

async function main(): Promise<void> {
  const trials = arg('--trials', 50);
  const random = seededRandom(arg('--seed', 1));
  const verbose = process.argv.includes('--verbose');
  const say = (text: string) => verbose && process.stderr.write(`${text}\n`);
  const root = mkdtempSync(join(tmpdir(), 'vitrine-crash-'));
  const logs = join(root, 'logs');
  mkdirSync(join(root, 'templates'), { recursive: true });
  configureLogging({ dir: logs, console: false });
  const env = { ...process.env, VITRINE_CLOCK_SCALE: String(SCALE), VITRINE_CLOCK_ANCHOR: String(Date.now()), VITRINE_LOG_DIR: logs, VITRINE_LOCALE: 'en' };
  syncTemplate(join(root, 'templates', 'sync.db'));
  await (await startSimulator({ stateFile: join(root, 'templates', 'sync-sim.json'), seedOrders: false, autoOrderEveryMs: 0 })).close();
  await ordersTemplate(join(root, 'templates', 'orders.db'), join(root, 'templates', 'orders-sim.json'));

  const bundle = await buildCliBundle();
  const sim = startSimProcess(env);
  const bench = new Bench(root, bundle, env, sim);
  try {
    const reference = new Map<Kind, { readonly outcome: Outcome; workMs: number }>();
    for (const kind of ['sync', 'orders'] as const) {
      // A warm-up first: the simulator compiles its validators on its first requests, which would
      // stretch the reference's working time and with it the kill window.
      await bench.complete(kind, await bench.prepare(kind, `warm-up-${kind}`));
      const db = await bench.prepare(kind, `reference-${kind}`);
      const run = await bench.complete(kind, db);
      const outcome = await bench.outcome(kind, db);
      const workMs = run.ms - (run.openedMs ?? 0);
      reference.set(kind, { outcome, workMs });
      say(
        `reference ${kind}: ${Math.round(workMs)} ms of work after ${Math.round(run.openedMs ?? 0)} ms of start-up, ${run.stdout.trim()}, integrity ${outcome.integrity}, duplicates ${outcome.duplicates}`,
      );
    }

    let mismatches = 0;
    let integrityFailures = 0;
    let kills = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const kind: Kind = trial % 2 === 0 ? 'sync' : 'orders';
      const ref = reference.get(kind);
      if (!ref) throw new Error('no reference run');
      const db = await bench.prepare(kind, `trial-${trial}`);
      const delay = Math.round(random() * ref.workMs);

      const killed = await bench.run(kind, db, delay);
      if (killed.killed) kills += 1;
      // A run that beat its kill shows the work can be shorter: later kills aim inside that.
      else if (killed.code === 0 && killed.openedMs !== undefined) ref.workMs = Math.min(ref.workMs, killed.ms - killed.openedMs);
      const afterKill = integrity(db);
      await bench.complete(kind, db);
      const outcome = await bench.outcome(kind, db);

      const diff: string[] = [];
      const count = countMismatches(ref.outcome.state, outcome.state, (m) => diff.push(m)) + outcome.duplicates;
      mismatches += count;
      const bad = [afterKill, outcome.integrity].filter((r) => r !== 'ok').length;
      integrityFailures += bad;
      say(
        `trial ${trial} ${kind}: kill ${delay} ms after opening the database → ${killed.killed ? 'killed' : `exited ${killed.code}`}; integrity ${afterKill}/${outcome.integrity}; mismatches ${count}${diff.length ? `\n${diff.join('\n')}` : ''}`,
      );
      if (count === 0 && bad === 0) rmSync(join(db, '..'), { recursive: true, force: true });
    }
    say(`${kills} of ${trials} runs were killed before they finished`);
    process.stdout.write(`${JSON.stringify({ trials, mismatches, integrityFailures })}\n`);
    process.exitCode = mismatches + integrityFailures === 0 ? 0 : 1;
  } finally {
    await sim.close();
    rmSync(bundle, { force: true });
    if (process.exitCode === 0 && !verbose) rmSync(root, { recursive: true, force: true });
    else say(`files kept in ${root}`);
  }
}

await main();
