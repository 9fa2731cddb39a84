import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { runCycle } from '../../../main/sync/engine';
import { recheckListings } from '../../../main/sync/recheck';
import { FakeFeedClient } from './fake-feed-client';
import type { SpApiClient } from '../../../main/amazon/client';
import { addProduct, BR, setPrice, statusOf, syncDb } from './fixtures';

describe('recheckListings', () => {
  it('re-reads live listings 20 SKUs per call, newest first, within the budget, and turns late issues into errors', async () => {
    const db = syncDb();
    const clock = new VirtualClock();
    const feeds = new FakeFeedClient(clock);
    for (let i = 1; i <= 45; i++) addProduct(db, `P${i}`, [{ sku: `SKU${i}` }]);
    await runCycle({ db, client: feeds, clock, accountId: 'acc', lane: 'full', trigger: 'cli' });
    setPrice(db, 'SKU7', 999);
    await runCycle({ db, client: feeds, clock, accountId: 'acc', lane: 'fast', trigger: 'cli' });
    const asked: string[][] = [];
    const client = {
      searchListingsItems: async (p: { identifiers?: readonly string[] }) => {
        asked.push([...(p.identifiers ?? [])]);
        const items = (p.identifiers ?? []).map((sku) => ({
          sku,
          summaries: [{ marketplaceId: BR, asin: 'B0LATE0001', productType: 'HOME', status: [] }],
          issues: sku === 'SKU7' ? [{ code: '18027', message: 'Image does not meet requirements.', severity: 'ERROR' as const, categories: [] }] : [],
        }));
        return { numberOfResults: items.length, items };
      },
    } as unknown as Pick<SpApiClient, 'searchListingsItems'>;

    const calls = await recheckListings({ db, client, clock, accountId: 'acc', sellerId: 'SELLER1', marketplaceId: BR, maxCalls: 2 });

    expect(calls).toBe(2);
    expect(asked.map((a) => a.length)).toEqual([20, 20]);
    expect(asked[0]?.[0]).toBe('SKU7');
    expect(statusOf(db, 'SKU7')).toMatchObject({ status: 'error', asin: 'B0LATE0001' });
    expect(JSON.parse(statusOf(db, 'SKU7')?.issues ?? '[]')[0]).toMatchObject({ code: '18027', message: 'Image does not meet requirements.' });
    const unchecked = db.prepare(`SELECT count(*) AS n FROM sync_listings WHERE checked_at IS NULL`).get() as { n: number };
    expect(unchecked.n).toBe(5);
  });
});
