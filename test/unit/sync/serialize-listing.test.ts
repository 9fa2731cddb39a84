import { describe, expect, it } from 'vitest';
import { buildListing } from '../../../main/listings/builder';
import type { Listing } from '../../../main/listings/types';
import { serializeListing } from '../../../main/sync/delta';
import { braceletInput } from '../listings/fixtures';

describe('serializeListing (the one payload hasher)', () => {
  const base: Listing = {
    productType: 'BRACELET',
    attributes: { brand: [{ value: 'A', marketplace_id: 'M' }], item_name: [{ value: 'T', marketplace_id: 'M' }] },
  };
  const full = (listing: Listing) => serializeListing(listing).hashes.full;

  it('ignores the order of attributes and an explicit default requirements', () => {
    const reordered: Listing = {
      requirements: 'LISTING',
      attributes: { item_name: [{ value: 'T', marketplace_id: 'M' }], brand: [{ value: 'A', marketplace_id: 'M' }] },
      productType: 'BRACELET',
    };

    expect(full(reordered)).toBe(full(base));
    expect(full(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a value or the requirements change', () => {
    const changedValue: Listing = { ...base, attributes: { ...base.attributes, brand: [{ value: 'B', marketplace_id: 'M' }] } };
    const offerOnly: Listing = { ...base, requirements: 'LISTING_OFFER_ONLY' };

    expect(full(changedValue)).not.toBe(full(base));
    expect(full(offerOnly)).not.toBe(full(base));
  });

  it('a stock change moves the quantity and whole hashes, not the content or price ones', () => {
    const input = braceletInput();

    const a = serializeListing(buildListing(input)).hashes;
    const b = serializeListing(buildListing({ ...input, sku: { ...input.sku, stock: 11 } })).hashes;

    expect(b.quantity).not.toBe(a.quantity);
    expect(b.full).not.toBe(a.full);
    expect(b.content).toBe(a.content);
    expect(b.price).toBe(a.price);
  });

  it("writes the attributes as the JSON the feed carries: the content's names sorted, then the offer's", () => {
    const reordered: Listing = { productType: 'BRACELET', attributes: { item_name: base.attributes.item_name ?? [], brand: base.attributes.brand ?? [] } };

    const { attributesJson } = serializeListing(reordered);

    expect(JSON.parse(attributesJson)).toEqual(base.attributes);
    expect(Object.keys(JSON.parse(attributesJson) as object)).toEqual(['brand', 'item_name']);
    const built = buildListing(braceletInput());
    const keys = Object.keys(JSON.parse(serializeListing(built).attributesJson) as object);
    expect(JSON.parse(serializeListing(built).attributesJson)).toEqual(built.attributes);
    const content = keys.filter((k) => !['purchasable_offer', 'list_price', 'fulfillment_availability'].includes(k));
    expect(keys).toEqual([...content.sort(), ...keys.filter((k) => k === 'list_price' || k === 'purchasable_offer').sort(), 'fulfillment_availability']);
  });
});
