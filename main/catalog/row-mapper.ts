import { isBlank, type Cell } from '../spreadsheet/cell';
import { splitCategoryPath } from '../db/tables/categories';
import type { ProductUpsert } from '../db/tables/products';
import type { SkuFact, SkuUpsert } from '../db/tables/skus';
import type { ColumnMapping, Field } from './columns';
import { cents, codeText, count, FieldProblem, flag, gtinValue, identifier, lineText, longText, measure } from './values';

/**
 * What the database holds (migrations/0003-catalog.ts): a SKU of 1–40 characters, a category level
 * of 1–200, a characteristic name of 1–100. A value past them is refused for its row here, never
 * by the database in the middle of an import (test/unit/catalog/schema-limits.test.ts reads the
 * schema to keep the two in step).
 */
export const SKU_MAX = 40;
export const CATEGORY_LEVEL_MAX = 200;
export const NAME_MAX = 100;
const LIMITS = { title: 500, description: 20_000, brand: 100, manufacturer: 100, category: 500, bullet: 1000, url: 2048, value: 1000, kit: 4000 } as const;
const MAX_BULLETS = 10;
const MAX_IMAGES = 20;

export interface KitPart {
  readonly sku: string;
  readonly quantity: number;
  /** The piece of the cell it was read from, as the seller typed it. */
  readonly text: string;
}

/** One valid row, ready to write. `null` fields were empty or unmapped: the stored value stays. */
export type ImportRecord = Omit<ProductUpsert, 'key' | 'categoryId'> &
  Pick<SkuUpsert, 'sku' | SkuFact | 'variation'> &
  Readonly<{
    row: number;
    /** The parent SKU, or the SKU itself: the key of the product this SKU belongs to. */
    productKey: string;
    category: readonly string[] | null;
    characteristics: readonly (readonly [string, string])[];
    kit: readonly KitPart[] | null;
  }>;

export interface RowIssue {
  readonly row: number;
  /** The column header as written in the file (the seller's own words). */
  readonly field: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The mapping compiled once per import: for each field, the column that feeds it. */
export interface RowPlan {
  readonly single: ReadonlyMap<Field, ColumnMapping>;
  readonly bullets: readonly ColumnMapping[];
  readonly images: readonly ColumnMapping[];
  readonly characteristics: readonly (readonly [string, ColumnMapping])[];
  readonly variations: readonly (readonly [string, ColumnMapping])[];
  /** Characteristic and variation columns whose name cannot be stored: a row with a value there is refused. */
  readonly refused: readonly (readonly [ColumnMapping, FieldProblem])[];
  readonly skuHeader: string;
}

const byNumber = (a: ColumnMapping, b: ColumnMapping) => Number(a.field?.split(':')[1]) - Number(b.field?.split(':')[1]);

/**
 * A characteristic's or variation's name (from a column header or the product screen), by the
 * identifier rule: one spelling per name, within what the database holds.
 */
export function characteristicName(raw: string): string {
  const name = identifier(raw, NAME_MAX);
  if (name === null) throw new FieldProblem('NAME_REQUIRED');
  return name;
}

export function compilePlan(mapping: readonly ColumnMapping[]): RowPlan | undefined {
  const single = new Map<Field, ColumnMapping>();
  const bullets: ColumnMapping[] = [];
  const images: ColumnMapping[] = [];
  const characteristics: [string, ColumnMapping][] = [];
  const variations: [string, ColumnMapping][] = [];
  const refused: [ColumnMapping, FieldProblem][] = [];
  for (const m of mapping) {
    if (!m.field) continue;
    const [kind, raw = ''] = m.field.split(/:(.*)/s);
    if (kind === 'bullet') bullets.push(m);
    else if (kind === 'image') images.push(m);
    else if (kind === 'characteristic' || kind === 'variation') {
      try {
        (kind === 'characteristic' ? characteristics : variations).push([characteristicName(raw), m]);
      } catch (err) {
        if (!(err instanceof FieldProblem)) throw err;
        refused.push([
          m,
          new FieldProblem(
            err.code === 'TOO_LONG' ? 'COLUMN_NAME_TOO_LONG' : err.code === 'NAME_REQUIRED' ? 'COLUMN_NAME_REQUIRED' : 'COLUMN_NAME_INVISIBLE',
            err.params,
          ),
        ]);
      }
    } else if (!single.has(m.field)) single.set(m.field, m);
  }
  const sku = single.get('sku');
  if (!sku) return undefined;
  return { single, bullets: bullets.sort(byNumber), images: images.sort(byNumber), characteristics, variations, refused, skuHeader: sku.header };
}

function splitList(text: string, pattern: RegExp): string[] {
  return text
    .split(pattern)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function url(text: string): string {
  if (!/^https?:\/\/\S+$/i.test(text)) throw new FieldProblem('INVALID_URL', { value: text.slice(0, 80) });
  if (text.length > LIMITS.url) throw new FieldProblem('TOO_LONG', { max: LIMITS.url, length: text.length });
  return text;
}

/** "SKU-A x2; SKU-B" / "SKU-A*2 | SKU-B": a SKU ending in "x2" without a space keeps its name. */
export function parseKit(text: string): KitPart[] {
  const parts: KitPart[] = [];
  for (const piece of splitList(text, /[;|\n]+/)) {
    const m = /^(.+?)(?:\s+[x×]\s*(\d+)|\s*\*\s*(\d+))?$/i.exec(piece);
    const quantity = Number(m?.[2] ?? m?.[3] ?? '1');
    let sku: string | null;
    try {
      // A component is named as its SKU is: the same spelling finds the same SKU.
      sku = identifier(m?.[1] ?? '', SKU_MAX);
    } catch (err) {
      if (!(err instanceof FieldProblem) || err.code === 'TOO_LONG') throw new FieldProblem('INVALID_KIT', { value: piece.slice(0, 60) });
      throw err;
    }
    if (!sku || quantity < 1 || !Number.isSafeInteger(quantity)) throw new FieldProblem('INVALID_KIT', { value: piece.slice(0, 60) });
    if (parts.some((p) => p.sku === sku)) throw new FieldProblem('INVALID_KIT', { value: piece.slice(0, 60) });
    parts.push({ sku, quantity, text: piece });
  }
  return parts;
}

// Parsers hoisted out of mapRow so a 100k-row import does not allocate them per row.
const parseSku = (c: Cell) => codeText(c, SKU_MAX);
const parseTitle = (c: Cell) => lineText(c, LIMITS.title);
const parseDescription = (c: Cell) => longText(c, LIMITS.description);
const parseBrand = (c: Cell) => lineText(c, LIMITS.brand);
const parseManufacturer = (c: Cell) => lineText(c, LIMITS.manufacturer);
const parseValue = (c: Cell) => lineText(c, LIMITS.value);
const parseBullet = (c: Cell) => lineText(c, LIMITS.bullet);
const parseKg = (c: Cell) => measure(c, 1000);
const parseGrams = (c: Cell) => measure(c, 1);
const parseCm = (c: Cell) => measure(c, 10);
const parseBulletList = (c: Cell) => {
  const text = longText(c, LIMITS.bullet * MAX_BULLETS);
  return text === null ? null : splitList(text, /\n|\|/);
};
const parseImageList = (c: Cell) => {
  const text = lineText(c, LIMITS.url * MAX_IMAGES);
  return text === null ? null : splitList(text, /[\s|;]+|,(?=\s*https?:)/i).map(url);
};
const parseImage = (c: Cell) => {
  const text = lineText(c, LIMITS.url);
  return text === null ? null : url(text);
};
const parseKitCell = (c: Cell) => {
  const text = lineText(c, LIMITS.kit);
  return text === null ? null : parseKit(text);
};
/** The same parsing for a value the seller types on the product screen as for a spreadsheet cell. */
export const textParsers = { title: parseTitle, description: parseDescription, brand: parseBrand, manufacturer: parseManufacturer, value: parseValue } as const;

/** A category path's levels, each one a name by the identifier rule within the database's length. */
function categoryLevels(text: string): string[] {
  const levels: string[] = [];
  for (const level of splitCategoryPath(text)) {
    try {
      const name = identifier(level, CATEGORY_LEVEL_MAX);
      if (name !== null) levels.push(name);
    } catch (err) {
      if (err instanceof FieldProblem && err.code === 'TOO_LONG')
        throw new FieldProblem('CATEGORY_LEVEL_TOO_LONG', { ...err.params, level: level.slice(0, 40) });
      throw err;
    }
  }
  return levels;
}

/** Variation rows repeat their category; parsed paths are remembered (bounded) per process. */
const categoryCache = new Map<string, readonly string[]>();
const parseCategory = (c: Cell): readonly string[] | null => {
  const text = lineText(c, LIMITS.category);
  if (text === null) return null;
  let segments = categoryCache.get(text);
  if (!segments) {
    if (categoryCache.size > 10_000) categoryCache.clear();
    segments = categoryLevels(text);
    categoryCache.set(text, segments);
  }
  return segments;
};

/**
 * Turns one row's cells into a record, or lists every problem in it (all of them, so the seller
 * fixes a row once). Cells outside the row (short CSV lines) count as empty.
 */
const NONE: readonly string[] = [];

interface RowContext {
  readonly plan: RowPlan;
  readonly row: number;
  readonly cells: readonly Cell[];
  readonly issues: RowIssue[];
}

// Module-level (not closures made per row): a 100k-row import calls these a couple of million times.
function attempt<T>(ctx: RowContext, m: ColumnMapping, parse: (cell: Cell) => T): T | null {
  try {
    return parse(ctx.cells[m.column] ?? null);
  } catch (err) {
    if (!(err instanceof FieldProblem)) throw err;
    ctx.issues.push({ row: ctx.row, field: m.header, code: err.code, params: err.params });
    return null;
  }
}

function read<T>(ctx: RowContext, field: Field, parse: (cell: Cell) => T): T | null {
  const m = ctx.plan.single.get(field);
  return m ? attempt(ctx, m, parse) : null;
}

export function mapRow(plan: RowPlan, row: number, cells: readonly Cell[]): { record?: ImportRecord; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const ctx: RowContext = { plan, row, cells, issues };

  const sku = read(ctx, 'sku', parseSku);
  if (sku === null && !issues.length) issues.push({ row, field: plan.skuHeader, code: 'MISSING_SKU', params: {} });
  const parent = read(ctx, 'parentSku', parseSku);
  const gtin = read(ctx, 'gtin', gtinValue);
  const gtinExempt = read(ctx, 'gtinExempt', flag);
  const priceCents = read(ctx, 'price', cents);
  const salePriceCents = read(ctx, 'salePrice', cents);
  if (priceCents !== null && salePriceCents !== null && salePriceCents > priceCents) {
    issues.push({ row, field: plan.single.get('salePrice')?.header ?? '', code: 'SALE_PRICE_ABOVE_PRICE', params: {} });
  }
  const bulletList = read(ctx, 'bullets', parseBulletList);
  const bulletCells = plan.bullets.length ? plan.bullets.map((m) => attempt(ctx, m, parseBullet)).filter((b): b is string => b !== null) : NONE;
  const imageList = read(ctx, 'images', parseImageList);
  const imageCells = plan.images.length ? plan.images.map((m) => attempt(ctx, m, parseImage)).filter((u): u is string => u !== null) : NONE;
  const bullets = bulletList ? [...bulletList, ...bulletCells] : bulletCells;
  const images = imageList ? [...imageList, ...imageCells] : imageCells;
  const characteristics: [string, string][] = [];
  for (const [name, m] of plan.characteristics) {
    const value = attempt(ctx, m, parseValue);
    if (value !== null) characteristics.push([name, value]);
  }
  let variation: Record<string, string> | null = null;
  for (const [name, m] of plan.variations) {
    const value = attempt(ctx, m, parseValue);
    if (value !== null) (variation ??= {})[name] = value;
  }
  for (const [m, problem] of plan.refused) {
    if (!isBlank(cells[m.column])) issues.push({ row, field: m.header, code: problem.code, params: problem.params });
  }
  const category = read(ctx, 'category', parseCategory);
  const weightKg = read(ctx, 'weightKg', parseKg);
  const record: ImportRecord = {
    row,
    sku: sku ?? '',
    productKey: parent && parent !== sku ? parent : (sku ?? ''),
    title: read(ctx, 'title', parseTitle),
    description: read(ctx, 'description', parseDescription),
    brand: read(ctx, 'brand', parseBrand),
    manufacturer: read(ctx, 'manufacturer', parseManufacturer),
    category: category?.length ? category : null,
    bulletPoints: plan.bullets.length || plan.single.has('bullets') ? (bullets.length ? bullets.slice(0, MAX_BULLETS) : null) : null,
    imageUrls: images.length ? images.slice(0, MAX_IMAGES) : null,
    gtin: gtin?.gtin ?? null,
    gtinStatus: gtinExempt ? 'exempt' : (gtin?.status ?? (gtinExempt === false ? 'missing' : null)),
    gtinExempt,
    priceCents,
    salePriceCents,
    stock: read(ctx, 'stock', count),
    weightG: weightKg ?? read(ctx, 'weightG', parseGrams),
    lengthMm: read(ctx, 'lengthCm', parseCm),
    widthMm: read(ctx, 'widthCm', parseCm),
    heightMm: read(ctx, 'heightCm', parseCm),
    active: read(ctx, 'active', flag),
    characteristics,
    variation,
    kit: read(ctx, 'kit', parseKitCell),
  };
  return issues.length ? { issues } : { record, issues };
}
