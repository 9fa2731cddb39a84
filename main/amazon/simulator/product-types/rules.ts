import type { Json, JsonObject } from './attribute-templates';

/**
 * Conditional requirements (`allOf` of `if`/`then`) written with the same sub-schemas Amazon
 * uses in BRACELET, so our validator and requiredAttributes() meet the real patterns.
 */

const valueIs = (attribute: string, values: readonly Json[]): JsonObject => ({
  required: [attribute],
  properties: { [attribute]: { contains: { required: ['value'], properties: { value: { enum: [...values] } } } } },
});

const notParent: JsonObject = { not: valueIs('parentage_level', ['parent']) };
const notSkipOffer: JsonObject = { not: valueIs('skip_offer', [true]) };
const isChild: JsonObject = valueIs('parentage_level', ['child']);
const hasValue = (attribute: string): JsonObject => ({ required: [attribute], properties: { [attribute]: { items: { required: ['value'] } } } });

const channelIs = (codes: readonly string[]): JsonObject => ({
  required: ['fulfillment_availability'],
  properties: { fulfillment_availability: { contains: { required: ['fulfillment_channel_code'], properties: { fulfillment_channel_code: { enum: [...codes] } } } } },
});

const childWithTheme = (themes: readonly string[]): JsonObject => ({
  allOf: [
    { required: ['child_parent_sku_relationship'], properties: { child_parent_sku_relationship: { items: { required: ['parent_sku'] } } } },
    notParent,
    { required: ['variation_theme'], properties: { variation_theme: { contains: { required: ['name'], properties: { name: { enum: [...themes] } } } } } },
  ],
});

/** Variation links: only a child names its parent; any parentage needs a relationship and a theme. */
export function variationRules(): JsonObject[] {
  return [
    { if: { not: isChild }, then: { properties: { child_parent_sku_relationship: { items: { not: { required: ['parent_sku'] } } } } } },
    { if: isChild, then: { properties: { child_parent_sku_relationship: { items: { required: ['parent_sku'] } } } } },
    { if: hasValue('parentage_level'), then: { required: ['child_parent_sku_relationship', 'variation_theme'] } },
  ];
}

/** A barcode, unless the item has a suggested ASIN, a GTIN exemption or is a variation parent. */
export function identifierRules(): JsonObject[] {
  const noExemption = { anyOf: [valueIs('supplier_declared_has_product_identifier_exemption', [false]), { not: hasValue('supplier_declared_has_product_identifier_exemption') }] };
  return [
    {
      if: { allOf: [{ not: hasValue('merchant_suggested_asin') }, notParent, noExemption] },
      then: { required: ['externally_assigned_product_identifier'] },
    },
  ];
}

/** The offer is required unless the item is a parent or the seller skips the offer. */
export function offerRules(): JsonObject[] {
  const sellable = { allOf: [notParent, notSkipOffer] };
  return [
    { if: sellable, then: { required: ['fulfillment_availability'] } },
    { if: sellable, then: { required: ['condition_type'] } },
    { if: sellable, then: { required: ['list_price'] } },
    // Amazon measures what it ships itself.
    { if: { allOf: [channelIs(['AMAZON_NA', 'AMAZON_EU']), notParent] }, then: { required: ['item_package_dimensions', 'item_package_weight'] } },
  ];
}

/** "not_applicable" dangerous-goods declarations cannot be combined with real regulations. */
export function dangerousGoodsRule(): JsonObject {
  return {
    if: valueIs('supplier_declared_dg_hz_regulation', ['not_applicable']),
    then: { properties: { supplier_declared_dg_hz_regulation: { items: { properties: { value: { not: { enum: ['other', 'storage', 'transportation', 'waste'] } } } } } } },
  };
}

/** Batteries declared as required must say whether they come in the box. */
export function batteryRule(): JsonObject {
  return { if: valueIs('batteries_required', [true]), then: { required: ['batteries_included'] } };
}

/** Attributes required on every non-parent item (a parent is only a grouping). */
export function requiredUnlessParent(attributes: readonly string[]): JsonObject[] {
  return attributes.map((a) => ({ if: { anyOf: [{ not: hasValue('parentage_level') }, notParent] }, then: { required: [a] } }));
}

/**
 * A variation child must fill the attribute each token of its theme names
 * (`SIZE/COLOR` → size and color), as BRACELET's per-theme rules do.
 */
export function themeRules(themes: readonly string[], tokenToAttribute: Readonly<Record<string, string>>): JsonObject[] {
  const byAttribute = new Map<string, string[]>();
  for (const theme of themes) {
    for (const token of theme.split('/')) {
      const attribute = tokenToAttribute[token];
      if (attribute === undefined) throw new Error(`Theme token ${token} has no attribute`);
      byAttribute.set(attribute, [...(byAttribute.get(attribute) ?? []), theme]);
    }
  }
  return [...byAttribute].map(([attribute, list]) => ({ if: childWithTheme(list), then: { required: [attribute] } }));
}
