import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpApiClient } from '../../../main/amazon/client';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { runCycle } from '../../../main/sync/engine';
import { BR, configureSync, seedCatalog } from '../../../bench/lib/world';

let sim: SimulatorHandle | undefined;
let db: Db | undefined;
let dir: string | undefined;

afterEach(async () => {
  db?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = db = dir = undefined;
});

describe('a feed Amazon keeps IN_PROGRESS (simulator rateStuckFeed)', () => {
  it('is polled at the processing pace with its status recorded, whatever its message count', async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false, faults: { rateStuckFeed: 1, stuckMs: 10 * 60_000 } });
    dir = mkdtempSync(join(tmpdir(), 'vitrine-stuck-'));
    const local = openDatabase(join(dir, 'vitrine.db'));
    db = local;
    saveAccount(local, {
      id: 'demo',
      label: 'Demo',
      kind: 'simulator',
      region: 'NA',
      sandbox: false,
      sellerId: sim.demo.sellerId,
      lwaClientId: sim.demo.clientId,
      storeName: null,
      clientSecretSetAt: 0,
      authorizedAt: 0,
      createdAt: 0,
      marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
    });
    configureSync(local, 'demo');
    // Three SKUs: an odd message count makes half a feed's expected duration a fraction of a ms.
    expect(seedCatalog(local, 3)).toHaveLength(3);
    const client = createSpApiClient({ endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl }, credentials: sim.demo, clock });
    const statusBeforePoll: (string | null)[] = [];
    const getFeed: typeof client.getFeed = async (params) => {
      statusBeforePoll.push(local.prepare('SELECT processing_status FROM sync_feeds').pluck().get() as string | null);
      return client.getFeed(params);
    };

    const summary = await runCycle({ db: local, client: { ...client, getFeed }, clock, accountId: 'demo', lane: 'full', trigger: 'cli' });

    expect(summary).toMatchObject({ sent: 3, accepted: 3, failed: 0 });
    // The first poll finds IN_PROGRESS and must store it; every later poll starts from that.
    expect(statusBeforePoll.length).toBeGreaterThan(2);
    expect(statusBeforePoll.slice(1).every((s) => s === 'IN_PROGRESS')).toBe(true);
    expect(local.prepare('SELECT max(attempts) FROM sync_feeds').pluck().get()).toBe(0);
  });
});
