import Database from 'better-sqlite3';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../main/db/migrations';
import { migrate } from '../../../main/db/migrations/registry';
import { getFeed, getFeedContent, insertFeed } from '../../../main/db/tables/sync-feeds';
import type { Db } from '../../../main/db/connection';

describe('migration 14: feed documents in a table of their own', () => {
  it('moves every stored document out of sync_feeds, byte for byte, and new feeds keep theirs there', () => {
    const db = new Database(':memory:') as unknown as Db;
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 13));
    const old = deflateRawSync(Buffer.from('{"header":{},"messages":[{"messageId":1,"sku":"A"}]}'));
    db.prepare("INSERT INTO sync_runs (id, account_id, lane, trigger, state, started_at) VALUES (1, 'acc', 'full', 'cli', 'done', 0)").run();
    db.prepare(
      `INSERT INTO sync_feeds (id, run_id, account_id, marketplace_id, seq, step, messages, bytes, content, created_at)
       VALUES (7, 1, 'acc', 'M', 1, 'reported', 1, 50, ?, 0)`,
    ).run(old);

    migrate(db, migrations);

    expect(getFeedContent(db, 7).equals(old)).toBe(true);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('sync_feeds')).not.toContain('content');
    expect(getFeed(db, 7)).toMatchObject({ id: 7, step: 'reported', messages: 1 });
    const fresh = deflateRawSync(Buffer.from('{"messages":[]}'));
    const id = insertFeed(db, { runId: 1, accountId: 'acc', marketplaceId: 'M', seq: 2, messages: 0, bytes: 15, content: fresh, createdAt: 1 });
    expect(getFeedContent(db, id).equals(fresh)).toBe(true);
  });
});
