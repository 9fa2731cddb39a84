import { DEMO_PRODUCTS } from './demo-catalog';
import { fbaStockOf } from './fba-inventory';
import { saveListing, sellerListings } from './listing-store';
import { createOrder } from './order-flow';
import type { SimStore } from './state';
import type { ListingRecord } from './state-types';

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
    const listing: ListingRecord = {
      sku: DEMO_FBA_SKU,
      productType: item.productType,
      requirements: 'LISTING_OFFER_ONLY',
      attributes: {
        merchant_suggested_asin: [{ value: item.asin, marketplace_id: BR }],
        item_name: [{ value: item.title, language_tag: 'pt_BR', marketplace_id: BR }],
        condition_type: [{ value: 'new_new', marketplace_id: BR }],
        purchasable_offer: [{ marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 129.9 }] }] }],
        fulfillment_availability: [{ fulfillment_channel_code: 'AMAZON_NA' }],
      },
      marketplaceId: BR,
      asin: item.asin,
      issues: [],
      createdAt: now,
      updatedAt: now,
    };
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
  const order = { sellerId, marketplaceId: BR, willCancel: false } as const;
  if (skus[0])
    createOrder(store, now, {
      ...order,
      lines: [{ sku: skus[0], quantity: 1 }],
      buyerName: 'Mariana Costa',
      createdAt: now - 5 * hour,
      status: 'Unshipped',
      program: 'easy_ship',
    });
  if (skus[1])
    createOrder(store, now, {
      ...order,
      lines: [{ sku: skus[1], quantity: 2 }],
      buyerName: 'Rafael Souza',
      createdAt: now - 3 * hour,
      status: 'Unshipped',
      program: 'easy_ship',
    });
  if (own[DEMO_FBA_SKU])
    createOrder(store, now, {
      ...order,
      lines: [{ sku: DEMO_FBA_SKU, quantity: 1 }],
      buyerName: 'Patrícia Lima',
      createdAt: now - 26 * hour,
      status: 'Shipped',
      program: 'fba',
    });
  store.markDirty();
}
