import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { runCycle } from '../../../main/sync/engine';
import { FakeFeedClient } from './fake-feed-client';
import { addProduct, syncDb } from './fixtures';

describe('a submitted feed', () => {
  it('moves every one of its SKUs to "waiting", a few hundred per transaction, before the pump goes on', async () => {
    const db = syncDb();
    for (let i = 1; i <= 1234; i++) addProduct(db, `P${i}`, [{ sku: `SKU${i}` }]);
    const clock = new VirtualClock();
    const counts: Record<string, number>[] = [];
    await runCycle({
      db,
      client: new FakeFeedClient(clock),
      clock,
      accountId: 'acc',
      lane: 'full',
      trigger: 'cli',
      onPersisted: (step) => {
        if (step !== 'submitted') return;
        const rows = db.prepare('SELECT status, count(*) AS n FROM sync_listings GROUP BY status').all() as { status: string; n: number }[];
        counts.push(Object.fromEntries(rows.map((r) => [r.status, r.n])));
      },
    });
    expect(counts).toEqual([{ waiting: 1234 }]);
    expect(db.prepare("SELECT count(*) FROM sync_listings WHERE status = 'live' AND sent_at IS NOT NULL").pluck().get()).toBe(1234);
  });
});
