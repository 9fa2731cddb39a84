import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { DEMO, startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { OrdersService } from '../../../main/orders/service';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { runCycle } from '../../../main/sync/engine';
import { countMismatches, duplicateFeeds, duplicateOrders, normalizedState, type SimStateFile } from '../../../bench/lib/normalize';
import { buyerActivity, configureSync, onlyBrazil, seedCatalog } from '../../../bench/lib/world';

/** The benchmarks' comparison must see what they claim to rule out: lost, doubled or unsent work. */
describe('bench normalized state', () => {
  let dir: string;
  let services: Services;
  let sim: SimulatorHandle | undefined;
  let simState: () => SimStateFile;
  const labels = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-normalize-'));
    const clock = new VirtualClock();
    services = createServices({
      dbFile: join(dir, 'vitrine.db'),
      secrets: new MemorySecretStore(),
      version: '0.0.0-test',
      systemLocale: 'pt-BR',
      clock,
      startSimulator: async (stateFile) => (sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false })),
    });
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    onlyBrazil(services.db, 'demo');
    configureSync(services.db, 'demo');
    const skus = seedCatalog(services.db, 4);
    const client = await services.amazon.forAccount('demo');
    await runCycle({ db: services.db, client, clock, accountId: 'demo', lane: 'full', trigger: 'cli' });
    buyerActivity(sim?.control ?? never(), 2, skus, labels);
    sim?.control.advance(20 * 60_000);
    await new OrdersService(services, { now: () => clock.now() }).import({ accountId: 'demo' });
    simState = () => {
      sim?.control.save();
      return JSON.parse(readFileSync(join(dir, 'simulator-state.json'), 'utf8')) as SimStateFile;
    };
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function never(): never {
    throw new Error('simulator not started');
  }

  it('equals itself and finds nothing duplicated in an honest run', () => {
    const state = normalizedState(services.db, simState(), DEMO.sellerId, labels);

    expect(Object.keys(state.orders ?? {})).toEqual(['order-2-0', 'order-2-1']);
    // Amazon keeps a listing per marketplace: keyed marketplace/SKU.
    expect(Object.keys(state.sim_listings ?? {})).toEqual(expect.arrayContaining(['A2Q3Y263D00KWC/SOAK-1', 'A2Q3Y263D00KWC/SOAK-4-AP']));
    expect(countMismatches(state, normalizedState(services.db, simState(), DEMO.sellerId, labels))).toBe(0);
    expect(duplicateOrders(services.db)).toBe(0);
    expect(duplicateFeeds(services.db, simState(), DEMO.sellerId)).toBe(0);
  });

  it('sees a lost order, a stock effect applied twice and a feed Amazon received twice', () => {
    const honest = normalizedState(services.db, simState(), DEMO.sellerId, labels);
    const db = services.db;

    db.transaction(() => {
      const lost = [...labels].find(([, label]) => label === 'order-2-0')?.[0];
      db.prepare('DELETE FROM orders WHERE amazon_order_id = ?').run(lost);
      db.prepare("UPDATE skus SET stock = stock - 1 WHERE sku = 'SOAK-1'").run();
    })();
    const state = simState();
    const [feed] = Object.values(state.feeds);
    const resubmitted: SimStateFile = feed ? { ...state, feeds: { ...state.feeds, again: { ...feed, feedId: 'again' } } } : state;

    const mismatches: string[] = [];
    expect(countMismatches(honest, normalizedState(db, state, DEMO.sellerId, labels), (m) => mismatches.push(m.split('\n')[0] ?? ''))).toBe(2);
    expect(mismatches).toEqual(['skus SOAK-1', 'orders order-2-0']);
    expect(duplicateFeeds(db, resubmitted, DEMO.sellerId)).toBe(1);
  });
});
