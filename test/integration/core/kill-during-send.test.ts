import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { CoreHost, type CoreState } from '../../../main/core/host';
import { nodeCoreLauncher } from '../../../main/core/node-launcher';
import { openDatabase } from '../../../main/db/connection';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { scaledClock } from '../../../main/sync/scaled-clock';
import { BR, configureSync, seedCatalog } from '../../../bench/lib/world';
import { saveAccount } from '../../../main/db/tables/accounts';

/**
 * The core process is killed (SIGKILL, as a crash or the OS would) in the middle of a send: its
 * host restarts it, the next cycle finishes the interrupted one, and Amazon ends up with exactly
 * what the catalog says, from one submission of each document.
 */
const SCALE = 1000;
let sim: SimulatorHandle | undefined;
let host: CoreHost | undefined;
afterEach(async () => {
  await host?.close();
  await sim?.close();
  host = undefined;
  sim = undefined;
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the core killed during a send', () => {
  it('restarts, finishes the send, and nothing is lost or submitted twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-core-kill-'));
    const dbFile = join(dir, 'vitrine.db');
    const db = openDatabase(dbFile);
    saveAccount(db, {
      id: 'demo',
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
    configureSync(db, 'demo');
    const skus = seedCatalog(db, 120);
    db.close();

    const anchor = Date.now();
    sim = await startSimulator({ port: 0, clock: scaledClock(SCALE, anchor), stateFile: join(dir, 'sim.json'), autoOrderEveryMs: 0, seedOrders: false });
    const secrets = new MemorySecretStore();
    const states: CoreState[] = [];
    host = new CoreHost(
      nodeCoreLauncher({ env: { VITRINE_CLOCK_SCALE: String(SCALE), VITRINE_CLOCK_ANCHOR: String(anchor), VITRINE_CORE_LOG_DIR: dir } }),
      {
        dbFile,
        version: 'test',
        systemLocale: 'pt-BR',
        platform: process.platform,
        logsDir: dir,
        documentsDir: dir,
        loginItem: { supported: false, openAtLogin: false },
        simulator: { url: sim.url, lwaUrl: sim.lwaUrl, demo: DEMO },
        backgroundWork: false,
      },
      {
        'secrets.get': (k) => secrets.get(k),
        'secrets.set': (k, v) => secrets.set(k, v),
        'secrets.delete': (k) => secrets.delete(k),
        notify: () => undefined,
        'dialog.open': () => ({ canceled: true, filePaths: [] }),
        'dialog.save': () => ({ canceled: true, filePath: '' }),
        revealInFolder: () => undefined,
        'loginItem.set': () => undefined,
        tray: () => undefined,
      },
      {
        onEvent: () => undefined,
        onState: (s) => void states.push(s),
        messages: { restarted: () => 'restarted', unavailable: () => 'unavailable' },
        restartDelaysMs: [50, 50],
      },
    );
    await host.start();
    const feedsSubmitted = () => sim?.control.feeds().filter((f) => f.sellerId === DEMO.sellerId).length ?? 0;

    const interrupted = host.op('runLane', 'full').then(
      () => 'finished',
      () => 'cut short',
    );
    // Killed once Amazon has the document, before its report came back.
    await until(() => feedsSubmitted() > 0, 90_000);
    process.kill((host as unknown as { proc: { pid: number } }).proc.pid, 'SIGKILL');
    expect(await interrupted).toBe('cut short');
    await until(() => states.at(-1) === 'running' && states.includes('restarting'), 60_000);

    await host.op('runLane', 'full');
    const submitted = sim.control.feeds().filter((f) => f.sellerId === DEMO.sellerId);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.messageCount).toBeGreaterThanOrEqual(skus.length);
    const onAmazon = new Set(sim.control.listings(DEMO.sellerId).map((l) => l.sku));
    for (const sku of skus) expect([sku, onAmazon.has(sku)]).toEqual([sku, true]);
    const check = openDatabase(dbFile);
    const statuses = check.prepare('SELECT status, count(*) AS n FROM sync_listings GROUP BY status').all() as { status: string; n: number }[];
    check.close();
    expect(statuses.filter((s) => s.status === 'waiting' || s.status === 'sending')).toEqual([]);
  }, 240_000);
});
