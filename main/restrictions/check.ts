import type { Clock } from '../amazon/clock';
import { LwaError, NetworkError, SpApiError } from '../amazon/errors';
import type { GetListingsRestrictionsParams, RestrictionList } from '../amazon/api/restrictions';
import type { Db } from '../db/connection';
import {
  CHECKED_CONDITION,
  markSelectedPending,
  recordRestrictionFailures,
  restrictedSkusOf,
  restrictionCandidates,
  saveRestrictionAnswer,
  type RestrictionCandidate,
  type RestrictionReason,
  type RestrictionScope,
} from '../db/tables/listing-restrictions';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';

const logger = createLogger('restrictions');

/** An answer is asked again after a week (approvals and Amazon's gates change slowly). */
export const RESTRICTION_TTL_MS = 7 * 24 * 3600_000;
/** Calls one full cycle may spend per marketplace: about two minutes of the 5/s plan. */
export const CHECKS_PER_CYCLE = 600;
/** Of those, at most this many for products not selected yet (so "Incluir produtos" knows them). */
export const PREFETCH_PER_CYCLE = 200;
/**
 * A product Amazon could not answer about for this long, in at least `MIN_FAILED_CHECKS` tries,
 * is sent without the answer ("unverified"): a restricted one is then refused by Amazon's own
 * feed processing, whose message the seller reads like any other refusal.
 */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;
export const MIN_FAILED_CHECKS = 3;

export interface RestrictionsClient {
  getListingsRestrictions(params: GetListingsRestrictionsParams): Promise<RestrictionList>;
}

export interface CheckOptions {
  readonly db: Db;
  readonly client: RestrictionsClient;
  readonly clock: Clock;
  readonly accountId: string;
  readonly sellerId: string;
  readonly marketplaceId: string;
  /** Amazon's language for `reasons[].message` (`pt_BR`…). */
  readonly reasonLocale?: string;
  readonly maxCalls?: number;
  readonly prefetch?: number;
  /** Only these ASINs, now (the seller's "check again"); otherwise the cycle's candidates. */
  readonly asins?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface CheckSummary {
  /** Calls made. */
  readonly asked: number;
  readonly allowed: number;
  readonly restricted: number;
  /** Selected SKUs still waiting for an answer after this pass. */
  readonly waiting: number;
  /** Let go without an answer after the bound (sent next, unverified). */
  readonly released: number;
  /** Why the pass stopped early: Amazon's code and message, verbatim; null when it did not. */
  readonly error: string | null;
}

/** Amazon's reasons for this marketplace and condition, only https links kept. */
export function reasonsOf(list: RestrictionList, marketplaceId: string, condition: string = CHECKED_CONDITION): RestrictionReason[] {
  return list.restrictions
    .filter((r) => r.marketplaceId === marketplaceId && (r.conditionType === undefined || r.conditionType === condition))
    .flatMap((r) => r.reasons ?? [{ message: '' }])
    .map((reason) => ({
      code: reason.reasonCode ?? null,
      message: reason.message,
      links: (reason.links ?? []).filter((l) => isHttps(l.resource)).map((l) => ({ url: l.resource, title: l.title ?? null })),
    }));
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Amazon's own words for a failed call, kept verbatim for the seller and the log. */
function describe(err: unknown): string {
  if (err instanceof SpApiError) return `${err.status} ${err.code}: ${err.amazonMessage}`;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Failures that stop the account's work altogether: nothing is recorded against the products. */
function stopsAccount(err: unknown): boolean {
  return (err instanceof LwaError && !err.retryable) || (err instanceof AppError && err.code === 'ACCOUNT_CREDENTIALS_REJECTED');
}

type Outcome =
  | { readonly kind: 'answer'; readonly state: 'allowed' | 'restricted'; readonly reasons: RestrictionReason[] }
  | { readonly kind: 'failed'; readonly error: unknown };

async function ask(options: CheckOptions, asin: string): Promise<Outcome> {
  try {
    const list = await options.client.getListingsRestrictions({
      asin,
      sellerId: options.sellerId,
      marketplaceIds: [options.marketplaceId],
      conditionType: CHECKED_CONDITION,
      ...(options.reasonLocale ? { reasonLocale: options.reasonLocale } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const reasons = reasonsOf(list, options.marketplaceId);
    return { kind: 'answer', state: reasons.length > 0 ? 'restricted' : 'allowed', reasons };
  } catch (err) {
    // A 400 is Amazon refusing this ASIN itself ("Invalid 'asin' provided."): no offer can be made on it.
    if (err instanceof SpApiError && err.status === 400) {
      return { kind: 'answer', state: 'restricted', reasons: [{ code: err.code, message: err.amazonMessage, links: [] }] };
    }
    return { kind: 'failed', error: err };
  }
}

function candidatesFor(options: CheckOptions, scope: RestrictionScope, now: number, maxCalls: number): RestrictionCandidate[] {
  if (options.asins) return options.asins.slice(0, maxCalls).map((asin) => ({ asin, state: null, blocking: true }));
  markSelectedPending(options.db, scope, now);
  return restrictionCandidates(options.db, scope, now, maxCalls, options.prefetch ?? PREFETCH_PER_CYCLE);
}

/**
 * Asks Amazon whether the seller may offer each candidate ASIN, within the budget and the
 * client's rate plan (5/s, burst 10), and caches the answers. Every selected new offer without an
 * answer is marked "pending" first, so the send engine holds it back (main/sync/catalog-source.ts)
 * until an answer comes: what does not fit the budget waits for the next cycle. When Amazon
 * fails (429 or 5xx after the client's retries, no connection, a broken answer), the pass stops,
 * the products it was about to ask for wait with the error, and the next cycle tries again; after
 * GIVE_UP_AFTER_MS (and MIN_FAILED_CHECKS tries) a product is let go unverified.
 */
export async function checkRestrictions(options: CheckOptions): Promise<CheckSummary> {
  const scope = { accountId: options.accountId, marketplaceId: options.marketplaceId };
  const maxCalls = options.maxCalls ?? CHECKS_PER_CYCLE;
  const started = options.clock.now();
  const candidates = candidatesFor(options, scope, started, maxCalls);
  let asked = 0;
  let allowed = 0;
  let restricted = 0;
  let released = 0;
  let error: string | null = null;
  for (let i = 0; i < candidates.length; i += 1) {
    const candidate = candidates[i] as RestrictionCandidate;
    if (options.signal?.aborted) break;
    asked += 1;
    const outcome = await ask(options, candidate.asin);
    const now = options.clock.now();
    if (outcome.kind === 'answer') {
      saveRestrictionAnswer(options.db, { ...scope, asin: candidate.asin }, outcome, now, now + RESTRICTION_TTL_MS);
      if (outcome.state === 'allowed') allowed += 1;
      else restricted += 1;
      continue;
    }
    if (options.signal?.aborted || (outcome.error instanceof NetworkError && outcome.error.reason === 'aborted')) break;
    error = describe(outcome.error);
    if (stopsAccount(outcome.error)) break;
    // Amazon is not answering now: this product and the others this pass would have asked about wait.
    const waiting = [candidate, ...candidates.slice(i + 1).filter((c) => c.blocking)].map((c) => c.asin);
    released = recordRestrictionFailures(options.db, scope, waiting, error, { giveUpBefore: now - GIVE_UP_AFTER_MS, minAttempts: MIN_FAILED_CHECKS }).length;
    logger.warn(`restrictions ${options.marketplaceId}: Amazon did not answer (${error}); ${waiting.length} product(s) wait, ${released} let go unverified`);
    break;
  }
  const waiting = restrictedSkusOf(options.db, scope, { states: ['pending'], offset: 0, limit: 1 }).total;
  if (asked > 0) logger.info(`restrictions ${options.marketplaceId}: ${asked} asked, ${allowed} allowed, ${restricted} restricted, ${waiting} SKU(s) waiting`);
  return { asked, allowed, restricted, waiting, released, error };
}
