import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { listOpenFeeds } from '../../../main/db/tables/sync-feeds';
import { runCycle, type CycleOptions } from '../../../main/sync/engine';
import { PumpInterrupted } from '../../../main/sync/pipeline';
import type { FeedStep } from '../../../main/db/tables/sync-feeds';
import type { Db } from '../../../main/db/connection';
import { FakeFeedClient } from './fake-feed-client';
import { addProduct, settings, setPrice, setStock, statusOf, syncDb } from './fixtures';

function setup() {
  const db = syncDb();
  const clock = new VirtualClock();
  const client = new FakeFeedClient(clock);
  const cycle = (extra: Partial<CycleOptions> = {}) => runCycle({ db, client, clock, accountId: 'acc', lane: 'full', trigger: 'cli', ...extra });
  return { db, clock, client, cycle };
}

function seed(db: Db, n: number): void {
  for (let i = 1; i <= n; i++) addProduct(db, `P${i}`, [{ sku: `SKU${i}` }]);
}

describe('runCycle', () => {
  it('sends every new SKU once and records Amazon verdicts per SKU', async () => {
    const { db, client, cycle } = setup();
    seed(db, 3);
    addProduct(db, 'PBAD', [{ sku: 'SKU-BAD' }]);

    const summary = await cycle();

    expect(summary).toMatchObject({ sent: 4, accepted: 3, failed: 1, feeds: 1 });
    expect(client.calls.createFeed).toBe(1);
    expect(statusOf(db, 'SKU1')).toMatchObject({ status: 'live', asin: 'B00000SKU1' });
    const bad = statusOf(db, 'SKU-BAD');
    expect(bad?.status).toBe('error');
    expect(JSON.parse(bad?.issues ?? '[]')).toEqual([
      { code: '90220', message: "'brand' is required but not supplied.", severity: 'ERROR', attributeName: 'brand' },
    ]);
    expect(listOpenFeeds(db, 'acc')).toEqual([]);
  });

  it('makes no write call when nothing changed', async () => {
    const { db, client, cycle } = setup();
    seed(db, 5);
    await cycle();
    const writes = client.writeCalls;

    const summary = await cycle();

    expect(client.writeCalls).toBe(writes);
    expect(summary.sent).toBe(0);
  });

  it('sends price/stock-only changes as PATCH, quantity before price', async () => {
    const { db, client, cycle } = setup();
    seed(db, 3);
    await cycle();
    setPrice(db, 'SKU1', 2590);
    setStock(db, 'SKU3', 4);

    await cycle({ lane: 'fast' });

    const feed = client.feeds.at(-1);
    expect(feed?.messages.map((m) => [m.sku, m.operationType])).toEqual([
      ['SKU3', 'PATCH'],
      ['SKU1', 'PATCH'],
    ]);
    expect(feed?.messages[0]?.patches).toEqual([
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 4, lead_time_to_ship_max_days: 2 }],
      },
    ]);
    expect(JSON.stringify(feed?.messages[1]?.patches)).toContain('25.9');
  });

  it('leaves content changes to the full cycle and sends them as UPDATE there', async () => {
    const { db, client, cycle } = setup();
    seed(db, 2);
    await cycle();
    db.prepare(`UPDATE products SET title = 'Novo título', updated_at = '2099-01-01T00:00:00.000Z' WHERE key = 'P2'`).run();

    await cycle({ lane: 'fast' });
    const afterFast = client.feeds.length;
    const statusAfterFast = statusOf(db, 'SKU2')?.status;
    await cycle({ lane: 'full' });

    expect(afterFast).toBe(1);
    expect(statusAfterFast).toBe('pending');
    expect(statusOf(db, 'SKU2')?.status).toBe('live');
    expect(client.feeds.at(-1)?.messages.map((m) => [m.sku, m.operationType])).toEqual([['SKU2', 'UPDATE']]);
  });

  it('does not send kits when the setting says so and explains why', async () => {
    const { db, client, cycle } = setup();
    settings(db, { sendKits: false });
    seed(db, 2);
    addProduct(db, 'KIT', [{ sku: 'KIT1' }]);
    const ids = db.prepare(`SELECT id, sku FROM skus`).all() as { id: number; sku: string }[];
    const id = (s: string) => ids.find((r) => r.sku === s)?.id;
    db.prepare('INSERT INTO kit_components (kit_sku_id, component_sku_id, quantity) VALUES (?, ?, 1), (?, ?, 2)').run(
      id('KIT1'),
      id('SKU1'),
      id('KIT1'),
      id('SKU2'),
    );

    const summary = await cycle();

    expect(summary.skipped).toBe(1);
    expect(statusOf(db, 'KIT1')).toMatchObject({ status: 'skipped', reason: 'kit_not_sent' });
    expect(client.messagesFor('KIT1')).toEqual([]);
  });

  it('sends quantity 0 below the safety stock and shows the SKU as paused', async () => {
    const { db, client, cycle } = setup();
    settings(db, { safetyStock: 5 });
    addProduct(db, 'P1', [{ sku: 'LOW', stock: 3 }]);

    await cycle();

    const [message] = client.messagesFor('LOW');
    expect(JSON.stringify(message?.attributes?.fulfillment_availability)).toContain('"quantity":0');
    expect(statusOf(db, 'LOW')?.status).toBe('paused');
  });

  it('stops deselected listings with quantity 0 first in the next cycle', async () => {
    const { db, client, cycle } = setup();
    seed(db, 2);
    await cycle();
    db.prepare(`UPDATE skus SET active = 0 WHERE sku = 'SKU2'`).run();
    setStock(db, 'SKU1', 1);

    await cycle();

    const feed = client.feeds.at(-1);
    expect(feed?.messages.map((m) => m.sku)).toEqual(['SKU2', 'SKU1']);
    expect(JSON.stringify(feed?.messages[0]?.patches)).toContain('"quantity":0');
    expect(statusOf(db, 'SKU2')).toMatchObject({ status: 'removed', reason: 'inactive' });
  });

  const steps: FeedStep[] = ['document_created', 'uploaded', 'submitting', 'submitted', 'processed'];
  it.each(steps)('resumes after a crash right after %s without submitting twice', async (step) => {
    const { db, client, cycle } = setup();
    seed(db, 4);
    const crash = (s: FeedStep) => {
      if (s === step) throw new PumpInterrupted(s);
    };

    await expect(cycle({ onPersisted: crash })).rejects.toBeInstanceOf(PumpInterrupted);
    const resumed = await cycle();

    expect(client.feeds).toHaveLength(1);
    expect(client.messagesFor('SKU1')).toHaveLength(1);
    expect(resumed.accepted).toBe(4);
    for (let i = 1; i <= 4; i++) expect(statusOf(db, `SKU${i}`)?.status).toBe('live');
  });

  it('gives up on an unreadable report after a few attempts and marks the SKUs for a resend', async () => {
    const { db, client, cycle } = setup();
    seed(db, 2);
    client.downloadFeedDocument = async () => {
      throw new Error('report storage unavailable');
    };

    const summary = await cycle();

    expect(summary.failed).toBe(2);
    expect(statusOf(db, 'SKU1')?.status).toBe('error');
    expect(listOpenFeeds(db, 'acc')).toEqual([]);
    const again = db.prepare(`SELECT count(*) AS n FROM sync_listings WHERE full_hash IS NULL`).get() as { n: number };
    expect(again.n).toBe(2);
  });

  it('reconciles an unknown createFeed outcome instead of resubmitting', async () => {
    const { db, client, cycle } = setup();
    seed(db, 2);
    client.nextCreateFeed = 'unknown-created';

    const summary = await cycle();

    expect(client.calls.createFeed).toBe(1);
    expect(client.calls.findFeedByDocumentId).toBe(1);
    expect(summary.accepted).toBe(2);
  });

  it('resubmits when reconciliation shows the feed was not created', async () => {
    const { db, client, cycle } = setup();
    seed(db, 2);
    client.nextCreateFeed = 'unknown-not-created';

    await cycle();

    expect(client.calls.createFeed).toBe(2);
    expect(client.feeds).toHaveLength(1);
    expect(statusOf(db, 'SKU2')?.status).toBe('live');
  });
});

describe('per-product handling time', () => {
  it('uses the characteristic named in the settings over the default', async () => {
    const { db, client, cycle } = setup();
    settings(db, { handlingTimeCharacteristic: 'Prazo de manuseio', handlingTimeDays: 2 });
    const productId = addProduct(db, 'P1', [{ sku: 'SLOW' }]);
    addProduct(db, 'P2', [{ sku: 'NORMAL' }]);
    db.prepare(`INSERT INTO characteristics (name) VALUES ('Prazo de manuseio')`).run();
    db.prepare(
      `INSERT INTO product_characteristics (product_id, characteristic_id, value) SELECT ?, id, '7' FROM characteristics WHERE name = 'Prazo de manuseio'`,
    ).run(productId);

    await cycle();

    const days = (sku: string) =>
      (client.messagesFor(sku)[0]?.attributes?.fulfillment_availability as { lead_time_to_ship_max_days: number }[])[0]?.lead_time_to_ship_max_days;
    expect(days('SLOW')).toBe(7);
    expect(days('NORMAL')).toBe(2);
  });
});
