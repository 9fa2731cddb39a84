import { describe, expect, it } from 'vitest';
import { feedsApi } from '../../../../main/amazon/api/feeds';
import type { Feed } from '../../../../main/amazon/api/feeds';
import type { Invoke, InvokeOptions } from '../../../../main/amazon/api/invoke';
import { InvalidRequestError } from '../../../../main/amazon/errors';
import type { OperationName } from '../../../../main/amazon/operations';

interface Sent {
  readonly operation: OperationName;
  readonly options: InvokeOptions<unknown>;
}

/** An Invoke that answers getFeeds from a list of pages and records what was asked. */
function fakeInvoke(pages: readonly { feeds: Feed[]; nextToken?: string }[]) {
  const sent: Sent[] = [];
  let page = 0;
  const invoke = (async (operation: OperationName, options: InvokeOptions<unknown>) => {
    sent.push({ operation, options });
    if (operation === 'getFeeds') return pages[page++] ?? { feeds: [] };
    return { feedId: 'F-new' };
  }) as Invoke;
  return { invoke, sent };
}

function feed(feedId: string, extra: Partial<Feed> = {}): Feed {
  return {
    feedId,
    feedType: 'JSON_LISTINGS_FEED',
    marketplaceIds: ['A2Q3Y263D00KWC'],
    createdTime: '2026-11-22T12:01:00Z',
    processingStatus: 'IN_QUEUE',
    ...extra,
  };
}

const FIND = {
  feedType: 'JSON_LISTINGS_FEED',
  inputFeedDocumentId: 'doc-7',
  marketplaceIds: ['A2Q3Y263D00KWC'],
  attemptedAt: '2026-11-22T12:00:00.000Z',
};

describe('feedsApi', () => {
  it('createFeed draws from the JSON_LISTINGS_FEED cap only for that feed type', async () => {
    const { invoke, sent } = fakeInvoke([]);
    const api = feedsApi(invoke);

    await api.createFeed({ feedType: 'JSON_LISTINGS_FEED', marketplaceIds: ['A2Q3Y263D00KWC'], inputFeedDocumentId: 'd' });
    await api.createFeed({ feedType: 'POST_PRODUCT_DATA', marketplaceIds: ['A2Q3Y263D00KWC'], inputFeedDocumentId: 'd' });

    expect(sent.map((s) => s.options.extraBuckets)).toEqual([['createFeed:JSON_LISTINGS_FEED'], []]);
  });

  it('refuses createFeed with no marketplace or more than 25', async () => {
    const api = feedsApi(fakeInvoke([]).invoke);
    const many = Array.from({ length: 26 }, (_, i) => `M${i}`);

    await expect(api.createFeed({ feedType: 'X', marketplaceIds: [], inputFeedDocumentId: 'd' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(api.createFeed({ feedType: 'X', marketplaceIds: many, inputFeedDocumentId: 'd' })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('sends nextToken alone on follow-up pages', async () => {
    const { invoke, sent } = fakeInvoke([{ feeds: [] }]);

    await feedsApi(invoke).getFeeds({ nextToken: 'tok' });

    expect(sent[0]?.options.query).toEqual({ nextToken: 'tok' });
  });

  it('finds the feed by inputFeedDocumentId when the server echoes it', async () => {
    const { invoke } = fakeInvoke([{ feeds: [feed('F1', { inputFeedDocumentId: 'doc-6' }), feed('F2', { inputFeedDocumentId: 'doc-7' })] }]);

    const result = await feedsApi(invoke).findFeedByDocumentId(FIND);

    expect(result).toMatchObject({ kind: 'found', matchedBy: 'inputFeedDocumentId', feed: { feedId: 'F2' } });
  });

  it('answers notFound when every listed feed names another document', async () => {
    const { invoke } = fakeInvoke([{ feeds: [feed('F1', { inputFeedDocumentId: 'doc-6' })] }]);

    await expect(feedsApi(invoke).findFeedByDocumentId(FIND)).resolves.toEqual({ kind: 'notFound' });
  });

  it('falls back to the time window, skipping known feeds and other marketplaces, across pages', async () => {
    const { invoke, sent } = fakeInvoke([
      { feeds: [feed('F-old')], nextToken: 'p2' },
      { feeds: [feed('F-mx', { marketplaceIds: ['A1AM78C64UM0Y8'] }), feed('F-ours')] },
    ]);

    const result = await feedsApi(invoke).findFeedByDocumentId({ ...FIND, knownFeedIds: ['F-old'] });

    expect(result).toMatchObject({ kind: 'found', matchedBy: 'timeWindow', feed: { feedId: 'F-ours' } });
    expect(sent[0]?.options.query).toMatchObject({ feedTypes: ['JSON_LISTINGS_FEED'], createdSince: '2026-11-22T11:58:00.000Z', pageSize: 100 });
    expect(sent[1]?.options.query).toEqual({ nextToken: 'p2' });
  });

  it('reports ambiguity instead of guessing, and notFound on an empty window', async () => {
    const two = fakeInvoke([{ feeds: [feed('F1'), feed('F2')] }]);
    const none = fakeInvoke([{ feeds: [] }]);

    const ambiguous = await feedsApi(two.invoke).findFeedByDocumentId(FIND);
    const notFound = await feedsApi(none.invoke).findFeedByDocumentId(FIND);

    expect(ambiguous).toMatchObject({ kind: 'ambiguous', candidates: [{ feedId: 'F1' }, { feedId: 'F2' }] });
    expect(notFound).toEqual({ kind: 'notFound' });
  });
});
