import { gzipSync } from 'node:zlib';
import { validateListingsFeedMessage, validateProcessingReport } from '../models';
import { uuid } from './ids';
import { submitListing, type ListingsEnv, type PatchOp, type Submission } from './listing-ops';
import type { Requirements } from './listing-validation';
import { listingItemView } from './listing-view';
import type { SimStore } from './state';
import type { FeedRecord, IssueSeverity } from './state-types';

/** The schema's `maxItems` (raised from 10,000 in 2025). */
export const MAX_FEED_MESSAGES = 25_000;

/** Amazon's pace for JSON_LISTINGS_FEED on the simulator: 30 s fixed plus 5 ms per message. */
export const FEED_BASE_MS = 30_000;
export const FEED_PER_MESSAGE_MS = 5;

export interface FeedEnv extends ListingsEnv {
  /** Gzip processing reports (clients must honour compressionAlgorithm). */
  readonly compressResults: boolean;
  /** Throw when a generated report breaks the official schema (tests). */
  readonly strict: boolean;
}

interface ReportIssue {
  messageId?: number;
  sku?: string;
  code: string;
  severity: IssueSeverity;
  message: string;
  attributeName?: string;
}

interface FeedMessage {
  readonly messageId: number;
  readonly sku: string;
  readonly operationType: 'UPDATE' | 'PARTIAL_UPDATE' | 'PATCH' | 'DELETE';
  readonly productType?: string;
  readonly requirements?: Requirements;
  readonly attributes?: Record<string, unknown[]>;
  readonly patches?: PatchOp[];
}

interface FeedDocument {
  readonly header?: { sellerId?: unknown; version?: unknown; report?: { includedData?: string[] } };
  readonly messages?: unknown;
}

/** Parses the uploaded document; undefined when it is not a JSON object (gzip, garbage). */
export function parseFeedDocument(bytes: Buffer): FeedDocument | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return undefined;
  try {
    const doc: unknown = JSON.parse(bytes.toString('utf8'));
    return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as FeedDocument) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * createFeed must count the messages (processing time depends on it) and processing must read
 * them; a 10 MB document is decoded and parsed once for both. The parse is kept only from
 * createFeed to the end of processing (or a cancellation), keyed by the uploaded bytes, so a
 * re-upload is parsed afresh; at most a few documents wait in a seller's queue.
 */
const parsedInputs = new WeakMap<Buffer, FeedDocument | undefined>();

export function countFeedMessages(bytes: Buffer): number {
  const doc = parseFeedDocument(bytes);
  parsedInputs.set(bytes, doc);
  return Array.isArray(doc?.messages) ? doc.messages.length : 0;
}

export function forgetParsedInput(bytes: Buffer | undefined): void {
  if (bytes) parsedInputs.delete(bytes);
}

function takeParsedInput(bytes: Buffer): FeedDocument | undefined {
  if (!parsedInputs.has(bytes)) return parseFeedDocument(bytes);
  const doc = parsedInputs.get(bytes);
  parsedInputs.delete(bytes);
  return doc;
}

function toSubmission(m: FeedMessage): Submission {
  switch (m.operationType) {
    case 'UPDATE':
      return { kind: 'put', productType: m.productType ?? '', requirements: m.requirements, attributes: m.attributes ?? {} };
    case 'PARTIAL_UPDATE':
      return { kind: 'partial', productType: m.productType ?? '', attributes: m.attributes ?? {} };
    case 'PATCH':
      return { kind: 'patch', productType: m.productType ?? '', patches: m.patches ?? [] };
    case 'DELETE':
      return { kind: 'delete' };
  }
}

function fatalReport(feed: FeedRecord, message: string): Record<string, unknown> {
  return {
    header: { sellerId: feed.sellerId, version: '2.0', feedId: feed.feedId },
    issues: [{ code: '100005', severity: 'ERROR', message }],
    summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
  };
}

/** Applies every message like the matching Listings Items call and builds the processing report. */
function processDocument(env: FeedEnv, feed: FeedRecord, doc: FeedDocument): Record<string, unknown> {
  const includedData = doc.header?.report?.includedData;
  const issues: ReportIssue[] = [];
  const items: Record<string, unknown>[] = [];
  const seen = new Set<number>();
  let accepted = 0;
  let invalid = 0;
  const marketplaceId = feed.marketplaceIds[0] ?? '';
  for (const raw of doc.messages as unknown[]) {
    const candidate = raw as Partial<FeedMessage>;
    const messageId = typeof candidate.messageId === 'number' ? candidate.messageId : undefined;
    const sku = typeof candidate.sku === 'string' ? candidate.sku : undefined;
    const where = { ...(messageId !== undefined ? { messageId } : {}), ...(sku ? { sku } : {}) };
    const violations = validateListingsFeedMessage(raw);
    if (violations.length > 0 || messageId === undefined || seen.has(messageId)) {
      invalid += 1;
      const detail = violations[0] ? `${violations[0].pointer || '/'} ${violations[0].message}` : 'messageId must be unique within the feed';
      issues.push({
        ...where,
        code: '4000001',
        severity: 'ERROR',
        message: `The message is not valid against the JSON_LISTINGS_FEED message schema: ${detail}.`,
      });
      continue;
    }
    seen.add(messageId);
    const message = raw as FeedMessage;
    const result = submitListing(env, feed.sellerId, message.sku, marketplaceId, toSubmission(message));
    for (const issue of result.issues) {
      issues.push({
        ...where,
        code: issue.code,
        severity: issue.severity,
        message: issue.message,
        ...(issue.attributeNames?.[0] ? { attributeName: issue.attributeNames[0] } : {}),
      });
    }
    if (result.status === 'INVALID') invalid += 1;
    else {
      accepted += 1;
      if (includedData && result.listing) items.push(listingItemView([result.listing], includedData));
    }
  }
  const count = (s: IssueSeverity) => issues.filter((i) => i.severity === s).length;
  const summary: Record<string, unknown> = {
    errors: count('ERROR'),
    warnings: count('WARNING'),
    messagesProcessed: accepted + invalid,
    messagesAccepted: accepted,
    messagesInvalid: invalid,
  };
  const report: Record<string, unknown> = {
    header: { sellerId: feed.sellerId, version: '2.0', feedId: feed.feedId, ...(doc.header?.report ? { report: doc.header.report } : {}) },
    issues,
    summary,
  };
  if (includedData) {
    summary.itemSummary = { items: items.length, errors: 0, warnings: 0 };
    report.items = items;
  }
  return report;
}

function finish(env: FeedEnv, feed: FeedRecord): void {
  const input = env.store.data.documents[feed.inputFeedDocumentId];
  const doc = input?.content ? takeParsedInput(input.content) : undefined;
  let report: Record<string, unknown>;
  if (!doc || !Array.isArray(doc.messages)) {
    feed.outcome = 'FATAL';
    report = fatalReport(feed, 'The feed document could not be parsed as JSON (gzip uploads are not supported).');
  } else if (doc.header?.version !== '2.0') {
    feed.outcome = 'FATAL';
    report = fatalReport(feed, `The header version '${String(doc.header?.version)}' is not supported; use "2.0".`);
  } else if (doc.messages.length === 0 || doc.messages.length > MAX_FEED_MESSAGES) {
    feed.outcome = 'FATAL';
    report = fatalReport(feed, `The feed messages list is empty or beyond the allowed size of ${MAX_FEED_MESSAGES} messages.`);
  } else if (doc.header.sellerId !== feed.sellerId) {
    feed.outcome = 'FATAL';
    report = fatalReport(feed, `The header sellerId '${String(doc.header?.sellerId)}' does not match the submitting selling partner.`);
  } else {
    feed.outcome = 'DONE';
    report = processDocument(env, feed, doc);
  }
  if (env.strict) {
    const violations = validateProcessingReport(report);
    if (violations.length > 0) throw new Error(`Simulator built an invalid processing report: ${JSON.stringify(violations)}`);
  }
  const id = `amzn1.tortuga.4.na.${uuid()}`;
  env.store.data.documents[id] = {
    id,
    kind: 'feed-result',
    sellerId: feed.sellerId,
    contentType: 'application/json',
    createdAt: feed.endAt,
    content: Buffer.from(JSON.stringify(report)),
    compressed: env.compressResults,
  };
  feed.resultFeedDocumentId = id;
  env.store.markDirty();
}

/** Applies, in order, every feed whose processing window has ended by `now`. */
export function settleFeeds(env: FeedEnv, now: number): void {
  const due = Object.values(env.store.data.feeds)
    .filter((f) => !f.cancelled && !f.outcome && f.endAt <= now)
    .sort((a, b) => a.endAt - b.endAt);
  for (const feed of due) finish({ ...env, now: feed.endAt }, feed);
}

/** One feed at a time per seller: a new feed starts when the seller's previous one ends. */
export function scheduleFeed(store: SimStore, sellerId: string, createdAt: number, messageCount: number, stuckMs: number): { startAt: number; endAt: number } {
  const busyUntil = Object.values(store.data.feeds)
    .filter((f) => f.sellerId === sellerId && !f.cancelled)
    .reduce((max, f) => Math.max(max, f.endAt), 0);
  const startAt = Math.max(createdAt, busyUntil);
  return { startAt, endAt: startAt + FEED_BASE_MS + FEED_PER_MESSAGE_MS * messageCount + stuckMs };
}

/** After a cancellation, later queued feeds of that seller move up. */
export function rescheduleQueued(store: SimStore, sellerId: string, now: number): void {
  const feeds = Object.values(store.data.feeds)
    .filter((f) => f.sellerId === sellerId && !f.cancelled)
    .sort((a, b) => a.createdAt - b.createdAt);
  let busyUntil = 0;
  for (const f of feeds) {
    if (f.startAt > now && !f.outcome) {
      const duration = f.endAt - f.startAt;
      f.startAt = Math.max(f.createdAt, busyUntil, now);
      f.endAt = f.startAt + duration;
    }
    busyUntil = Math.max(busyUntil, f.endAt);
  }
}

export function feedStatus(feed: FeedRecord, now: number): 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED' {
  if (feed.cancelled) return 'CANCELLED';
  if (feed.outcome) return feed.outcome;
  return now < feed.startAt ? 'IN_QUEUE' : 'IN_PROGRESS';
}

export function gzipIfNeeded(bytes: Buffer, compressed: boolean | undefined): Buffer {
  return compressed ? gzipSync(bytes) : bytes;
}
