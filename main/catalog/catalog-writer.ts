import type { Db } from '../db/connection';
import { prepareCategoryPaths } from '../db/tables/categories';
import { prepareCharacteristicWriter } from '../db/tables/characteristics';
import { prepareKitWriter } from '../db/tables/kits';
import { prepareProductUpsert } from '../db/tables/products';
import { prepareSkuIdLookup, prepareSkuUpsert, prepareUnusedSkuDelete } from '../db/tables/skus';
import type { ImportRecord } from './row-mapper';

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((v, i) => v === b[i]);
}

function sameProductPart(a: ImportRecord, b: ImportRecord): boolean {
  return (
    a.productKey === b.productKey && a.title === b.title && a.description === b.description && a.brand === b.brand &&
    a.manufacturer === b.manufacturer && sameList(a.category, b.category) && sameList(a.bulletPoints, b.bulletPoints) &&
    sameList(a.imageUrls, b.imageUrls) && a.characteristics.length === b.characteristics.length &&
    a.characteristics.every(([n, v], i) => n === b.characteristics[i]?.[0] && v === b.characteristics[i]?.[1])
  );
}

export type RecordOutcome = 'imported' | 'updated' | 'unchanged' | { readonly problem: string; readonly params?: Record<string, string> };

/**
 * Writes import records through prepared statements (one set per import, reused for every row).
 * The caller owns the transaction. Each call answers what happened to the row's SKU.
 */
export function createCatalogWriter(db: Db): { write(record: ImportRecord): RecordOutcome; writeKit(record: ImportRecord): RecordOutcome } {
  const upsertProduct = prepareProductUpsert(db);
  const upsertSku = prepareSkuUpsert(db);
  const ensureCategory = prepareCategoryPaths(db);
  const setCharacteristic = prepareCharacteristicWriter(db);
  const setKit = prepareKitWriter(db);
  const skuId = prepareSkuIdLookup(db);
  const deleteSku = prepareUnusedSkuDelete(db);

  // Variation rows repeat their product's fields; when a row's product part equals the previous
  // row's, that product was just written and its statements are skipped.
  let last: { record: ImportRecord; productId: number } | undefined;
  // ERP exports (Bling, Tiny) and Amazon flat files carry a parent row ("CAM") before or after its
  // variations ("CAM-P", parent "CAM"). The parent row describes the product but is not sellable:
  // its fields go to the product and no SKU is kept for it.
  const parentKeys = new Set<string>();
  const standalone = new Map<string, number>();

  function writeSku(r: ImportRecord): { id: number; outcome: RecordOutcome } {
    const isVariation = r.productKey !== r.sku;
    const reuse = last && sameProductPart(last.record, r) ? last.productId : undefined;
    const product = reuse !== undefined ? { id: reuse, outcome: 'unchanged' as const } : upsertProduct({
      key: r.productKey,
      title: r.title,
      description: r.description,
      brand: r.brand,
      manufacturer: r.manufacturer,
      bulletPoints: r.bulletPoints,
      imageUrls: r.imageUrls,
      categoryId: r.category ? ensureCategory(r.category) : null,
    });
    if (!product) return { id: -1, outcome: { problem: 'MISSING_TITLE' } };
    let changed = product.outcome !== 'unchanged';
    if (reuse === undefined) for (const [name, value] of r.characteristics) changed = setCharacteristic(product.id, name, value) || changed;
    last = { record: r, productId: product.id };
    if (!isVariation && parentKeys.has(r.sku)) {
      return { id: -1, outcome: product.outcome === 'inserted' ? 'imported' : changed ? 'updated' : 'unchanged' };
    }
    const sku = upsertSku({
      sku: r.sku,
      productId: product.id,
      gtin: r.gtin,
      gtinExempt: r.gtinExempt,
      gtinStatus: r.gtinStatus,
      priceCents: r.priceCents,
      salePriceCents: r.salePriceCents,
      // A kit's stock is derived from its components; a number typed for it is not stored.
      stock: r.kit ? null : r.stock,
      weightG: r.weightG,
      lengthMm: r.lengthMm,
      widthMm: r.widthMm,
      heightMm: r.heightMm,
      variation: r.variation,
      active: r.active,
    });
    if (isVariation) {
      parentKeys.add(r.productKey);
      const placeholder = standalone.get(r.productKey);
      if (placeholder !== undefined) {
        deleteSku(placeholder);
        standalone.delete(r.productKey);
      }
    } else if (sku.outcome === 'inserted') standalone.set(r.sku, sku.id);
    if (sku.outcome === 'inserted') return { id: sku.id, outcome: 'imported' };
    return { id: sku.id, outcome: changed || sku.outcome === 'updated' ? 'updated' : 'unchanged' };
  }

  return {
    write: (r) => writeSku(r).outcome,
    // Kits run after every other row, so their components may appear anywhere in the file.
    writeKit(r) {
      const parts = r.kit ?? [];
      const components: { skuId: number; quantity: number }[] = [];
      for (const part of parts) {
        if (part.sku === r.sku) return { problem: 'INVALID_KIT', params: { value: part.sku } };
        const id = skuId(part.sku);
        if (id === undefined) return { problem: 'KIT_COMPONENT_NOT_FOUND', params: { component: part.sku } };
        components.push({ skuId: id, quantity: part.quantity });
      }
      const written = writeSku(r);
      if (typeof written.outcome === 'object' || written.id < 0) return written.outcome;
      const kitChanged = setKit(written.id, components);
      return written.outcome === 'unchanged' && kitChanged ? 'updated' : written.outcome;
    },
  };
}
