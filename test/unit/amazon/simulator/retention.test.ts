import { describe, expect, it } from 'vitest';
import { FEED_RETENTION_MS, pruneExpired, UNUSED_DOCUMENT_RETENTION_MS } from '../../../../main/amazon/simulator/retention';
import { seedData } from '../../../../main/amazon/simulator/seed';
import { SimStore } from '../../../../main/amazon/simulator/state';
import type { FeedRecord } from '../../../../main/amazon/simulator/state-types';

const NOW = Date.UTC(2026, 10, 22);

function feed(id: string, createdAt: number, input: string, result?: string): FeedRecord {
  return {
    feedId: id,
    sellerId: 'S',
    feedType: 'JSON_LISTINGS_FEED',
    marketplaceIds: ['M'],
    inputFeedDocumentId: input,
    createdAt,
    startAt: createdAt,
    endAt: createdAt + 30_000,
    messageCount: 1,
    stuckMs: 0,
    cancelled: false,
    outcome: 'DONE',
    ...(result ? { resultFeedDocumentId: result } : {}),
  };
}

describe('pruneExpired', () => {
  it('drops feeds older than 90 days with their documents, keeps recent ones', () => {
    const store = SimStore.open(undefined, () => seedData(NOW, 0));
    const old = NOW - FEED_RETENTION_MS - 1;
    store.data.feeds.old = feed('old', old, 'in-old', 'out-old');
    store.data.feeds.new = feed('new', NOW - 1_000, 'in-new', 'out-new');
    for (const [id, kind, createdAt] of [
      ['in-old', 'feed-input', old],
      ['out-old', 'feed-result', old],
      ['in-new', 'feed-input', NOW],
      ['out-new', 'feed-result', NOW],
    ] as const) {
      store.data.documents[id] = { id, kind, sellerId: 'S', contentType: 'application/json', createdAt, content: Buffer.from('{}') };
    }
    pruneExpired(store, NOW);
    expect(Object.keys(store.data.feeds)).toEqual(['new']);
    expect(Object.keys(store.data.documents).sort()).toEqual(['in-new', 'out-new']);
  });

  it('drops uploads never used by createFeed after 2 days', () => {
    const store = SimStore.open(undefined, () => seedData(NOW, 0));
    store.data.documents.stale = { id: 'stale', kind: 'feed-input', sellerId: 'S', contentType: 'x', createdAt: NOW - UNUSED_DOCUMENT_RETENTION_MS - 1 };
    store.data.documents.fresh = { id: 'fresh', kind: 'feed-input', sellerId: 'S', contentType: 'x', createdAt: NOW - 1_000 };
    pruneExpired(store, NOW);
    expect(Object.keys(store.data.documents)).toEqual(['fresh']);
  });
});
