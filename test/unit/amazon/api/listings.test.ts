import { describe, expect, it } from 'vitest';
import { listingsApi } from '../../../../main/amazon/api/listings';
import { recordInvoke } from '../helpers/record-invoke';

const BR = 'A2Q3Y263D00KWC';

describe('listingsApi: request parameters checked before sending', () => {
  it('patchListingsItem is retry-safe only when every patch is replace or delete', async () => {
    const { invoke, sent } = recordInvoke();
    const api = listingsApi(invoke);
    const base = { sellerId: 'S', sku: 'K', marketplaceId: BR };

    await api.patchListingsItem({
      ...base,
      body: {
        productType: 'X',
        patches: [
          { op: 'replace', path: '/attributes/list_price', value: [] },
          { op: 'delete', path: '/attributes/a' },
        ],
      },
    });
    await api.patchListingsItem({ ...base, body: { productType: 'X', patches: [{ op: 'add', path: '/attributes/bullet_point', value: [] }] } });

    expect(sent.map((s) => s.options.idempotent)).toEqual([true, false]);
  });
  it('deleteListingsItem and putListingsItem send a single marketplace', async () => {
    const { invoke, sent } = recordInvoke();
    const api = listingsApi(invoke);

    await api.deleteListingsItem({ sellerId: 'S', sku: 'K', marketplaceId: BR });
    await api.putListingsItem({ sellerId: 'S', sku: 'K', marketplaceId: BR, mode: 'VALIDATION_PREVIEW', body: { productType: 'X', attributes: {} } });

    expect(sent.map((s) => s.options.query?.marketplaceIds)).toEqual([[BR], [BR]]);
    expect(sent[1]?.options.query?.mode).toBe('VALIDATION_PREVIEW');
  });
});

describe('listingsApi.searchListingsItemsPages', () => {
  it('stops when the caller breaks out, without fetching further pages', async () => {
    const { invoke, sent } = recordInvoke(() => ({ numberOfResults: 40, items: [], pagination: { nextToken: 'more' } }));

    for await (const page of listingsApi(invoke).searchListingsItemsPages({ sellerId: 'S', marketplaceIds: ['A2Q3Y263D00KWC'], pageSize: 20 })) {
      if (page.pagination?.nextToken) break;
    }

    expect(sent).toHaveLength(1);
    expect(sent[0]?.options.query).toMatchObject({ pageSize: 20, pageToken: undefined });
  });
});
