import { inflateRawSync } from 'node:zlib';
import type { SpApiClient } from '../amazon/client';
import type { Clock } from '../amazon/clock';
import { OutcomeUnknownError, SpApiError, TransferStatusError } from '../amazon/errors';
import { isCredentialRejection } from '../amazon/lwa';
import type { Db } from '../db/connection';
import type { FeedPatch, FeedStep, SyncFeedRow } from '../db/tables/sync-feeds';
import { getFeed as getFeedRow, getFeedContent, knownFeedIds, listOpenFeeds, listSubmissionTimes, updateFeed } from '../db/tables/sync-feeds';
import { listFeedMessages, markFeedWaiting, prepareOutcomeWriter, type MessageOutcome, type MessageRef, type SyncIssue } from '../db/tables/sync-listings';
import { finishRunIfComplete } from '../db/tables/sync-runs';
import { createLogger } from '../log/logger';
import { outcomesFromReport, outcomesWithoutReport, processingReportSchema } from './report';
import { HISTORY_MS, nextSubmissionAt } from './submission-limits';

const logger = createLogger('sync');

export const FEED_TYPE = 'JSON_LISTINGS_FEED';
export const CONTENT_TYPE = 'application/json; charset=UTF-8';

/** The slice of the SP-API client the pipeline uses (tests pass a fake; without cancelFeed an overdue queued feed is only let go). */
export type FeedClient = Pick<
  SpApiClient,
  'createFeedDocument' | 'uploadFeedDocument' | 'createFeed' | 'getFeed' | 'getFeedDocument' | 'downloadFeedDocument' | 'findFeedByDocumentId'
> &
  Partial<Pick<SpApiClient, 'cancelFeed'>>;

/** How long Amazon is expected to take per feed; polls are timed by it (Amazon's documented model). */
export interface ProcessingPace {
  readonly baseMs: number;
  readonly perMessageMs: number;
  /** Poll a little after the expected end, so the first poll usually finds the feed done. */
  readonly marginMs: number;
}
export const DEFAULT_PACE: ProcessingPace = { baseMs: 30_000, perMessageMs: 5, marginMs: 1_000 };

/** The presigned upload URL lives 5 minutes; past this, ask for a new document instead. */
const UPLOAD_URL_TTL_MS = 4 * 60_000;
/** getFeeds may lag a new feed; reconcile an uncertain createFeed only after this. */
const RECONCILE_AFTER_MS = 60_000;
const MAX_ATTEMPTS = 8;

/*
 * Every wait has a bound and an outcome the seller sees (the SKUs leave "waiting" with a reason).
 * What is resubmitted, and what is not:
 *  - A document Amazon provably never turned into a feed (createFeed answered an error, the
 *    reconciliation found no feed for it, a feed cancelled while IN_QUEUE) applied nothing: the
 *    first two are submitted again as they are, a cancelled one is planned again.
 *  - A document that may have been applied (we hold its feedId, or createFeed's outcome stayed
 *    unknown) is never submitted again: an old document applied twice can put back a stock
 *    figure that orders have since lowered. Its SKUs instead forget what was last sent, so the next
 *    cycle plans them from the catalog as it is then. Listing messages carry absolute values
 *    (a quantity, a price, a whole listing), and Amazon processes a seller's feeds in the order
 *    they were submitted, so that newer document wins even if the old one is applied after all.
 */
/** getFeed may not know a feed in the first moments after createFeed; a 404 after this means Amazon forgot it. */
const NOT_FOUND_GRACE_MS = 10 * 60_000;
/** Amazon processes a listings feed in minutes; one still IN_QUEUE/IN_PROGRESS after this is stuck. */
export const MAX_PROCESSING_MS = 12 * 3600_000;

/** Our codes for the ends of a wait without a report (explained in sync.explain.<code>). */
export type WaitOutcome = 'FEED_NOT_FOUND' | 'FEED_OVERDUE' | 'FEED_UNCONFIRMED' | 'ACCOUNT_CREDENTIALS_REJECTED';

/** The SKUs of a feed whose outcome we will never learn: resend them next cycle, saying why. */
function outcomesToReplan(messages: readonly MessageRef[], code: WaitOutcome, message: string): MessageOutcome[] {
  const issue: SyncIssue = { code, message, severity: 'WARNING' };
  return messages.map((m) => ({ sku: m.sku, status: 'pending', issues: [issue], forgetHashes: true }));
}

/**
 * Thrown by an `onPersisted` hook to stop the pump right after a commit, as a crash would
 * (tests); it is never swallowed by the pump's retry handling.
 */
export class PumpInterrupted extends Error {
  override name = 'PumpInterrupted';
}

export interface PumpDeps {
  readonly db: Db;
  readonly client: FeedClient;
  readonly clock: Clock;
  readonly accountId: string;
  readonly pace?: ProcessingPace;
  /** Called right after a step is committed (crash tests exit here; the UI refreshes). */
  readonly onPersisted?: (step: FeedStep, feed: SyncFeedRow) => void;
  readonly onOutcomes?: (feed: SyncFeedRow, outcomes: readonly MessageOutcome[]) => void;
  readonly signal?: AbortSignal;
}

export interface PumpResult {
  submitted: number;
  submittedMessages: number;
  accepted: number;
  failed: number;
}

interface Action {
  readonly at: number;
  readonly feed: SyncFeedRow;
  readonly run: () => Promise<void>;
}

function backoff(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Drives every open feed of an account through its persisted steps until all are reported:
 * built → document_created → uploaded → submitting → submitted → processed → reported.
 * One loop, one timeline: it always performs the earliest due action and otherwise sleeps on
 * the clock until the next one, so uploads and submissions of later documents overlap Amazon's
 * processing of earlier ones, and a VirtualClock sees exactly the waits the limits impose.
 * Each step is committed before the next call that depends on it, so a crash resumes at the
 * last committed step; `submitting` marks a createFeed whose outcome must be reconciled.
 */
export async function pumpFeeds(deps: PumpDeps): Promise<PumpResult> {
  const { db, clock, accountId } = deps;
  const pace = deps.pace ?? DEFAULT_PACE;
  const result: PumpResult = { submitted: 0, submittedMessages: 0, accepted: 0, failed: 0 };
  const persisted = (step: FeedStep, id: number) => {
    const feed = deps.onPersisted ? getFeedRow(db, id) : undefined;
    if (feed) deps.onPersisted?.(step, feed);
  };
  const duration = (f: SyncFeedRow) => pace.baseMs + pace.perMessageMs * f.messages;

  // The open feeds and recent submissions as this pump last read or wrote them. Only the pump
  // writes sync_feeds, and reading a row there walks its ~1 MB document (the columns after
  // `content` sit behind its overflow pages), so the loop reads the table once and then keeps
  // its copy current on every write; after a failed action it reads the table again.
  let open = listOpenFeeds(db, accountId);
  const submissionTimes = listSubmissionTimes(db, accountId, clock.now() - HISTORY_MS);
  const reload = () => {
    open = listOpenFeeds(db, accountId);
  };
  const update = (id: number, patch: FeedPatch) => {
    updateFeed(db, id, patch);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as FeedPatch;
    open = open.flatMap((f) => {
      if (f.id !== id) return [f];
      const next: SyncFeedRow = { ...f, ...defined };
      return next.step === 'reported' || next.step === 'failed' ? [] : [next];
    });
  };

  const fail = (f: SyncFeedRow, error: string) => {
    const now = clock.now();
    const messages = listFeedMessages(db, f.id);
    const outcomes = outcomesWithoutReport(messages, 'FAILED');
    db.transaction(() => {
      const write = prepareOutcomeWriter(db, f, now);
      outcomes.forEach(write);
      update(f.id, { step: 'failed', error, finishedAt: now });
    })();
    result.failed += outcomes.length;
    deps.onOutcomes?.(f, outcomes);
    persisted('failed', f.id);
  };

  /** Ends a feed without its report: its SKUs go back to planning, each saying why. */
  const letGo = (f: SyncFeedRow, code: WaitOutcome, message: string, error: string) => {
    const now = clock.now();
    const outcomes = outcomesToReplan(listFeedMessages(db, f.id), code, message);
    db.transaction(() => {
      const write = prepareOutcomeWriter(db, f, now);
      outcomes.forEach(write);
      update(f.id, { step: 'failed', error, finishedAt: now });
    })();
    logger.warn(`feed ${f.id} (${f.feedId ?? 'not submitted'}) let go: ${code}; ${outcomes.length} SKUs planned again`);
    deps.onOutcomes?.(f, outcomes);
    persisted('failed', f.id);
  };

  const retryLater = (f: SyncFeedRow, err: unknown, beforeSubmit: boolean) => {
    const attempts = f.attempts + 1;
    const message = err instanceof Error ? err.message : String(err);
    logger.warn(`feed ${f.id} step ${f.step} failed (attempt ${attempts})`, err);
    // Before submission nothing reached Amazon; an unreadable report leaves the SKUs' fate unknown.
    // Either way, after enough attempts the SKUs are marked for a resend instead of waiting forever.
    if ((beforeSubmit || f.step === 'processed') && attempts >= MAX_ATTEMPTS) return fail(f, message);
    // A createFeed whose outcome cannot be reconciled, or a feed whose status cannot be read any
    // more: the document may have been applied, so it is let go, never submitted again.
    if (f.step === 'submitting' && attempts >= MAX_ATTEMPTS) return letGo(f, 'FEED_UNCONFIRMED', message, `createFeed outcome unknown: ${message}`);
    if (f.step === 'submitted' && attempts >= MAX_ATTEMPTS && clock.now() - (f.submittedAt ?? 0) >= MAX_PROCESSING_MS) {
      return letGo(f, 'FEED_UNCONFIRMED', message, `getFeed failing: ${message}`);
    }
    update(f.id, { attempts, nextTryAt: clock.now() + backoff(attempts) });
  };

  /**
   * LWA refused the account's credentials: nothing more can be done for it until the seller
   * updates them. Documents not yet submitted applied nothing, so they are dropped and their SKUs
   * planned again from the catalog once the account works (a document kept for days would send
   * stale stock). Submitted ones stay as they are and are read when the account works again.
   */
  const stopForCredentials = (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const unsent = open.filter((f) => f.step === 'built' || f.step === 'document_created' || f.step === 'uploaded');
    const runs = new Set(unsent.map((f) => f.runId));
    for (const f of unsent) letGo(f, 'ACCOUNT_CREDENTIALS_REJECTED', message, 'credentials_rejected');
    for (const runId of runs) finishRunIfComplete(db, runId, clock.now(), 'credentials_rejected');
  };

  const createDocument = async (f: SyncFeedRow) => {
    const doc = await deps.client.createFeedDocument({ contentType: CONTENT_TYPE, signal: deps.signal });
    update(f.id, { step: 'document_created', documentId: doc.feedDocumentId, documentCreatedAt: clock.now(), attempts: 0, nextTryAt: 0 });
    uploadUrls.set(f.id, doc.url);
    persisted('document_created', f.id);
  };

  const upload = async (f: SyncFeedRow) => {
    const url = uploadUrls.get(f.id);
    // The URL is not persisted (it is a credential for 5 minutes); after a restart, start over.
    if (!url || clock.now() - (f.documentCreatedAt ?? 0) > UPLOAD_URL_TTL_MS) {
      update(f.id, { step: 'built', documentId: null, documentCreatedAt: null });
      return;
    }
    try {
      await deps.client.uploadFeedDocument(url, CONTENT_TYPE, inflateRawSync(getFeedContent(db, f.id)));
    } catch (err) {
      if (err instanceof TransferStatusError && err.status === 403) {
        update(f.id, { step: 'built', documentId: null, documentCreatedAt: null });
        return;
      }
      throw err;
    }
    update(f.id, { step: 'uploaded', attempts: 0, nextTryAt: 0 });
    persisted('uploaded', f.id);
  };

  const expectedEnd = (f: SyncFeedRow, submittedAt: number, open: readonly SyncFeedRow[]) => {
    // Amazon processes a seller's feeds one at a time: this one starts when the earlier ones end.
    const before = open.filter((o) => o.id !== f.id && o.step === 'submitted' && (o.submittedAt ?? 0) <= submittedAt);
    const busyUntil = before.reduce((max, o) => Math.max(max, o.nextTryAt - pace.marginMs), submittedAt);
    // next_try_at is a STRICT INTEGER column: a fractional pace must not make the write throw.
    return Math.ceil(busyUntil + duration(f) + pace.marginMs);
  };

  const recordSubmitted = (f: SyncFeedRow, feedId: string, submittedAt: number) => {
    db.transaction(() => {
      update(f.id, { step: 'submitted', feedId, submittedAt, attempts: 0, nextTryAt: expectedEnd(f, submittedAt, open) });
      markFeedWaiting(db, f.id, submittedAt);
    })();
    submissionTimes.push(submittedAt);
    result.submitted += 1;
    result.submittedMessages += f.messages;
    persisted('submitted', f.id);
  };

  const submit = async (f: SyncFeedRow) => {
    const attemptedAt = clock.now();
    update(f.id, { step: 'submitting', submitAttemptedAt: attemptedAt });
    persisted('submitting', f.id);
    let feedId: string;
    try {
      ({ feedId } = await deps.client.createFeed(
        { feedType: FEED_TYPE, marketplaceIds: [f.marketplaceId], inputFeedDocumentId: f.documentId ?? '' },
        { signal: deps.signal },
      ));
    } catch (err) {
      if (err instanceof OutcomeUnknownError) {
        logger.warn(`createFeed outcome unknown for feed ${f.id}; reconciling later`, err);
        update(f.id, { nextTryAt: attemptedAt + RECONCILE_AFTER_MS });
        return;
      }
      // Amazon answered: nothing was created, so going back one step is safe.
      const expired = err instanceof SpApiError && err.status === 400;
      update(f.id, { step: expired ? 'built' : 'uploaded', submitAttemptedAt: null, documentId: expired ? null : f.documentId });
      throw err;
    }
    recordSubmitted(f, feedId, attemptedAt);
  };

  const reconcile = async (f: SyncFeedRow) => {
    const attemptedAt = f.submitAttemptedAt ?? clock.now();
    const found = await deps.client.findFeedByDocumentId({
      feedType: FEED_TYPE,
      inputFeedDocumentId: f.documentId ?? '',
      marketplaceIds: [f.marketplaceId],
      attemptedAt: new Date(attemptedAt).toISOString(),
      knownFeedIds: knownFeedIds(db, accountId),
      signal: deps.signal,
    });
    if (found.kind === 'found') return recordSubmitted(f, found.feed.feedId, attemptedAt);
    if (found.kind === 'notFound') {
      update(f.id, { step: 'uploaded', submitAttemptedAt: null });
      return;
    }
    // Someone else submitted feeds in the same minute: never guess, never resubmit blindly.
    fail(f, `createFeed outcome unknown; candidates: ${found.candidates.map((c) => c.feedId).join(', ')}`);
  };

  const overdue = async (f: SyncFeedRow, status: string) => {
    // Still queued: nothing was applied, so cancel it (the SKUs are planned again, nothing to undo).
    if (status === 'IN_QUEUE' && deps.client.cancelFeed) {
      const cancelled = await deps.client.cancelFeed({ feedId: f.feedId ?? '', signal: deps.signal }).then(
        () => true,
        (err: unknown) => (logger.warn(`cancelFeed ${f.feedId ?? ''} refused`, err), false),
      );
      if (cancelled) {
        letGo(f, 'FEED_OVERDUE', `processingStatus: CANCELLED (${status} since ${new Date(f.submittedAt ?? 0).toISOString()})`, 'cancelled: still IN_QUEUE');
        return;
      }
    }
    letGo(f, 'FEED_OVERDUE', `processingStatus: ${status} (since ${new Date(f.submittedAt ?? 0).toISOString()})`, `still ${status} after ${MAX_PROCESSING_MS / 3600_000} h`);
  };

  const poll = async (f: SyncFeedRow) => {
    let feed: Awaited<ReturnType<FeedClient['getFeed']>>;
    try {
      feed = await deps.client.getFeed({ feedId: f.feedId ?? '', signal: deps.signal });
    } catch (err) {
      // A feedId Amazon gave us and no longer knows (kept 90 days; or lost): waiting cannot end it.
      if (err instanceof SpApiError && err.status === 404 && clock.now() - (f.submittedAt ?? 0) >= NOT_FOUND_GRACE_MS) {
        letGo(f, 'FEED_NOT_FOUND', `${err.code}: ${err.amazonMessage}`, `getFeed ${f.feedId ?? ''}: 404 ${err.amazonMessage}`);
        return;
      }
      throw err;
    }
    const now = clock.now();
    const status = feed.processingStatus;
    if (status === 'DONE' || status === 'FATAL' || status === 'CANCELLED') {
      update(f.id, { step: 'processed', processingStatus: status, resultDocumentId: feed.resultFeedDocumentId ?? null, attempts: 0, nextTryAt: now });
      persisted('processed', f.id);
      return;
    }
    if (now - (f.submittedAt ?? now) >= MAX_PROCESSING_MS) {
      update(f.id, { processingStatus: status });
      await overdue(f, status);
      return;
    }
    const attempts = f.attempts + 1;
    // Not done yet: if it is still queued behind others, wait a whole feed's time; else half.
    // Whole ms: next_try_at is a STRICT INTEGER column, and half an odd duration is not.
    const wait = Math.round(Math.min(10 * 60_000, Math.max(15_000, (status === 'IN_QUEUE' ? duration(f) : duration(f) / 2) * Math.min(4, attempts))));
    update(f.id, { processingStatus: status, attempts, nextTryAt: now + wait });
  };

  const report = async (f: SyncFeedRow) => {
    const messages = listFeedMessages(db, f.id);
    let outcomes: MessageOutcome[];
    if (f.resultDocumentId) {
      const document = await deps.client.getFeedDocument({ feedDocumentId: f.resultDocumentId, signal: deps.signal });
      const bytes = await deps.client.downloadFeedDocument(document);
      const parsed = processingReportSchema.parse(JSON.parse(bytes.toString('utf8')));
      outcomes = outcomesFromReport(parsed, messages);
    } else {
      outcomes = outcomesWithoutReport(messages, f.processingStatus ?? 'FATAL');
    }
    const now = clock.now();
    const accepted = outcomes.filter((o) => o.status !== 'error' && o.status !== 'pending').length;
    db.transaction(() => {
      const write = prepareOutcomeWriter(db, f, now);
      outcomes.forEach(write);
      update(f.id, { step: 'reported', accepted, invalid: outcomes.length - accepted, finishedAt: now });
    })();
    result.accepted += accepted;
    result.failed += outcomes.length - accepted;
    deps.onOutcomes?.(f, outcomes);
    persisted('reported', f.id);
  };

  const uploadUrls = new Map<number, string>();

  const nextAction = (open: readonly SyncFeedRow[], now: number): Action | undefined => {
    const actions: Action[] = [];
    for (const f of open) {
      if (f.step === 'processed') actions.push({ at: now, feed: f, run: () => report(f) });
      if (f.step === 'submitted') actions.push({ at: f.nextTryAt, feed: f, run: () => poll(f) });
    }
    // Documents go out strictly in order (priority order), one at a time.
    const head = open.find((f) => f.step === 'built' || f.step === 'document_created' || f.step === 'uploaded' || f.step === 'submitting');
    if (head) {
      const ready = Math.max(now, head.nextTryAt);
      if (head.step === 'built') actions.push({ at: ready, feed: head, run: () => createDocument(head) });
      if (head.step === 'document_created') actions.push({ at: ready, feed: head, run: () => upload(head) });
      if (head.step === 'uploaded') {
        const allowed = nextSubmissionAt(submissionTimes.filter((t) => t >= now - HISTORY_MS), now);
        actions.push({ at: Math.max(ready, allowed), feed: head, run: () => submit(head) });
      }
      if (head.step === 'submitting') {
        actions.push({ at: Math.max(ready, (head.submitAttemptedAt ?? now) + RECONCILE_AFTER_MS), feed: head, run: () => reconcile(head) });
      }
    }
    return actions.reduce<Action | undefined>((best, a) => (best === undefined || a.at < best.at ? a : best), undefined);
  };

  for (;;) {
    if (deps.signal?.aborted) break;
    const now = clock.now();
    const action = nextAction(open, now);
    if (!action) break;
    if (action.at > now) {
      // An abort (quit) rejects the sleep; the loop then stops at this safe point.
      await clock.sleep(action.at - now, deps.signal).catch(() => undefined);
      continue;
    }
    const beforeSubmit = ['built', 'document_created', 'uploaded'].includes(action.feed.step);
    try {
      await action.run();
    } catch (err) {
      if (err instanceof PumpInterrupted) throw err;
      if (deps.signal?.aborted) break;
      reload();
      if (isCredentialRejection(err)) {
        stopForCredentials(err);
        throw err;
      }
      const fresh = open.find((f) => f.id === action.feed.id);
      if (fresh) retryLater(fresh, err, beforeSubmit);
    }
  }
  return result;
}
