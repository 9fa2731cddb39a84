/**
 * Attributes that are sales terms (the offer) rather than product facts. Used to tell which
 * requirements an offer-only (LISTING_OFFER_ONLY) or product-only listing must meet, and which
 * attributes a price/stock PATCH may touch.
 */
export const OFFER_ATTRIBUTES: ReadonlySet<string> = new Set([
  'merchant_suggested_asin',
  'condition_type',
  'condition_note',
  'purchasable_offer',
  'list_price',
  'fulfillment_availability',
  'merchant_shipping_group',
  'skip_offer',
  'max_order_quantity',
  'product_tax_code',
  'merchant_release_date',
  'gift_options',
  'map_policy',
]);
