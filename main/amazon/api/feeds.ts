import { z } from 'zod';
import type { Invoke } from './invoke';
import { requireCount } from './common';
import { JSON_LISTINGS_FEED_BUCKET } from '../operations';

/** Feeds 2021-06-30 (models/feeds_2021-06-30.json). */
const processingStatusSchema = z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']);

export const feedSchema = z.looseObject({
  feedId: z.string(),
  feedType: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  createdTime: z.string(),
  processingStatus: processingStatusSchema,
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  resultFeedDocumentId: z.string().optional(),
  // Not in the 2021-06-30 model; kept when a server does return it (see findFeedByDocumentId).
  inputFeedDocumentId: z.string().optional(),
});

const createFeedDocumentResponseSchema = z.looseObject({ feedDocumentId: z.string(), url: z.string() });
const createFeedResponseSchema = z.looseObject({ feedId: z.string() });
const getFeedsResponseSchema = z.looseObject({ feeds: z.array(feedSchema), nextToken: z.string().optional() });
const feedDocumentSchema = z.looseObject({
  feedDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.enum(['GZIP']).optional(),
});

export type Feed = z.infer<typeof feedSchema>;
export type FeedProcessingStatus = z.infer<typeof processingStatusSchema>;
export type CreateFeedDocumentResponse = z.infer<typeof createFeedDocumentResponseSchema>;
export type CreateFeedResponse = z.infer<typeof createFeedResponseSchema>;
export type GetFeedsResponse = z.infer<typeof getFeedsResponseSchema>;
export type FeedDocument = z.infer<typeof feedDocumentSchema>;

export interface CreateFeedSpecification {
  readonly feedType: string;
  readonly marketplaceIds: readonly string[];
  readonly inputFeedDocumentId: string;
  readonly feedOptions?: Readonly<Record<string, string>>;
}

export type GetFeedsParams =
  | {
      readonly feedTypes: readonly string[];
      readonly marketplaceIds?: readonly string[];
      readonly pageSize?: number;
      readonly processingStatuses?: readonly FeedProcessingStatus[];
      readonly createdSince?: string;
      readonly createdUntil?: string;
      readonly nextToken?: never;
      readonly signal?: AbortSignal;
    }
  /** Amazon requires nextToken to be the only parameter of a follow-up page. */
  | { readonly nextToken: string; readonly feedTypes?: never; readonly signal?: AbortSignal };

export interface FindFeedParams {
  readonly feedType: string;
  readonly inputFeedDocumentId: string;
  readonly marketplaceIds: readonly string[];
  /** When the uncertain createFeed attempt started (ISO 8601). */
  readonly attemptedAt: string;
  /** Feeds this account already knows are not the one (submitted earlier, recorded locally). */
  readonly knownFeedIds?: readonly string[];
  readonly signal?: AbortSignal;
}

export type FindFeedResult =
  | { readonly kind: 'found'; readonly feed: Feed; readonly matchedBy: 'inputFeedDocumentId' | 'timeWindow' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Feed[] };

/** Amazon's and our clocks may disagree; look a little earlier than the attempt. */
const CLOCK_SKEW_MS = 2 * 60_000;
const MAX_PAGES = 10;

/** Every feed of the type created since the attempt (minus clock skew), within MAX_PAGES pages. */
async function feedsSince(getFeeds: (params: GetFeedsParams) => Promise<GetFeedsResponse>, params: FindFeedParams): Promise<Feed[]> {
  const since = new Date(Date.parse(params.attemptedAt) - CLOCK_SKEW_MS).toISOString();
  const feeds: Feed[] = [];
  let page = await getFeeds({ feedTypes: [params.feedType], createdSince: since, pageSize: 100, signal: params.signal });
  feeds.push(...page.feeds);
  for (let n = 1; page.nextToken && n < MAX_PAGES; n++) {
    page = await getFeeds({ nextToken: page.nextToken, signal: params.signal });
    feeds.push(...page.feeds);
  }
  return feeds;
}

async function findFeedByDocumentId(getFeeds: (params: GetFeedsParams) => Promise<GetFeedsResponse>, params: FindFeedParams): Promise<FindFeedResult> {
  const feeds = await feedsSince(getFeeds, params);
  const exact = feeds.find((f) => f.inputFeedDocumentId === params.inputFeedDocumentId);
  if (exact) return { kind: 'found', feed: exact, matchedBy: 'inputFeedDocumentId' };
  // A server that echoes the document id for every feed has answered definitively.
  if (feeds.length > 0 && feeds.every((f) => f.inputFeedDocumentId !== undefined)) return { kind: 'notFound' };
  const known = new Set(params.knownFeedIds ?? []);
  const wanted = [...params.marketplaceIds].sort().join(',');
  const candidates = feeds.filter(
    (f) => !known.has(f.feedId) && f.inputFeedDocumentId === undefined && [...(f.marketplaceIds ?? [])].sort().join(',') === wanted,
  );
  const [only] = candidates;
  if (candidates.length === 1 && only) return { kind: 'found', feed: only, matchedBy: 'timeWindow' };
  return candidates.length === 0 ? { kind: 'notFound' } : { kind: 'ambiguous', candidates };
}

export function feedsApi(invoke: Invoke) {
  const api = {
    /** Safe to repeat: an unused document simply expires. */
    async createFeedDocument(params: { contentType: string; signal?: AbortSignal }): Promise<CreateFeedDocumentResponse> {
      return invoke('createFeedDocument', {
        schema: createFeedDocumentResponseSchema,
        signal: params.signal,
        body: { contentType: params.contentType },
      });
    },

    /**
     * Never retried after the request may have reached Amazon: on a timeout/reset/5xx it throws
     * OutcomeUnknownError and the caller runs findFeedByDocumentId before any resubmission.
     */
    async createFeed(spec: CreateFeedSpecification, options: { signal?: AbortSignal } = {}): Promise<CreateFeedResponse> {
      requireCount('createFeed', 'marketplaceIds', spec.marketplaceIds, 1, 25);
      return invoke('createFeed', {
        schema: createFeedResponseSchema,
        signal: options.signal,
        body: spec,
        extraBuckets: spec.feedType === 'JSON_LISTINGS_FEED' ? [JSON_LISTINGS_FEED_BUCKET.key] : [],
      });
    },

    async getFeed(params: { feedId: string; signal?: AbortSignal }): Promise<Feed> {
      return invoke('getFeed', { schema: feedSchema, signal: params.signal, pathParams: { feedId: params.feedId } });
    },

    /** Withdraws a feed still IN_QUEUE (e.g. superseded by a newer one); 400 once it has started. */
    async cancelFeed(params: { feedId: string; signal?: AbortSignal }): Promise<void> {
      await invoke('cancelFeed', { schema: z.unknown(), signal: params.signal, pathParams: { feedId: params.feedId } });
    },

    async getFeeds(params: GetFeedsParams): Promise<GetFeedsResponse> {
      const { signal, ...query } = params;
      if (!('nextToken' in query && query.nextToken)) requireCount('getFeeds', 'feedTypes', query.feedTypes, 1, 10);
      return invoke('getFeeds', { schema: getFeedsResponseSchema, signal, query });
    },

    async getFeedDocument(params: { feedDocumentId: string; signal?: AbortSignal }): Promise<FeedDocument> {
      return invoke('getFeedDocument', {
        schema: feedDocumentSchema,
        signal: params.signal,
        pathParams: { feedDocumentId: params.feedDocumentId },
      });
    },

    /**
     * After createFeed ended in OutcomeUnknownError: did Amazon create the feed anyway?
     *
     * The 2021-06-30 `Feed` object does not echo `inputFeedDocumentId`, so an exact match is only
     * possible when the server adds it (we use it whenever present). Otherwise we list feeds of
     * this type and marketplaces created since the attempt (minus clock skew) and drop the ones
     * the account already knows: one left is our feed, none means it was not created, several
     * means a person must look (another tool submits feeds too). The sync engine submits one feed
     * per account at a time, which keeps the window answer unambiguous in practice. getFeeds may
     * lag a freshly created feed by a few seconds and runs at ~1 call / 45 s, so call this once,
     * a minute or more after the failed attempt, not in a loop.
     */
    findFeedByDocumentId: (params: FindFeedParams): Promise<FindFeedResult> => findFeedByDocumentId(api.getFeeds, params),
  };
  return api;
}
