import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient, type SpApiClient } from '../../../main/amazon/client';
import { DEMO, startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { withListings } from '../../../main/amazon/simulator/listing-store';
import { seedData, withCheckDigit } from '../../../main/amazon/simulator/seed';
import type { CatalogItemRecord, ListingRecord } from '../../../main/amazon/simulator/state-types';
import type { Db } from '../../../main/db/connection';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { saveMatchedAsins } from '../../../main/db/tables/sku-gtins';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';

export const BR = 'A2Q3Y263D00KWC';

export interface SellerListing {
  readonly sku: string;
  readonly asin: string;
  readonly ean: string;
  readonly price: number;
  readonly quantity: number;
}

/** An offer as the simulator stores it (its reports and listings read these). */
export function listingRecord(l: SellerListing, now: number): ListingRecord {
  return {
    sku: l.sku,
    productType: 'BRACELET',
    requirements: 'LISTING_OFFER_ONLY',
    attributes: {
      merchant_suggested_asin: [{ value: l.asin, marketplace_id: BR }],
      item_name: [{ value: `Amazon ${l.sku}`, language_tag: 'pt_BR', marketplace_id: BR }],
      condition_type: [{ value: 'new_new', marketplace_id: BR }],
      purchasable_offer: [{ marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: l.price }] }] }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: l.quantity }],
    },
    marketplaceId: BR,
    asin: l.asin,
    issues: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** A strict simulator whose demo seller already has exactly these offers (and catalog items for their ASINs). */
export async function startSellerSimulator(listings: readonly SellerListing[]): Promise<{ sim: SimulatorHandle; clock: VirtualClock; client: SpApiClient }> {
  const clock = new VirtualClock();
  const data = seedData(clock.now(), 0);
  data.listings = {};
  withListings(
    data,
    DEMO.sellerId,
    listings.map((l) => listingRecord(l, clock.now())),
  );
  const items: CatalogItemRecord[] = listings.map((l) => ({
    asin: l.asin,
    ean: l.ean,
    title: `Amazon ${l.sku}`,
    brand: 'Marca',
    productType: 'BRACELET',
    marketplaceIds: [BR],
  }));
  data.catalog = [...data.catalog, ...items];
  const stateFile = join(mkdtempSync(join(tmpdir(), 'vitrine-linking-')), 'sim.json');
  writeFileSync(stateFile, JSON.stringify(data));
  const sim = await startSimulator({ clock, stateFile, strictResponses: true, autoOrderEveryMs: 0, seedOrders: false });
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
    timeoutMs: 10_000,
  });
  return { sim, clock, client };
}

export function ean(n: number): string {
  return withCheckDigit(`789${String(n).padStart(9, '0')}`);
}

export interface CatalogSku {
  readonly sku: string;
  readonly gtin?: string;
  readonly asin?: string;
  readonly priceCents?: number;
  readonly stock?: number;
}

/** One product per SKU (key = SKU), through the catalog's own upserts. Answers SKU code → id. */
export function addCatalog(db: Db, skus: readonly CatalogSku[]): Map<string, number> {
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  const ids = new Map<string, number>();
  db.transaction(() => {
    for (const s of skus) {
      const p = product({
        key: s.sku,
        title: `Loja ${s.sku}`,
        description: null,
        brand: null,
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: null,
      });
      if (!p) throw new Error('product not written');
      const row = sku({
        sku: s.sku,
        productId: p.id,
        gtin: s.gtin ?? null,
        gtinExempt: null,
        gtinStatus: s.gtin ? 'valid' : null,
        priceCents: s.priceCents ?? 1000,
        salePriceCents: null,
        stock: s.stock ?? 5,
        weightG: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        variation: null,
        active: true,
      });
      ids.set(s.sku, row.id);
    }
    saveMatchedAsins(
      db,
      skus.flatMap((s) => (s.asin ? [{ sku: s.sku, asin: s.asin }] : [])),
    );
  })();
  return ids;
}
