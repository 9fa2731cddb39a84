import { DEMO_PRODUCTS } from './demo-catalog';
import { fbaStockOf } from './fba-inventory';
import { saveListing, sellerListings } from './listing-store';
import { createOrder } from './order-flow';
import type { SimStore } from './state';
import type { CatalogItemRecord, ListingRecord } from './state-types';

const BR = 'A2Q3Y263D00KWC';
/** The sample spreadsheet's SKU the demo seller sells through FBA. */
export const DEMO_FBA_SKU = 'PUL-002';
const DEMO_FBA_EAN = DEMO_PRODUCTS.flatMap((p) => p.skus).find((s) => s.sku === DEMO_FBA_SKU)?.ean;

/**
 * The demo store's Brazilian programs: an offer Amazon fulfils (FBA) with stock in Amazon's
 * warehouses, two Delivery by Amazon (Easy Ship) orders waiting for their NF-e and pickup, and an
 * FBA order. The self-ship orders of seedOrders need their NF-e too (every Brazilian sale does).
 */
export function seedBrazil(store: SimStore, sellerId: string, now: number): void {
  const item = store.data.catalog.find((c) => c.ean === DEMO_FBA_EAN);
  const own = sellerListings(store.data, sellerId);
  if (item && !own[DEMO_FBA_SKU]) {
    const listing = brazilOfferListing(DEMO_FBA_SKU, item, now, 129.9, { fulfillment_channel_code: 'AMAZON_NA' });
    saveListing(store.data, sellerId, listing);
    fbaStockOf(store, sellerId)[DEMO_FBA_SKU] = {
      sku: DEMO_FBA_SKU,
      asin: item.asin,
      fnSku: `X00${item.asin.slice(-7)}`,
      marketplaceId: BR,
      productName: item.title,
      fulfillable: 42,
      inbound: 10,
      reserved: 0,
      unfulfillable: 2,
      lastUpdatedAt: now,
    };
  }
  const skus = Object.keys(own)
    .filter((s) => s !== DEMO_FBA_SKU)
    .sort();
  const hour = 3600_000;
  // Named buyers: the demo's formula-like names stay on the orders seed.ts gives them (a test counts them).
  const orders = [
    { sku: skus[0], quantity: 1, buyerName: 'Mariana Costa', hoursAgo: 5, status: 'Unshipped', program: 'easy_ship' },
    { sku: skus[1], quantity: 2, buyerName: 'Rafael Souza', hoursAgo: 3, status: 'Unshipped', program: 'easy_ship' },
    { sku: own[DEMO_FBA_SKU] ? DEMO_FBA_SKU : undefined, quantity: 1, buyerName: 'Patrícia Lima', hoursAgo: 26, status: 'Shipped', program: 'fba' },
  ] as const;
  for (const { sku, quantity, buyerName, hoursAgo, status, program } of orders) {
    if (!sku) continue;
    createOrder(store, now, {
      sellerId,
      marketplaceId: BR,
      willCancel: false,
      lines: [{ sku, quantity }],
      buyerName,
      createdAt: now - hoursAgo * hour,
      status,
      program,
    });
  }
  store.markDirty();
}

/** The seller's offer on an existing Amazon.com.br ASIN (price with tax, in reais), as a listing the demo starts with. */
export function brazilOfferListing(
  sku: string,
  item: CatalogItemRecord,
  now: number,
  price: number,
  fulfillment: { readonly fulfillment_channel_code: string; readonly quantity?: number },
): ListingRecord {
  return {
    sku,
    productType: item.productType,
    requirements: 'LISTING_OFFER_ONLY',
    attributes: {
      merchant_suggested_asin: [{ value: item.asin, marketplace_id: BR }],
      item_name: [{ value: item.title, language_tag: 'pt_BR', marketplace_id: BR }],
      condition_type: [{ value: 'new_new', marketplace_id: BR }],
      purchasable_offer: [{ marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: price }] }] }],
      fulfillment_availability: [fulfillment],
    },
    marketplaceId: BR,
    asin: item.asin,
    issues: [],
    createdAt: now,
    updatedAt: now,
  };
}
