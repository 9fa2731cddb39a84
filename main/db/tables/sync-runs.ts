import type { z } from 'zod';
import type { syncRunViewSchema } from '../../../preload/contract/sync';
import type { Db, ReadableDb } from '../connection';

type SyncRunView = z.infer<typeof syncRunViewSchema>;
export type SyncLane = SyncRunView['lane'];
export type SyncTrigger = SyncRunView['trigger'];

/** A send cycle as stored: what the activity screen shows of it (less its feeds and duration), the calls it made and the error that ended it. */
export type SyncRunRow = Readonly<Omit<SyncRunView, 'feeds' | 'durationMs'>> & { readonly apiCalls: number; readonly error: string | null };

const COLUMNS = `id, account_id AS accountId, lane, trigger, state, started_at AS startedAt, finished_at AS finishedAt,
  sent, accepted, failed, skipped, api_calls AS apiCalls, error`;

export function startRun(db: Db, accountId: string, lane: SyncLane, trigger: SyncTrigger, now: number): number {
  return Number(
    db.prepare(`INSERT INTO sync_runs (account_id, lane, trigger, state, started_at) VALUES (?, ?, ?, 'running', ?)`).run(accountId, lane, trigger, now)
      .lastInsertRowid,
  );
}

export function addRunCounts(db: Db, runId: number, counts: Partial<Record<'sent' | 'accepted' | 'failed' | 'skipped' | 'apiCalls', number>>): void {
  db.prepare(
    `UPDATE sync_runs SET sent = sent + @sent, accepted = accepted + @accepted, failed = failed + @failed, skipped = skipped + @skipped,
       api_calls = api_calls + @apiCalls WHERE id = @id`,
  ).run({ sent: 0, accepted: 0, failed: 0, skipped: 0, apiCalls: 0, ...counts, id: runId });
}

/** A run is over when none of its feeds is open; a crashed run is finished by the next process. */
export function finishRunIfComplete(db: Db, runId: number, now: number, error?: string): void {
  db.prepare(
    `UPDATE sync_runs SET state = CASE WHEN @error IS NULL THEN 'done' ELSE 'failed' END, finished_at = @now, error = @error
     WHERE id = @id AND state = 'running' AND NOT EXISTS (SELECT 1 FROM sync_feeds WHERE run_id = @id AND step NOT IN ('reported','failed'))`,
  ).run({ id: runId, now, error: error ?? null });
}

export function listRuns(db: ReadableDb, accountId: string, offset: number, limit: number): { total: number; items: SyncRunRow[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM sync_runs WHERE account_id = ?').get(accountId) as { n: number }).n;
  const items = db
    .prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE account_id = ? ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(accountId, limit, offset) as SyncRunRow[];
  return { total, items };
}

export function lastFinishedRun(db: ReadableDb): SyncRunRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`).get() as SyncRunRow | undefined;
}
