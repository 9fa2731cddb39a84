import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/errors';
import { Translator } from '../../../main/i18n';
import { buildListing, buildOfferOnlyListing, identifierType } from '../../../main/listings/builder';
import { checkFeedMessage, offerPatchMessage, updateMessage } from '../../../main/listings/feed-message';
import { fieldLabelsFor } from '../../../main/listings/mapped-attributes';
import { createListingValidator } from '../../../main/listings/validator';
import { braceletInput, loadProductType, US } from './fixtures';

const validator = createListingValidator(loadProductType('BRACELET'), new Translator('en'));

describe('buildListing', () => {
  it('builds a complete BRACELET listing that the product type schema accepts', () => {
    const listing = buildListing(braceletInput());

    expect(listing.productType).toBe('BRACELET');
    expect(listing.requirements).toBe('LISTING');
    expect(validator.validate(listing).issues).toEqual([]);
  });

  it("builds feed messages that Amazon's listings feed message schema accepts", () => {
    const listing = buildListing(braceletInput());

    expect(checkFeedMessage(updateMessage(1, 'BRC-19', listing))).toEqual({ valid: true, errors: [] });
    expect(checkFeedMessage(offerPatchMessage(2, 'BRC-19', listing))).toEqual({ valid: true, errors: [] });
  });

  it('rejects a feed message that mixes attributes into a PATCH', () => {
    const listing = buildListing(braceletInput());
    const bad = { ...offerPatchMessage(3, 'BRC-19', listing), attributes: listing.attributes };

    expect(checkFeedMessage(bad).valid).toBe(false);
  });

  it('sends the barcode with a lower-case type and declares no exemption', () => {
    const attrs = buildListing(braceletInput()).attributes;

    expect(attrs['externally_assigned_product_identifier']).toEqual([{ type: 'ean', value: '4006381333931', marketplace_id: US }]);
    expect(attrs['supplier_declared_has_product_identifier_exemption']).toEqual([{ value: false, marketplace_id: US }]);
  });

  it.each([
    ['4006381333931', 'ean'],
    ['96385074', 'ean'],
    ['036000291452', 'upc'],
    ['10036000291459', 'gtin'],
  ])('types barcode %s as %s', (gtin, type) => {
    expect(identifierType(gtin)).toBe(type);
  });

  it('declares the GTIN exemption instead of a barcode when the seller has one', () => {
    const input = braceletInput();
    const attrs = buildListing({ ...input, sku: { ...input.sku, gtin: undefined, gtinExempt: true } }).attributes;

    expect(attrs['externally_assigned_product_identifier']).toBeUndefined();
    expect(attrs['supplier_declared_has_product_identifier_exemption']).toEqual([{ value: true, marketplace_id: US }]);
  });

  it('suggests the matched ASIN', () => {
    const attrs = buildListing(braceletInput({ matchedAsin: 'B071VG5N9D' })).attributes;

    expect(attrs['merchant_suggested_asin']).toEqual([{ value: 'B071VG5N9D', marketplace_id: US }]);
  });

  it('maps characteristics through the value map and coerces numbers the schema expects', () => {
    const attrs = buildListing(braceletInput()).attributes;

    expect(attrs['color']).toEqual([{ value: 'Silver', language_tag: 'en_US', marketplace_id: US }]);
    expect(attrs['item_length']).toEqual([{ value: 7.5, unit: 'inches', marketplace_id: US }]);
    expect(attrs['batteries_required']).toEqual([{ value: false, marketplace_id: US }]);
    expect(attrs['country_of_origin']).toEqual([{ value: 'BR', marketplace_id: US }]);
  });

  it('keeps at most five bullet points and splits images into main and others', () => {
    const input = braceletInput();
    const product = {
      ...input.product,
      bulletPoints: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      imageUrls: ['https://x/1.jpg', 'https://x/2.jpg', 'https://x/3.jpg'],
    };

    const attrs = buildListing({ ...input, product }).attributes;

    expect(attrs['bullet_point']).toHaveLength(5);
    expect(attrs['main_product_image_locator']).toEqual([{ media_location: 'https://x/1.jpg', marketplace_id: US }]);
    expect(attrs['other_product_image_locator_2']).toEqual([{ media_location: 'https://x/3.jpg', marketplace_id: US }]);
    expect(attrs['other_product_image_locator_3']).toBeUndefined();
  });

  it('prices in the marketplace currency, applies the price rule and the default offer settings', () => {
    const input = braceletInput({ marketplace: { id: 'A2Q3Y263D00KWC', currency: 'BRL', languageTag: 'pt_BR' } });
    const settings = { ...input.settings, priceRule: { multiplier: 1.2, fixedAmount: 5, rounding: 'cents_90' as const } };

    const attrs = buildListing({ ...input, settings }).attributes;

    expect(attrs['purchasable_offer']).toEqual([{ marketplace_id: 'A2Q3Y263D00KWC', currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 65.9 }] }] }]);
    expect(attrs['list_price']).toEqual([{ value: 65.9, currency: 'BRL', marketplace_id: 'A2Q3Y263D00KWC' }]);
    expect(attrs['condition_type']).toEqual([{ value: 'new_new', marketplace_id: 'A2Q3Y263D00KWC' }]);
    expect(attrs['fulfillment_availability']).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 12, lead_time_to_ship_max_days: 2 }]);
    expect(attrs['item_name']).toEqual([{ value: 'Silver bracelet 19 cm', language_tag: 'pt_BR', marketplace_id: 'A2Q3Y263D00KWC' }]);
  });

  it('sends a sale price as a discounted_price schedule, ending a year later by default', () => {
    const input = braceletInput();
    const attrs = buildListing({ ...input, sku: { ...input.sku, salePrice: { amount: 39.9 } } }).attributes;

    expect(attrs['purchasable_offer']?.[0]?.['discounted_price']).toEqual([
      { schedule: [{ value_with_tax: 39.9, start_at: '2026-11-22', end_at: '2027-11-22' }] },
    ]);
    expect(validator.validate(buildListing({ ...input, sku: { ...input.sku, salePrice: { amount: 39.9 } } })).valid).toBe(true);
  });

  it('ignores a "sale" price that is not below the regular price', () => {
    const input = braceletInput();
    const attrs = buildListing({ ...input, sku: { ...input.sku, salePrice: { amount: 60 } } }).attributes;

    expect(attrs['purchasable_offer']?.[0]?.['discounted_price']).toBeUndefined();
  });

  it('"don\'t send price" leaves an existing offer\'s price alone but prices a new offer', () => {
    const input = braceletInput();
    const existing = buildListing({ ...input, existingOffer: true, settings: { ...input.settings, sendPrice: false } }).attributes;
    const fresh = buildListing({ ...input, settings: { ...input.settings, sendPrice: false } }).attributes;

    expect(existing['purchasable_offer']).toBeUndefined();
    expect(existing['list_price']).toBeUndefined();
    expect(existing['fulfillment_availability']).toBeDefined();
    expect(fresh['purchasable_offer']?.[0]).toMatchObject({ our_price: [{ schedule: [{ value_with_tax: input.sku.price }] }] });
    expect(validator.validate(buildListing({ ...input, settings: { ...input.settings, sendPrice: false } })).valid).toBe(true);
  });

  it('gives an offer fulfilled by Amazon no fulfillment availability at all', () => {
    const input = braceletInput();
    const attrs = buildListing({ ...input, fulfilledByAmazon: true }).attributes;

    expect(attrs['fulfillment_availability']).toBeUndefined();
    expect(attrs['purchasable_offer']).toBeDefined();
  });

  it('uses the per-product handling time over the shop default', () => {
    const input = braceletInput();
    const shop = buildListing({ ...input, settings: { ...input.settings, handlingTimeDays: 5 } }).attributes;
    const product = buildListing({
      ...input,
      product: { ...input.product, handlingTimeDays: 1 },
      settings: { ...input.settings, handlingTimeDays: 5 },
    }).attributes;

    expect(shop['fulfillment_availability']?.[0]?.['lead_time_to_ship_max_days']).toBe(5);
    expect(product['fulfillment_availability']?.[0]?.['lead_time_to_ship_max_days']).toBe(1);
  });

  it('sends quantity 0 below the safety stock and the full stock at it', () => {
    const input = braceletInput();
    const qty = (stock: number) =>
      buildListing({ ...input, sku: { ...input.sku, stock }, settings: { ...input.settings, safetyStock: 5 } }).attributes['fulfillment_availability']?.[0]?.[
        'quantity'
      ];

    expect(qty(4)).toBe(0);
    expect(qty(5)).toBe(5);
  });

  it('gives a kit the quantity its scarcest component allows', () => {
    const input = braceletInput();
    const sku = {
      ...input.sku,
      sku: 'KIT-1',
      stock: 999,
      isKit: true,
      kitComponents: [
        { sku: 'A', quantityPerKit: 2, stock: 10 },
        { sku: 'B', quantityPerKit: 1, stock: 3 },
      ],
    };

    const attrs = buildListing({ ...input, sku }).attributes;

    expect(attrs['fulfillment_availability']?.[0]?.['quantity']).toBe(3);
  });
});

describe('variation families', () => {
  it('gives the parent the theme and no offer, and the child its parent and theme values', () => {
    const input = braceletInput();
    const parent = buildListing({ ...input, sku: { ...input.sku, sku: 'BRC', gtin: undefined, isVariationParent: true } });
    const child = buildListing({ ...input, sku: { ...input.sku, sku: 'BRC-AZ', parentSku: 'BRC', variationAttributes: { Cor: 'Azul', Tamanho: 'Pequeno' } } });

    expect(parent.attributes['parentage_level']).toEqual([{ value: 'parent', marketplace_id: US }]);
    expect(parent.attributes['variation_theme']).toEqual([{ name: 'COLOR/SIZE' }]);
    expect(parent.attributes['purchasable_offer']).toBeUndefined();
    expect(parent.attributes['fulfillment_availability']).toBeUndefined();
    expect(child.attributes['child_parent_sku_relationship']).toEqual([{ child_relationship_type: 'variation', parent_sku: 'BRC', marketplace_id: US }]);
    expect(child.attributes['color']).toEqual([{ value: 'Blue', language_tag: 'en_US', marketplace_id: US }]);
    expect(child.attributes['size']).toEqual([{ value: 'Small', language_tag: 'en_US', marketplace_id: US }]);
    expect(validator.validate(parent).issues).toEqual([]);
    expect(validator.validate(child).issues).toEqual([]);
  });

  it('refuses a variation SKU when the category has no variation theme', () => {
    const input = braceletInput();
    const build = () => buildListing({ ...input, mapping: { ...input.mapping, variationTheme: undefined }, sku: { ...input.sku, parentSku: 'BRC' } });

    expect(build).toThrow(AppError);
  });
});

describe('buildOfferOnlyListing', () => {
  it('sends only sales terms for an existing ASIN, and the schema accepts them', () => {
    const listing = buildOfferOnlyListing(braceletInput({ matchedAsin: 'B071VG5N9D' }));

    expect(listing.requirements).toBe('LISTING_OFFER_ONLY');
    expect(Object.keys(listing.attributes).sort()).toEqual([
      'condition_type',
      'fulfillment_availability',
      'list_price',
      'merchant_shipping_group',
      'merchant_suggested_asin',
      'purchasable_offer',
    ]);
    expect(validator.validate(listing).issues).toEqual([]);
    expect(checkFeedMessage(updateMessage(1, 'BRC-19', listing)).valid).toBe(true);
  });

  it('keeps the regular price as list_price while a sale runs', () => {
    const input = braceletInput({ matchedAsin: 'B071VG5N9D' });
    const listing = buildOfferOnlyListing({ ...input, sku: { ...input.sku, salePrice: { amount: 40, startAt: '2026-12-01', endAt: '2026-12-31' } } });

    expect(listing.attributes['list_price']).toEqual([{ value: 49.99, currency: 'USD', marketplace_id: US }]);
    expect(listing.attributes['purchasable_offer']?.[0]?.['discounted_price']).toEqual([
      { schedule: [{ value_with_tax: 40, start_at: '2026-12-01', end_at: '2026-12-31' }] },
    ]);
  });

  it('refuses a SKU without a matched ASIN', () => {
    expect(() => buildOfferOnlyListing(braceletInput())).toThrow(expect.objectContaining({ code: 'LISTING_OFFER_WITHOUT_ASIN' }));
  });
});

describe('fieldLabelsFor', () => {
  it('names characteristic-mapped attributes after their characteristic, on top of the store columns', () => {
    const labels = fieldLabelsFor(braceletInput().mapping, { brand: 'Marca', color: 'ignored' });

    expect(labels).toMatchObject({ brand: 'Marca', color: 'Cor', size: 'Tamanho' });
    expect(labels['stones']).toBeUndefined();
  });
});
