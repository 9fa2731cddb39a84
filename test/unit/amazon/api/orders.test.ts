import { describe, expect, it } from 'vitest';
import { ordersApi } from '../../../../main/amazon/api/orders';
import { InvalidRequestError } from '../../../../main/amazon/errors';
import { recordInvoke } from '../helpers/record-invoke';

describe('ordersApi: request parameters checked before sending', () => {
  it('searchOrders: exactly one of createdAfter / lastUpdatedAfter, families not mixed', async () => {
    const api = ordersApi(recordInvoke(() => ({ orders: [] })).invoke);

    await expect(api.searchOrders({})).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(api.searchOrders({ createdAfter: '2026-11-01T00:00:00Z', lastUpdatedAfter: '2026-11-01T00:00:00Z' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(api.searchOrders({ lastUpdatedAfter: '2026-11-01T00:00:00Z', createdBefore: '2026-11-02T00:00:00Z' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
    await expect(api.searchOrders({ lastUpdatedAfter: '2026-11-01T00:00:00Z', lastUpdatedBefore: '2026-11-02T00:00:00Z' })).resolves.toMatchObject({
      orders: [],
    });
  });
});

describe('ordersApi.searchOrdersPages', () => {
  it('follows pagination.nextToken, repeating the filters with each token', async () => {
    const pages = [{ orders: [], pagination: { nextToken: 't1' } }, { orders: [], pagination: { nextToken: 't2' } }, { orders: [] }];
    let n = 0;
    const { invoke, sent } = recordInvoke(() => pages[n++]);
    const seen: unknown[] = [];

    for await (const page of ordersApi(invoke).searchOrdersPages({ lastUpdatedAfter: '2026-11-01T00:00:00Z', marketplaceIds: ['A2Q3Y263D00KWC'] }))
      seen.push(page);

    expect(seen).toEqual(pages);
    expect(sent.map((s) => s.options.query)).toEqual(
      [undefined, 't1', 't2'].map((paginationToken) => ({ lastUpdatedAfter: '2026-11-01T00:00:00Z', marketplaceIds: ['A2Q3Y263D00KWC'], paginationToken })),
    );
  });
});
