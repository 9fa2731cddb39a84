import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import type { FeedPatch, FeedStep, SyncFeedRow } from '../../../main/db/tables/sync-feeds';
import type { MessageOutcome, MessageRef } from '../../../main/db/tables/sync-listings';
import type { FeedStore } from '../../../main/sync/feed-store';
import { afterError, FeedPump, MAX_PROCESSING_MS } from '../../../main/sync/pipeline';
import { nextSubmissionAt } from '../../../main/sync/submission-limits';
import { FakeFeedClient } from './fake-feed-client';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

function row(patch: Partial<SyncFeedRow> = {}): SyncFeedRow {
  return {
    id: 1,
    runId: 1,
    accountId: 'acc',
    marketplaceId: 'A2Q3Y263D00KWC',
    seq: 1,
    step: 'built',
    messages: 2,
    bytes: 10,
    documentId: null,
    documentCreatedAt: null,
    submitAttemptedAt: null,
    feedId: null,
    submittedAt: null,
    processingStatus: null,
    resultDocumentId: null,
    nextTryAt: 0,
    attempts: 0,
    accepted: null,
    invalid: null,
    error: null,
    createdAt: T0,
    finishedAt: null,
    ...patch,
  };
}

/** The pump's persistence in memory: what it commits, in order, and each SKU's last outcome. */
function memoryStore(feeds: SyncFeedRow[], skus: readonly string[], submissions: number[] = []) {
  const rows = new Map(feeds.map((f) => [f.id, f]));
  const outcomes = new Map<string, MessageOutcome>();
  const document = deflateRawSync(JSON.stringify({ messages: skus.map((sku, i) => ({ messageId: i + 1, sku, operationType: 'UPDATE' })) }));
  const messages: MessageRef[] = skus.map((sku, i) => ({ sku, marketplaceId: 'A2Q3Y263D00KWC', messageId: i + 1, operation: 'UPDATE', reason: null }));
  const update = (id: number, patch: FeedPatch) => {
    const current = rows.get(id);
    if (current) rows.set(id, { ...current, ...(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as FeedPatch) });
  };
  const store: FeedStore = {
    open: () => [...rows.values()].filter((f) => f.step !== 'reported' && f.step !== 'failed'),
    reload: () => undefined,
    read: (id) => rows.get(id),
    update,
    content: () => document,
    messages: () => messages,
    knownFeedIds: () => [...rows.values()].flatMap((f) => (f.feedId ? [f.feedId] : [])),
    submissionTimes: () => submissions,
    markSubmitted: (id, patch, at) => {
      update(id, patch);
      submissions.push(at);
    },
    finish: (feed, written, patch) => {
      for (const o of written) outcomes.set(o.sku, o);
      update(feed.id, patch);
    },
    finishRun: () => undefined,
  };
  return { store, rows, outcomes };
}

describe('afterError: the loop decides retries and when to give up', () => {
  const now = T0 + 3600_000;

  it('backs off 30 s, doubling up to 30 minutes, for every step', () => {
    const waits = [0, 1, 2, 3, 6].map((attempts) => afterError(row({ attempts }), 'boom', true, now));
    expect(waits.map((o) => (o.kind === 'retry' ? (o.patch.nextTryAt ?? 0) - now : o.kind))).toEqual([30_000, 60_000, 120_000, 240_000, 1_800_000]);
  });

  it('after 8 attempts fails what never reached Amazon, and lets go what may have been applied', () => {
    const last = { attempts: 7 };
    expect(afterError(row({ ...last, step: 'uploaded' }), 'boom', true, now)).toEqual({ kind: 'failed', error: 'boom' });
    expect(afterError(row({ ...last, step: 'processed' }), 'bad report', false, now)).toEqual({ kind: 'failed', error: 'bad report' });
    expect(afterError(row({ ...last, step: 'submitting' }), 'reset', false, now)).toMatchObject({ kind: 'let-go', code: 'FEED_UNCONFIRMED' });
    // A submitted feed keeps being asked about until the processing bound has passed.
    expect(afterError(row({ ...last, step: 'submitted', submittedAt: now - 60_000 }), '503', false, now)).toMatchObject({ kind: 'retry' });
    expect(afterError(row({ ...last, step: 'submitted', submittedAt: now - MAX_PROCESSING_MS }), '503', false, now)).toMatchObject({
      kind: 'let-go',
      code: 'FEED_UNCONFIRMED',
    });
  });
});

describe('FeedPump with injected persistence', () => {
  it('commits every step in order and records each SKU verdict from the report', async () => {
    const clock = new VirtualClock(T0);
    const client = new FakeFeedClient(clock);
    const { store, rows, outcomes } = memoryStore([row()], ['SKU-1', 'SKU-BAD']);
    const steps: FeedStep[] = [];

    const result = await new FeedPump(store, { client, clock, accountId: 'acc', onPersisted: (step) => steps.push(step) }).run();

    expect(steps).toEqual(['document_created', 'uploaded', 'submitting', 'submitted', 'processed', 'reported']);
    expect(result).toEqual({ submitted: 1, submittedMessages: 2, accepted: 1, failed: 1 });
    expect(rows.get(1)).toMatchObject({ step: 'reported', accepted: 1, invalid: 1, feedId: 'F2' });
    expect([...outcomes.values()].map((o) => [o.sku, o.status])).toEqual([
      ['SKU-1', 'live'],
      ['SKU-BAD', 'error'],
    ]);
  });

  it('waits for the createFeed quota the store remembers before submitting', async () => {
    const clock = new VirtualClock(T0);
    const client = new FakeFeedClient(clock);
    // Fifteen createFeed calls in the last 15 seconds: the burst is spent.
    const history = Array.from({ length: 15 }, (_, i) => T0 - 15_000 + i * 1_000);
    const allowed = nextSubmissionAt(history, T0);
    const { store } = memoryStore([row()], ['SKU-1'], [...history]);
    let submittedAt = 0;

    await new FeedPump(store, { client, clock, accountId: 'acc', onPersisted: (step) => void (step === 'submitting' && (submittedAt = clock.now())) }).run();

    expect(allowed).toBeGreaterThan(T0 + 60_000);
    expect(submittedAt).toBe(allowed);
  });

  it('stops at a safe point when aborted, leaving the feed at its last committed step', async () => {
    const clock = new VirtualClock(T0);
    const client = new FakeFeedClient(clock);
    const { store, rows } = memoryStore([row()], ['SKU-1']);
    const abort = new AbortController();

    await new FeedPump(store, {
      client,
      clock,
      accountId: 'acc',
      signal: abort.signal,
      onPersisted: (step) => void (step === 'submitted' && abort.abort()),
    }).run();

    expect(rows.get(1)?.step).toBe('submitted');
    expect(client.calls.getFeed ?? 0).toBe(0);
  });
});
