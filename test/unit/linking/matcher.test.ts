import { describe, expect, it } from 'vitest';
import type { AmazonListing } from '../../../main/db/tables/amazon-listings';
import { matchListings } from '../../../main/linking/matcher';

const offer = (sku: string, asin: string | null, gtin14: string | null): AmazonListing => ({
  sku,
  asin,
  gtin14,
  title: '',
  price: null,
  quantity: null,
  status: null,
  fulfillment: null,
  openedAt: null,
});

describe('matchListings', () => {
  it('prefers the SKU over another offer that shares the EAN', () => {
    const catalog = [{ id: 1, sku: 'A', gtin: '7891000000014', asin: null }];

    const result = matchListings({ listings: [offer('OLD-A', null, '07891000000014'), offer('A', null, '07891000000014')], catalog, existing: new Map() });

    expect(result.links).toEqual([{ amazonSku: 'A', skuId: 1, matchedBy: 'sku' }]);
  });

  it('keeps an earlier link even when a SKU match would now point elsewhere', () => {
    const catalog = [
      { id: 1, sku: 'A', gtin: null, asin: null },
      { id: 2, sku: 'B', gtin: null, asin: null },
    ];

    const result = matchListings({ listings: [offer('A', null, null)], catalog, existing: new Map([['A', 2]]) });

    expect(result).toEqual({ links: [], kept: ['A'], ambiguous: [] });
  });

  it('reports an offer whose EAN two free catalog SKUs share as ambiguous', () => {
    const catalog = [
      { id: 1, sku: 'A', gtin: '7891000000014', asin: null },
      { id: 2, sku: 'B', gtin: '07891000000014', asin: null },
    ];

    const result = matchListings({ listings: [offer('X', 'B0X', '07891000000014')], catalog, existing: new Map() });

    expect(result).toEqual({ links: [], kept: [], ambiguous: ['X'] });
  });
});
