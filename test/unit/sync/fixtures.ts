import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert, type SkuUpsert } from '../../../main/db/tables/skus';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { saveSyncSettings, type SyncSettingsInput } from '../../../main/sync/settings';

export const BR = 'A2Q3Y263D00KWC';

export function syncDb(): Db {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'vitrine-sync-')), 'test.db'));
  saveAccount(db, {
    id: 'acc',
    label: 'Test',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: 'SELLER1',
    lwaClientId: 'client',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  settings(db);
  return db;
}

export const HOME_SCHEMA = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;

/** The values HOME requires beyond what a store's catalog holds, as a seller fills them in the mapping. */
export const HOME_DEFAULTS = {
  country_of_origin: 'BR',
  supplier_declared_dg_hz_regulation: 'not_applicable',
  item_type_keyword: 'vases',
  material: 'Ceramic',
  room_type: 'Living Room',
  color: 'Beige',
};

/**
 * Send settings for the test account: products without a mapped category go as HOME, whose
 * schema is cached as after a download (nothing is sent that could not be checked first).
 */
export function settings(db: Db, extra: SyncSettingsInput = {}): void {
  saveSchema(db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 't',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema: HOME_SCHEMA,
  });
  saveSyncSettings(db, 'acc', BR, { defaultProductType: 'HOME', defaultAttributes: HOME_DEFAULTS, ...extra });
}

/** A product with its SKUs, selected for Amazon.com.br unless `selected` is false. */
export function addProduct(db: Db, key: string, skus: readonly (Partial<SkuUpsert> & { sku: string })[], title = `Produto ${key}`, selected = true): number {
  const product = prepareProductUpsert(db)({
    key,
    title,
    description: 'Descrição',
    brand: 'Marca',
    manufacturer: null,
    bulletPoints: ['Um', 'Dois'],
    imageUrls: ['https://img.example/1.jpg'],
    categoryId: null,
  });
  if (!product) throw new Error('product not written');
  const upsert = prepareSkuUpsert(db);
  for (const s of skus) {
    upsert({
      productId: product.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 1990,
      salePriceCents: null,
      stock: 10,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
      ...s,
    });
  }
  if (selected) selectProducts(db, { accountId: 'acc', marketplaceId: BR }, [product.id], 0);
  return product.id;
}

export function setStock(db: Db, sku: string, stock: number): void {
  db.prepare('UPDATE skus SET stock = ? WHERE sku = ?').run(stock, sku);
}

export function setPrice(db: Db, sku: string, cents: number): void {
  db.prepare('UPDATE skus SET price_cents = ? WHERE sku = ?').run(cents, sku);
}

export function statusOf(db: Db, sku: string): { status: string; asin: string | null; issues: string; reason: string | null } | undefined {
  return db.prepare('SELECT status, asin, issues, reason FROM sync_listings WHERE sku = ?').get(sku) as never;
}
