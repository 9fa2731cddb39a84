import { describe, expect, it } from 'vitest';
import { openDatabase, type ReadableDb } from '../../../main/db/connection';
import { getAccount } from '../../../main/db/tables/accounts';
import { readSendTimes } from '../../../main/db/tables/dashboard';
import { listFeedsOfRun } from '../../../main/db/tables/sync-feeds';
import { startRun, listRuns, finishRunIfComplete } from '../../../main/db/tables/sync-runs';
import { lastRunOf, listOverviewRows } from '../../../main/db/tables/sync-overview';
import { BR, syncDb } from '../sync/fixtures';

/** What a function holding a ReadableDb cannot call: each line fails to compile if the type lets it write. */
export function writesDoNotCompile(db: ReadableDb): void {
  // @ts-expect-error a read statement has no run
  db.prepare("DELETE FROM settings WHERE key = 'x'").run();
  // @ts-expect-error its modifiers keep it read-only
  db.prepare('SELECT 1').pluck().run();
  // @ts-expect-error no exec
  db.exec('DELETE FROM settings');
  // @ts-expect-error no transaction
  db.transaction(() => undefined);
  // @ts-expect-error no pragma
  db.pragma('journal_mode = DELETE');
}

describe('ReadableDb', () => {
  it("reads the Sincronização screen's rows and runs through a read-only connection", () => {
    const db = syncDb();
    const file = db.name;
    db.prepare(`INSERT INTO sync_listings (account_id, marketplace_id, sku, status, issues, updated_at) VALUES ('acc', ?, 'VASO-1', 'live', '[]', 5)`).run(BR);
    const run = startRun(db, 'acc', 'full', 'manual', 10);
    finishRunIfComplete(db, run, 20);
    db.close();

    const readOnly: ReadableDb = openDatabase(file, { readonly: true });
    expect(getAccount(readOnly, 'acc')?.marketplaces.map((m) => m.marketplaceId)).toEqual([BR]);
    expect(listOverviewRows(readOnly, { accountId: 'acc', marketplaceId: BR, offset: 0, limit: 10 }).items.map((r) => [r.sku, r.status])).toEqual([
      ['VASO-1', 'live'],
    ]);
    expect(listRuns(readOnly, 'acc', 0, 10).items.map((r) => [r.id, r.state])).toEqual([[run, 'done']]);
    expect(lastRunOf(readOnly, 'acc')).toMatchObject({ state: 'done', finishedAt: 20 });
    expect(readSendTimes(readOnly).lastSendAt).toBe(20);
    expect(listFeedsOfRun(readOnly, run)).toEqual([]);
  });

  it('fails a write that reaches SQLite anyway: get, all and iterate only read rows', () => {
    const db: ReadableDb = openDatabase(':memory:');
    expect(() => db.prepare("DELETE FROM settings WHERE key = 'x'").get()).toThrow(/does not return data/);
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").all()).toThrow(/does not return data/);
  });
});
