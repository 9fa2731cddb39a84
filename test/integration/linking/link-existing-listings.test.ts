import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorHandle } from '../../../main/amazon/simulator';
import { openDatabase, type Db } from '../../../main/db/connection';
import { listActivity } from '../../../main/db/tables/activity-log';
import { lastListingRead } from '../../../main/db/tables/amazon-listings';
import { linkingCounts, listAmazonOnlyItems, listCatalogOnlyItems, listLinkedItems, setLinkTreatment } from '../../../main/db/tables/listing-links';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { importAmazonOnlyListings, linksByCatalogSku, linkTreatment, readAndLinkListings } from '../../../main/linking';
import { addCatalog, BR, ean, startSellerSimulator, type CatalogSku, type SellerListing } from './fixtures';

/**
 * A seller with 1,000 offers on Amazon BR before installing Vitrine:
 *   400 under the same SKU as the catalog; 100 under another SKU whose catalog SKU already knows
 *   the ASIN; 199 under another SKU that only the EAN ties to the catalog; 1 whose EAN two
 *   catalog SKUs share (ambiguous); 300 the catalog does not have. The catalog also has 150
 *   SKUs that are not on Amazon.
 */
interface World {
  readonly listings: SellerListing[];
  readonly catalog: CatalogSku[];
  readonly expectedLinks: Map<string, { sku: string; by: 'sku' | 'asin' | 'ean' }>;
  readonly amazonOnly: Set<string>;
  readonly catalogOnly: Set<string>;
}

function world(): World {
  const listings: SellerListing[] = [];
  const catalog: CatalogSku[] = [];
  const expectedLinks = new Map<string, { sku: string; by: 'sku' | 'asin' | 'ean' }>();
  const amazonOnly = new Set<string>();
  const catalogOnly = new Set<string>();
  const offer = (sku: string, i: number) => ({ sku, asin: `B0LNK${String(i).padStart(5, '0')}`, ean: ean(i), price: 10 + (i % 50), quantity: i % 7 });
  for (let i = 0; i < 1000; i++) {
    if (i < 400) {
      listings.push(offer(`SAME-${i}`, i));
      catalog.push({ sku: `SAME-${i}`, gtin: ean(i) });
      expectedLinks.set(`SAME-${i}`, { sku: `SAME-${i}`, by: 'sku' });
    } else if (i < 500) {
      const o = offer(`AMZ-ASIN-${i}`, i);
      listings.push(o);
      catalog.push({ sku: `LOJA-A-${i}`, asin: o.asin });
      expectedLinks.set(o.sku, { sku: `LOJA-A-${i}`, by: 'asin' });
    } else if (i < 699) {
      listings.push(offer(`AMZ-EAN-${i}`, i));
      catalog.push({ sku: `LOJA-E-${i}`, gtin: ean(i) });
      expectedLinks.set(`AMZ-EAN-${i}`, { sku: `LOJA-E-${i}`, by: 'ean' });
    } else if (i === 699) {
      listings.push(offer('AMZ-TWIN', i));
      catalog.push({ sku: 'LOJA-TWIN-1', gtin: ean(i) }, { sku: 'LOJA-TWIN-2', gtin: ean(i) });
      amazonOnly.add('AMZ-TWIN');
      catalogOnly.add('LOJA-TWIN-1').add('LOJA-TWIN-2');
    } else {
      listings.push(offer(`UNKNOWN-${i}`, i));
      amazonOnly.add(`UNKNOWN-${i}`);
    }
  }
  for (let i = 0; i < 150; i++) {
    catalog.push({ sku: `NEW-${i}`, gtin: ean(5000 + i) });
    catalogOnly.add(`NEW-${i}`);
  }
  return { listings, catalog, expectedLinks, amazonOnly, catalogOnly };
}

const scope = { accountId: 'demo', marketplaceId: BR };
const ALL = { offset: 0, limit: 10_000 };
let sim: SimulatorHandle | undefined;
let db: Db | undefined;
afterEach(async () => {
  expect(sim?.control.responseViolations() ?? []).toEqual([]);
  await sim?.close();
  db?.close();
  sim = undefined;
  db = undefined;
});

async function linkedWorld() {
  const w = world();
  const started = await startSellerSimulator(w.listings);
  sim = started.sim;
  db = openDatabase(':memory:');
  const ids = addCatalog(db, w.catalog);
  const summary = await readAndLinkListings(db, started.client, scope, { clock: started.clock });
  return { w, ids, summary, db, ...started };
}

describe('linking a seller with 1,000 existing offers', () => {
  it('sorts offers and catalog into linked, Amazon-only and catalog-only', async () => {
    const { w, summary, db } = await linkedWorld();

    const linked = listLinkedItems(db, scope, ALL);
    expect(new Map(linked.map((l) => [l.amazonSku, { sku: l.sku, by: l.matchedBy }]))).toEqual(w.expectedLinks);
    expect(new Set(listAmazonOnlyItems(db, scope, ALL).map((l) => l.sku))).toEqual(w.amazonOnly);
    expect(new Set(listCatalogOnlyItems(db, scope, ALL).map((l) => l.sku))).toEqual(w.catalogOnly);
    expect(listAmazonOnlyItems(db, scope, ALL).find((l) => l.sku === 'AMZ-TWIN')?.unmatchedReason).toBe('ambiguous');
    expect(summary.matched).toEqual({ sku: 400, asin: 100, ean: 199 });
    expect(linked.every((l) => l.treatment === 'unconfirmed')).toBe(true);
    expect(listActivity(db, { domain: 'linking', limit: 5 })).toMatchObject([
      { severity: 'warning', messageKey: 'linking.activity.read', params: { count: 1000, linked: 699, unconfirmed: 699, amazonOnly: 301 }, route: '/linking' },
    ]);
  });

  it('costs fewer calls than paging searchListingsItems would (1,000 / 20 = 50)', async () => {
    const { db } = await linkedWorld();

    const read = lastListingRead(db, scope);

    expect(read?.state).toBe('done');
    expect(read?.listings).toBe(1000);
    // 501 offers were still unmatched with only an ASIN: 26 catalog lookups of 20; the report itself is a handful.
    expect(read?.apiCalls).toBeLessThan(50);
    expect((read?.apiCalls ?? 0) - Math.ceil(501 / 20)).toBeLessThanOrEqual(8);
  });

  it('sends nothing for a linked SKU until the seller chooses, then answers the choice', async () => {
    const { db, ids } = await linkedWorld();
    const same = ids.get('SAME-1') as number;
    const byEan = ids.get('LOJA-E-600') as number;

    const before = [linkTreatment(db, same, BR), linkTreatment(db, byEan, BR), linkTreatment(db, ids.get('NEW-3') as number, BR)];
    setLinkTreatment(db, scope, ['SAME-1'], 'keep-amazon', 1);
    setLinkTreatment(db, scope, null, 'vitrine-manages', 2);

    expect(before).toEqual(['unconfirmed', 'unconfirmed', null]);
    expect(linkTreatment(db, same, BR)).toBe('keep-amazon');
    expect(linkTreatment(db, byEan, BR)).toBe('vitrine-manages');
    expect(linkingCounts(db, scope)).toMatchObject({
      amazonListings: 1000,
      linked: 699,
      unconfirmed: 0,
      keepAmazon: 1,
      vitrineManages: 698,
      amazonOnly: 301,
      catalogOnly: 152,
    });
    // Sending under the Amazon SKU is what keeps an EAN-linked product from getting a second offer.
    expect(linksByCatalogSku(db, 'demo', BR).get('LOJA-E-600')).toEqual({ amazonSku: 'AMZ-EAN-600', treatment: 'vitrine-manages', matchedBy: 'ean' });
    expect(getSkuByCode(db, 'LOJA-E-600')?.asin).toBe('B0LNK00600');
  });

  it('keeps confirmed choices across a new read and drops links whose offer is gone', async () => {
    const { db, client, clock } = await linkedWorld();
    setLinkTreatment(db, scope, ['SAME-2'], 'keep-amazon', 1);
    const gone = await client.deleteListingsItem({ sellerId: 'A1SIMDEMOSELLR', sku: 'SAME-3', marketplaceId: BR });

    await readAndLinkListings(db, client, scope, { clock });

    expect(gone.status).toBe('ACCEPTED');
    const linked = new Map(listLinkedItems(db, scope, ALL).map((l) => [l.amazonSku, l.treatment]));
    expect(linked.get('SAME-2')).toBe('keep-amazon');
    expect(linked.has('SAME-3')).toBe(false);
    expect(listCatalogOnlyItems(db, scope, ALL).map((l) => l.sku)).toContain('SAME-3');
  });

  it('imports Amazon-only offers as products, linked and still unconfirmed', async () => {
    const { db } = await linkedWorld();

    const result = importAmazonOnlyListings(db, scope, ['UNKNOWN-800', 'UNKNOWN-801'], 5);

    expect(result).toEqual({ imported: 2, skipped: [] });
    const sku = getSkuByCode(db, 'UNKNOWN-800');
    expect(sku).toMatchObject({ asin: 'B0LNK00800', gtin: ean(800), priceCents: (10 + (800 % 50)) * 100, stock: 800 % 7 });
    expect(linkTreatment(db, sku?.id as number, BR)).toBe('unconfirmed');
    expect(linkingCounts(db, scope).amazonOnly).toBe(299);
  });
});
