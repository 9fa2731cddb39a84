import { describe, expect, it } from 'vitest';
import { catalogApi } from '../../../../main/amazon/api/catalog';
import { InvalidRequestError } from '../../../../main/amazon/errors';
import { recordInvoke } from '../helpers/record-invoke';

const BR = 'A2Q3Y263D00KWC';

describe('catalogApi: request parameters checked before sending', () => {
  it('searchCatalogItems: up to 20 EANs in one call, one marketplace, csv-ready', async () => {
    const { invoke, sent } = recordInvoke();
    const eans = Array.from({ length: 20 }, (_, i) => `789100000${String(i).padStart(4, '0')}`);

    await catalogApi(invoke).searchCatalogItems({
      marketplaceId: BR,
      identifiers: eans,
      identifiersType: 'EAN',
      includedData: ['summaries', 'identifiers', 'productTypes'],
    });

    expect(sent[0]?.options.query).toMatchObject({ marketplaceIds: [BR], identifiers: eans, identifiersType: 'EAN', keywords: undefined });
  });
  it('searchCatalogItems: refuses 21 identifiers and SKU lookups without sellerId, sending nothing', async () => {
    const { invoke, sent } = recordInvoke();
    const api = catalogApi(invoke);

    await expect(
      api.searchCatalogItems({ marketplaceId: BR, identifiers: Array.from({ length: 21 }, () => '1'), identifiersType: 'EAN' }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(api.searchCatalogItems({ marketplaceId: BR, identifiers: ['SKU1'], identifiersType: 'SKU' })).rejects.toThrow(/sellerId/);
    expect(sent).toHaveLength(0);
  });
});
