import { DEMO_PRODUCTS, demoCatalogItems } from './demo-catalog';
import { createOrder, FORMULA_NAMES } from './order-flow';
import { brazilOfferListing, seedBrazil } from './brazil-seed';
import type { SimStore } from './state';
import { withListings } from './listing-store';
import { SIM_DATA_VERSION, type CatalogItemRecord, type SimData } from './state-types';

export const BR = 'A2Q3Y263D00KWC';
export const US = 'ATVPDKIKX0DER';

/**
 * Simulator-only credentials. They are printed by `vitrine simulator` and unlock nothing but the
 * simulator, so they are deliberately not secret.
 */
export const DEMO = {
  sellerId: 'A1SIMDEMOSELLR',
  clientId: 'amzn1.application-oa2-client.simulatordemo0000000000000000',
  clientSecret: 'amzn1.oa2-cs.v1.simulator-demo-secret-not-a-real-credential',
  refreshToken: 'Atzr|simulator-demo-refresh-token-not-a-real-credential',
} as const;

/** EAN-13 check digit (GS1 mod 10), so seeded codes pass the app's EAN checks. */
export function withCheckDigit(twelve: string): string {
  const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

/** Product types match the authored schemas in ./product-types, so catalog → definitions works. */
const CATALOG_SEED: readonly [string, string, string, string][] = [
  ['789100000001', 'Pulseira de prata 925 com zircônias', 'Joias Aurora', 'BRACELET'],
  ['789100000002', 'Pulseira masculina de couro trançado', 'Couro Nobre', 'BRACELET'],
  ['789100000003', 'Camiseta básica algodão orgânico', 'Algodão Vivo', 'SHIRT'],
  ['789100000004', 'Tênis de corrida leve', 'Passo Firme', 'SHOES'],
  ['789100000005', 'Mala de bordo rígida 55 cm', 'Viagem Certa', 'LUGGAGE'],
  ['789100000006', 'Colar de pérolas cultivadas', 'Joias Aurora', 'JEWELRY'],
  ['789100000007', 'Brinco argola dourada', 'Joias Aurora', 'JEWELRY'],
  ['789100000008', 'Garrafa térmica inox 500 ml', 'Casa Prática', 'HOME'],
  ['789100000009', 'Fone de ouvido bluetooth', 'Som Puro', 'HEADPHONES'],
  ['789100000010', 'Furadeira de impacto 650 W', 'Obra Forte', 'TOOLS'],
  ['789100000011', 'Bola de futebol de campo', 'Gol de Placa', 'SPORTING_GOODS'],
  ['789100000012', 'Quebra-cabeça 1000 peças', 'Brincar Mais', 'TOY'],
  ['001234500001', 'Silver bracelet 19 cm', 'MyBrand', 'BRACELET'],
];

/**
 * The simulator's Amazon catalog: a few products on both marketplaces (tests name them by ASIN),
 * then the demo store's products that exist on Amazon.com.br (demo-catalog.ts): about 70 % of the
 * sample spreadsheet's valid EANs, so the demo shows the common case of offers on existing ASINs.
 */
export function seedCatalog(): CatalogItemRecord[] {
  const fixed = CATALOG_SEED.map(([digits, title, brand, productType], i) => ({
    asin: `B0SEED${String(i + 1).padStart(4, '0')}`,
    ean: withCheckDigit(digits),
    title,
    brand,
    productType,
    marketplaceIds: [BR, US],
  }));
  return [...fixed, ...demoCatalogItems([BR])];
}

/**
 * The demo seller's offers already on Amazon.com.br, under SKUs of the sample spreadsheet (so the
 * demo's orders name products the seller can import): SKU → its price there and stock. Their
 * order (by SKU) decides which seeded orders each one gets.
 */
export const DEMO_LISTED_SKUS: readonly (readonly [sku: string, price: number, quantity: number])[] = [
  ['BRC-001', 89.9, 25],
  ['CAM-001-PRE-M', 49.9, 40],
  ['COL-001', 299, 5],
];

/** The catalog item a sample-sheet SKU is on (demo-catalog.ts). */
export function demoItemOf(catalog: readonly CatalogItemRecord[], sku: string): CatalogItemRecord {
  const ean = DEMO_PRODUCTS.flatMap((p) => p.skus).find((s) => s.sku === sku)?.ean;
  const item = catalog.find((c) => ean !== undefined && c.ean === ean);
  if (!item) throw new Error(`the demo catalog has no item for ${sku}`);
  return item;
}

/** A fresh world: the demo seller (BR + US), a catalog with valid EANs, a few listings. */
export function seedData(now: number, autoEveryMs: number): SimData {
  const catalog = seedCatalog();
  const listings = DEMO_LISTED_SKUS.map(([sku, price, quantity]) =>
    brazilOfferListing(sku, demoItemOf(catalog, sku), now, price, { fulfillment_channel_code: 'DEFAULT', quantity }),
  );
  const data: SimData = {
    version: SIM_DATA_VERSION,
    sequence: 0,
    sellers: { [DEMO.sellerId]: { sellerId: DEMO.sellerId, storeName: 'Loja Demo Vitrine', marketplaceIds: [BR, US] } },
    apps: { [DEMO.clientId]: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret } },
    refreshTokens: { [DEMO.refreshToken]: { sellerId: DEMO.sellerId, clientId: DEMO.clientId } },
    accessTokens: {},
    listings: {},
    feeds: {},
    documents: {},
    orders: {},
    reports: {},
    catalog,
    nextOrderAt: now + autoEveryMs,
  };
  return withListings(data, DEMO.sellerId, listings);
}

/** Orders from the last days, including buyers whose names a spreadsheet would run as formulas. */
export function seedOrders(store: SimStore, now: number): void {
  const skus = Object.keys(store.data.listings[DEMO.sellerId] ?? {}).sort();
  const day = 24 * 3600_000;
  skus.forEach((sku, i) => {
    createOrder(store, now, { sellerId: DEMO.sellerId, lines: [{ sku, quantity: 1 }], createdAt: now - (3 - i) * day, status: 'Unshipped', willCancel: false });
  });
  FORMULA_NAMES.slice(0, 2).forEach((buyerName, i) => {
    createOrder(store, now, {
      sellerId: DEMO.sellerId,
      lines: [{ sku: skus[i % skus.length] ?? '' }],
      buyerName,
      createdAt: now - day / (i + 2),
      status: 'Unshipped',
      willCancel: false,
    });
  });
  seedBrazil(store, DEMO.sellerId, now);
}
