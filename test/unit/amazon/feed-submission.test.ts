import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import type { Feed, FindFeedResult } from '../../../main/amazon/api/feeds';
import { OutcomeUnknownError, SpApiError } from '../../../main/amazon/errors';
import type { FeedSubmitter } from '../../../main/amazon/feed-submission';
import { FeedSubmissionAmbiguousError, submitFeedOnce } from '../../../main/amazon/feed-submission';

const SPEC = { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: ['A2Q3Y263D00KWC'], inputFeedDocumentId: 'doc-1' };
const FEED: Feed = { feedId: 'F1', feedType: 'JSON_LISTINGS_FEED', createdTime: '2026-11-22T12:00:00Z', processingStatus: 'IN_QUEUE' };
const unknown = () => new OutcomeUnknownError('createFeed', { cause: new Error('socket hang up') });

/** createFeed answers from a script; findFeedByDocumentId from another. */
function scripted(creates: (() => { feedId: string })[], finds: FindFeedResult[] = []) {
  const calls = { create: 0, find: [] as { attemptedAt: string; knownFeedIds?: readonly string[] }[] };
  const client: FeedSubmitter = {
    createFeed: async () => creates[calls.create++]!(),
    findFeedByDocumentId: async (params) => {
      calls.find.push(params);
      return finds[calls.find.length - 1] ?? { kind: 'notFound' };
    },
  };
  return { client, calls };
}

describe('submitFeedOnce', () => {
  it('returns the feed id of a clean createFeed without reconciling', async () => {
    const { client, calls } = scripted([() => ({ feedId: 'F9' })]);

    const result = await submitFeedOnce(client, SPEC, { clock: new VirtualClock() });

    expect(result).toEqual({ feedId: 'F9', createFeedCalls: 1, reconciled: false });
    expect(calls.find).toHaveLength(0);
  });

  it('adopts the feed Amazon already created instead of submitting again', async () => {
    const { client, calls } = scripted(
      [
        () => {
          throw unknown();
        },
        () => ({ feedId: 'DUPLICATE' }),
      ],
      [{ kind: 'found', feed: FEED, matchedBy: 'timeWindow' }],
    );
    const clock = new VirtualClock();
    const start = clock.now();

    const result = await submitFeedOnce(client, SPEC, { clock, knownFeedIds: ['F0'] });

    expect(result).toEqual({ feedId: 'F1', createFeedCalls: 1, reconciled: true });
    expect(calls.create).toBe(1);
    expect(calls.find[0]).toMatchObject({ attemptedAt: new Date(start).toISOString(), knownFeedIds: ['F0'] });
    expect(clock.now() - start).toBe(60_000);
  });

  it('submits again only after Amazon confirms the feed does not exist', async () => {
    const { client, calls } = scripted(
      [
        () => {
          throw unknown();
        },
        () => ({ feedId: 'F2' }),
      ],
      [{ kind: 'notFound' }],
    );
    const attempts: string[] = [];

    const result = await submitFeedOnce(client, SPEC, { clock: new VirtualClock(), onAttempt: (at) => attempts.push(at) });

    expect(result).toEqual({ feedId: 'F2', createFeedCalls: 2, reconciled: false });
    expect(calls.create).toBe(2);
    expect(attempts).toHaveLength(2);
  });

  it('stops on an ambiguous answer', async () => {
    const { client, calls } = scripted(
      [
        () => {
          throw unknown();
        },
      ],
      [{ kind: 'ambiguous', candidates: [FEED, { ...FEED, feedId: 'F2' }] }],
    );

    await expect(submitFeedOnce(client, SPEC, { clock: new VirtualClock() })).rejects.toBeInstanceOf(FeedSubmissionAmbiguousError);
    expect(calls.create).toBe(1);
  });

  it('passes other errors through untouched and gives up after maxAttempts unknown outcomes', async () => {
    const rejected = new SpApiError({ operationId: 'createFeed', status: 400, errors: [{ code: 'InvalidInput', message: 'bad' }], retryable: false });
    const bad = scripted([
      () => {
        throw rejected;
      },
    ]);
    const flaky = scripted([
      () => {
        throw unknown();
      },
      () => {
        throw unknown();
      },
    ]);

    await expect(submitFeedOnce(bad.client, SPEC, { clock: new VirtualClock() })).rejects.toBe(rejected);
    await expect(submitFeedOnce(flaky.client, SPEC, { clock: new VirtualClock(), maxAttempts: 2 })).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(flaky.calls.find).toHaveLength(2);
  });
});
