import { readFileSync } from 'node:fs';
import type { Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { saveAttributeMapping } from '../../../main/db/tables/attribute-mappings';
import { prepareCategoryPaths, splitCategoryPath } from '../../../main/db/tables/categories';
import { prepareCharacteristicWriter } from '../../../main/db/tables/characteristics';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { withCheckDigit } from '../../../main/ean/gtin';

export const BR = 'A2Q3Y263D00KWC';

export interface SeedSku {
  readonly sku: string;
  /** Absent: a code of its own; null: none. */
  readonly gtin?: string | null;
  readonly priceCents?: number | null;
  readonly stock?: number;
  readonly variation?: Record<string, string>;
}

export interface SeedProduct {
  readonly key: string;
  readonly title: string;
  readonly category?: string;
  readonly brand?: string;
  readonly description?: string;
  readonly bullets?: readonly string[];
  readonly characteristics?: Record<string, string>;
  readonly skus?: readonly SeedSku[];
}

let nextEan = 1;

/** A valid EAN-13 no other SKU of the test catalog has (a shared code is refused as a duplicate). */
export function uniqueEan(): string {
  return withCheckDigit(`789${String(nextEan++).padStart(9, '0')}`);
}

/** Writes products through the catalog's own writers; answers product ids by key. */
export function seedCatalog(db: Db, products: readonly SeedProduct[]): Map<string, number> {
  const paths = prepareCategoryPaths(db);
  const upsertProduct = prepareProductUpsert(db);
  const upsertSku = prepareSkuUpsert(db);
  const writeCharacteristic = prepareCharacteristicWriter(db);
  const ids = new Map<string, number>();
  for (const p of products) {
    const categoryId = p.category === undefined ? null : paths(splitCategoryPath(p.category));
    const written = upsertProduct({
      key: p.key,
      title: p.title,
      description: p.description ?? 'Camiseta de algodão com ótimo caimento.',
      brand: p.brand ?? 'Marca Teste',
      manufacturer: null,
      bulletPoints: p.bullets ?? ['Algodão 100%'],
      imageUrls: [],
      categoryId,
    });
    if (!written) throw new Error(`product ${p.key} not written`);
    ids.set(p.key, written.id);
    for (const [name, value] of Object.entries(p.characteristics ?? {})) writeCharacteristic(written.id, name, value);
    for (const s of p.skus ?? [{ sku: p.key, gtin: uniqueEan() }]) {
      upsertSku({
        sku: s.sku,
        productId: written.id,
        gtin: s.gtin === undefined ? uniqueEan() : s.gtin,
        gtinExempt: null,
        gtinStatus: s.gtin === null ? 'missing' : 'valid',
        priceCents: s.priceCents === undefined ? 4990 : s.priceCents,
        salePriceCents: null,
        stock: s.stock ?? 10,
        weightG: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        variation: s.variation ?? {},
        active: true,
      });
    }
  }
  return ids;
}

export function seedAccount(db: Db, accountId = 'acc'): void {
  const now = Date.now();
  saveAccount(db, {
    id: accountId,
    label: 'Loja',
    kind: 'amazon',
    region: 'NA',
    sandbox: false,
    sellerId: 'A1SELLER',
    lwaClientId: 'amzn1.application-oa2-client.x',
    storeName: null,
    clientSecretSetAt: now,
    authorizedAt: now,
    createdAt: now,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
}

/** The simulator's authored SHIRT schema, as the cache would hold it after a download. */
export function shirtSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../../../main/amazon/simulator/product-types/SHIRT.schema.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

export function cacheSchema(db: Db, productType: string, schema: Record<string, unknown>, version = 'V1'): void {
  saveSchema(db, {
    marketplaceId: BR,
    productType,
    locale: 'pt_BR',
    displayName: productType,
    version,
    checksum: `sum-${version}`,
    propertyGroups: {},
    schema,
    fetchedAt: 1,
    checkedAt: 1,
  });
}

/** SHIRT attribute mappings that make a product with Gênero Feminino, Tecido, Cor Azul and Tamanho M ready. */
export function mapShirt(db: Db): void {
  const row = { marketplaceId: BR, productType: 'SHIRT', valueMap: {}, unit: null, characteristic: null, defaultValue: null };
  saveAttributeMapping(db, { ...row, attribute: 'target_gender', characteristic: 'Gênero', valueMap: { Feminino: 'female' } }, 1);
  saveAttributeMapping(db, { ...row, attribute: 'fabric_type', characteristic: 'Tecido', defaultValue: 'Algodão' }, 1);
  saveAttributeMapping(db, { ...row, attribute: 'color', characteristic: 'Cor', valueMap: { Azul: 'Blue' } }, 1);
  saveAttributeMapping(db, { ...row, attribute: 'size', characteristic: 'Tamanho', valueMap: { M: 'Medium' } }, 1);
  for (const [attribute, value] of Object.entries({
    department: 'Womens',
    country_of_origin: 'BR',
    supplier_declared_dg_hz_regulation: 'not_applicable',
    item_type_keyword: 't-shirts',
  })) {
    saveAttributeMapping(db, { ...row, attribute, defaultValue: value }, 1);
  }
}
