import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import type { SpApiClient } from '../amazon/client';
import type { Clock } from '../amazon/clock';
import { OutcomeUnknownError, SpApiError, TransferStatusError } from '../amazon/errors';
import type { FeedPatch, FeedStep, SyncFeedRow } from '../db/tables/sync-feeds';
import type { MessageOutcome } from '../db/tables/sync-listings';
import { assertNever } from '../errors';
import { createLogger } from '../log/logger';
import type { FeedStore } from './feed-store';
import { outcomesFromReport, outcomesWithoutReport, processingReportSchema } from './report';

const logger = createLogger('sync');

export const FEED_TYPE = 'JSON_LISTINGS_FEED';
/** A stored document (up to 10 MB) is inflated on libuv's thread pool, not on the core's thread. */
const inflateRawAsync = promisify(inflateRaw);
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

/** Amazon's expected processing time for a feed. */
export const processingTime = (pace: ProcessingPace, feed: SyncFeedRow) => pace.baseMs + pace.perMessageMs * feed.messages;

/** The presigned upload URL lives 5 minutes; past this, ask for a new document instead. */
const UPLOAD_URL_TTL_MS = 4 * 60_000;
/** getFeeds may lag a new feed; reconcile an uncertain createFeed only after this. */
export const RECONCILE_AFTER_MS = 60_000;
/** getFeed may not know a feed in the first moments after createFeed; a 404 after this means Amazon forgot it. */
const NOT_FOUND_GRACE_MS = 10 * 60_000;
/** Amazon processes a listings feed in minutes; one still IN_QUEUE/IN_PROGRESS after this is stuck. */
export const MAX_PROCESSING_MS = 12 * 3600_000;

/** Our codes for the ends of a wait without a report (explained in sync.explain.<code>). */
export type WaitOutcome = 'FEED_NOT_FOUND' | 'FEED_OVERDUE' | 'FEED_UNCONFIRMED' | 'ACCOUNT_CREDENTIALS_REJECTED';

/**
 * What a step did, for the pump's loop to commit. The loop alone decides retries: a step that
 * throws is tried again after a back-off (see `afterError` in pipeline.ts).
 */
export type StepOutcome =
  /** The feed moved on to `step` (committed, then announced to onPersisted). */
  | { readonly kind: 'advanced'; readonly step: FeedStep; readonly patch: FeedPatch }
  /** Back a step, nothing having reached Amazon (an expired upload URL, no feed found for the document). */
  | { readonly kind: 'redo'; readonly patch: FeedPatch }
  /** createFeed answered, or the reconciliation found the feed it made. */
  | { readonly kind: 'submitted'; readonly feedId: string; readonly submittedAt: number }
  /** Amazon is still at it, or createFeed's outcome is unknown: look again at `patch.nextTryAt`. */
  | { readonly kind: 'waiting'; readonly patch: FeedPatch }
  /** A step failed: try again at `patch.nextTryAt`. */
  | { readonly kind: 'retry'; readonly patch: FeedPatch }
  /** The report is read: each SKU's verdict. */
  | { readonly kind: 'done'; readonly outcomes: readonly MessageOutcome[] }
  /** Nothing will come of the feed: its SKUs are marked failed (and resent next cycle). */
  | { readonly kind: 'failed'; readonly error: string }
  /** The feed ends without its report: its SKUs go back to planning, each saying why. */
  | { readonly kind: 'let-go'; readonly code: WaitOutcome; readonly message: string; readonly error: string };

export type StepName = 'createDocument' | 'upload' | 'submit' | 'reconcile' | 'poll' | 'report';

export const letGo = (code: WaitOutcome, message: string, error: string): StepOutcome => ({ kind: 'let-go', code, message, error });

export interface StepDeps {
  readonly store: FeedStore;
  readonly client: FeedClient;
  readonly clock: Clock;
  readonly pace: ProcessingPace;
  readonly signal?: AbortSignal;
  /** Tells onPersisted a step was committed (submit commits `submitting` before its call). */
  readonly announce: (step: FeedStep, id: number) => void;
}

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

/** The steps of a feed: each makes its Amazon call and says what happened; the pump commits it. */
export class FeedSteps {
  /** Presigned upload URLs: a credential for 5 minutes, never persisted (after a restart the document is asked for again). */
  private readonly uploadUrls = new Map<number, string>();

  constructor(private readonly deps: StepDeps) {}

  perform(step: StepName, feed: SyncFeedRow): Promise<StepOutcome> {
    return this[step](feed);
  }

  private async createDocument(feed: SyncFeedRow): Promise<StepOutcome> {
    const doc = await this.deps.client.createFeedDocument({ contentType: CONTENT_TYPE, signal: this.deps.signal });
    this.uploadUrls.set(feed.id, doc.url);
    return {
      kind: 'advanced',
      step: 'document_created',
      patch: { documentId: doc.feedDocumentId, documentCreatedAt: this.deps.clock.now(), attempts: 0, nextTryAt: 0 },
    };
  }

  private async upload(feed: SyncFeedRow): Promise<StepOutcome> {
    const again: StepOutcome = { kind: 'redo', patch: { step: 'built', documentId: null, documentCreatedAt: null } };
    const url = this.uploadUrls.get(feed.id);
    if (!url || this.deps.clock.now() - (feed.documentCreatedAt ?? 0) > UPLOAD_URL_TTL_MS) return again;
    try {
      await this.deps.client.uploadFeedDocument(url, CONTENT_TYPE, await inflateRawAsync(this.deps.store.content(feed.id)));
    } catch (err) {
      if (err instanceof TransferStatusError && err.status === 403) return again;
      throw err;
    }
    return { kind: 'advanced', step: 'uploaded', patch: { attempts: 0, nextTryAt: 0 } };
  }

  private async submit(feed: SyncFeedRow): Promise<StepOutcome> {
    const { store, clock } = this.deps;
    const attemptedAt = clock.now();
    // Committed before the call: a crash during createFeed leaves `submitting`, reconciled later, never submitted blindly.
    store.update(feed.id, { step: 'submitting', submitAttemptedAt: attemptedAt });
    this.deps.announce('submitting', feed.id);
    try {
      const { feedId } = await this.deps.client.createFeed(
        { feedType: FEED_TYPE, marketplaceIds: [feed.marketplaceId], inputFeedDocumentId: feed.documentId ?? '' },
        { signal: this.deps.signal },
      );
      return { kind: 'submitted', feedId, submittedAt: attemptedAt };
    } catch (err) {
      if (err instanceof OutcomeUnknownError) {
        logger.warn(`createFeed outcome unknown for feed ${feed.id}; reconciling later`, err);
        return { kind: 'waiting', patch: { nextTryAt: attemptedAt + RECONCILE_AFTER_MS } };
      }
      // Amazon answered: nothing was created, so going back one step is safe; the loop retries.
      const expired = err instanceof SpApiError && err.status === 400;
      store.update(feed.id, { step: expired ? 'built' : 'uploaded', submitAttemptedAt: null, documentId: expired ? null : feed.documentId });
      throw err;
    }
  }

  private async reconcile(feed: SyncFeedRow): Promise<StepOutcome> {
    const attemptedAt = feed.submitAttemptedAt ?? this.deps.clock.now();
    const found = await this.deps.client.findFeedByDocumentId({
      feedType: FEED_TYPE,
      inputFeedDocumentId: feed.documentId ?? '',
      marketplaceIds: [feed.marketplaceId],
      attemptedAt: new Date(attemptedAt).toISOString(),
      knownFeedIds: this.deps.store.knownFeedIds(),
      signal: this.deps.signal,
    });
    switch (found.kind) {
      case 'found':
        return { kind: 'submitted', feedId: found.feed.feedId, submittedAt: attemptedAt };
      case 'notFound':
        return { kind: 'redo', patch: { step: 'uploaded', submitAttemptedAt: null } };
      case 'ambiguous':
        // Someone else submitted feeds in the same minute: never guess, never resubmit blindly.
        return { kind: 'failed', error: `createFeed outcome unknown; candidates: ${found.candidates.map((c) => c.feedId).join(', ')}` };
      default:
        return assertNever(found, 'reconciliation');
    }
  }

  private async poll(feed: SyncFeedRow): Promise<StepOutcome> {
    const { clock } = this.deps;
    let answer: Awaited<ReturnType<FeedClient['getFeed']>>;
    try {
      answer = await this.deps.client.getFeed({ feedId: feed.feedId ?? '', signal: this.deps.signal });
    } catch (err) {
      // A feedId Amazon gave us and no longer knows (kept 90 days; or lost): waiting cannot end it.
      if (err instanceof SpApiError && err.status === 404 && clock.now() - (feed.submittedAt ?? 0) >= NOT_FOUND_GRACE_MS) {
        return letGo('FEED_NOT_FOUND', `${err.code}: ${err.amazonMessage}`, `getFeed ${feed.feedId ?? ''}: 404 ${err.amazonMessage}`);
      }
      throw err;
    }
    const now = clock.now();
    const status = answer.processingStatus;
    if (status === 'DONE' || status === 'FATAL' || status === 'CANCELLED') {
      return {
        kind: 'advanced',
        step: 'processed',
        patch: { processingStatus: status, resultDocumentId: answer.resultFeedDocumentId ?? null, attempts: 0, nextTryAt: now },
      };
    }
    if (now - (feed.submittedAt ?? now) >= MAX_PROCESSING_MS) {
      this.deps.store.update(feed.id, { processingStatus: status });
      return this.overdue(feed, status);
    }
    const attempts = feed.attempts + 1;
    // Not done yet: if it is still queued behind others, wait a whole feed's time; else half.
    // Whole ms: next_try_at is a STRICT INTEGER column, and half an odd duration is not.
    const expected = processingTime(this.deps.pace, feed);
    const wait = Math.round(Math.min(10 * 60_000, Math.max(15_000, (status === 'IN_QUEUE' ? expected : expected / 2) * Math.min(4, attempts))));
    return { kind: 'waiting', patch: { processingStatus: status, attempts, nextTryAt: now + wait } };
  }

  private async overdue(feed: SyncFeedRow, status: string): Promise<StepOutcome> {
    const since = new Date(feed.submittedAt ?? 0).toISOString();
    const { client } = this.deps;
    // Still queued: nothing was applied, so cancel it (the SKUs are planned again, nothing to undo).
    if (status === 'IN_QUEUE' && client.cancelFeed) {
      const cancelled = await client.cancelFeed({ feedId: feed.feedId ?? '', signal: this.deps.signal }).then(
        () => true,
        (err: unknown) => (logger.warn(`cancelFeed ${feed.feedId ?? ''} refused`, err), false),
      );
      if (cancelled) return letGo('FEED_OVERDUE', `processingStatus: CANCELLED (${status} since ${since})`, 'cancelled: still IN_QUEUE');
    }
    return letGo('FEED_OVERDUE', `processingStatus: ${status} (since ${since})`, `still ${status} after ${MAX_PROCESSING_MS / 3600_000} h`);
  }

  private async report(feed: SyncFeedRow): Promise<StepOutcome> {
    const messages = this.deps.store.messages(feed.id);
    if (!feed.resultDocumentId) return { kind: 'done', outcomes: outcomesWithoutReport(messages, feed.processingStatus ?? 'FATAL') };
    const document = await this.deps.client.getFeedDocument({ feedDocumentId: feed.resultDocumentId, signal: this.deps.signal });
    const bytes = await this.deps.client.downloadFeedDocument(document);
    const parsed = processingReportSchema.parse(JSON.parse(bytes.toString('utf8')));
    return { kind: 'done', outcomes: outcomesFromReport(parsed, messages) };
  }
}
