import type { Db } from '../db/connection';
import type { FeedPatch, SyncFeedRow } from '../db/tables/sync-feeds';
import { getFeed, getFeedContent, knownFeedIds, listOpenFeeds, listSubmissionTimes, updateFeed } from '../db/tables/sync-feeds';
import { listFeedMessages, markFeedWaiting, prepareOutcomeWriter, type MessageOutcome, type MessageRef } from '../db/tables/sync-listings';
import { finishRunIfComplete } from '../db/tables/sync-runs';
import { timeSlice } from '../background/yield';

/** SKUs moved to "waiting" per transaction when their feed is submitted. */
const WAITING_PER_TRANSACTION = 500;

/** SKU verdicts written per transaction: a few tens of milliseconds each. */
const OUTCOMES_PER_TRANSACTION = 250;

/**
 * What the feed pump reads and writes for one account. The pump holds no SQL: it is given a
 * store, and every write that must survive a crash goes through one of these calls.
 */
export interface FeedStore {
  /** The open feeds (neither reported nor failed), oldest first, as the store last read or wrote them. */
  open(): readonly SyncFeedRow[];
  /** Reads the open feeds again (after a step failed half-way). */
  reload(): void;
  /** The feed as stored now. */
  read(id: number): SyncFeedRow | undefined;
  update(id: number, patch: FeedPatch): void;
  /** The document as it was built (deflated). */
  content(id: number): Buffer;
  messages(id: number): MessageRef[];
  /** Every feedId the account holds, so a reconciliation can tell our feeds from others'. */
  knownFeedIds(): string[];
  /** When the account's recent createFeed calls were made: the createFeed quota's history. */
  submissionTimes(): readonly number[];
  /** createFeed answered: the feed is submitted (one write), then its SKUs wait for Amazon. */
  markSubmitted(id: number, patch: FeedPatch, submittedAt: number): void | Promise<void>;
  /** The feed ends: each SKU's outcome and the feed's last patch, in one transaction. */
  finish(feed: SyncFeedRow, outcomes: readonly MessageOutcome[], patch: FeedPatch, now: number): void | Promise<void>;
  /** Closes a send cycle whose feeds have all ended. */
  finishRun(runId: number, now: number, error: string): void;
}

/**
 * The account's feeds in SQLite. Only the pump writes sync_feeds, so the open feeds are read once
 * and this copy is kept current on every write; `reload` reads the table again (when the cycle has
 * written more documents). The documents themselves are read only to upload them.
 */
export function sqliteFeedStore(db: Db, accountId: string, submittedSince: number): FeedStore {
  let open = listOpenFeeds(db, accountId);
  const submissions = listSubmissionTimes(db, accountId, submittedSince);
  const update = (id: number, patch: FeedPatch) => {
    updateFeed(db, id, patch);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as FeedPatch;
    open = open.flatMap((f) => {
      if (f.id !== id) return [f];
      const next: SyncFeedRow = { ...f, ...defined };
      return next.step === 'reported' || next.step === 'failed' ? [] : [next];
    });
  };
  return {
    open: () => open,
    reload: () => {
      open = listOpenFeeds(db, accountId);
    },
    read: (id) => getFeed(db, id),
    update,
    content: (id) => getFeedContent(db, id),
    messages: (id) => listFeedMessages(db, id),
    knownFeedIds: () => knownFeedIds(db, accountId),
    submissionTimes: () => submissions,
    markSubmitted: async (id, patch, submittedAt) => {
      // What a crash must not lose goes first, in one statement: the feed is submitted, under its
      // feedId. Its SKUs then move from "sending" to "waiting" a few hundred per transaction, giving
      // the thread up between them; a crash in between leaves some reading "sending" until the
      // report, which settles every SKU of the feed whatever it reads.
      update(id, patch);
      submissions.push(submittedAt);
      const slice = timeSlice();
      while (markFeedWaiting(db, id, submittedAt, WAITING_PER_TRANSACTION) === WAITING_PER_TRANSACTION) {
        if (slice.spent()) await slice.next();
      }
    },
    finish: async (feed, outcomes, patch, now) => {
      // A report's verdicts (thousands of SKUs) are written in batches, one transaction each,
      // giving the thread up between them; the feed's own end goes with the last batch. A crash in
      // between leaves the feed `processed`: the report is read again and the SKUs not yet written
      // get their verdicts (a written one no longer points at the feed, so it is not written twice).
      const write = prepareOutcomeWriter(db, feed, now);
      const slice = timeSlice();
      for (let at = 0; at + OUTCOMES_PER_TRANSACTION < outcomes.length; at += OUTCOMES_PER_TRANSACTION) {
        db.transaction(() => outcomes.slice(at, at + OUTCOMES_PER_TRANSACTION).forEach(write))();
        if (slice.spent()) await slice.next();
      }
      const last = outcomes.length === 0 ? 0 : Math.floor((outcomes.length - 1) / OUTCOMES_PER_TRANSACTION) * OUTCOMES_PER_TRANSACTION;
      db.transaction(() => {
        outcomes.slice(last).forEach(write);
        update(feed.id, patch);
      })();
    },
    finishRun: (runId, now, error) => finishRunIfComplete(db, runId, now, error),
  };
}
