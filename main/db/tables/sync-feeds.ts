import type { Db, ReadableDb } from '../connection';

/** The persisted steps of one JSON_LISTINGS_FEED, in order. */
export type FeedStep = 'built' | 'document_created' | 'uploaded' | 'submitting' | 'submitted' | 'processed' | 'reported' | 'failed';

export interface SyncFeedRow {
  readonly id: number;
  readonly runId: number;
  readonly accountId: string;
  readonly marketplaceId: string;
  readonly seq: number;
  readonly step: FeedStep;
  readonly messages: number;
  readonly bytes: number;
  readonly documentId: string | null;
  readonly documentCreatedAt: number | null;
  readonly submitAttemptedAt: number | null;
  readonly feedId: string | null;
  readonly submittedAt: number | null;
  readonly processingStatus: string | null;
  readonly resultDocumentId: string | null;
  readonly nextTryAt: number;
  readonly attempts: number;
  readonly accepted: number | null;
  readonly invalid: number | null;
  readonly error: string | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
}

const COLUMNS = `id, run_id AS runId, account_id AS accountId, marketplace_id AS marketplaceId, seq, step, messages, bytes,
  document_id AS documentId, document_created_at AS documentCreatedAt, submit_attempted_at AS submitAttemptedAt, feed_id AS feedId,
  submitted_at AS submittedAt, processing_status AS processingStatus, result_document_id AS resultDocumentId, next_try_at AS nextTryAt,
  attempts, accepted, invalid, error, created_at AS createdAt, finished_at AS finishedAt`;

export interface NewFeed {
  readonly runId: number;
  readonly accountId: string;
  readonly marketplaceId: string;
  readonly seq: number;
  readonly messages: number;
  readonly bytes: number;
  readonly content: Buffer;
  readonly createdAt: number;
}

/** A feed and its document (two rows): call inside the transaction that writes its SKUs. */
export function insertFeed(db: Db, f: NewFeed): number {
  const r = db
    .prepare(
      `INSERT INTO sync_feeds (run_id, account_id, marketplace_id, seq, step, messages, bytes, created_at)
       VALUES (?, ?, ?, ?, 'built', ?, ?, ?)`,
    )
    .run(f.runId, f.accountId, f.marketplaceId, f.seq, f.messages, f.bytes, f.createdAt);
  const id = Number(r.lastInsertRowid);
  db.prepare('INSERT INTO sync_feed_documents (feed_row_id, content) VALUES (?, ?)').run(id, f.content);
  return id;
}

export function getFeed(db: ReadableDb, id: number): SyncFeedRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM sync_feeds WHERE id = ?`).get(id) as SyncFeedRow | undefined;
}

/** Feeds of an account not yet finished, in submission order. */
export function listOpenFeeds(db: ReadableDb, accountId: string): SyncFeedRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM sync_feeds WHERE account_id = ? AND step NOT IN ('reported','failed') ORDER BY seq, id`)
    .all(accountId) as SyncFeedRow[];
}

export function getFeedContent(db: ReadableDb, id: number): Buffer {
  const row = db.prepare('SELECT content FROM sync_feed_documents WHERE feed_row_id = ?').get(id) as { content: Buffer } | undefined;
  if (!row) throw new Error(`sync feed ${id} not found`);
  return row.content;
}

/** When this account's recent feeds were submitted (for Amazon's per-region submission caps). */
export function listSubmissionTimes(db: ReadableDb, accountId: string, since: number): number[] {
  return (
    db.prepare('SELECT submitted_at AS t FROM sync_feeds WHERE account_id = ? AND submitted_at >= ? ORDER BY submitted_at').all(accountId, since) as {
      t: number;
    }[]
  ).map((r) => r.t);
}

export function knownFeedIds(db: ReadableDb, accountId: string): string[] {
  return (db.prepare('SELECT feed_id AS id FROM sync_feeds WHERE account_id = ? AND feed_id IS NOT NULL').all(accountId) as { id: string }[]).map((r) => r.id);
}

export function nextFeedSeq(db: ReadableDb): number {
  return ((db.prepare('SELECT max(seq) AS m FROM sync_feeds').get() as { m: number | null }).m ?? 0) + 1;
}

export type FeedPatch = Partial<{
  step: FeedStep;
  documentId: string | null;
  documentCreatedAt: number | null;
  submitAttemptedAt: number | null;
  feedId: string;
  submittedAt: number;
  processingStatus: string;
  resultDocumentId: string | null;
  nextTryAt: number;
  attempts: number;
  accepted: number;
  invalid: number;
  error: string | null;
  finishedAt: number;
}>;

const COLUMN_OF: Record<keyof FeedPatch, string> = {
  step: 'step',
  documentId: 'document_id',
  documentCreatedAt: 'document_created_at',
  submitAttemptedAt: 'submit_attempted_at',
  feedId: 'feed_id',
  submittedAt: 'submitted_at',
  processingStatus: 'processing_status',
  resultDocumentId: 'result_document_id',
  nextTryAt: 'next_try_at',
  attempts: 'attempts',
  accepted: 'accepted',
  invalid: 'invalid',
  error: 'error',
  finishedAt: 'finished_at',
};

export function updateFeed(db: Db, id: number, patch: FeedPatch): void {
  const keys = (Object.keys(patch) as (keyof FeedPatch)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return;
  const sets = keys.map((k) => `${COLUMN_OF[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE sync_feeds SET ${sets} WHERE id = @id`).run({ ...patch, id });
}

export function listFeedsOfRun(db: ReadableDb, runId: number): SyncFeedRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM sync_feeds WHERE run_id = ? ORDER BY seq`).all(runId) as SyncFeedRow[];
}
