import type { Clock } from './clock';
import type { CreateFeedSpecification, Feed, FindFeedResult } from './api/feeds';
import { OutcomeUnknownError } from './errors';
import { createLogger } from '../log/logger';

const logger = createLogger('amazon/feed-submission');

/** The two client operations this needs (structural, so tests can pass a fake). */
export interface FeedSubmitter {
  createFeed(spec: CreateFeedSpecification): Promise<{ feedId: string }>;
  findFeedByDocumentId(params: CreateFeedSpecification & { attemptedAt: string; knownFeedIds?: readonly string[] }): Promise<FindFeedResult>;
}

export interface SubmitFeedOptions {
  readonly clock: Clock;
  /** Feeds the account already has on record, so the time-window match skips them. */
  readonly knownFeedIds?: readonly string[];
  /** How long to let getFeeds catch up before reconciling. */
  readonly settleMs?: number;
  readonly maxAttempts?: number;
  /**
   * Called with the attempt time before each createFeed, so a durable caller can persist
   * "submission attempted at T" and reconcile after a crash instead of resubmitting.
   */
  readonly onAttempt?: (attemptedAt: string) => void;
}

export type SubmitFeedResult = { readonly feedId: string; readonly createFeedCalls: number; readonly reconciled: boolean };

export class FeedSubmissionAmbiguousError extends Error {
  override name = 'FeedSubmissionAmbiguousError';
  constructor(readonly candidates: readonly Feed[]) {
    super(`Several feeds may be this submission (${candidates.map((f) => f.feedId).join(', ')}); not resubmitting`);
  }
}

const DEFAULT_SETTLE_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * createFeed at most once per document in effect: when an attempt ends in OutcomeUnknownError,
 * ask Amazon (findFeedByDocumentId) whether the feed exists before sending again. Only a clear
 * "not found" leads to another createFeed; an ambiguous answer stops for a person to decide.
 * Other errors (a 400, an exhausted 429 budget) propagate: nothing was created by them.
 */
export async function submitFeedOnce(client: FeedSubmitter, spec: CreateFeedSpecification, options: SubmitFeedOptions): Promise<SubmitFeedResult> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let lastUnknown: OutcomeUnknownError | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const attemptedAt = new Date(options.clock.now()).toISOString();
    options.onAttempt?.(attemptedAt);
    try {
      const { feedId } = await client.createFeed(spec);
      return { feedId, createFeedCalls: attempt, reconciled: false };
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error;
      lastUnknown = error;
      logger.warn('createFeed outcome unknown; reconciling', { inputFeedDocumentId: spec.inputFeedDocumentId, attempt });
      await options.clock.sleep(options.settleMs ?? DEFAULT_SETTLE_MS);
      const found = await client.findFeedByDocumentId({ ...spec, attemptedAt, knownFeedIds: options.knownFeedIds });
      if (found.kind === 'found') return { feedId: found.feed.feedId, createFeedCalls: attempt, reconciled: true };
      if (found.kind === 'ambiguous') throw new FeedSubmissionAmbiguousError(found.candidates);
    }
  }
  throw lastUnknown ?? new Error('unreachable: no createFeed attempt was made');
}
