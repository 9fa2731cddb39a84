import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { DEMO, startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { withListings } from '../../../main/amazon/simulator/listing-store';
import { seedData } from '../../../main/amazon/simulator/seed';
import { openDatabase } from '../../../main/db/connection';
import { saveRule } from '../../../main/rules';
import { scaledClock } from '../../../main/sync/scaled-clock';
import { addCatalog, BR, listingRecord } from './fixtures';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('link-listings and rules-evaluate commands', () => {
  it("reads a standalone simulator's offers into the database and evaluates rules", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-linking-cli-'));
    const anchor = Date.now();
    // 1 ms of wall time is 1 s for both sides: the report's 45 s take 45 ms.
    const clock = scaledClock(1000, anchor);
    const data = seedData(clock.now(), 0);
    data.listings = {};
    withListings(
      data,
      DEMO.sellerId,
      ['SAME-1', 'SAME-2', 'ONLY-AMAZON'].map((sku, i) => listingRecord({ sku, asin: `B0CLI0000${i}`, ean: '', price: 10, quantity: 1 }, clock.now())),
    );
    const stateFile = join(dir, 'sim.json');
    writeFileSync(stateFile, JSON.stringify(data));
    sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false });
    const dbFile = join(dir, 'v.db');
    const db = openDatabase(dbFile);
    addCatalog(db, [{ sku: 'SAME-1', stock: 9 }, { sku: 'SAME-2', stock: 1 }, { sku: 'ONLY-CATALOG' }]);
    db.close();
    const env = { VITRINE_CLOCK_SCALE: '1000', VITRINE_CLOCK_ANCHOR: String(anchor), VITRINE_LOG_DIR: join(dir, 'logs'), VITRINE_LOCALE: 'pt-BR' };
    const link = capture();
    const bad = capture();

    const code = await runCli(['link-listings', '--db', dbFile, '--marketplace', BR, '--json', '--simulator', sim.url], link.io, env);
    const usage = await runCli(['link-listings', '--db', dbFile], bad.io, env);

    expect(code).toBe(0);
    expect(JSON.parse(link.out[0] ?? '{}')).toMatchObject({
      listings: 3,
      matched: { sku: 2 },
      counts: { linked: 2, unconfirmed: 2, amazonOnly: 1, catalogOnly: 1 },
    });
    expect(usage).toBe(2);
    expect(bad.err[0]).toContain('uso: link-listings');
  });

  it('rules-evaluate re-selects products from the catalog as it is now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-rules-cli-'));
    const dbFile = join(dir, 'v.db');
    const db = openDatabase(dbFile);
    addCatalog(db, [
      { sku: 'A', stock: 9 },
      { sku: 'B', stock: 1 },
    ]);
    saveRule(
      db,
      { accountId: 'demo', marketplaceId: BR },
      undefined,
      { name: 'Estoque', enabled: true, conditions: [{ kind: 'stock', min: 5 }], onExit: 'leave' },
      1,
    );
    addCatalog(db, [{ sku: 'C', stock: 30 }]);
    db.close();
    const c = capture();

    const code = await runCli(['rules-evaluate', '--db', dbFile, '--json'], c.io, { VITRINE_LOG_DIR: join(dir, 'logs') });

    expect(code).toBe(0);
    expect(JSON.parse(c.out[0] ?? '[]')).toEqual([{ accountId: 'demo', marketplaceId: BR, selected: 2 }]);
  });
});
