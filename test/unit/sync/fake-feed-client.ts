import type { VirtualClock } from '../../../main/amazon/clock';
import type { Feed, FindFeedParams, FindFeedResult } from '../../../main/amazon/api/feeds';
import { OutcomeUnknownError } from '../../../main/amazon/errors';
import type { FeedClient } from '../../../main/sync/pipeline';

interface FakeFeed {
  feedId: string;
  documentId: string;
  marketplaceIds: string[];
  createdAt: number;
  endAt: number;
  messages: { messageId: number; sku: string; operationType: string; patches?: unknown[]; attributes?: Record<string, unknown> }[];
}

/**
 * In-memory JSON_LISTINGS_FEED service on a VirtualClock with Amazon's processing model
 * (serial, 30 s + 5 ms per message). SKUs containing "BAD" are rejected with an issue.
 */
export class FakeFeedClient implements FeedClient {
  readonly calls: Record<string, number> = {};
  readonly feeds: FakeFeed[] = [];
  readonly documents = new Map<string, Buffer>();
  /** Next createFeed creates the feed (or not) and then reports an unknown outcome. */
  nextCreateFeed: 'ok' | 'unknown-created' | 'unknown-not-created' = 'ok';
  private seq = 0;

  constructor(private readonly clock: VirtualClock) {}

  private count(op: string): void {
    this.calls[op] = (this.calls[op] ?? 0) + 1;
  }

  get writeCalls(): number {
    return (this.calls.createFeedDocument ?? 0) + (this.calls.uploadFeedDocument ?? 0) + (this.calls.createFeed ?? 0);
  }

  createFeedDocument = async () => {
    this.count('createFeedDocument');
    const id = `doc-${++this.seq}`;
    return { feedDocumentId: id, url: `mem://${id}` };
  };

  uploadFeedDocument = async (url: string, _contentType: string, content: Uint8Array | string) => {
    this.count('uploadFeedDocument');
    this.documents.set(url.slice('mem://'.length), Buffer.from(content));
  };

  createFeed = async (spec: { marketplaceIds: readonly string[]; inputFeedDocumentId: string }) => {
    this.count('createFeed');
    const mode = this.nextCreateFeed;
    this.nextCreateFeed = 'ok';
    if (mode === 'unknown-not-created') throw new OutcomeUnknownError('createFeed', { cause: new Error('timeout') });
    const content = this.documents.get(spec.inputFeedDocumentId);
    if (!content) throw new Error(`no content uploaded for ${spec.inputFeedDocumentId}`);
    const doc = JSON.parse(content.toString('utf8')) as { messages: FakeFeed['messages'] };
    const now = this.clock.now();
    const busy = this.feeds.reduce((m, f) => Math.max(m, f.endAt), 0);
    const start = Math.max(now, busy);
    const feed: FakeFeed = {
      feedId: `F${++this.seq}`,
      documentId: spec.inputFeedDocumentId,
      marketplaceIds: [...spec.marketplaceIds],
      createdAt: now,
      endAt: start + 30_000 + 5 * doc.messages.length,
      messages: doc.messages,
    };
    this.feeds.push(feed);
    if (mode === 'unknown-created') throw new OutcomeUnknownError('createFeed', { cause: new Error('reset') });
    return { feedId: feed.feedId };
  };

  private view(f: FakeFeed): Feed {
    const done = this.clock.now() >= f.endAt;
    return {
      feedId: f.feedId,
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: f.marketplaceIds,
      createdTime: new Date(f.createdAt).toISOString(),
      processingStatus: done ? 'DONE' : 'IN_PROGRESS',
      ...(done ? { resultFeedDocumentId: `result-${f.feedId}` } : {}),
    };
  }

  getFeed = async (params: { feedId: string }) => {
    this.count('getFeed');
    const f = this.feeds.find((x) => x.feedId === params.feedId);
    if (!f) throw new Error(`unknown feed ${params.feedId}`);
    return this.view(f);
  };

  getFeedDocument = async (params: { feedDocumentId: string }) => {
    this.count('getFeedDocument');
    return { feedDocumentId: params.feedDocumentId, url: `mem://${params.feedDocumentId}` };
  };

  downloadFeedDocument = async (document: { url: string }) => {
    this.count('downloadFeedDocument');
    const feedId = document.url.replace('mem://result-', '');
    const f = this.feeds.find((x) => x.feedId === feedId);
    if (!f) throw new Error(`unknown report ${document.url}`);
    const issues = f.messages
      .filter((m) => m.sku.includes('BAD'))
      .map((m) => ({
        messageId: m.messageId,
        sku: m.sku,
        code: '90220',
        severity: 'ERROR',
        message: "'brand' is required but not supplied.",
        attributeName: 'brand',
      }));
    const invalid = issues.length;
    const report = {
      header: { sellerId: 'S', version: '2.0', feedId },
      issues,
      summary: { errors: invalid, warnings: 0, messagesProcessed: f.messages.length, messagesAccepted: f.messages.length - invalid, messagesInvalid: invalid },
      items: f.messages.filter((m) => !m.sku.includes('BAD')).map((m) => ({ sku: m.sku, summaries: [{ asin: `B0${m.sku.padStart(8, '0').slice(-8)}` }] })),
    };
    return Buffer.from(JSON.stringify(report));
  };

  findFeedByDocumentId = async (params: FindFeedParams): Promise<FindFeedResult> => {
    this.count('findFeedByDocumentId');
    const f = this.feeds.find((x) => x.documentId === params.inputFeedDocumentId);
    return f ? { kind: 'found', feed: this.view(f), matchedBy: 'inputFeedDocumentId' } : { kind: 'notFound' };
  };

  /** Messages Amazon received per SKU, over all feeds. */
  messagesFor(sku: string): FakeFeed['messages'] {
    return this.feeds.flatMap((f) => f.messages.filter((m) => m.sku === sku));
  }
}
