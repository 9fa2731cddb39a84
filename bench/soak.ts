/**
 * Fault soak: `npm run -s bench:soak [-- --cycles 30 --faults 0.2 --seed 7 --products 12 --malformed 0 --verbose]`.
 *
 * The same script runs twice on the real services (SQLite, sync engine, orders import, SP-API
 * client) against the offline simulator, once fault-free and once with `--faults` of the requests
 * answered 429, 5xx, reset or slowly and every feed liable to stay IN_PROGRESS for 10 minutes
 * (Faults.fromTotal); `--malformed R` also breaks that share of successful bodies. Each cycle
 * edits the catalog, lets buyers order or cancel, advances the shared VirtualClock 20 minutes,
 * sends (fast lane, every third cycle full), imports orders and ships the order placed two cycles
 * before (confirmShipment, a write that is not idempotent); a failed step is logged and left to the
 * next cycle, as the app's background loops (and a seller retrying a shipment) do. After the last
 * cycle both runs settle (sends, shipments and imports, faults still on, until one pass succeeds).
 *
 * Prints {"cycles","faults","mismatches","duplicateOrders","duplicateFeeds"}: faults injected in
 * the faulty run, keys whose normalized state differs between the runs (bench/lib/normalize.ts
 * says what is left out and why), and the faulty run's duplicates. `--verbose` lists mismatches
 * on stderr.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsService } from '../main/accounts/service';
import { DEMO_ACCOUNT_ID } from '../main/accounts/clients';
import { VirtualClock } from '../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../main/amazon/simulator';
import { Faults } from '../main/amazon/simulator/faults';
import { AppError } from '../main/errors';
import { configureLogging, createLogger } from '../main/log/logger';
import { OrdersService } from '../main/orders/service';
import { MemorySecretStore } from '../main/secrets/memory-store';
import { createServices } from '../main/services';
import { runCycle } from '../main/sync/engine';
import { countMismatches, duplicateFeeds, duplicateOrders, normalizedState, type NormalizedState, type SimStateFile } from './lib/normalize';
import { buyerActivity, changeCatalog, configureSync, onlyBrazil, seedCatalog, shipLabel } from './lib/world';

const MINUTE = 60_000;
const MAX_SETTLE_PASSES = 10;
const logger = createLogger('bench/soak');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

interface RunOptions {
  readonly cycles: number;
  readonly faults: number;
  readonly malformed: number;
  readonly seed: number;
  readonly products: number;
}

interface RunResult {
  readonly state: NormalizedState;
  readonly faults: number;
  readonly duplicateOrders: number;
  readonly duplicateFeeds: number;
  readonly failedSteps: number;
}

async function runScript(options: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-soak-'));
  const clock = new VirtualClock();
  let handle: SimulatorHandle | undefined;
  const services = createServices({
    dbFile: join(dir, 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-soak',
    systemLocale: 'pt-BR',
    clock,
    startSimulator: async (stateFile) =>
      (handle = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false, faults: { seed: options.seed } })),
  });
  try {
    const { db } = services;
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    const sim = handle;
    if (!sim) throw new Error('the embedded simulator did not start');
    onlyBrazil(db, DEMO_ACCOUNT_ID);
    configureSync(db, DEMO_ACCOUNT_ID);
    const skus = seedCatalog(db, options.products);
    const client = await services.amazon.forAccount(DEMO_ACCOUNT_ID);
    const orders = new OrdersService(services, { now: () => clock.now() });
    let failedSteps = 0;
    const attempt = async (step: string, work: () => Promise<unknown>): Promise<boolean> => {
      try {
        await work();
        return true;
      } catch (err) {
        failedSteps += 1;
        logger.info(`${step} failed; the next cycle picks it up`, err);
        return false;
      }
    };
    const send = (lane: 'full' | 'fast') => attempt(`sync ${lane}`, () => runCycle({ db, client, clock, accountId: DEMO_ACCOUNT_ID, lane, trigger: 'cli' }));
    const importOrders = () => attempt('orders import', () => orders.import({ accountId: DEMO_ACCOUNT_ID }));

    // The shop is published before the weather turns: buyers can only order listed SKUs.
    if (!(await send('full'))) throw new Error('the fault-free first publish failed');
    const { seed: _seed, ...rates } = Faults.fromTotal(options.faults);
    sim.control.setFaults({ ...rates, rateMalformed: options.malformed });

    const labels = new Map<string, string>();
    // The seller ships an order once it shows in Vitrine, and tries again next cycle if that fails.
    const toShip: string[] = [];
    const shipQueued = async (): Promise<boolean> => {
      for (const label of [...toShip]) {
        const amazonId = [...labels].find(([, l]) => l === label)?.[0];
        const row = db.prepare('SELECT id FROM orders WHERE amazon_order_id = ?').pluck().get(amazonId) as number | undefined;
        if (row === undefined) continue;
        const input = {
          orderRowId: row,
          carrierCode: 'Other',
          carrierName: 'Transportadora Soak',
          trackingNumber: `TRK-${label}`,
          shipDate: new Date(clock.now()).toISOString(),
        };
        const shipped = await attempt(`ship ${label}`, () =>
          orders.ship(input).catch((err: unknown) => {
            // An earlier attempt whose outcome was unknown did reach Amazon: nothing left to do.
            if (!(err instanceof AppError && err.code === 'ORDER_ALREADY_SHIPPED')) throw err;
          }),
        );
        if (shipped) toShip.splice(toShip.indexOf(label), 1);
      }
      return toShip.length === 0;
    };
    for (let cycle = 1; cycle <= options.cycles; cycle += 1) {
      changeCatalog(db, cycle, skus);
      buyerActivity(sim.control, cycle, skus, labels);
      const ship = shipLabel(cycle);
      if (ship) toShip.push(ship);
      sim.control.advance(20 * MINUTE);
      await send(cycle % 3 === 0 ? 'full' : 'fast');
      await importOrders();
      await shipQueued();
    }

    sim.control.advance(3 * 60 * MINUTE);
    for (let pass = 0; pass < MAX_SETTLE_PASSES; pass += 1) {
      const sent = await send('full');
      const shipped = await shipQueued();
      const imported = await importOrders();
      const open = db.prepare("SELECT count(*) FROM sync_feeds WHERE step NOT IN ('reported', 'failed')").pluck().get() as number;
      if (sent && shipped && imported && open === 0) break;
      sim.control.advance(30 * MINUTE);
    }

    sim.control.save();
    const simState = JSON.parse(readFileSync(join(dir, 'simulator-state.json'), 'utf8')) as SimStateFile;
    const sellerId = sim.demo.sellerId;
    const faults = Object.values(sim.control.faultsInjected()).reduce((a, b) => a + b, 0);
    return {
      state: normalizedState(db, simState, sellerId, labels),
      faults,
      duplicateOrders: duplicateOrders(db),
      duplicateFeeds: duplicateFeeds(db, simState, sellerId),
      failedSteps,
    };
  } finally {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = {
    cycles: arg('--cycles', 30),
    faults: arg('--faults', 0.2),
    malformed: arg('--malformed', 0),
    seed: arg('--seed', 7),
    products: arg('--products', 12),
  };
  const verbose = process.argv.includes('--verbose');
  const logDir = mkdtempSync(join(tmpdir(), 'vitrine-soak-logs-'));
  configureLogging({ dir: logDir, console: false });

  const clean = await runScript({ ...options, faults: 0, malformed: 0 });
  const faulty = await runScript(options);
  const mismatches = countMismatches(clean.state, faulty.state, verbose ? (m) => process.stderr.write(`${m}\n`) : undefined);
  if (verbose) {
    const sizes = Object.entries(faulty.state)
      .map(([table, rows]) => `${table} ${Object.keys(rows).length}`)
      .join(', ');
    const shipped = Object.values(faulty.state.sim_orders ?? {}).filter((o) => (o as { shipment: unknown }).shipment !== null).length;
    process.stderr.write(
      `compared: ${sizes}; ${shipped} orders shipped\nfailed steps: clean ${clean.failedSteps}, faulty ${faulty.failedSteps}; logs in ${logDir}\n`,
    );
  } else rmSync(logDir, { recursive: true, force: true });
  const result = { cycles: options.cycles, faults: faulty.faults, mismatches, duplicateOrders: faulty.duplicateOrders, duplicateFeeds: faulty.duplicateFeeds };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = mismatches + result.duplicateOrders + result.duplicateFeeds + clean.duplicateOrders + clean.duplicateFeeds === 0 ? 0 : 1;
}

await main();
