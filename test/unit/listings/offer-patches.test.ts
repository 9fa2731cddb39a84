import { describe, expect, it } from 'vitest';
import { buildListing } from '../../../main/listings/builder';
import { offerPatches } from '../../../main/listings/offer-patches';
import { payloadHash } from '../../../main/listings/payload-hash';
import type { Listing } from '../../../main/listings/types';
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

describe('payloadHash', () => {
  const base: Listing = { productType: 'BRACELET', attributes: { brand: [{ value: 'A', marketplace_id: 'M' }], item_name: [{ value: 'T', marketplace_id: 'M' }] } };

  it('ignores key order and an explicit default requirements', () => {
    const reordered: Listing = { requirements: 'LISTING', attributes: { item_name: [{ marketplace_id: 'M', value: 'T' }], brand: [{ marketplace_id: 'M', value: 'A' }] }, productType: 'BRACELET' };

    expect(payloadHash(reordered)).toBe(payloadHash(base));
    expect(payloadHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a value or the requirements change', () => {
    const changedValue: Listing = { ...base, attributes: { ...base.attributes, brand: [{ value: 'B', marketplace_id: 'M' }] } };
    const offerOnly: Listing = { ...base, requirements: 'LISTING_OFFER_ONLY' };

    expect(payloadHash(changedValue)).not.toBe(payloadHash(base));
    expect(payloadHash(offerOnly)).not.toBe(payloadHash(base));
  });

  it('changes when the quantity to send changes', () => {
    const input = braceletInput();

    const a = payloadHash(buildListing(input));
    const b = payloadHash(buildListing({ ...input, sku: { ...input.sku, stock: 11 } }));

    expect(a).not.toBe(b);
  });
});
