import { describe, expect, it } from 'vitest';
import { buildListing } from '../../../main/listings/builder';
import { offerPatches } from '../../../main/listings/offer-patches';
import { braceletInput } from './fixtures';

describe('offerPatches', () => {
  it('replaces only the price and the availability', () => {
    const listing = buildListing(braceletInput());

    const patches = offerPatches(listing);

    expect(patches.map((p) => [p.op, p.path])).toEqual([
      ['replace', '/attributes/purchasable_offer'],
      ['replace', '/attributes/fulfillment_availability'],
    ]);
    expect(patches[1]?.value).toEqual(listing.attributes['fulfillment_availability']);
  });

  it('has nothing to patch on a variation parent', () => {
    const input = braceletInput();
    const parent = buildListing({ ...input, sku: { ...input.sku, isVariationParent: true } });

    expect(offerPatches(parent)).toEqual([]);
  });
});
