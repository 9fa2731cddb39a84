import { describe, expect, it } from 'vitest';
import { Translator } from '../../../main/i18n';
import { AMAZON_META_SCHEMA_ID } from '../../../main/listings/amazon-vocabulary';
import { createListingValidator } from '../../../main/listings/validator';
import type { Listing } from '../../../main/listings/types';
import { completeBracelet, loadProductType, US } from './fixtures';

const bracelet = loadProductType('BRACELET');
const pt = createListingValidator(bracelet, new Translator('pt-BR'));
const en = createListingValidator(bracelet, new Translator('en'));

function without(listing: Listing, attribute: string): Listing {
  const { [attribute]: _removed, ...rest } = listing.attributes;
  return { ...listing, attributes: rest };
}

function withAttr(listing: Listing, attribute: string, value: readonly Record<string, unknown>[]): Listing {
  return { ...listing, attributes: { ...listing.attributes, [attribute]: value } };
}

describe('createListingValidator on the real BRACELET schema', () => {
  it('accepts a complete product', () => {
    const result = pt.validate(completeBracelet());

    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('reads the product type from the schema $id and flags a listing of another type', () => {
    const result = pt.validate({ ...completeBracelet(), productType: 'SHOES' });

    expect(pt.productType).toBe('BRACELET');
    expect(result.valid).toBe(false);
    expect(result.issues[0]?.message).toBe('Este anúncio é do tipo SHOES, mas foi validado com o esquema de BRACELET');
  });

  it.each((bracelet['required'] as string[]).map((a) => [a]))('reports a missing %s as one localized "missing" issue', (attribute) => {
    const result = pt.validate(without(completeBracelet(), attribute));

    expect(result.valid).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ attribute, code: 'missing', path: `/${attribute}` });
    expect(result.issues[0]?.message).toMatch(/não preenchid[oa]s?: /);
  });

  it('names the store column for a missing brand, in pt-BR and in English', () => {
    const listing = without(completeBracelet(), 'brand');

    const ptIssue = pt.validate(listing, { fieldLabels: { brand: 'Marca' } }).issues[0];
    const enIssue = en.validate(listing, { fieldLabels: { brand: 'Brand' } }).issues[0];

    expect(ptIssue?.message).toBe('Marca não preenchida: preencha a coluna Marca do produto');
    expect(ptIssue?.storeField).toBe('Marca');
    expect(enIssue?.message).toBe("Brand is missing: fill in the product's Brand column");
  });

  it('names the store characteristic a missing mapped attribute comes from', () => {
    const result = pt.validate(without(completeBracelet(), 'color'), { fieldLabels: { color: 'Cor' } });

    expect(result.issues).toEqual([
      expect.objectContaining({ attribute: 'color', code: 'missing', storeField: 'Cor', message: 'Cor não preenchida: preencha a coluna Cor do produto' }),
    ]);
  });

  it('treats an empty required text as missing', () => {
    const result = pt.validate(withAttr(completeBracelet(), 'brand', [{ value: '', language_tag: 'en_US', marketplace_id: US }]));

    expect(result.issues).toEqual([expect.objectContaining({ attribute: 'brand', code: 'missing', path: '/brand/0/value' })]);
  });

  it('lists the allowed values by their display names (enumNames) on an enum mismatch', () => {
    const listing = withAttr(completeBracelet(), 'condition_type', [{ value: 'novo', marketplace_id: US }]);

    const issue = en.validate(listing, { fieldLabels: { condition_type: 'Estado' } }).issues[0];

    expect(issue).toMatchObject({ attribute: 'condition_type', code: 'not_allowed', path: '/condition_type/0/value' });
    expect(issue?.params['allowed']).toBe('New, Used - Acceptable, Used - Good, Used - Like New, Used - Very Good');
    expect(issue?.message).toContain('“novo”');
    expect(issue?.message).toContain('Estado');
  });

  it('reports a conditionally required barcode once, not also the alternative ASIN', () => {
    const noBarcode = without(completeBracelet(), 'externally_assigned_product_identifier');
    const exempt = withAttr(noBarcode, 'supplier_declared_has_product_identifier_exemption', [{ value: true, marketplace_id: US }]);

    const missing = pt.validate(noBarcode).issues.map((i) => i.attribute);
    const exemptResult = pt.validate(exempt);

    expect(missing).toEqual(['externally_assigned_product_identifier']);
    expect(exemptResult.valid).toBe(true);
  });

  it('counts UTF-8 bytes for maxUtf8ByteLength (accents take two bytes)', () => {
    const department = (value: string) => withAttr(completeBracelet(), 'department', [{ value, language_tag: 'en_US', marketplace_id: US }]);

    const fits = pt.validate(department('ã'.repeat(1000))); // 1000 characters, 2000 bytes
    const tooLong = pt.validate(department('ã'.repeat(1001))); // 1001 characters (maxLength is 2200), 2002 bytes

    expect(fits.valid).toBe(true);
    expect(tooLong.issues).toEqual([
      expect.objectContaining({ attribute: 'department', code: 'too_long', path: '/department/0/value', params: expect.objectContaining({ limit: 2000 }) }),
    ]);
  });

  it('counts maxUniqueItems per selector combination (one title per marketplace and language)', () => {
    const title = (value: string, language_tag: string) => ({ value, language_tag, marketplace_id: US });

    const twoLanguages = pt.validate(withAttr(completeBracelet(), 'item_name', [title('Bracelet', 'en_US'), title('Pulsera', 'es_US')]));
    const twoTitles = pt.validate(withAttr(completeBracelet(), 'item_name', [title('Bracelet', 'en_US'), title('Other', 'en_US')]));

    expect(twoLanguages.valid).toBe(true);
    expect(twoTitles.issues).toEqual([expect.objectContaining({ attribute: 'item_name', code: 'too_many', path: '/item_name' })]);
  });

  it('allows ten bullet points per language and refuses eleven', () => {
    const bullets = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `Point ${i}`, language_tag: 'en_US', marketplace_id: US }));

    expect(pt.validate(withAttr(completeBracelet(), 'bullet_point', bullets(10))).valid).toBe(true);
    expect(pt.validate(withAttr(completeBracelet(), 'bullet_point', bullets(11))).issues.map((i) => i.code)).toEqual(['too_many']);
  });

  it('reports an attribute the product type does not have', () => {
    const result = en.validate(withAttr(completeBracelet(), 'footwear_size', [{ value: '40', marketplace_id: US }]));

    expect(result.issues).toEqual([expect.objectContaining({ attribute: 'footwear_size', code: 'unknown_attribute' })]);
  });

  it('does not ask an offer-only listing for product facts, but still checks the offer', () => {
    const offer: Listing = {
      productType: 'BRACELET',
      requirements: 'LISTING_OFFER_ONLY',
      attributes: {
        merchant_suggested_asin: [{ value: 'B071VG5N9D', marketplace_id: US }],
        condition_type: [{ value: 'new_new', marketplace_id: US }],
        purchasable_offer: [{ marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 49.99 }] }] }],
        fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
        list_price: [{ value: 59.99, currency: 'USD', marketplace_id: US }],
        merchant_shipping_group: [{ value: 'legacy-template-id', marketplace_id: US }],
      },
    };

    expect(pt.validate(offer).issues).toEqual([]);
    expect(pt.validate(without(offer, 'fulfillment_availability')).issues.map((i) => i.attribute)).toEqual(['fulfillment_availability']);
  });
});

describe('Amazon vocabulary keywords on a small schema', () => {
  const schema = (extra: Record<string, unknown>) => ({
    $schema: AMAZON_META_SCHEMA_ID,
    $id: 'https://example.test/product-types/TEST',
    type: 'object',
    properties: { code: { type: 'array', items: { type: 'object', properties: { value: { type: 'string', ...extra } } } } },
  });

  it('enforces minUtf8ByteLength in bytes, not characters', () => {
    const v = createListingValidator(schema({ minUtf8ByteLength: 4 }), new Translator('en'));
    const of = (value: string): Listing => ({ productType: 'TEST', attributes: { code: [{ value }] } });

    expect(v.validate(of('ção')).valid).toBe(true); // 3 characters, 5 bytes
    expect(v.validate(of('abc')).issues.map((i) => i.code)).toEqual(['too_short']);
  });

  it('enforces minUniqueItems for every selector combination present', () => {
    const grouped = {
      $schema: AMAZON_META_SCHEMA_ID,
      $id: 'https://example.test/product-types/TEST',
      type: 'object',
      properties: { tags: { type: 'array', minUniqueItems: 2, selectors: ['language_tag'], items: { type: 'object' } } },
    };
    const v = createListingValidator(grouped, new Translator('en'));
    const of = (...languages: string[]): Listing => ({
      productType: 'TEST',
      attributes: { tags: languages.map((language_tag, i) => ({ language_tag, value: `t${i}` })) },
    });

    expect(v.validate(of('pt_BR', 'pt_BR')).valid).toBe(true);
    expect(v.validate(of('pt_BR', 'en_US')).issues.map((i) => i.code)).toEqual(['too_few']);
  });

  it('refuses an empty array under minUniqueItems 1, and counts selectors only when an array is longer than maxUniqueItems', () => {
    const limited = {
      $schema: AMAZON_META_SCHEMA_ID,
      $id: 'https://example.test/product-types/TEST',
      type: 'object',
      properties: { tags: { type: 'array', minUniqueItems: 1, maxUniqueItems: 1, selectors: ['language_tag'], items: { type: 'object' } } },
    };
    const v = createListingValidator(limited, new Translator('en'));
    const of = (...languages: string[]): Listing => ({
      productType: 'TEST',
      attributes: { tags: languages.map((language_tag, i) => ({ language_tag, value: `t${i}` })) },
    });

    expect(v.validate(of()).issues.map((i) => i.code)).toEqual(['missing']); // an empty array reads as "not supplied"
    expect(v.validate(of('pt_BR')).valid).toBe(true);
    expect(v.validate(of('pt_BR', 'en_US')).valid).toBe(true);
    expect(v.validate(of('pt_BR', 'pt_BR')).issues.map((i) => i.code)).toEqual(['too_many']);
  });

  it('still validates when a schema carries a keyword this code does not know yet', () => {
    const v = createListingValidator(schema({ futureAmazonKeyword: true, maxLength: 3 }), new Translator('en'));

    expect(v.validate({ productType: 'TEST', attributes: { code: [{ value: 'abcd' }] } }).issues.map((i) => i.code)).toEqual(['too_long']);
  });

  it('refuses a schema whose Amazon keywords are malformed (checked by the local meta-schema)', () => {
    expect(() => createListingValidator(schema({ maxUtf8ByteLength: 'ten' }), new Translator('en'))).toThrow(/maxUtf8ByteLength/);
  });
});

describe('multipleOf is checked in decimal, as Amazon does', () => {
  it.each([276.9, 263.9, 19.9, 10.2, 1234.56, 0.07])('accepts the price %s against multipleOf 0.01', (price) => {
    const listing = withAttr(completeBracelet(), 'list_price', [{ value: price, currency: 'USD', marketplace_id: US }]);

    expect(pt.validate(listing).issues).toEqual([]);
  });

  it('still refuses a price with a third decimal place', () => {
    const listing = withAttr(completeBracelet(), 'list_price', [{ value: 276.905, currency: 'USD', marketplace_id: US }]);

    expect(pt.validate(listing).issues).toMatchObject([{ attribute: 'list_price', code: 'out_of_range', params: { limit: 0.01, value: '276.905' } }]);
  });
});

describe("attributes checked one by one give the whole schema's verdict", () => {
  const base = {
    $schema: AMAZON_META_SCHEMA_ID,
    $id: 'https://example.test/product-types/SPLIT',
    $defs: { text: { type: 'array', items: { type: 'object', required: ['value'], properties: { value: { type: 'string', maxLength: 5 } } } } },
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    allOf: [{ if: { required: ['color'] }, then: { required: ['size'] } }],
  };
  const listing = (attributes: Record<string, unknown>): Listing => ({ productType: 'SPLIT', attributes: attributes as Listing['attributes'] });

  it.each([
    ['a $defs reference', { ...base, properties: { name: { $ref: '#/$defs/text' }, color: { $ref: '#/$defs/text' }, size: { $ref: '#/$defs/text' } } }],
    [
      'a reference to another attribute',
      { ...base, properties: { name: { $ref: '#/$defs/text' }, color: { $ref: '#/properties/name' }, size: { $ref: '#/properties/name' } } },
    ],
  ])("with %s: root rules, each attribute's value and unknown attributes", (_label, schema) => {
    const v = createListingValidator(schema, new Translator('en'));

    expect(v.validate(listing({ name: [{ value: 'ok' }] })).issues).toEqual([]);
    const issues = v.validate(listing({ color: [{ value: 'far too long' }], extra: [{ value: 'x' }] })).issues;
    expect(issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual(['missing /name', 'missing /size', 'too_long /color/0/value', 'unknown_attribute /extra']);
  });
});
