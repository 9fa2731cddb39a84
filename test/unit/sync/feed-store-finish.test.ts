import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { getFeed, insertFeed } from '../../../main/db/tables/sync-feeds';
import { prepareBuiltWriter, type MessageOutcome } from '../../../main/db/tables/sync-listings';
import { startRun } from '../../../main/db/tables/sync-runs';
import { sqliteFeedStore } from '../../../main/sync/feed-store';

const BR = 'A2Q3Y263D00KWC';
const SKUS = 600;

/** An account with one processed feed of SKUS messages, each SKU "sending" in it. */
function world(): { db: Db; feedId: number } {
  const db = openDatabase(':memory:');
  saveAccount(db, {
    id: 'a',
    label: 'A',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: 'S',
    lwaClientId: 'c',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  const runId = startRun(db, 'a', 'full', 'cli', 0);
  const feedId = insertFeed(db, { runId, accountId: 'a', marketplaceId: BR, seq: 1, messages: SKUS, bytes: 1, content: Buffer.from('x'), createdAt: 0 });
  db.prepare("UPDATE sync_feeds SET step = 'processed', feed_id = 'F1', processing_status = 'DONE' WHERE id = ?").run(feedId);
  const write = prepareBuiltWriter(db, 'a', BR, 0);
  for (let i = 0; i < SKUS; i += 1) {
    write({
      sku: `SKU${String(i).padStart(3, '0')}`,
      stamp: 's',
      status: 'sending',
      reason: null,
      productType: 'HOME',
      send: { feedRowId: feedId, messageId: i + 1, operation: 'UPDATE' },
    });
  }
  return { db, feedId };
}

const live = (i: number): MessageOutcome => ({ sku: `SKU${String(i).padStart(3, '0')}`, status: 'live', issues: [], onAmazon: true });

describe("a report's verdicts written in batches", () => {
  it('a failure after the first batch leaves the feed processed, the written SKUs done, and the rerun writes only the rest', async () => {
    const { db, feedId } = world();
    const store = sqliteFeedStore(db, 'a', 0);
    const feed = store.read(feedId);
    if (!feed) throw new Error('no feed');
    // The second batch cannot be written (a status the table refuses), as if the process died there.
    const broken = Array.from({ length: SKUS }, (_, i) => (i === 300 ? { ...live(i), status: 'nonsense' as never } : live(i)));

    await expect(Promise.resolve(store.finish(feed, broken, { step: 'reported', accepted: SKUS, invalid: 0, finishedAt: 1 }, 100))).rejects.toThrow();

    expect(getFeed(db, feedId)?.step).toBe('processed');
    const rows = () =>
      db.prepare('SELECT sku, status, updated_at AS at, feed_row_id AS feed FROM sync_listings ORDER BY sku').all() as {
        sku: string;
        status: string;
        at: number;
        feed: number | null;
      }[];
    expect(
      rows()
        .filter((r) => r.status === 'live')
        .map((r) => r.sku),
    ).toEqual(Array.from({ length: 250 }, (_, i) => live(i).sku));
    expect(rows().filter((r) => r.status === 'sending' && r.feed === feedId)).toHaveLength(SKUS - 250);
    // The report is read again after a restart: only the SKUs still in the feed are its messages now.
    expect(store.messages(feedId)).toHaveLength(SKUS - 250);

    await store.finish(
      feed,
      Array.from({ length: SKUS }, (_, i) => live(i)),
      { step: 'reported', accepted: SKUS, invalid: 0, finishedAt: 2 },
      200,
    );

    expect(getFeed(db, feedId)?.step).toBe('reported');
    const after = rows();
    expect(after.every((r) => r.status === 'live' && r.feed === null)).toBe(true);
    // The first batch was written once, by the first attempt.
    expect(after.filter((r) => r.at === 100)).toHaveLength(250);
    expect(after.filter((r) => r.at === 200)).toHaveLength(SKUS - 250);
  });
});
