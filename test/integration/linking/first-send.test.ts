import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatorHandle } from '../../../main/amazon/simulator';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { setLinkTreatment } from '../../../main/db/tables/listing-links';
import { selectAllProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { linkTreatment, readAndLinkListings } from '../../../main/linking';
import { runCycle } from '../../../main/sync/engine';
import { saveSyncSettings } from '../../../main/sync/settings';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { getSkuByCode, prepareSkuUpsert } from '../../../main/db/tables/skus';
import { BR, ean, startSellerSimulator, type CatalogSku, type SellerListing } from './fixtures';

/**
 * The first send after linking, through the real send engine and the simulator: offers linked by
 * EAN must not get a second offer under the catalog SKU, and offers the seller chose to keep must
 * come out of the cycle exactly as they went in.
 */
let sim: SimulatorHandle | undefined;
let db: Db | undefined;
afterEach(async () => {
  await sim?.close();
  db?.close();
  sim = undefined;
  db = undefined;
});

/** Products complete enough for the HOME product type, so Amazon accepts what the engine sends. */
function addSendableCatalog(database: Db, skus: readonly CatalogSku[]): void {
  const product = prepareProductUpsert(database);
  const sku = prepareSkuUpsert(database);
  for (const s of skus) {
    const p = product({
      key: s.sku,
      title: `Vaso de cerâmica ${s.sku}`,
      description: 'Vaso artesanal',
      brand: 'Barro & Arte',
      manufacturer: null,
      bulletPoints: ['Feito à mão'],
      imageUrls: ['https://img.example/vaso.jpg'],
      categoryId: null,
    });
    if (!p) throw new Error('product not written');
    sku({
      sku: s.sku,
      productId: p.id,
      gtin: s.gtin ?? null,
      gtinExempt: null,
      gtinStatus: s.gtin ? 'valid' : null,
      priceCents: s.priceCents ?? 4990,
      salePriceCents: null,
      stock: s.stock ?? 5,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
}

function seedAccount(database: Db): void {
  saveAccount(database, {
    id: 'demo',
    label: 'Demo',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: DEMO.sellerId,
    lwaClientId: DEMO.clientId,
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  const schema = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;
  saveSchema(database, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'x',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema,
  });
  saveSyncSettings(database, 'demo', BR, {
    defaultProductType: 'HOME',
    defaultAttributes: {
      country_of_origin: 'BR',
      supplier_declared_dg_hz_regulation: 'not_applicable',
      item_type_keyword: 'vases',
      material: 'Ceramic',
      room_type: 'Living Room',
      color: 'Beige',
    },
  });
}

async function linkThenSend() {
  const offers: SellerListing[] = [];
  const catalog: CatalogSku[] = [];
  for (let i = 0; i < 6; i++) {
    offers.push({ sku: `SAME-${i}`, asin: `B0FS${String(i).padStart(6, '0')}`, ean: ean(100 + i), price: 50 + i, quantity: 3 });
    catalog.push({ sku: `SAME-${i}`, gtin: ean(100 + i), priceCents: 9900, stock: 40 });
    offers.push({ sku: `AMZ-EAN-${i}`, asin: `B0FE${String(i).padStart(6, '0')}`, ean: ean(200 + i), price: 20 + i, quantity: 2 });
    catalog.push({ sku: `LOJA-E-${i}`, gtin: ean(200 + i), priceCents: 7700, stock: 30 });
  }
  const started = await startSellerSimulator(offers);
  sim = started.sim;
  db = openDatabase(':memory:');
  seedAccount(db);
  addSendableCatalog(db, [...catalog, { sku: 'NOVO-1', gtin: ean(900), priceCents: 1234, stock: 8 }]);
  const scope = { accountId: 'demo', marketplaceId: BR };
  selectAllProducts(db, scope, 0);
  await readAndLinkListings(db, started.client, scope, { clock: started.clock });
  setLinkTreatment(db, scope, ['SAME-0', 'SAME-1', 'SAME-2', 'AMZ-EAN-0'], 'keep-amazon', 1);
  setLinkTreatment(db, scope, null, 'vitrine-manages', 1);
  const before = new Map(started.sim.control.listings().map((l) => [l.sku, l]));
  const summary = await runCycle({ db, client: started.client, clock: started.clock, accountId: 'demo', lane: 'full', trigger: 'manual' });
  return {
    before,
    after: started.sim.control.listings(),
    summary,
    reread: () => readAndLinkListings(db as Db, started.client, scope, { clock: started.clock }),
  };
}

describe('the first send after linking', () => {
  it('really sends in this setup: a catalog-only product is created, a managed linked offer gets the catalog price', async () => {
    const { after, summary } = await linkThenSend();

    expect(summary.accepted).toBeGreaterThan(0);
    expect(after.some((l) => l.sku === 'NOVO-1')).toBe(true);
    const managed = after.find((l) => l.sku === 'SAME-3');
    expect(JSON.stringify(managed?.attributes.purchasable_offer)).toContain('"value_with_tax":99');
  });

  it('reads back the offers Vitrine created as managed by Vitrine, not as new decisions for the seller', async () => {
    const { reread } = await linkThenSend();

    await reread();

    const novo = getSkuByCode(db as Db, 'NOVO-1');
    expect(linkTreatment(db as Db, novo?.id ?? -1, BR)).toBe('vitrine-manages');
    expect(linkTreatment(db as Db, getSkuByCode(db as Db, 'SAME-0')?.id ?? -1, BR)).toBe('keep-amazon');
  });

  it('creates no duplicate offer and leaves kept offers untouched', async () => {
    const { before, after } = await linkThenSend();

    expect(after.map((l) => l.sku).filter((sku) => sku.startsWith('LOJA-E-'))).toEqual([]);
    const offersPerAsin = new Map<string, number>();
    for (const l of after) if (l.asin) offersPerAsin.set(l.asin, (offersPerAsin.get(l.asin) ?? 0) + 1);
    expect([...offersPerAsin.values()].every((n) => n === 1)).toBe(true);
    for (const kept of ['SAME-0', 'SAME-1', 'SAME-2', 'AMZ-EAN-0']) expect(after.find((l) => l.sku === kept)).toEqual(before.get(kept));
  });
});
