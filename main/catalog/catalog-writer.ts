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
import { prepareProductWriter, type ProductContent, type ProductUpsert } from '../db/tables/products';
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

const contentOf = (f: Family): FamilyContent => ({
  title: f.title,
  description: f.description,
  imageUrls: f.imageUrls,
  characteristics: new Map(f.characteristics),
});

function sameList(stored: string, list: readonly string[] | null): boolean {
  return list === null || stored === JSON.stringify(list);
}

/** The prepared statements of one import, reused for every row. */
function prepareStatements(db: Db) {
  return {
    products: prepareProductWriter(db),
    upsertSku: prepareSkuUpsert(db),
    ensureCategory: prepareCategoryPaths(db),
    characteristicId: prepareCharacteristicIds(db),
    setProductValue: prepareProductCharacteristicSetter(db),
    setSkuValue: prepareSkuCharacteristicSetter(db),
    productValues: prepareProductCharacteristicsReader(db),
    skuValues: prepareSkuCharacteristicsReader(db),
    normalize: prepareFamilyNormalizer(db),
    skuCount: prepareSkuCountOfProduct(db),
    touchSku: prepareSkuTouch(db),
    setKit: prepareKitWriter(db),
    skuId: prepareSkuIdLookup(db),
    deleteSku: prepareUnusedSkuDelete(db),
    ownSku: prepareSkuOwnContent(db),
  };
}

export interface CatalogWriter {
  write(record: ImportRecord): RecordOutcome;
  /** Kits run after every other row, so their components may appear anywhere in the file; one outcome per kit. */
  writeKits(records: readonly ImportRecord[]): RecordOutcome[];
  finish(): void;
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
export function createCatalogWriter(db: Db): CatalogWriter {
  return new FamilyWriter(prepareStatements(db));
}

class FamilyWriter implements CatalogWriter {
  // Variation rows of a family come together: the last family read is kept in memory.
  private current: Family | undefined;
  /** SKU ids this import wrote per family key (variation rows only): their words were compared with the family's. */
  private readonly written = new Map<string, number[]>();
  /** Families whose parent (or standalone) row this import wrote. */
  private readonly owned = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  // A parent row read before its variations is written as a SKU until the first variation shows it is not one.
  private readonly standalone = new Map<string, number>();

  constructor(private readonly s: ReturnType<typeof prepareStatements>) {}

  write(r: ImportRecord): RecordOutcome {
    return this.writeSku(r).outcome;
  }

  writeKits(records: readonly ImportRecord[]): RecordOutcome[] {
    const families = new Set(records.filter((r) => r.productKey !== r.sku).map((r) => r.productKey));
    return records.map((r) => this.writeKit(r, families));
  }

  finish(): void {
    for (const [key, p] of this.pending) this.adopt(key, p);
    this.pending.clear();
  }

  private familyOf(key: string): Family | undefined {
    if (this.current?.key === key) return this.current;
    const stored = this.s.products.find(key);
    if (!stored) return undefined;
    this.current = {
      key,
      productId: stored.id,
      title: stored.title,
      description: stored.description,
      imageUrls: stored.imageUrls,
      characteristics: this.s.productValues(stored.id),
      stored,
    };
    return this.current;
  }

  private categoryOf(r: ImportRecord): number | null {
    return r.category ? this.s.ensureCategory(r.category) : null;
  }

  /** The product as the row states it (null: the row says nothing, the stored value stays). */
  private productOf(r: ImportRecord): ProductUpsert {
    const { productKey: key, title, description, brand, manufacturer, bulletPoints, imageUrls } = r;
    return { key, title, description, brand, manufacturer, bulletPoints, imageUrls, categoryId: this.categoryOf(r) };
  }

  /** A new product whose content is this row's. */
  private newFamily(r: ImportRecord, title: string, values: readonly (readonly [number, string])[]): Family {
    const productId = this.s.products.insert({ ...this.productOf(r), title });
    for (const [id, value] of values) this.s.setProductValue(productId, id, value);
    this.current = {
      key: r.productKey,
      productId,
      title,
      description: r.description,
      imageUrls: r.imageUrls ? JSON.stringify(r.imageUrls) : '[]',
      characteristics: new Map(values),
      stored: null,
    };
    return this.current;
  }

  /** Sets the family's content and fields from a row that owns them; answers whether anything changed. */
  private ownFamily(family: Family, r: ImportRecord, values: readonly (readonly [number, string])[]): boolean {
    const before = contentOf(family);
    let changed = this.s.products.update(family.productId, this.productOf(r));
    let valuesChanged = false;
    for (const [id, value] of values) valuesChanged = this.s.setProductValue(family.productId, id, value) || valuesChanged;
    if (valuesChanged && !changed) this.s.products.touch(family.productId);
    changed ||= valuesChanged;
    if (!changed) return false;
    family.title = r.title ?? family.title;
    family.description = r.description ?? family.description;
    if (r.imageUrls) family.imageUrls = JSON.stringify(r.imageUrls);
    for (const [id, value] of values) family.characteristics.set(id, value);
    family.stored = null;
    this.s.normalize(family.productId, before, contentOf(family), this.written.get(family.key) ?? []);
    return true;
  }

  private familyFieldsDiffer(family: Family, r: ImportRecord, categoryId: number | null): boolean {
    const s = family.stored ?? this.s.products.find(family.key);
    if (!s) return false;
    return (
      (r.brand !== null && r.brand !== s.brand) ||
      (r.manufacturer !== null && r.manufacturer !== s.manufacturer) ||
      !sameList(s.bulletPoints, r.bulletPoints) ||
      (categoryId !== null && categoryId !== s.categoryId)
    );
  }

  /** A row whose SKU is the product key: a standalone product, or the parent row of a family. */
  private writeOwnerRow(r: ImportRecord, values: readonly (readonly [number, string])[]): { id: number; outcome: RecordOutcome } {
    let family = this.familyOf(r.productKey);
    let productOutcome: 'inserted' | 'updated' | 'unchanged';
    if (!family) {
      if (r.title === null) return { id: -1, outcome: { problem: 'MISSING_TITLE' } };
      family = this.newFamily(r, r.title, values);
      productOutcome = 'inserted';
    } else productOutcome = this.ownFamily(family, r, values) ? 'updated' : 'unchanged';
    this.owned.add(r.productKey);
    this.pending.delete(r.productKey);
    const existing = this.s.skuId(r.sku);
    // The parent row of a family (variations seen in this file, or already stored) describes the product and is not sellable.
    if (existing === undefined && (this.written.has(r.productKey) || (productOutcome !== 'inserted' && this.s.skuCount(family.productId) > 0))) {
      return { id: -1, outcome: productOutcome === 'inserted' ? 'imported' : productOutcome };
    }
    // Its content is the product's.
    const sku = this.s.upsertSku(
      skuPart(r, family.productId, r.title === null ? undefined : null, r.description === null ? undefined : null, r.imageUrls === null ? undefined : null),
    );
    let ownChanged = false;
    if (sku.outcome !== 'inserted') {
      for (const [id] of values) ownChanged = this.s.setSkuValue(sku.id, id, null) || ownChanged;
      if (ownChanged && sku.outcome === 'unchanged') this.s.touchSku(sku.id);
    } else this.standalone.set(r.sku, sku.id);
    if (sku.outcome === 'inserted') return { id: sku.id, outcome: 'imported' };
    return { id: sku.id, outcome: productOutcome !== 'unchanged' || ownChanged || sku.outcome === 'updated' ? 'updated' : 'unchanged' };
  }

  /** A variation row: its content is compared with the family's and only its own differences are stored. */
  private writeVariationRow(r: ImportRecord): { id: number; outcome: RecordOutcome } {
    let family = this.familyOf(r.productKey);
    const firstOfFamily = !this.written.has(r.productKey) && !this.owned.has(r.productKey);
    let fields: FamilyFields | null = null;
    if (!family) {
      if (r.title === null) return { id: -1, outcome: { problem: 'MISSING_TITLE' } };
      family = this.newFamily(r, r.title, this.valuesOf(r));
    } else if (firstOfFamily) {
      // A stored family without a parent row in this file so far: its family fields wait for the end
      // of the file (a parent row further down decides them instead).
      const categoryId = this.categoryOf(r);
      if (this.familyFieldsDiffer(family, r, categoryId)) fields = { brand: r.brand, manufacturer: r.manufacturer, bulletPoints: r.bulletPoints, categoryId };
    }
    const f = family;
    const sku = this.s.upsertSku(
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
      const id = this.s.characteristicId(name);
      const own = f.characteristics.get(id) === value ? null : value;
      if (own !== null || sku.outcome !== 'inserted') ownChanged = this.s.setSkuValue(sku.id, id, own) || ownChanged;
    }
    if (ownChanged && sku.outcome === 'unchanged') this.s.touchSku(sku.id);
    let ids = this.written.get(r.productKey);
    if (!ids) this.written.set(r.productKey, (ids = []));
    ids.push(sku.id);
    if (firstOfFamily && f.stored !== null) this.pending.set(r.productKey, { firstSkuId: sku.id, fields });
    const placeholder = this.standalone.get(r.productKey);
    if (placeholder !== undefined) {
      this.s.deleteSku(placeholder);
      this.standalone.delete(r.productKey);
    }
    if (sku.outcome === 'inserted') return { id: sku.id, outcome: 'imported' };
    return { id: sku.id, outcome: ownChanged || sku.outcome === 'updated' ? 'updated' : 'unchanged' };
  }

  private valuesOf(r: ImportRecord): (readonly [number, string])[] {
    return r.characteristics.map(([name, value]) => [this.s.characteristicId(name), value] as const);
  }

  private writeSku(r: ImportRecord): { id: number; outcome: RecordOutcome } {
    return r.productKey === r.sku ? this.writeOwnerRow(r, this.valuesOf(r)) : this.writeVariationRow(r);
  }

  /**
   * A stored family the file listed without a parent row takes its first row's family fields, and,
   * when the file listed every SKU of it, its first row's content (a partial file never moves what
   * the SKUs it does not list are sold with).
   */
  private adopt(key: string, p: Pending): void {
    if (this.owned.has(key)) return;
    const family = this.familyOf(key);
    if (!family) return;
    if (p.fields) {
      this.s.products.update(family.productId, { key, title: null, description: null, imageUrls: null, ...p.fields });
      family.stored = null;
    }
    const ids = this.written.get(key) ?? [];
    if (this.s.skuCount(family.productId) !== ids.length) return;
    const own = this.s.ownSku(p.firstSkuId);
    const ownValues = this.s.skuValues(p.firstSkuId);
    if (!own || (own.title === null && own.description === null && own.imageUrls === null && ownValues.size === 0)) return;
    const before = contentOf(family);
    const images = own.imageUrls === null ? null : (JSON.parse(own.imageUrls) as string[]);
    this.s.products.update(family.productId, {
      key,
      title: own.title,
      description: own.description,
      brand: null,
      manufacturer: null,
      bulletPoints: null,
      imageUrls: images,
      categoryId: null,
    });
    for (const [id, value] of ownValues) this.s.setProductValue(family.productId, id, value);
    if (ownValues.size > 0) this.s.products.touch(family.productId);
    family.title = own.title ?? family.title;
    family.description = own.description ?? family.description;
    family.imageUrls = own.imageUrls ?? family.imageUrls;
    for (const [id, value] of ownValues) family.characteristics.set(id, value);
    family.stored = null;
    this.s.normalize(family.productId, before, contentOf(family), ids);
  }

  /**
   * A code written as a lone SKU earlier in the file stops being one when a kit row turns out to be
   * its variation (see `standalone`): such a code can be no kit's component.
   */
  private writeKit(r: ImportRecord, families: ReadonlySet<string>): RecordOutcome {
    const parts = r.kit ?? [];
    const components: { skuId: number; quantity: number }[] = [];
    for (const part of parts) {
      if (part.sku === r.sku) return { problem: 'KIT_CONTAINS_ITSELF', params: { value: part.sku } };
      if (this.standalone.has(part.sku) && families.has(part.sku)) return { problem: 'KIT_COMPONENT_IS_PARENT', params: { component: part.sku } };
      const id = this.s.skuId(part.sku);
      if (id === undefined) {
        // "2x CANECA", "CANECA x2, PIRES x1", "CANECA (2)": another way of writing the cell, not a missing SKU.
        if (MISFORMATTED_KIT_PART.test(part.sku)) return { problem: 'KIT_FORMAT', params: { value: part.text.slice(0, 60) } };
        return { problem: 'KIT_COMPONENT_NOT_FOUND', params: { component: part.sku } };
      }
      components.push({ skuId: id, quantity: part.quantity });
    }
    const result = this.writeSku(r);
    if (typeof result.outcome === 'object' || result.id < 0) return result.outcome;
    const kitChanged = this.s.setKit(result.id, components);
    if (kitChanged && result.outcome === 'unchanged') this.s.touchSku(result.id);
    return result.outcome === 'unchanged' && kitChanged ? 'updated' : result.outcome;
  }
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
