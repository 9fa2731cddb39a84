import { describe, expect, it } from 'vitest';
import type { TimeSlice } from '../../../main/background/yield';
import { Translator } from '../../../main/i18n';
import { AMAZON_META_SCHEMA_ID } from '../../../main/listings/amazon-vocabulary';
import type { Listing } from '../../../main/listings/types';
import { createListingValidator, prepareListingValidator } from '../../../main/listings/validator';
import { completeBracelet, loadProductType } from './fixtures';

/** A slice that is always spent, counting the turns it gives the event loop. */
function countingSlice(): TimeSlice & { turns: number } {
  const slice = {
    turns: 0,
    spent: () => true,
    next: async () => {
      slice.turns += 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    pause: () => slice.next(),
  };
  return slice;
}

function without(listing: Listing, ...attributes: string[]): Listing {
  return { ...listing, attributes: Object.fromEntries(Object.entries(listing.attributes).filter(([name]) => !attributes.includes(name))) };
}

describe('prepareListingValidator (a product type schema compiled ahead, a piece at a time)', () => {
  it('compiles BRACELET one piece per turn — root, each condition, each attribute — and then validates as a fresh compile does', async () => {
    const bracelet = loadProductType('BRACELET');
    const conditions = (bracelet['allOf'] as unknown[]).length;
    const attributes = Object.keys(bracelet['properties'] as object).length;
    const slice = countingSlice();

    await prepareListingValidator(bracelet, slice);

    // No piece is compiled in the same turn as another: the thread is never held for the whole schema.
    expect(slice.turns).toBeGreaterThanOrEqual(1 + conditions + attributes);
    const prepared = createListingValidator(bracelet, new Translator('en'));
    // A copy of the document is compiled on its own, synchronously, the old way.
    const fresh = createListingValidator(structuredClone(bracelet), new Translator('en'));
    const broken = without(completeBracelet(), 'brand', 'item_name');
    const withCondition = {
      ...completeBracelet(),
      attributes: { ...completeBracelet().attributes, color: [{ value: 'x'.repeat(3000), language_tag: 'en_US', marketplace_id: 'ATVPDKIKX0DER' }] },
    };
    for (const listing of [completeBracelet(), broken, withCondition]) expect(prepared.validate(listing).issues).toEqual(fresh.validate(listing).issues);
    expect(
      prepared
        .validate(broken)
        .issues.map((i) => i.attribute)
        .sort(),
    ).toEqual(['brand', 'item_name']);
  }, 60_000);

  it("refuses a schema that fails Amazon's meta-schema, as createListingValidator does (checked on a worker thread)", async () => {
    const schema = {
      $schema: AMAZON_META_SCHEMA_ID,
      $id: 'https://example.test/product-types/BAD',
      type: 'object',
      properties: { code: { type: 'array', items: { type: 'object', properties: { value: { type: 'string', maxUtf8ByteLength: 'ten' } } } } },
    };

    await expect(prepareListingValidator(schema, countingSlice())).rejects.toThrow(/schema is invalid: .*maxUtf8ByteLength/);
    expect(() => createListingValidator(schema, new Translator('en'))).toThrow(/schema is invalid: .*maxUtf8ByteLength/);
  });

  it("compiles a schema whose condition refers to an attribute whole, with the whole schema's verdict", async () => {
    const schema = {
      $schema: AMAZON_META_SCHEMA_ID,
      $id: 'https://example.test/product-types/REFS',
      type: 'object',
      properties: { color: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' } } } }, size: { type: 'array' } },
      allOf: [{ if: { required: ['color'] }, then: { required: ['size'], properties: { size: { $ref: '#/properties/color' } } } }],
    };
    await prepareListingValidator(schema, countingSlice());
    const v = createListingValidator(schema, new Translator('en'));
    const listing = (attributes: Record<string, unknown>): Listing => ({ productType: 'REFS', attributes: attributes as Listing['attributes'] });

    expect(v.validate(listing({ color: [{ value: 'red' }] })).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['missing /size']);
    expect(v.validate(listing({ color: [{ value: 'red' }], size: [{ value: 1 }] })).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'wrong_type /size/0/value',
    ]);
    expect(v.validate(listing({ size: [{ value: 1 }] })).valid).toBe(true);
  });
});
