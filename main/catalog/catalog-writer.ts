import type { Db } from '../db/connection';
import { prepareCategoryPaths } from '../db/tables/categories';
import {
  prepareCharacteristicIds,
  prepareProductCharacteristicSetter,
  prepareProductCharacteristicsReader,
  prepareSkuCharacteristicSetter,
  prepareSkuCharacteristicsReader,
} from '../db/tables/characteristics';
import { prepareKitWriter } from '../db/tables/kits';
import { prepareProductWriter, type ProductContent } from '../db/tables/products';
import {
  prepareFamilyNormalizer,
  prepareSkuCountOfProduct,
  prepareSkuIdLookup,
  prepareSkuOwnContent,
  prepareSkuTouch,
  prepareSkuUpsert,
  prepareUnusedSkuDelete,
  type FamilyContent,
  type SkuUpsert,
} from '../db/tables/skus';
import type { ImportRecord } from './row-mapper';

/** A kit component that names no SKU and holds separators or a quantity written another way. */
const MISFORMATTED_KIT_PART = /[\s,:()]|^\d+\s*[x×*]/i;

export type RecordOutcome = 'imported' | 'updated' | 'unchanged' | { readonly problem: string; readonly params?: Record<string, string> };

/** The family fields that live on the product only (no SKU has its own). */
interface FamilyFields {
  readonly brand: string | null;
  readonly manufacturer: string | null;
  readonly bulletPoints: readonly string[] | null;
  readonly categoryId: number | null;
}

/** The product of the rows being written, as stored now (kept in step with every write). */
interface Family {
  readonly key: string;
  readonly productId: number;
  title: string;
  description: string | null;
  imageUrls: string;
  characteristics: Map<number, string>;
  stored: ProductContent | null;
}

/** A family that had no parent row so far: its first row may become the family's content at the end. */
interface Pending {
  readonly firstSkuId: number;
  readonly fields: FamilyFields | null;
}

const contentOf = (f: Family): FamilyContent => ({ title: f.title, description: f.description, imageUrls: f.imageUrls, characteristics: new Map(f.characteristics) });

function sameList(stored: string, list: readonly string[] | null): boolean {
  return list === null || stored === JSON.stringify(list);
}

/**
 * Writes import records through prepared statements (one set per import, reused for every row).
 * The caller owns the transaction. Each call answers what happened to the row's SKU.
 *
 * A product holds its family's content: the parent row's, or the first row's when the file has no
 * parent row. Each SKU stores its own title, description, images and characteristics only where
 * they differ, so no row of a family overwrites another's and an identical file changes nothing
 * whatever its row order. Call `finish` after the last row.
 */
export function createCatalogWriter(db: Db): {
  write(record: ImportRecord): RecordOutcome;
  /** Kits run after every other row, so their components may appear anywhere in the file; one outcome per kit. */
  writeKits(records: readonly ImportRecord[]): RecordOutcome[];
  finish(): void;
} {
  const products = prepareProductWriter(db);
  const upsertSku = prepareSkuUpsert(db);
  const ensureCategory = prepareCategoryPaths(db);
  const characteristicId = prepareCharacteristicIds(db);
  const setProductValue = prepareProductCharacteristicSetter(db);
  const setSkuValue = prepareSkuCharacteristicSetter(db);
  const productValues = prepareProductCharacteristicsReader(db);
  const skuValues = prepareSkuCharacteristicsReader(db);
  const normalize = prepareFamilyNormalizer(db);
  const skuCount = prepareSkuCountOfProduct(db);
  const touchSku = prepareSkuTouch(db);
  const setKit = prepareKitWriter(db);
  const skuId = prepareSkuIdLookup(db);
  const deleteSku = prepareUnusedSkuDelete(db);
  const ownSku = prepareSkuOwnContent(db);

  // Variation rows of a family come together: the last family read is kept in memory.
  let current: Family | undefined;
  /** SKU ids this import wrote per family key (variation rows only): their words were compared with the family's. */
  const written = new Map<string, number[]>();
  /** Families whose parent (or standalone) row this import wrote. */
  const owned = new Set<string>();
  const pending = new Map<string, Pending>();
  // A parent row read before its variations is written as a SKU until the first variation shows it is not one.
  const standalone = new Map<string, number>();

  function familyOf(key: string): Family | undefined {
    if (current?.key === key) return current;
    const stored = products.find(key);
    if (!stored) return undefined;
    current = {
      key,
      productId: stored.id,
      title: stored.title,
      description: stored.description,
      imageUrls: stored.imageUrls,
      characteristics: productValues(stored.id),
      stored,
    };
    return current;
  }

  function categoryOf(r: ImportRecord): number | null {
    return r.category ? ensureCategory(r.category) : null;
  }

  /** A new product whose content is this row's. */
  function newFamily(r: ImportRecord, title: string, values: readonly (readonly [number, string])[]): Family {
    const productId = products.insert({
      key: r.productKey,
      title,
      description: r.description,
      brand: r.brand,
      manufacturer: r.manufacturer,
      bulletPoints: r.bulletPoints,
      imageUrls: r.imageUrls,
      categoryId: categoryOf(r),
    });
    for (const [id, value] of values) setProductValue(productId, id, value);
    current = {
      key: r.productKey,
      productId,
      title,
      description: r.description,
      imageUrls: r.imageUrls ? JSON.stringify(r.imageUrls) : '[]',
      characteristics: new Map(values),
      stored: null,
    };
    return current;
  }

  /** Sets the family's content and fields from a row that owns them; answers whether anything changed. */
  function ownFamily(family: Family, r: ImportRecord, values: readonly (readonly [number, string])[]): boolean {
    const before = contentOf(family);
    let changed = products.update(family.productId, {
      key: r.productKey,
      title: r.title,
      description: r.description,
      brand: r.brand,
      manufacturer: r.manufacturer,
      bulletPoints: r.bulletPoints,
      imageUrls: r.imageUrls,
      categoryId: categoryOf(r),
    });
    let valuesChanged = false;
    for (const [id, value] of values) valuesChanged = setProductValue(family.productId, id, value) || valuesChanged;
    if (valuesChanged && !changed) products.touch(family.productId);
    changed ||= valuesChanged;
    if (!changed) return false;
    family.title = r.title ?? family.title;
    family.description = r.description ?? family.description;
    if (r.imageUrls) family.imageUrls = JSON.stringify(r.imageUrls);
    for (const [id, value] of values) family.characteristics.set(id, value);
    family.stored = null;
    normalize(family.productId, before, contentOf(family), written.get(family.key) ?? []);
    return true;
  }

  function familyFieldsDiffer(family: Family, r: ImportRecord, categoryId: number | null): boolean {
    const s = family.stored ?? products.find(family.key);
    if (!s) return false;
    return (
      (r.brand !== null && r.brand !== s.brand) ||
      (r.manufacturer !== null && r.manufacturer !== s.manufacturer) ||
      !sameList(s.bulletPoints, r.bulletPoints) ||
      (categoryId !== null && categoryId !== s.categoryId)
    );
  }

  /** A row whose SKU is the product key: a standalone product, or the parent row of a family. */
  function writeOwnerRow(r: ImportRecord, values: readonly (readonly [number, string])[]): { id: number; outcome: RecordOutcome } {
    let family = familyOf(r.productKey);
    let productOutcome: 'inserted' | 'updated' | 'unchanged';
    if (!family) {
      if (r.title === null) return { id: -1, outcome: { problem: 'MISSING_TITLE' } };
      family = newFamily(r, r.title, values);
      productOutcome = 'inserted';
    } else productOutcome = ownFamily(family, r, values) ? 'updated' : 'unchanged';
    owned.add(r.productKey);
    pending.delete(r.productKey);
    const existing = skuId(r.sku);
    // The parent row of a family (variations seen in this file, or already stored) describes the product and is not sellable.
    if (existing === undefined && (written.has(r.productKey) || (productOutcome !== 'inserted' && skuCount(family.productId) > 0))) {
      return { id: -1, outcome: productOutcome === 'inserted' ? 'imported' : productOutcome };
    }
    // Its content is the product's.
    const sku = upsertSku(skuPart(r, family.productId, r.title === null ? undefined : null, r.description === null ? undefined : null, r.imageUrls === null ? undefined : null));
    let ownChanged = false;
    if (sku.outcome !== 'inserted') {
      for (const [id] of values) ownChanged = setSkuValue(sku.id, id, null) || ownChanged;
      if (ownChanged && sku.outcome === 'unchanged') touchSku(sku.id);
    } else standalone.set(r.sku, sku.id);
    if (sku.outcome === 'inserted') return { id: sku.id, outcome: 'imported' };
    return { id: sku.id, outcome: productOutcome !== 'unchanged' || ownChanged || sku.outcome === 'updated' ? 'updated' : 'unchanged' };
  }

  /** A variation row: its content is compared with the family's and only its own differences are stored. */
  function writeVariationRow(r: ImportRecord): { id: number; outcome: RecordOutcome } {
    let family = familyOf(r.productKey);
    const firstOfFamily = !written.has(r.productKey) && !owned.has(r.productKey);
    let fields: FamilyFields | null = null;
    if (!family) {
      if (r.title === null) return { id: -1, outcome: { problem: 'MISSING_TITLE' } };
      family = newFamily(r, r.title, valuesOf(r));
    } else if (firstOfFamily) {
      // A stored family without a parent row in this file so far: its family fields wait for the end
      // of the file (a parent row further down decides them instead).
      const categoryId = categoryOf(r);
      if (familyFieldsDiffer(family, r, categoryId)) fields = { brand: r.brand, manufacturer: r.manufacturer, bulletPoints: r.bulletPoints, categoryId };
    }
    const f = family;
    const sku = upsertSku(
      skuPart(
        r,
        f.productId,
        r.title === null ? undefined : r.title === f.title ? null : r.title,
        r.description === null ? undefined : r.description === f.description ? null : r.description,
        r.imageUrls === null ? undefined : sameList(f.imageUrls, r.imageUrls) ? null : r.imageUrls,
      ),
    );
    let ownChanged = false;
    // Read straight from the record: most variation rows repeat the family's values and write nothing.
    for (const [name, value] of r.characteristics) {
      const id = characteristicId(name);
      const own = f.characteristics.get(id) === value ? null : value;
      if (own !== null || sku.outcome !== 'inserted') ownChanged = setSkuValue(sku.id, id, own) || ownChanged;
    }
    if (ownChanged && sku.outcome === 'unchanged') touchSku(sku.id);
    let ids = written.get(r.productKey);
    if (!ids) written.set(r.productKey, (ids = []));
    ids.push(sku.id);
    if (firstOfFamily && f.stored !== null) pending.set(r.productKey, { firstSkuId: sku.id, fields });
    const placeholder = standalone.get(r.productKey);
    if (placeholder !== undefined) {
      deleteSku(placeholder);
      standalone.delete(r.productKey);
    }
    if (sku.outcome === 'inserted') return { id: sku.id, outcome: 'imported' };
    return { id: sku.id, outcome: ownChanged || sku.outcome === 'updated' ? 'updated' : 'unchanged' };
  }

  function valuesOf(r: ImportRecord): (readonly [number, string])[] {
    return r.characteristics.map(([name, value]) => [characteristicId(name), value] as const);
  }

  function writeSku(r: ImportRecord): { id: number; outcome: RecordOutcome } {
    return r.productKey === r.sku ? writeOwnerRow(r, valuesOf(r)) : writeVariationRow(r);
  }

  /**
   * A stored family the file listed without a parent row takes its first row's family fields, and,
   * when the file listed every SKU of it, its first row's content (a partial file never moves what
   * the SKUs it does not list are sold with).
   */
  function adopt(key: string, p: Pending): void {
    if (owned.has(key)) return;
    const family = familyOf(key);
    if (!family) return;
    if (p.fields) {
      products.update(family.productId, { key, title: null, description: null, imageUrls: null, ...p.fields });
      family.stored = null;
    }
    const ids = written.get(key) ?? [];
    if (skuCount(family.productId) !== ids.length) return;
    const own = ownSku(p.firstSkuId);
    const ownValues = skuValues(p.firstSkuId);
    if (!own || (own.title === null && own.description === null && own.imageUrls === null && ownValues.size === 0)) return;
    const before = contentOf(family);
    const images = own.imageUrls === null ? null : (JSON.parse(own.imageUrls) as string[]);
    products.update(family.productId, { key, title: own.title, description: own.description, brand: null, manufacturer: null, bulletPoints: null, imageUrls: images, categoryId: null });
    for (const [id, value] of ownValues) setProductValue(family.productId, id, value);
    if (ownValues.size > 0) products.touch(family.productId);
    family.title = own.title ?? family.title;
    family.description = own.description ?? family.description;
    family.imageUrls = own.imageUrls ?? family.imageUrls;
    for (const [id, value] of ownValues) family.characteristics.set(id, value);
    family.stored = null;
    normalize(family.productId, before, contentOf(family), ids);
  }

  /**
   * A code written as a lone SKU earlier in the file stops being one when a kit row turns out to be
   * its variation (see `standalone`): such a code can be no kit's component.
   */
  function writeKit(r: ImportRecord, families: ReadonlySet<string>): RecordOutcome {
    const parts = r.kit ?? [];
    const components: { skuId: number; quantity: number }[] = [];
    for (const part of parts) {
      if (part.sku === r.sku) return { problem: 'KIT_CONTAINS_ITSELF', params: { value: part.sku } };
      if (standalone.has(part.sku) && families.has(part.sku)) return { problem: 'KIT_COMPONENT_IS_PARENT', params: { component: part.sku } };
      const id = skuId(part.sku);
      if (id === undefined) {
        // "2x CANECA", "CANECA x2, PIRES x1", "CANECA (2)": another way of writing the cell, not a missing SKU.
        if (MISFORMATTED_KIT_PART.test(part.sku)) return { problem: 'KIT_FORMAT', params: { value: part.text.slice(0, 60) } };
        return { problem: 'KIT_COMPONENT_NOT_FOUND', params: { component: part.sku } };
      }
      components.push({ skuId: id, quantity: part.quantity });
    }
    const result = writeSku(r);
    if (typeof result.outcome === 'object' || result.id < 0) return result.outcome;
    const kitChanged = setKit(result.id, components);
    if (kitChanged && result.outcome === 'unchanged') touchSku(result.id);
    return result.outcome === 'unchanged' && kitChanged ? 'updated' : result.outcome;
  }

  return {
    write: (r) => writeSku(r).outcome,
    writeKits(records) {
      const families = new Set(records.filter((r) => r.productKey !== r.sku).map((r) => r.productKey));
      return records.map((r) => writeKit(r, families));
    },
    finish() {
      for (const [key, p] of pending) adopt(key, p);
      pending.clear();
    },
  };
}

/**
 * One object literal of a fixed shape per row (a spread of optional parts would make a slow
 * dictionary object on the import's hot path). Own content: undefined keeps the stored value,
 * null is "same as the product".
 */
function skuPart(
  r: ImportRecord,
  productId: number,
  title: string | null | undefined,
  description: string | null | undefined,
  imageUrls: readonly string[] | null | undefined,
): SkuUpsert {
  return {
    sku: r.sku,
    productId,
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
    title,
    description,
    imageUrls,
  };
}
