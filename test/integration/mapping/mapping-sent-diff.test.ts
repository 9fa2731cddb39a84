import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { lastSent } from '../../../main/db/tables/listing-sources';
import { diffAgainstSent } from '../../../main/mapping/sent-diff';
import { BR } from './mapping-helpers';

const scope = { accountId: 'acc', marketplaceId: BR };

/** A feed as the send engine stores it: the document deflated raw, the SKU row pointing at its message. */
function recordSent(db: Db, sku: string, message: Record<string, unknown>): void {
  const doc = { header: { sellerId: 'S', version: '2.0' }, messages: [{ messageId: 1, sku: 'OTHER', operationType: 'DELETE' }, { messageId: 2, sku, ...message }] };
  const run = db.prepare("INSERT INTO sync_runs (account_id, lane, trigger, state, started_at) VALUES ('acc', 'full', 'manual', 'done', 1)").run();
  const feed = db
    .prepare(
      `INSERT INTO sync_feeds (run_id, account_id, marketplace_id, seq, step, messages, bytes, content, created_at)
       VALUES (?, 'acc', ?, 1, 'reported', 2, 10, ?, 1)`,
    )
    .run(run.lastInsertRowid, BR, deflateRawSync(Buffer.from(JSON.stringify(doc))));
  db.prepare(
    `INSERT INTO sync_listings (account_id, marketplace_id, sku, status, full_hash, feed_row_id, message_id, sent_at, updated_at)
     VALUES ('acc', ?, ?, 'live', 'H', ?, 2, 1234, 1)`,
  ).run(BR, sku, feed.lastInsertRowid);
}

describe('diff against what was last sent', () => {
  it('reads the SKU message back from the stored feed document', () => {
    const db = openDatabase(':memory:');
    recordSent(db, 'CAM-1', { operationType: 'UPDATE', productType: 'SHIRT', attributes: { color: [{ value: 'Blue' }] } });

    expect(lastSent(db, scope, 'CAM-1')).toEqual({
      fullHash: 'H',
      sentAt: 1234,
      message: { messageId: 2, sku: 'CAM-1', operationType: 'UPDATE', productType: 'SHIRT', attributes: { color: [{ value: 'Blue' }] } },
    });
    expect(lastSent(db, scope, 'NEVER')).toBeUndefined();
  });

  it('after an UPDATE reports added, removed and changed attributes, ignoring key order', () => {
    const sent = { operationType: 'UPDATE', attributes: { color: [{ value: 'Blue', marketplace_id: BR }], size: [{ value: 'M' }], brand: [{ value: 'X' }] } };
    const now = { color: [{ marketplace_id: BR, value: 'Blue' }], size: [{ value: 'L' }], department: [{ value: 'Womens' }] };

    expect(diffAgainstSent(sent, now).map((c) => [c.attribute, c.change])).toEqual([
      ['brand', 'removed'],
      ['department', 'added'],
      ['size', 'changed'],
    ]);
  });

  it('after a PATCH compares only the patched offer attributes', () => {
    const sent = { operationType: 'PATCH', patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ quantity: 3 }] }] };
    const now = { fulfillment_availability: [{ quantity: 5 }], item_name: [{ value: 'Camiseta' }] };

    expect(diffAgainstSent(sent, now)).toEqual([
      { attribute: 'fulfillment_availability', change: 'changed', before: JSON.stringify([{ quantity: 3 }], null, 2), after: JSON.stringify([{ quantity: 5 }], null, 2) },
    ]);
  });
});
