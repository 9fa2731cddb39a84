import type { Db } from '../connection';
import { timed } from '../connection';
import type { SyncStatus } from '../../../preload/contract/sync';

/**
 * The send counters without counting: the Sincronização screen, the dashboard and every status
 * push ask for the number of rows in each status, and counting 100k rows takes tens of
 * milliseconds each time — in the middle of a publish, several times a second. So each connection
 * keeps the counts in a TEMP table that TEMP triggers on `sync_listings` adjust as rows are
 * written (inside the writing transaction, so a rollback takes them back too). Nothing of this is
 * stored in the database file: it is rebuilt with one count on first use, and again whenever
 * another connection (another process, the import's connection) has committed since, which
 * `PRAGMA data_version` tells.
 *
 * The same triggers bump a version whenever a row that is, or was, refused or left out (status
 * `error` or `skipped`) changes: what the screen groups by cause is computed again only then.
 */

const SETUP = `
  CREATE TEMP TABLE IF NOT EXISTS sync_status_counts (
    account_id TEXT NOT NULL, marketplace_id TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (account_id, marketplace_id, status)) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS sync_problem_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
  INSERT OR IGNORE INTO sync_problem_version (id, v) VALUES (1, 0);
  CREATE TEMP TRIGGER IF NOT EXISTS sync_status_counts_insert AFTER INSERT ON main.sync_listings BEGIN
    INSERT INTO sync_status_counts (account_id, marketplace_id, status, n) VALUES (new.account_id, new.marketplace_id, new.status, 1)
      ON CONFLICT (account_id, marketplace_id, status) DO UPDATE SET n = n + 1;
    UPDATE sync_problem_version SET v = v + 1 WHERE new.status IN ('error','skipped');
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS sync_status_counts_delete AFTER DELETE ON main.sync_listings BEGIN
    UPDATE sync_status_counts SET n = n - 1 WHERE account_id = old.account_id AND marketplace_id = old.marketplace_id AND status = old.status;
    UPDATE sync_problem_version SET v = v + 1 WHERE old.status IN ('error','skipped');
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS sync_status_counts_move AFTER UPDATE OF account_id, marketplace_id, status ON main.sync_listings
    WHEN old.status IS NOT new.status OR old.account_id IS NOT new.account_id OR old.marketplace_id IS NOT new.marketplace_id BEGIN
    UPDATE sync_status_counts SET n = n - 1 WHERE account_id = old.account_id AND marketplace_id = old.marketplace_id AND status = old.status;
    INSERT INTO sync_status_counts (account_id, marketplace_id, status, n) VALUES (new.account_id, new.marketplace_id, new.status, 1)
      ON CONFLICT (account_id, marketplace_id, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS sync_problem_changed AFTER UPDATE ON main.sync_listings
    WHEN old.status IN ('error','skipped') OR new.status IN ('error','skipped') BEGIN
    UPDATE sync_problem_version SET v = v + 1;
  END;`;

/** Per connection: the `data_version` the counts were last rebuilt at. */
const rebuiltAt = new WeakMap<Db, number>();

/**
 * Sets up the triggers once, and rebuilds the counts when another connection has committed since.
 * False when that cannot be done now (the connection is read-only, or busy with a statement being
 * iterated): the caller then counts the rows themselves.
 */
function fresh(db: Db): boolean {
  const version = db.pragma('data_version', { simple: true }) as number;
  if (rebuiltAt.get(db) === version) return true;
  if (db.readonly) return false;
  try {
    rebuild(db);
  } catch {
    return false;
  }
  rebuiltAt.set(db, version);
  return true;
}

function rebuild(db: Db): void {
  timed('syncStatusCounts', () =>
    db.transaction(() => {
      db.exec(SETUP);
      db.prepare('DELETE FROM temp.sync_status_counts').run();
      db.prepare(
        `INSERT INTO temp.sync_status_counts (account_id, marketplace_id, status, n)
         SELECT account_id, marketplace_id, status, count(*) FROM main.sync_listings GROUP BY account_id, marketplace_id, status`,
      ).run();
      db.prepare('UPDATE temp.sync_problem_version SET v = v + 1').run();
    })(),
  );
}

/** Rows per status of an account, in one marketplace or all of them. */
export function statusCounts(db: Db, accountId: string, marketplaceId?: string): Partial<Record<SyncStatus, number>> {
  const rows = (
    !fresh(db)
      ? marketplaceId === undefined
        ? db.prepare('SELECT status, count(*) AS n FROM sync_listings WHERE account_id = ? GROUP BY status').all(accountId)
        : db
            .prepare('SELECT status, count(*) AS n FROM sync_listings WHERE account_id = ? AND marketplace_id = ? GROUP BY status')
            .all(accountId, marketplaceId)
      : marketplaceId === undefined
        ? db.prepare('SELECT status, sum(n) AS n FROM temp.sync_status_counts WHERE account_id = ? GROUP BY status').all(accountId)
        : db.prepare('SELECT status, n FROM temp.sync_status_counts WHERE account_id = ? AND marketplace_id = ?').all(accountId, marketplaceId)
  ) as { status: SyncStatus; n: number }[];
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.status, r.n]));
}

/**
 * Changes whenever a refused or left-out row changes (or the counts were rebuilt): cause groups
 * keyed on it stay right. Null when it cannot be known now (compute them afresh).
 */
export function problemVersion(db: Db): number | null {
  if (!fresh(db)) return null;
  return db.prepare('SELECT v FROM temp.sync_problem_version WHERE id = 1').pluck().get() as number;
}
