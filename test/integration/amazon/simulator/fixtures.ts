import { fileURLToPath } from 'node:url';

/** Small product type schemas, so tests do not pay for compiling the 1.3 MB BRACELET schema. */
export const FIXTURE_PRODUCT_TYPES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const BR = 'A2Q3Y263D00KWC';

export function widgetAttributes(overrides: Record<string, unknown[]> = {}): Record<string, unknown[]> {
  return {
    item_name: [{ value: 'Widget azul', language_tag: 'pt_BR', marketplace_id: BR }],
    brand: [{ value: 'Marca', language_tag: 'pt_BR', marketplace_id: BR }],
    condition_type: [{ value: 'new_new', marketplace_id: BR }],
    externally_assigned_product_identifier: [{ type: 'ean', value: '7891000000014', marketplace_id: BR }],
    purchasable_offer: [{ marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 19.9 }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }],
    ...overrides,
  };
}
