import { AppError } from '../errors';
import type { BuildInput } from './builder-types';
import { entry, mappedAttributes } from './mapped-attributes';
import { applyPriceRule, oneYearAfter, quantityToSend } from './pricing';
import type { AttributeValue, Listing } from './types';

type Attributes = Record<string, AttributeValue[]>;

const MAX_BULLET_POINTS = 5;
/** BRACELET (and every product type we know) has other_product_image_locator_1..8. */
const MAX_OTHER_IMAGES = 8;
export const DEFAULT_CONDITION = 'new_new';
export const DEFAULT_HANDLING_DAYS = 2;

function text(value: string, input: BuildInput): AttributeValue[] {
  return [entry('text', value, input)];
}

function plain(value: unknown, input: BuildInput): AttributeValue[] {
  return [entry('plain', value, input)];
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Lower case on purpose: the Listings API wants `ean`, the Catalog API answers `EAN`. */
export function identifierType(gtin: string): 'ean' | 'upc' | 'gtin' {
  if (gtin.length === 12) return 'upc';
  if (gtin.length === 14) return 'gtin';
  return 'ean';
}

function isParent(input: BuildInput): boolean {
  return input.sku.isVariationParent === true;
}

function identityAttributes(input: BuildInput): Attributes {
  const { sku, matchedAsin } = input;
  const out: Attributes = {};
  if (matchedAsin !== undefined) out['merchant_suggested_asin'] = plain(matchedAsin, input);
  // A variation parent is an abstract grouping: it has no barcode of its own.
  if (isParent(input)) return out;
  if (sku.gtinExempt === true) {
    out['supplier_declared_has_product_identifier_exemption'] = plain(true, input);
  } else if (present(sku.gtin)) {
    const gtin = sku.gtin.trim();
    out['externally_assigned_product_identifier'] = [{ type: identifierType(gtin), value: gtin, marketplace_id: input.marketplace.id }];
    out['supplier_declared_has_product_identifier_exemption'] = plain(false, input);
  }
  return out;
}

function contentAttributes(input: BuildInput): Attributes {
  const { product, sku } = input;
  const out: Attributes = {};
  if (present(product.title)) out['item_name'] = text(product.title.trim(), input);
  if (present(product.brand)) out['brand'] = text(product.brand.trim(), input);
  if (present(product.manufacturer)) out['manufacturer'] = text(product.manufacturer.trim(), input);
  const bullets = (product.bulletPoints ?? []).filter(present).slice(0, MAX_BULLET_POINTS);
  if (bullets.length > 0) out['bullet_point'] = bullets.map((b) => entry('text', b.trim(), input));
  if (present(product.description)) out['product_description'] = text(product.description.trim(), input);
  const [main, ...others] = (product.imageUrls ?? []).filter(present);
  if (main !== undefined) out['main_product_image_locator'] = [{ media_location: main, marketplace_id: input.marketplace.id }];
  others.slice(0, MAX_OTHER_IMAGES).forEach((url, i) => {
    out[`other_product_image_locator_${i + 1}`] = [{ media_location: url, marketplace_id: input.marketplace.id }];
  });
  if (sku.weightKg !== undefined && sku.weightKg > 0) {
    out['item_package_weight'] = [{ value: sku.weightKg, unit: 'kilograms', marketplace_id: input.marketplace.id }];
  }
  if (sku.dimensionsCm !== undefined) {
    const cm = (value: number) => ({ value, unit: 'centimeters' });
    const d = sku.dimensionsCm;
    out['item_package_dimensions'] = [{ length: cm(d.length), width: cm(d.width), height: cm(d.height), marketplace_id: input.marketplace.id }];
  }
  return out;
}

/**
 * Variation family links. Amazon's schemas require `child_parent_sku_relationship` and
 * `variation_theme` as soon as `parentage_level` is present, and forbid `parent_sku` unless the
 * item is a child — so the parent also carries the relationship, without a parent SKU.
 */
function variationAttributes(input: BuildInput): Attributes {
  const { sku, mapping } = input;
  const child = present(sku.parentSku);
  if (!child && !isParent(input)) return {};
  if (mapping.variationTheme === undefined) {
    throw new AppError('LISTING_NO_VARIATION_THEME', { productType: mapping.productType, sku: sku.sku });
  }
  const relationship: Record<string, unknown> = { child_relationship_type: 'variation', marketplace_id: input.marketplace.id };
  if (child) relationship['parent_sku'] = sku.parentSku;
  return {
    parentage_level: plain(child ? 'child' : 'parent', input),
    child_parent_sku_relationship: [relationship],
    variation_theme: [{ name: mapping.variationTheme }],
  };
}

/**
 * Our price (plus a sale schedule) and list_price. Real schemas (BRACELET) require list_price
 * for every non-parent offer unless `skip_offer`, so it goes with every priced offer; it is the
 * regular price, which Amazon shows crossed out while a sale runs.
 */
function priceAttributes(input: BuildInput): Attributes {
  const { sku, settings, marketplace } = input;
  // "Don't send price" leaves the price of an offer already on Amazon to the seller; a new offer
  // still needs one, Amazon creates no offer without it.
  if (settings.sendPrice === false && input.existingOffer === true) return {};
  const price = applyPriceRule(sku.price, settings.priceRule);
  const offer: Record<string, unknown> = {
    marketplace_id: marketplace.id,
    currency: marketplace.currency,
    our_price: [{ schedule: [{ value_with_tax: price }] }],
  };
  const sale = sku.salePrice;
  const salePrice = sale === undefined ? undefined : applyPriceRule(sale.amount, settings.priceRule);
  // A "sale" at or above the regular price is not a discount; Amazon would reject it.
  if (sale !== undefined && salePrice !== undefined && salePrice < price) {
    const startAt = sale.startAt ?? input.today;
    const endAt = sale.endAt ?? oneYearAfter(startAt);
    offer['discounted_price'] = [{ schedule: [{ value_with_tax: salePrice, start_at: startAt, end_at: endAt }] }];
  }
  return {
    purchasable_offer: [offer],
    list_price: [{ value: price, currency: marketplace.currency, marketplace_id: marketplace.id }],
  };
}

function offerAttributes(input: BuildInput): Attributes {
  const { settings, product } = input;
  const out: Attributes = {
    condition_type: plain(settings.conditionType ?? DEFAULT_CONDITION, input),
    ...priceAttributes(input),
  };
  // An offer fulfilled by Amazon sells what is in Amazon's warehouse: a merchant quantity
  // (channel DEFAULT) would turn it into a second, merchant-fulfilled availability.
  if (input.fulfilledByAmazon !== true) {
    // No marketplace_id here: availability is per fulfillment channel, not per marketplace.
    out['fulfillment_availability'] = [
      {
        fulfillment_channel_code: settings.fulfillmentChannelCode ?? 'DEFAULT',
        quantity: quantityToSend(input.sku, settings),
        lead_time_to_ship_max_days: product.handlingTimeDays ?? settings.handlingTimeDays ?? DEFAULT_HANDLING_DAYS,
      },
    ];
  }
  if (present(settings.shippingTemplate)) out['merchant_shipping_group'] = plain(settings.shippingTemplate, input);
  return out;
}

/**
 * A full listing (`requirements: LISTING`): product facts from the store, mapped category
 * attributes, and — unless the SKU is a variation parent — the offer.
 */
export function buildListing(input: BuildInput): Listing {
  const attributes: Attributes = {
    ...mappedAttributes(input),
    ...contentAttributes(input),
    ...identityAttributes(input),
    ...variationAttributes(input),
    ...(isParent(input) ? {} : offerAttributes(input)),
  };
  return { productType: input.mapping.productType, requirements: 'LISTING', attributes };
}

/**
 * An offer on an existing ASIN (`requirements: LISTING_OFFER_ONLY`): sales terms only, the
 * product facts stay Amazon's.
 */
export function buildOfferOnlyListing(input: BuildInput): Listing {
  if (input.matchedAsin === undefined) throw new AppError('LISTING_OFFER_WITHOUT_ASIN', { sku: input.sku.sku });
  const attributes: Attributes = {
    merchant_suggested_asin: plain(input.matchedAsin, input),
    ...offerAttributes(input),
  };
  return { productType: input.mapping.productType, requirements: 'LISTING_OFFER_ONLY', attributes };
}
