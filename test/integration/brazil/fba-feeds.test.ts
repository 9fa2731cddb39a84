import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/amazon/simulator/seed';
import type { ListingRecord } from '../../../main/amazon/simulator/state-types';
import { setLinkTreatment } from '../../../main/db/tables/listing-links';
import { selectProducts, unselectProducts } from '../../../main/db/tables/listing-selections';
import { readAndLinkListings } from '../../../main/linking';
import { BR, freshEan, SCOPE, sendWorld, type SendWorld } from '../sync/send-world';

let world: SendWorld | undefined;
afterEach(async () => {
  if (world) {
    expect(world.sim.control.requestViolations()).toEqual([]);
    expect(world.sim.control.responseViolations()).toEqual([]);
  }
  await world?.close();
  world = undefined;
});

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

/** The seller's existing offer that Amazon fulfils (FBA), under an Amazon SKU of its own. */
function fbaOffer(sku: string, asin: string): ListingRecord {
  const now = Date.now();
  return {
    sku,
    productType: 'HOME',
    requirements: 'LISTING_OFFER_ONLY',
    attributes: {
      merchant_suggested_asin: [{ value: asin, marketplace_id: BR }],
      condition_type: [{ value: 'new_new', marketplace_id: BR }],
      purchasable_offer: [{ marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 80 }] }] }],
      fulfillment_availability: [{ fulfillment_channel_code: 'AMAZON_NA' }],
    },
    marketplaceId: BR,
    asin,
    issues: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Every fulfillment_availability Amazon holds for the offer: one AMAZON_NA entry, and no merchant quantity. */
function availability(listing: ListingRecord | undefined): unknown {
  return listing?.attributes['fulfillment_availability'];
}

describe('an offer Amazon fulfils (FBA) never gets a quantity from Vitrine', () => {
  it('in no feed of any kind: the first send, a content change, the stock/price lane, deselection, deactivation, deletion from the catalog', async () => {
    const ean = freshEan();
    world = await sendWorld({
      catalogItems: [{ asin: 'B0FBA00077', ean, title: 'Vaso FBA', brand: 'Barro & Arte', productType: 'HOME', marketplaceIds: [BR] }],
      listings: [fbaOffer('VASO-FBA', 'B0FBA00077')],
    });
    const w = world;
    const id = w.addProduct({ key: 'VASO-1', skus: [{ sku: 'VASO-1', gtin: ean, asin: 'B0FBA00077', priceCents: 9990, stock: 7 }] });
    await readAndLinkListings(w.db, w.client, SCOPE, { clock: w.clock });
    expect(setLinkTreatment(w.db, SCOPE, ['VASO-FBA'], 'vitrine-manages', 1)).toBeGreaterThan(0);

    const touch = (sql: string) => w.db.prepare(sql).run();
    // 1. First send of the managed offer (an UPDATE, partial: Amazon owns the availability).
    await w.cycle();
    // 2. Content, stock and price change: the full cycle.
    touch(`UPDATE products SET title = 'Vaso FBA esmaltado', updated_at = ${NOW} WHERE key = 'VASO-1'`);
    touch(`UPDATE skus SET stock = 3, price_cents = 10990, updated_at = ${NOW} WHERE sku = 'VASO-1'`);
    await w.cycle();
    // 3. Stock and price only: the fast lane's PATCH.
    touch(`UPDATE skus SET stock = 0, price_cents = 11990, updated_at = ${NOW} WHERE sku = 'VASO-1'`);
    const beforeFast = w.messages('VASO-FBA').length;
    await w.cycle('fast');
    // The fast lane did send this offer (its price), and only its price.
    const fast = w.messages('VASO-FBA').slice(beforeFast);
    expect(fast).toHaveLength(1);
    expect(fast[0]).toMatchObject({ operationType: 'PATCH' });
    expect(JSON.stringify(fast[0])).toContain('119.9');
    expect(JSON.stringify(fast[0])).not.toMatch(/fulfillment_availability|quantity/);
    expect(JSON.stringify(availability(w.listing('VASO-FBA')))).toBe(JSON.stringify([{ fulfillment_channel_code: 'AMAZON_NA' }]));
    // 4. Taken out of the selection, then back; 5. deactivated in the catalog, then back.
    unselectProducts(w.db, SCOPE, [id]);
    await w.cycle();
    selectProducts(w.db, SCOPE, [id], 0);
    await w.cycle();
    touch(`UPDATE skus SET active = 0, updated_at = ${NOW} WHERE sku = 'VASO-1'`);
    await w.cycle();
    touch(`UPDATE skus SET active = 1, updated_at = ${NOW} WHERE sku = 'VASO-1'`);
    await w.cycle();
    // 6. Deleted from the catalog (its link to the offer goes with it).
    touch(`DELETE FROM skus WHERE sku = 'VASO-1'`);
    touch(`DELETE FROM products WHERE key = 'VASO-1'`);
    await w.cycle();
    await w.cycle('fast');

    const messages = w.messages('VASO-FBA');
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m['operationType']))).not.toContain('DELETE');
    expect(JSON.stringify(messages)).not.toContain('fulfillment_availability');
    expect(JSON.stringify(messages)).not.toContain('quantity');
    // Amazon still holds the offer, fulfilled by Amazon only, with the price Vitrine sent.
    const listing = w.sim.control.listings(DEMO.sellerId).find((l) => l.sku === 'VASO-FBA');
    expect(availability(listing)).toEqual([{ fulfillment_channel_code: 'AMAZON_NA' }]);
    expect(JSON.stringify(listing?.attributes['purchasable_offer'])).toContain('119.9');
    expect(w.status('VASO-FBA')).toMatchObject({ status: 'skipped', reason: 'fba_not_stopped' });
  }, 90_000);
});
