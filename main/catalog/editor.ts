import type { TFunction } from 'i18next';
import type { Db } from '../db/connection';
import {
  deleteProductCharacteristic,
  prepareCharacteristicIds,
  prepareProductCharacteristicSetter,
  prepareProductCharacteristicsReader,
  prepareSkuCharacteristicSetter,
} from '../db/tables/characteristics';
import { getProduct, touchProduct, updateProductFields } from '../db/tables/products';
import { getSkuById, prepareFamilyNormalizer, prepareSkuTouch, updateSkuFields, type FamilyContent, type SkuFieldEdit } from '../db/tables/skus';
import { AppError } from '../errors';
import { characteristicName, textParsers } from './row-mapper';
import { cents, count, FieldProblem, gtinValue } from './values';

/**
 * The seller's edits on the product screen and in the list. Values arrive as typed ("19,90",
 * "R$ 1.234,56", " Azul ") and go through the same parsing as a spreadsheet cell, so a value the
 * import accepts is accepted here and refused with the same words otherwise. An empty text clears
 * an optional field; for a SKU it means "same as the product".
 */
export interface ProductChanges {
  readonly title?: string;
  readonly description?: string;
  readonly brand?: string;
  readonly manufacturer?: string;
  /** Name → value; an empty value removes the characteristic from the product. */
  readonly characteristics?: Readonly<Record<string, string>>;
}

export interface SkuChanges {
  readonly title?: string;
  readonly description?: string;
  readonly gtin?: string;
  readonly price?: string;
  readonly salePrice?: string;
  readonly stock?: string;
  /** Name → the SKU's own value; an empty value means "same as the product". */
  readonly characteristics?: Readonly<Record<string, string>>;
}

export interface FieldError {
  /** `title`, `price`, … or `characteristic:<name>`. */
  readonly field: string;
  readonly message: string;
}

export type EditOutcome =
  { readonly saved: true; readonly changed: boolean; readonly productId: number } | { readonly saved: false; readonly errors: readonly FieldError[] };

/** Collects every field's problem, so the seller fixes the form once. */
class Problems {
  readonly list: FieldError[] = [];
  constructor(private readonly t: TFunction) {}

  label(field: string): string {
    const [kind, name = ''] = field.split(/:(.*)/s);
    if (kind === 'characteristic') return this.t('catalog.columns.characteristic', { name });
    return this.t(`catalog.columns.${field}`);
  }

  add(field: string, code: string, params: Readonly<Record<string, string | number>> = {}): void {
    // The import's words, unless the product screen has its own (an import's advice names the spreadsheet).
    const reason = this.t(`catalog.edit.${code}`, { ...params, defaultValue: this.t(`catalog.rowErrors.${code}`, params) });
    this.list.push({ field, message: this.t('catalog.edit.fieldError', { field: this.label(field), reason }) });
  }

  /** Runs one parser; a refused value is recorded and answers undefined. */
  read<T>(field: string, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      this.add(field, err.code, err.params);
      return undefined;
    }
  }
}

/** A characteristic's name by the import's rule (one spelling per name: NFC, no invisible characters). */
function nameOf(problems: Problems, raw: string): string | undefined {
  return problems.read(`characteristic:${raw}`, () => characteristicName(raw));
}

/** Parses every characteristic first; answers name → value (null: remove / same as the product). */
function parseCharacteristics(problems: Problems, values: Readonly<Record<string, string>> | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [raw, text] of Object.entries(values ?? {})) {
    const name = nameOf(problems, raw);
    if (name === undefined) continue;
    const value = problems.read(`characteristic:${name}`, () => textParsers.value(text));
    if (value !== undefined) out.set(name, value);
  }
  return out;
}

function familyContent(db: Db, productId: number): FamilyContent | undefined {
  const p = getProduct(db, productId);
  if (!p) return undefined;
  return {
    title: p.title,
    description: p.description,
    imageUrls: JSON.stringify(p.imageUrls),
    characteristics: prepareProductCharacteristicsReader(db)(productId),
  };
}

/** Writes each edited characteristic (null: cleared) through `write`, by id; answers whether a stored value changed. */
function writeCharacteristics(db: Db, values: Iterable<readonly [string, string | null]>, write: (id: number, value: string | null) => boolean): boolean {
  const idOf = prepareCharacteristicIds(db);
  let changed = false;
  for (const [name, value] of values) changed = write(idOf(name), value) || changed;
  return changed;
}

/** Edits a product's family fields; SKUs that followed the product follow the new values. */
export function editProduct(db: Db, t: TFunction, productId: number, changes: ProductChanges): EditOutcome {
  const before = familyContent(db, productId);
  if (!before) throw new AppError('CATALOG_PRODUCT_NOT_FOUND', { productId });
  const problems = new Problems(t);
  const title = changes.title === undefined ? undefined : problems.read('title', () => textParsers.title(changes.title ?? ''));
  if (changes.title !== undefined && title === null) problems.add('title', 'REQUIRED');
  const description = changes.description === undefined ? undefined : problems.read('description', () => textParsers.description(changes.description ?? ''));
  const brand = changes.brand === undefined ? undefined : problems.read('brand', () => textParsers.brand(changes.brand ?? ''));
  const manufacturer =
    changes.manufacturer === undefined ? undefined : problems.read('manufacturer', () => textParsers.manufacturer(changes.manufacturer ?? ''));
  const values = parseCharacteristics(problems, changes.characteristics);
  if (problems.list.length > 0) return { saved: false, errors: problems.list };

  return db.transaction((): EditOutcome => {
    const fields = {
      ...(title ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(brand !== undefined ? { brand } : {}),
      ...(manufacturer !== undefined ? { manufacturer } : {}),
    };
    let changed = updateProductFields(db, productId, fields);
    const set = prepareProductCharacteristicSetter(db);
    const valuesChanged = writeCharacteristics(db, values, (id, value) =>
      value === null ? deleteProductCharacteristic(db, productId, id) : set(productId, id, value),
    );
    // The product's characteristics are its content too: the send engine's stamp must move.
    if (valuesChanged && !changed) touchProduct(db, productId);
    changed ||= valuesChanged;
    const after = familyContent(db, productId);
    // SKUs whose own value now equals the product's drop it; the others keep theirs.
    if (changed && after) prepareFamilyNormalizer(db)(productId, before, after, []);
    return { saved: true, changed, productId };
  })();
}

/** Edits one SKU: stock, prices, EAN, and its own title, description and characteristics. */
export function editSku(db: Db, t: TFunction, skuId: number, changes: SkuChanges): EditOutcome {
  const sku = getSkuById(db, skuId);
  if (!sku) throw new AppError('CATALOG_SKU_NOT_FOUND', { skuId });
  const family = familyContent(db, sku.productId);
  if (!family) throw new AppError('CATALOG_PRODUCT_NOT_FOUND', { productId: sku.productId });
  const problems = new Problems(t);
  const edit: { -readonly [K in keyof SkuFieldEdit]: SkuFieldEdit[K] } = {};

  if (changes.title !== undefined) {
    const title = problems.read('title', () => textParsers.title(changes.title ?? ''));
    if (title !== undefined) edit.title = title === family.title ? null : title;
  }
  if (changes.description !== undefined) {
    const description = problems.read('description', () => textParsers.description(changes.description ?? ''));
    if (description !== undefined) edit.description = description === family.description ? null : description;
  }
  if (changes.gtin !== undefined) {
    const gtin = problems.read('gtin', () => gtinValue(changes.gtin ?? ''));
    if (gtin === null) Object.assign(edit, { gtin: null, gtinStatus: sku.gtinExempt ? 'exempt' : 'missing' });
    else if (gtin !== undefined) Object.assign(edit, { gtin: gtin.gtin, gtinStatus: sku.gtinExempt ? 'exempt' : gtin.status });
  }
  if (changes.price !== undefined) {
    const price = problems.read('price', () => cents(changes.price ?? ''));
    if (price === null) problems.add('price', 'REQUIRED');
    else if (price !== undefined) edit.priceCents = price;
  }
  if (changes.salePrice !== undefined) {
    const sale = problems.read('salePrice', () => cents(changes.salePrice ?? ''));
    if (sale !== undefined) edit.salePriceCents = sale;
  }
  if (changes.stock !== undefined) {
    if (sku.isKit) problems.add('stock', 'KIT_STOCK');
    else {
      const stock = problems.read('stock', () => count(changes.stock ?? ''));
      if (stock === null) problems.add('stock', 'REQUIRED');
      else if (stock !== undefined) edit.stock = stock;
    }
  }
  const price = edit.priceCents ?? sku.priceCents;
  const sale = edit.salePriceCents === undefined ? sku.salePriceCents : edit.salePriceCents;
  if (price !== null && sale !== null && sale > price && (edit.priceCents !== undefined || edit.salePriceCents !== undefined)) {
    problems.add(edit.salePriceCents !== undefined ? 'salePrice' : 'price', 'SALE_PRICE_ABOVE_PRICE');
  }
  const values = parseCharacteristics(problems, changes.characteristics);
  if (problems.list.length > 0) return { saved: false, errors: problems.list };

  return db.transaction((): EditOutcome => {
    let changed = updateSkuFields(db, skuId, edit);
    const set = prepareSkuCharacteristicSetter(db);
    // A value equal to the product's is the product's: the SKU keeps none of its own.
    const valuesChanged = writeCharacteristics(db, values, (id, value) =>
      set(skuId, id, value === null || family.characteristics.get(id) === value ? null : value),
    );
    if (valuesChanged && !changed) prepareSkuTouch(db)(skuId);
    changed ||= valuesChanged;
    return { saved: true, changed, productId: sku.productId };
  })();
}
