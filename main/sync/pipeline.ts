import type { DocumentArrivals } from './arrivals';
import type { Clock } from '../amazon/clock';
import { isCredentialRejection } from '../amazon/lwa';
import type { Db } from '../db/connection';
import type { FeedPatch, FeedStep, SyncFeedRow } from '../db/tables/sync-feeds';
import type { MessageOutcome, MessageRef, SyncIssue } from '../db/tables/sync-listings';
import { assertNever } from '../errors';
import { createLogger } from '../log/logger';
import { sqliteFeedStore, type FeedStore } from './feed-store';
import {
  DEFAULT_PACE,
  FeedSteps,
  letGo,
  MAX_PROCESSING_MS,
  processingTime,
  RECONCILE_AFTER_MS,
  type FeedClient,
  type ProcessingPace,
  type StepName,
  type StepOutcome,
  type WaitOutcome,
} from './feed-steps';
import { outcomesWithoutReport } from './report';
import { HISTORY_MS, nextSubmissionAt } from './submission-limits';

export {
  CONTENT_TYPE,
  DEFAULT_PACE,
  FEED_TYPE,
  MAX_PROCESSING_MS,
  type FeedClient,
  type ProcessingPace,
  type StepOutcome,
  type WaitOutcome,
} from './feed-steps';

const logger = createLogger('sync');
const MAX_ATTEMPTS = 8;

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
  /** Documents still being written by the cycle: when nothing is left to do, the pump waits for them. */
  readonly arrivals?: Pick<DocumentArrivals, 'takeNew' | 'wait'>;
}

export interface PumpResult {
  submitted: number;
  submittedMessages: number;
  accepted: number;
  failed: number;
}

/** What the loop does next: a step now, a sleep (Amazon is processing, or the createFeed quota is spent), or nothing left. */
type Next =
  | { readonly kind: 'step'; readonly step: StepName; readonly feed: SyncFeedRow }
  | { readonly kind: 'waiting' | 'rate-limited'; readonly until: number }
  | { readonly kind: 'idle' };

interface Candidate {
  readonly at: number;
  readonly step: StepName;
  readonly feed: SyncFeedRow;
  /** Due later only because of the createFeed quota. */
  readonly quota?: boolean;
}

/** Steps before createFeed: nothing of the document has reached Amazon. */
const UNSENT: readonly FeedStep[] = ['built', 'document_created', 'uploaded'];

function backoff(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * After a step threw: back off and try again. After MAX_ATTEMPTS, a feed that never reached Amazon
 * (or whose report cannot be read) fails, so its SKUs are resent; one whose createFeed outcome stays
 * unknown, or whose status cannot be read for the whole processing bound, is let go — the document
 * may have been applied, so it is never submitted again.
 */
export function afterError(feed: SyncFeedRow, message: string, beforeSubmit: boolean, now: number): StepOutcome {
  const attempts = feed.attempts + 1;
  const retry: StepOutcome = { kind: 'retry', patch: { attempts, nextTryAt: now + backoff(attempts) } };
  if (attempts < MAX_ATTEMPTS) return retry;
  if (beforeSubmit || feed.step === 'processed') return { kind: 'failed', error: message };
  if (feed.step === 'submitting') return letGo('FEED_UNCONFIRMED', message, `createFeed outcome unknown: ${message}`);
  if (feed.step === 'submitted' && now - (feed.submittedAt ?? 0) >= MAX_PROCESSING_MS) return letGo('FEED_UNCONFIRMED', message, `getFeed failing: ${message}`);
  return retry;
}

/** The SKUs of a feed whose outcome we will never learn: resend them next cycle, saying why. */
function outcomesToReplan(messages: readonly MessageRef[], code: WaitOutcome, message: string): MessageOutcome[] {
  const issue: SyncIssue = { code, message, severity: 'WARNING' };
  return messages.map((m) => ({ sku: m.sku, status: 'pending', issues: [issue], forgetHashes: true }));
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const earliest = (a: Candidate | undefined, b: Candidate) => (a === undefined || b.at < a.at ? b : a);

/**
 * Drives every open feed of an account through its persisted steps until all are reported:
 * built → document_created → uploaded → submitting → submitted → processed → reported.
 * One loop, one timeline: it always performs the earliest due step (feed-steps.ts) and otherwise
 * sleeps on the clock until the next one, so uploads and submissions of later documents overlap
 * Amazon's processing of earlier ones, and a VirtualClock sees exactly the waits the limits impose.
 * Each step's outcome is committed before the next call that depends on it, so a crash resumes at
 * the last committed step; `submitting` marks a createFeed whose outcome must be reconciled.
 */
export class FeedPump {
  private readonly result: PumpResult = { submitted: 0, submittedMessages: 0, accepted: 0, failed: 0 };
  private readonly pace: ProcessingPace;
  private readonly steps: FeedSteps;

  constructor(
    private readonly store: FeedStore,
    private readonly deps: Omit<PumpDeps, 'db'>,
  ) {
    this.pace = deps.pace ?? DEFAULT_PACE;
    this.steps = new FeedSteps({ ...deps, store, pace: this.pace, announce: (step, id) => this.announce(step, id) });
  }

  async run(): Promise<PumpResult> {
    const { clock, signal } = this.deps;
    while (!signal?.aborted) {
      if (this.deps.arrivals?.takeNew()) this.store.reload();
      const now = clock.now();
      const next = this.next(now);
      switch (next.kind) {
        case 'idle':
          if (await this.deps.arrivals?.wait()) break;
          return this.result;
        case 'waiting':
        case 'rate-limited':
          // An abort (quit) rejects the sleep; the loop then stops at this safe point.
          await clock.sleep(next.until - now, signal).catch(() => undefined);
          break;
        case 'step':
          await this.attempt(next.step, next.feed);
          break;
        default:
          assertNever(next, 'pump state');
      }
    }
    return this.result;
  }

  /** Runs one step and commits its outcome; a step that throws gets the loop's retry decision. */
  private async attempt(step: StepName, feed: SyncFeedRow): Promise<void> {
    try {
      await this.commit(feed, await this.steps.perform(step, feed));
    } catch (err) {
      if (err instanceof PumpInterrupted) throw err;
      if (this.deps.signal?.aborted) return;
      this.store.reload();
      if (isCredentialRejection(err)) {
        await this.stopForCredentials(err);
        throw err;
      }
      const fresh = this.store.open().find((f) => f.id === feed.id);
      if (!fresh) return;
      logger.warn(`feed ${fresh.id} step ${fresh.step} failed (attempt ${fresh.attempts + 1})`, err);
      await this.commit(fresh, afterError(fresh, errorText(err), UNSENT.includes(feed.step), this.deps.clock.now()));
    }
  }

  /** The earliest due step: reports and polls of submitted feeds, and the next document in line. */
  private next(now: number): Next {
    let best: Candidate | undefined;
    for (const feed of this.store.open()) {
      if (feed.step === 'processed') best = earliest(best, { at: now, feed, step: 'report' });
      if (feed.step === 'submitted') best = earliest(best, { at: feed.nextTryAt, feed, step: 'poll' });
    }
    // Documents go out strictly in order (priority order), one at a time.
    const head = this.store.open().find((f) => UNSENT.includes(f.step) || f.step === 'submitting');
    if (head) best = earliest(best, this.headStep(head, now));
    if (!best) return { kind: 'idle' };
    if (best.at > now) return { kind: best.quota ? 'rate-limited' : 'waiting', until: best.at };
    return { kind: 'step', step: best.step, feed: best.feed };
  }

  private headStep(head: SyncFeedRow, now: number): Candidate {
    const ready = Math.max(now, head.nextTryAt);
    switch (head.step) {
      case 'built':
        return { at: ready, feed: head, step: 'createDocument' };
      case 'document_created':
        return { at: ready, feed: head, step: 'upload' };
      case 'uploaded': {
        const allowed = nextSubmissionAt(
          this.store.submissionTimes().filter((t) => t >= now - HISTORY_MS),
          now,
        );
        return { at: Math.max(ready, allowed), feed: head, step: 'submit', quota: allowed > ready };
      }
      default:
        return { at: Math.max(ready, (head.submitAttemptedAt ?? now) + RECONCILE_AFTER_MS), feed: head, step: 'reconcile' };
    }
  }

  /** Commits what a step did (each write one transaction), then tells onPersisted. */
  private async commit(feed: SyncFeedRow, outcome: StepOutcome): Promise<void> {
    const now = this.deps.clock.now();
    switch (outcome.kind) {
      case 'advanced':
        this.store.update(feed.id, { ...outcome.patch, step: outcome.step });
        return this.announce(outcome.step, feed.id);
      case 'redo':
      case 'waiting':
      case 'retry':
        return this.store.update(feed.id, outcome.patch);
      case 'submitted':
        return this.recordSubmitted(feed, outcome.feedId, outcome.submittedAt);
      case 'done': {
        const accepted = outcome.outcomes.filter((o) => o.status !== 'error' && o.status !== 'pending').length;
        const invalid = outcome.outcomes.length - accepted;
        return this.end(feed, outcome.outcomes, { step: 'reported', accepted, invalid, finishedAt: now }, { accepted, failed: invalid });
      }
      case 'failed': {
        const outcomes = outcomesWithoutReport(this.store.messages(feed.id), 'FAILED');
        return this.end(feed, outcomes, { step: 'failed', error: outcome.error, finishedAt: now }, { accepted: 0, failed: outcomes.length });
      }
      case 'let-go': {
        const outcomes = outcomesToReplan(this.store.messages(feed.id), outcome.code, outcome.message);
        logger.warn(`feed ${feed.id} (${feed.feedId ?? 'not submitted'}) let go: ${outcome.code}; ${outcomes.length} SKUs planned again`);
        return this.end(feed, outcomes, { step: 'failed', error: outcome.error, finishedAt: now }, { accepted: 0, failed: 0 });
      }
      default:
        return assertNever(outcome, 'step outcome');
    }
  }

  /** The feed's last commit: every SKU's outcome with the feed's end, counted in the pump's result. */
  private async end(
    feed: SyncFeedRow,
    outcomes: readonly MessageOutcome[],
    patch: FeedPatch & { step: 'reported' | 'failed' },
    counts: { accepted: number; failed: number },
  ): Promise<void> {
    await this.store.finish(feed, outcomes, patch, this.deps.clock.now());
    this.result.accepted += counts.accepted;
    this.result.failed += counts.failed;
    this.deps.onOutcomes?.(feed, outcomes);
    this.announce(patch.step, feed.id);
  }

  private async recordSubmitted(feed: SyncFeedRow, feedId: string, submittedAt: number): Promise<void> {
    await this.store.markSubmitted(
      feed.id,
      { step: 'submitted', feedId, submittedAt, attempts: 0, nextTryAt: this.expectedEnd(feed, submittedAt) },
      submittedAt,
    );
    this.result.submitted += 1;
    this.result.submittedMessages += feed.messages;
    this.announce('submitted', feed.id);
  }

  private announce(step: FeedStep, id: number): void {
    if (!this.deps.onPersisted) return;
    const feed = this.store.read(id);
    if (feed) this.deps.onPersisted(step, feed);
  }

  private expectedEnd(feed: SyncFeedRow, submittedAt: number): number {
    // Amazon processes a seller's feeds one at a time: this one starts when the earlier ones end.
    const before = this.store.open().filter((o) => o.id !== feed.id && o.step === 'submitted' && (o.submittedAt ?? 0) <= submittedAt);
    const busyUntil = before.reduce((max, o) => Math.max(max, o.nextTryAt - this.pace.marginMs), submittedAt);
    // next_try_at is a STRICT INTEGER column: a fractional pace must not make the write throw.
    return Math.ceil(busyUntil + processingTime(this.pace, feed) + this.pace.marginMs);
  }

  /**
   * LWA refused the account's credentials: nothing more can be done for it until the seller
   * updates them. Documents not yet submitted applied nothing, so they are dropped and their SKUs
   * planned again from the catalog once the account works (a document kept for days would send
   * stale stock). Submitted ones stay as they are and are read when the account works again.
   */
  private async stopForCredentials(err: unknown): Promise<void> {
    const unsent = this.store.open().filter((f) => UNSENT.includes(f.step));
    const outcome = letGo('ACCOUNT_CREDENTIALS_REJECTED', errorText(err), 'credentials_rejected');
    for (const feed of unsent) await this.commit(feed, outcome);
    for (const runId of new Set(unsent.map((f) => f.runId))) this.store.finishRun(runId, this.deps.clock.now(), 'credentials_rejected');
  }
}

/** Drives every open feed of the account to its end (FeedPump), on the account's feeds in SQLite. */
export function pumpFeeds(deps: PumpDeps): Promise<PumpResult> {
  const { db, ...rest } = deps;
  return new FeedPump(sqliteFeedStore(db, deps.accountId, deps.clock.now() - HISTORY_MS), rest).run();
}
