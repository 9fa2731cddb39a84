import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { saveAccount } from '../../../../main/db/tables/accounts';
import { countStatuses } from '../../../../main/db/tables/sync-listings';
import { countStatusesIn, listCauseGroups } from '../../../../main/db/tables/sync-overview';

const BR = 'A2Q3Y263D00KWC';
const MX = 'A1AM78C64UM0Y8';

function account(db: Db): void {
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
    marketplaces: [
      { marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true },
      { marketplaceId: MX, countryCode: 'MX', name: 'Amazon.com.mx', currency: 'MXN', language: 'es_MX', participating: true, enabled: true },
    ],
  });
}

function put(db: Db, marketplace: string, sku: string, status: string, issues = '[]'): void {
  db.prepare(
    `INSERT INTO sync_listings (account_id, marketplace_id, sku, status, issues, updated_at) VALUES ('a', ?, ?, ?, ?, 0)
     ON CONFLICT (account_id, marketplace_id, sku) DO UPDATE SET status = excluded.status, issues = excluded.issues`,
  ).run(marketplace, sku, status, issues);
}

/** What a count of the rows themselves says. */
function counted(db: Db, marketplace?: string): Record<string, number> {
  const rows = db
    .prepare(`SELECT status, count(*) AS n FROM sync_listings WHERE account_id = 'a' ${marketplace ? 'AND marketplace_id = ?' : ''} GROUP BY status`)
    .all(...(marketplace ? [marketplace] : [])) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const refused = JSON.stringify([{ code: '90220', message: 'brand is required', severity: 'ERROR', attributeName: 'brand' }]);

describe('send counters kept as rows are written', () => {
  it('agree with a count of the rows through inserts, status changes, upserts, deletes and a rolled-back transaction', () => {
    const db = openDatabase(':memory:');
    account(db);
    put(db, BR, 'A', 'sending');
    // First use: the counts are built from the rows there are.
    expect(countStatusesIn(db, { accountId: 'a', marketplaceId: BR })).toEqual({ sending: 1 });

    put(db, BR, 'B', 'sending');
    put(db, BR, 'A', 'live');
    put(db, MX, 'A', 'error', refused);
    db.prepare("UPDATE sync_listings SET status = 'waiting' WHERE sku = 'B'").run();
    db.prepare("DELETE FROM sync_listings WHERE marketplace_id = ? AND sku = 'A'").run(BR);
    put(db, BR, 'C', 'skipped');
    expect(() =>
      db.transaction(() => {
        put(db, BR, 'D', 'live');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');

    expect(countStatusesIn(db, { accountId: 'a', marketplaceId: BR })).toEqual(counted(db, BR));
    expect(countStatusesIn(db, { accountId: 'a', marketplaceId: MX })).toEqual(counted(db, MX));
    expect(countStatuses(db, 'a')).toEqual(counted(db));
    expect(countStatuses(db, 'a')).toEqual({ waiting: 1, skipped: 1, error: 1 });
  });

  it('are rebuilt when another connection wrote, and the causes follow the refused rows', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vitrine-counts-')), 'v.db');
    const db = openDatabase(file);
    account(db);
    put(db, BR, 'A', 'error', refused);
    expect(countStatusesIn(db, { accountId: 'a', marketplaceId: BR })).toEqual({ error: 1 });
    expect(listCauseGroups(db, { accountId: 'a', marketplaceId: BR }).map((g) => g.skus)).toEqual([1]);

    // Another process (the CLI) sends the same database's rows on.
    const other = openDatabase(file);
    put(other, BR, 'B', 'error', refused);
    put(other, BR, 'A', 'live');
    other.close();
    expect(countStatusesIn(db, { accountId: 'a', marketplaceId: BR })).toEqual({ error: 1, live: 1 });
    expect(listCauseGroups(db, { accountId: 'a', marketplaceId: BR }).map((g) => g.skus)).toEqual([1]);

    // This connection refuses one more: the causes are computed again.
    put(db, BR, 'C', 'error', refused);
    expect(listCauseGroups(db, { accountId: 'a', marketplaceId: BR }).map((g) => g.skus)).toEqual([2]);
    put(db, BR, 'C', 'live');
    put(db, BR, 'B', 'live');
    expect(listCauseGroups(db, { accountId: 'a', marketplaceId: BR })).toEqual([]);
    expect(countStatusesIn(db, { accountId: 'a', marketplaceId: BR })).toEqual({ live: 3 });
    db.close();
  });
});
