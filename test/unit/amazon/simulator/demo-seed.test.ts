import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../../../main/amazon/simulator/demo-catalog';
import { DEMO, seedData, seedOrders } from '../../../../main/amazon/simulator/seed';
import { SimStore } from '../../../../main/amazon/simulator/state';

describe('the demo seller on the simulator', () => {
  it('sells SKUs of the sample spreadsheet on the ASINs their EANs have there, and every demo order names one of them', () => {
    const store = SimStore.open(undefined, () => seedData(1_000, 0));
    seedOrders(store, 1_000);
    const sheet = new Map(DEMO_PRODUCTS.flatMap((p) => p.skus).map((s) => [s.sku, s] as const));

    const listings = Object.values(store.data.listings[DEMO.sellerId] ?? {}).flatMap((byMarketplace) => Object.values(byMarketplace));
    expect(listings.length).toBeGreaterThanOrEqual(4);
    for (const listing of listings) {
      const row = sheet.get(listing.sku);
      expect(row, `${listing.sku} is a SKU of the sample sheet`).toBeDefined();
      expect(listing.asin).toBe(row?.amazon?.asin);
    }

    const orders = Object.values(store.data.orders);
    expect(orders.length).toBeGreaterThan(0);
    const skus = orders.flatMap((o) => o.lines.map((l) => l.sku));
    expect(skus.filter((sku) => !sheet.has(sku))).toEqual([]);
  });
});
