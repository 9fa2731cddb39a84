import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import type { Db } from '../../../main/db/connection';
import { getAccount } from '../../../main/db/tables/accounts';
import { runCycle, type CycleOptions } from '../../../main/sync/engine';
import { planOnThread, planThreadEntry, PlanThreadUnavailable } from '../../../main/sync/plan-host';
import { FakeFeedClient } from './fake-feed-client';
import { addProduct, setPrice, setStock, syncDb } from './fixtures';

/** A catalog with what planning decides differently: families, a listing Amazon's schema refuses, an inactive SKU, no price. */
function seed(db: Db): void {
  for (let i = 1; i <= 40; i++) addProduct(db, `P${i}`, [{ sku: `SKU${i}`, stock: i, priceCents: 1000 + i }]);
  addProduct(db, 'FAM', [
    { sku: 'FAM-P', variation: { Cor: 'Azul', Tamanho: 'P' } },
    { sku: 'FAM-G', variation: { Cor: 'Azul', Tamanho: 'G' } },
  ]);
  addProduct(db, 'OFF', [{ sku: 'SKU-OFF', active: false }]);
  addProduct(db, 'NOPRICE', [{ sku: 'SKU-NOPRICE', priceCents: null }]);
  db.prepare("UPDATE products SET brand = NULL WHERE key = 'P7'").run();
}

function setup(planner: CycleOptions['planner']) {
  const db = syncDb();
  seed(db);
  const clock = new VirtualClock();
  const client = new FakeFeedClient(clock);
  const cycle = (lane: CycleOptions['lane']) => runCycle({ db, client, clock, accountId: 'acc', lane, trigger: 'cli', planner });
  return { db, client, cycle };
}

/** Every SKU's row; the stamps carry the catalog's write times, which differ between the two databases. */
function rows(db: Db): unknown[] {
  const all = db
    .prepare(
      `SELECT sku, status, reason, source_stamp, full_hash, content_hash, price_hash, quantity_hash, issues, product_type, feed_row_id
       FROM sync_listings ORDER BY sku`,
    )
    .all() as { source_stamp: string | null }[];
  return all.map((r) => ({ ...r, source_stamp: r.source_stamp?.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T') }));
}

describe('the planning thread', () => {
  it('plans exactly what the core thread plans: the same documents, SKU statuses and fingerprints, full cycle and fast lane', async () => {
    const core = setup('core');
    const thread = setup('thread');
    for (const side of [core, thread]) {
      await side.cycle('full');
      setPrice(side.db, 'SKU3', 2590);
      setStock(side.db, 'SKU5', 0);
      await side.cycle('fast');
      side.db.prepare("UPDATE products SET title = 'Novo título', updated_at = updated_at + 1 WHERE key = 'P9'").run();
      await side.cycle('full');
    }
    expect(thread.client.feeds.map((f) => f.messages)).toEqual(core.client.feeds.map((f) => f.messages));
    expect(core.client.feeds.length).toBeGreaterThanOrEqual(3);
    expect(rows(thread.db)).toEqual(rows(core.db));
    expect(rows(core.db).length).toBeGreaterThan(40);
  });

  it('says it is unavailable when the thread cannot start, so the engine plans on its own thread', async () => {
    const db = syncDb();
    const account = getAccount(db, 'acc');
    const marketplace = account?.marketplaces[0];
    if (!marketplace) throw new Error('no marketplace');
    const missing = { url: new URL('file:///nonexistent/plan-thread.js') };
    const data = {
      file: db.name,
      binding: undefined,
      logDir: undefined,
      locale: 'pt-BR' as const,
      request: { accountId: 'acc', lane: 'full' as const, today: '2026-12-08', marketplace },
    };
    await expect(planOnThread(missing, data).next()).rejects.toBeInstanceOf(PlanThreadUnavailable);
  });

  it('finds the built thread module beside the core bundle or one folder up, and the source through tsx in a checkout', () => {
    expect(planThreadEntry('file:///app/out/main/core.js', (f) => f === '/app/out/main/plan-thread.js')?.url.href).toBe('file:///app/out/main/plan-thread.js');
    expect(planThreadEntry('file:///app/out/main/chunks/engine-x.js', (f) => f === '/app/out/main/plan-thread.js')?.url.href).toBe(
      'file:///app/out/main/plan-thread.js',
    );
    expect(planThreadEntry('file:///app/out/main/core.js', () => false)).toBeUndefined();
    const source = planThreadEntry();
    expect(decodeURIComponent(source?.url.href ?? '')).toContain('main/sync/plan-thread.ts');
  });
});
