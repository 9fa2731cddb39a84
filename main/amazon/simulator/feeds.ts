import { badRequest, notFound, quotaExceeded } from './api-errors';
import { countFeedMessages, feedStatus, forgetParsedInput, gzipIfNeeded, rescheduleQueued, scheduleFeed } from './feed-processor';
import { uuid } from './ids';
import type { DocumentKind, FeedRecord } from './state-types';
import { csv, isoTime, json, type OperationContext, type OperationHandlers, type RawRoute, type SimRequest, type SimResponse } from './types';

const MODEL = 'feeds_2021-06-30';

/** Presigned upload/download URLs are valid 5 minutes (REFERENCE.md §6). */
export const PRESIGNED_TTL_MS = 5 * 60_000;
/** JSON_LISTINGS_FEED: at most 5 submissions per 5 minutes per region, on top of createFeed's rate. */
export const LISTINGS_FEED_WINDOW_MS = 5 * 60_000;
export const LISTINGS_FEED_MAX_IN_WINDOW = 5;
const FEEDS_KEPT_MS = 90 * 24 * 3600_000;

export function feedView(feed: FeedRecord, now: number): Record<string, unknown> {
  const status = feedStatus(feed, now);
  const view: Record<string, unknown> = {
    feedId: feed.feedId,
    feedType: feed.feedType,
    marketplaceIds: feed.marketplaceIds,
    createdTime: isoTime(feed.createdAt),
    processingStatus: status,
  };
  if (status !== 'IN_QUEUE' && status !== 'CANCELLED') view.processingStartTime = isoTime(feed.startAt);
  if (status === 'DONE' || status === 'FATAL') view.processingEndTime = isoTime(feed.endAt);
  if (feed.resultFeedDocumentId && (status === 'DONE' || status === 'FATAL')) view.resultFeedDocumentId = feed.resultFeedDocumentId;
  return view;
}

function createFeedDocument(ctx: OperationContext): SimResponse {
  const { contentType } = ctx.req.body as { contentType: string };
  const id = `amzn1.tortuga.4.na.${uuid()}`;
  const now = ctx.clock.now();
  ctx.store.data.documents[id] = { id, kind: 'feed-input', sellerId: ctx.sellerId, contentType, createdAt: now, uploadExpiresAt: now + PRESIGNED_TTL_MS };
  ctx.store.markDirty();
  return json(201, { feedDocumentId: id, url: `${ctx.baseUrl}/feed-upload/${encodeURIComponent(id)}?X-Amz-Expires=300&X-Amz-Date=${now}` });
}

function createFeed(ctx: OperationContext): SimResponse {
  const body = ctx.req.body as { feedType: string; marketplaceIds: string[]; inputFeedDocumentId: string; feedOptions?: Record<string, string> };
  if (body.feedType !== 'JSON_LISTINGS_FEED') return badRequest(MODEL, `Feed type ${body.feedType} is not supported by this simulator.`);
  const seller = ctx.store.data.sellers[ctx.sellerId];
  const foreign = body.marketplaceIds.find((m) => !seller?.marketplaceIds.includes(m));
  if (foreign) return badRequest(MODEL, 'Invalid input', `The seller does not participate in marketplace ${foreign}.`);
  const doc = ctx.store.data.documents[body.inputFeedDocumentId];
  if (!doc || doc.kind !== 'feed-input' || doc.sellerId !== ctx.sellerId)
    return badRequest(MODEL, 'Invalid input', `Invalid inputFeedDocumentId ${body.inputFeedDocumentId}.`);
  if (!doc.content) return badRequest(MODEL, 'Invalid input', `No content was uploaded for feed document ${body.inputFeedDocumentId}.`);
  const now = ctx.clock.now();
  const recent = Object.values(ctx.store.data.feeds).filter(
    (f) => f.sellerId === ctx.sellerId && f.feedType === 'JSON_LISTINGS_FEED' && f.createdAt > now - LISTINGS_FEED_WINDOW_MS,
  );
  if (recent.length >= LISTINGS_FEED_MAX_IN_WINDOW) return quotaExceeded();
  const messageCount = countFeedMessages(doc.content);
  const stuckMs = ctx.faults.feedGetsStuck() ? ctx.faults.stuckMs : 0;
  const feedId = String(50_000_000_000 + ctx.store.nextSequence());
  const window = scheduleFeed(ctx.store, ctx.sellerId, now, messageCount, stuckMs);
  ctx.store.data.feeds[feedId] = {
    feedId,
    sellerId: ctx.sellerId,
    feedType: body.feedType,
    marketplaceIds: body.marketplaceIds,
    inputFeedDocumentId: body.inputFeedDocumentId,
    createdAt: now,
    ...window,
    messageCount,
    stuckMs,
    cancelled: false,
  };
  ctx.store.markDirty();
  return json(202, { feedId });
}

function ownFeed(ctx: OperationContext): FeedRecord | undefined {
  const feed = ctx.store.data.feeds[ctx.pathParams.feedId ?? ''];
  return feed?.sellerId === ctx.sellerId ? feed : undefined;
}

function getFeed(ctx: OperationContext): SimResponse {
  const feed = ownFeed(ctx);
  if (!feed) return notFound(MODEL, `Feed ${ctx.pathParams.feedId ?? ''} not found.`);
  return json(200, feedView(feed, ctx.clock.now()));
}

function cancelFeed(ctx: OperationContext): SimResponse {
  const feed = ownFeed(ctx);
  const now = ctx.clock.now();
  if (!feed) return notFound(MODEL, `Feed ${ctx.pathParams.feedId ?? ''} not found.`);
  if (feedStatus(feed, now) !== 'IN_QUEUE') return badRequest(MODEL, 'Invalid input', 'Only feeds in IN_QUEUE can be cancelled.');
  feed.cancelled = true;
  forgetParsedInput(ctx.store.data.documents[feed.inputFeedDocumentId]?.content);
  rescheduleQueued(ctx.store, ctx.sellerId, now);
  ctx.store.markDirty();
  return { status: 200 };
}

interface FeedsQuery {
  feedTypes?: string;
  marketplaceIds?: string;
  processingStatuses?: string;
  createdSince?: string;
  createdUntil?: string;
  pageSize?: string;
  offset?: number;
}

function getFeeds(ctx: OperationContext): SimResponse {
  let q: FeedsQuery = ctx.req.query;
  if (q.feedTypes === undefined && ctx.req.query.nextToken === undefined) return badRequest(MODEL, 'Invalid input', 'feedTypes or nextToken is required.');
  if (ctx.req.query.nextToken) {
    if (Object.keys(ctx.req.query).length > 1) return badRequest(MODEL, 'Invalid input', 'nextToken must be the only parameter.');
    try {
      q = JSON.parse(Buffer.from(ctx.req.query.nextToken, 'base64url').toString('utf8')) as FeedsQuery;
    } catch {
      return badRequest(MODEL, 'Invalid input', 'Invalid nextToken.');
    }
  }
  const now = ctx.clock.now();
  const since = q.createdSince ? Date.parse(q.createdSince) : now - FEEDS_KEPT_MS;
  const until = q.createdUntil ? Date.parse(q.createdUntil) : now;
  const types = csv(q.feedTypes);
  const markets = csv(q.marketplaceIds);
  const statuses = csv(q.processingStatuses);
  const all = Object.values(ctx.store.data.feeds)
    .filter((f) => f.sellerId === ctx.sellerId && f.createdAt >= since && f.createdAt <= until)
    .filter((f) => types.length === 0 || types.includes(f.feedType))
    .filter((f) => markets.length === 0 || f.marketplaceIds.some((m) => markets.includes(m)))
    .filter((f) => statuses.length === 0 || statuses.includes(feedStatus(f, now)))
    .sort((a, b) => b.createdAt - a.createdAt);
  const offset = q.offset ?? 0;
  const pageSize = Number(q.pageSize ?? 10);
  const body: Record<string, unknown> = { feeds: all.slice(offset, offset + pageSize).map((f) => feedView(f, now)) };
  if (offset + pageSize < all.length) body.nextToken = Buffer.from(JSON.stringify({ ...q, offset: offset + pageSize })).toString('base64url');
  return json(200, body);
}

function getFeedDocument(ctx: OperationContext): SimResponse {
  const id = ctx.pathParams.feedDocumentId ?? '';
  const doc = ctx.store.data.documents[id];
  if (!doc || doc.sellerId !== ctx.sellerId || doc.kind === 'report') return notFound(MODEL, `Feed document ${id} not found.`);
  const encoding = ctx.req.query.enableContentEncodingUrlHeader === 'true' ? '&encoding=header' : '';
  const body: Record<string, unknown> = {
    feedDocumentId: id,
    url: `${ctx.baseUrl}/feed-download/${encodeURIComponent(id)}?expires=${ctx.clock.now() + PRESIGNED_TTL_MS}${encoding}`,
  };
  if (doc.compressed) body.compressionAlgorithm = 'GZIP';
  return json(200, body);
}

export const feedsHandlers: OperationHandlers = { createFeedDocument, createFeed, getFeed, getFeeds, cancelFeed, getFeedDocument };

/** S3 answers presigned-URL failures in XML, not in SP-API's JSON error shape. */
export function s3Error(status: number, code: string, message: string): SimResponse {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status, raw: Buffer.from(xml), headers: { 'content-type': 'application/xml' } };
}

/** A GET route serving stored documents of one kind under their presigned URLs (`/<path>/<id>?expires=`), as S3 does. */
export function presignedDownloadRoute(path: string, kind: DocumentKind): RawRoute {
  return {
    method: 'GET',
    pattern: new RegExp(`^/${path}/([^/]+)$`),
    handle: (req, match, env) => {
      const doc = env.store.data.documents[decodeURIComponent(match[1] ?? '')];
      if (!doc?.content || doc.kind !== kind) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      const expires = Number(req.query.expires);
      if (!Number.isFinite(expires) || expires < env.clock.now()) return s3Error(403, 'AccessDenied', 'Request has expired');
      return { status: 200, raw: doc.content, headers: { 'content-type': doc.contentType } };
    },
  };
}

function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export const feedsRoutes: readonly RawRoute[] = [
  {
    method: 'PUT',
    pattern: /^\/feed-upload\/([^/]+)$/,
    handle: (req, match, env) => {
      const doc = env.store.data.documents[decodeURIComponent(match[1] ?? '')];
      if (!doc || doc.kind !== 'feed-input') return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      if ((doc.uploadExpiresAt ?? 0) < env.clock.now()) return s3Error(403, 'AccessDenied', 'Request has expired');
      // The presigned signature covers Content-Type: anything but the exact string fails.
      if (header(req, 'content-type') !== doc.contentType) {
        return s3Error(
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        );
      }
      // An empty upload leaves no content, as an empty base64 string did.
      doc.content = req.raw.length > 0 ? req.raw : undefined;
      env.store.markDirty();
      return { status: 200, raw: Buffer.alloc(0) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/feed-download\/([^/]+)$/,
    handle: (req, match, env) => {
      const doc = env.store.data.documents[decodeURIComponent(match[1] ?? '')];
      if (!doc?.content) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      const expires = Number(req.query.expires);
      if (!Number.isFinite(expires) || expires < env.clock.now()) return s3Error(403, 'AccessDenied', 'Request has expired');
      const bytes = gzipIfNeeded(doc.content, doc.compressed);
      const headers: Record<string, string> = { 'content-type': doc.contentType };
      if (doc.compressed && req.query.encoding === 'header') headers['content-encoding'] = 'gzip';
      return { status: 200, raw: bytes, headers };
    },
  },
];
