import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { vanishedSkuPages } from '../../../main/db/tables/sync-listings';
import { runCycle } from '../../../main/sync/engine';
import { FakeFeedClient } from './fake-feed-client';
import { addProduct, BR, syncDb } from './fixtures';

describe('listings whose SKU left the catalog', () => {
  it('are found on every page of the scan, the last one included, and stopped by the next cycle', async () => {
    const db = syncDb();
    const clock = new VirtualClock();
    const client = new FakeFeedClient(clock);
    const cycle = () => runCycle({ db, client, clock, accountId: 'acc', lane: 'full', trigger: 'cli' });
    for (let i = 1; i <= 7; i++) addProduct(db, `P${i}`, [{ sku: `SKU${i}` }]);
    await cycle();
    for (const sku of ['SKU2', 'SKU5', 'SKU7']) {
      db.prepare('DELETE FROM listing_selections WHERE product_id = (SELECT product_id FROM skus WHERE sku = ?)').run(sku);
      db.prepare('DELETE FROM products WHERE id = (SELECT product_id FROM skus WHERE sku = ?)').run(sku);
    }

    const pages = [...vanishedSkuPages(db, 'acc', BR, [], 2)];

    expect(pages.flat().map((v) => v.sku)).toEqual(['SKU2', 'SKU5', 'SKU7']);
    expect(pages.length).toBe(4);
    expect([...vanishedSkuPages(db, 'acc', BR, ['SKU5'], 3)].flat().map((v) => v.sku)).toEqual(['SKU2', 'SKU7']);
    await cycle();
    // Stopped as the settings say (here a quantity-0 PATCH), the three and nothing else.
    const stops = client.feeds.at(-1)?.messages ?? [];
    expect(stops.map((m) => m.sku)).toEqual(['SKU2', 'SKU5', 'SKU7']);
    expect(stops.map((m) => JSON.stringify(m.patches))).toEqual(Array(3).fill(expect.stringContaining('"quantity":0')));
  });
});
