import type { TFunction } from 'i18next';
import type { Db } from '../db/connection';
import { productFilterSql, type ProductFilter } from '../db/tables/products';
import { countSkusForExport, exportShape, iterateSkusForExport, type SkuExportRow } from '../db/tables/skus';
import { AppError } from '../errors';
import { createSheetWriter, formatFromPath, type OutCell, type SheetFileFormat } from '../spreadsheet/write-rows';
import type { Field, SimpleField } from './columns';

/** The fixed columns, in the order exports and the template write them. */
const FIXED: readonly SimpleField[] = [
  'sku',
  'parentSku',
  'title',
  'description',
  'brand',
  'manufacturer',
  'category',
  'gtin',
  'gtinExempt',
  'price',
  'salePrice',
  'stock',
  'weightKg',
  'lengthCm',
  'widthCm',
  'heightCm',
  'active',
  'kit',
];
const TEMPLATE_LIST_WIDTH = 5;

interface Shape {
  readonly characteristics: readonly string[];
  readonly variations: readonly string[];
  readonly bullets: number;
  readonly images: number;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

export function exportFields(shape: Shape): Field[] {
  return [
    ...FIXED,
    ...range(shape.bullets).map((n): Field => `bullet:${n}`),
    ...range(shape.images).map((n): Field => `image:${n}`),
    ...shape.characteristics.map((name): Field => `characteristic:${name}`),
    ...shape.variations.map((name): Field => `variation:${name}`),
  ];
}

/** A column's header in the seller's language; the importer recognises both languages. */
export function headerFor(t: TFunction, field: Field): string {
  const [kind, rest = ''] = field.split(/:(.*)/s);
  if (kind === 'bullet' || kind === 'image') return t(`catalog.columns.${kind}`, { n: Number(rest) });
  if (kind === 'characteristic' || kind === 'variation') return t(`catalog.columns.${kind}`, { name: rest });
  return t(`catalog.columns.${field}`);
}

function csvOptions(t: TFunction) {
  // Brazilian Excel splits CSV on ';' and reads ',' as the decimal mark; US Excel the opposite.
  const comma = t('catalog.columns.decimalMark') === ',';
  return { delimiter: comma ? ';' : ',', decimalComma: comma };
}

/**
 * A family keyed by a parent code (no SKU is the product key) gets a parent row before its SKUs:
 * the product's own content, nothing sellable. Importing it back sets the family's content, and
 * each SKU row then keeps only what differs, exactly as stored.
 */
function parentRowValues(r: SkuExportRow, fields: readonly Field[], t: TFunction): OutCell[] {
  const parent: SkuExportRow = {
    ...r,
    sku: r.productKey,
    siblings: 1,
    title: r.productTitle,
    description: r.productDescription,
    imageUrls: r.productImageUrls,
    characteristics: r.productCharacteristics,
  };
  const sellable = new Set<Field>(['gtin', 'gtinExempt', 'price', 'salePrice', 'stock', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'active', 'kit']);
  return rowValues(parent, fields, t).map((v, i) => {
    const field = fields[i] as Field;
    return sellable.has(field) || field.startsWith('variation:') ? null : v;
  });
}

function rowValues(r: SkuExportRow, fields: readonly Field[], t: TFunction): OutCell[] {
  const yesNo = (v: number) => t(v ? 'catalog.columns.yes' : 'catalog.columns.no');
  const money = (c: number | null) => (c === null ? null : c / 100);
  const scaled = (v: number | null, by: number) => (v === null ? null : v / by);
  const bullets = JSON.parse(r.bulletPoints) as string[];
  const images = JSON.parse(r.imageUrls) as string[];
  const characteristics = JSON.parse(r.characteristics ?? '{}') as Record<string, string>;
  const variation = JSON.parse(r.variation) as Record<string, string>;
  return fields.map((field): OutCell => {
    switch (field) {
      case 'sku':
        return r.sku;
      // A lone SKU is its own product; writing its key as a parent would invent a variation group.
      case 'parentSku':
        return r.siblings > 1 || r.productKey !== r.sku ? r.productKey : null;
      case 'title':
        return r.title;
      case 'description':
        return r.description;
      case 'brand':
        return r.brand;
      case 'manufacturer':
        return r.manufacturer;
      case 'category':
        return r.categoryPath;
      // Text, never a number: a spreadsheet would drop leading zeros or show 7.89123E+12.
      case 'gtin':
        return r.gtin;
      case 'gtinExempt':
        return yesNo(r.gtinExempt);
      case 'price':
        return money(r.priceCents);
      case 'salePrice':
        return money(r.salePriceCents);
      case 'stock':
        return r.stock;
      case 'weightKg':
        return scaled(r.weightG, 1000);
      case 'lengthCm':
        return scaled(r.lengthMm, 10);
      case 'widthCm':
        return scaled(r.widthMm, 10);
      case 'heightCm':
        return scaled(r.heightMm, 10);
      case 'active':
        return yesNo(r.active);
      case 'kit':
        return r.kit;
      default: {
        const [kind, rest = ''] = field.split(/:(.*)/s);
        if (kind === 'bullet') return bullets[Number(rest) - 1] ?? null;
        if (kind === 'image') return images[Number(rest) - 1] ?? null;
        if (kind === 'characteristic') return characteristics[rest] ?? null;
        if (kind === 'variation') return variation[rest] ?? null;
        return null;
      }
    }
  });
}

/** Why a file could not be written, in the seller's words (the system's own text is English). */
export function writeFailure(t: TFunction, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  return t(`catalog.writeFailure.${code}`, { defaultValue: t('catalog.writeFailure.other', { code }) });
}

async function writeAll(
  file: string,
  format: SheetFileFormat,
  t: TFunction,
  header: readonly string[],
  rows: Iterable<OutCell[]>,
  onRow?: () => void,
): Promise<void> {
  try {
    const writer = createSheetWriter(file, format, { sheetName: t('catalog.columns.sheetName'), csv: csvOptions(t) });
    await writer.write(header);
    for (const values of rows) {
      await writer.write(values);
      onRow?.();
    }
    await writer.close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('CATALOG_EXPORT_FAILED', { file, reason: writeFailure(t, err) }, { cause: (err as Error).message });
  }
}

/**
 * Streams the catalog (or only the products matching `filter`, as the list shows them), one row per
 * SKU plus a parent row per family keyed by a parent code; importing the file again changes nothing.
 * `rows` counts SKUs.
 */
export async function exportProducts(
  db: Db,
  file: string,
  options: { t: TFunction; format?: SheetFileFormat; filter?: ProductFilter; onProgress?: (done: number, total: number) => void },
): Promise<{ rows: number }> {
  const { t } = options;
  const fields = exportFields(exportShape(db));
  const scope = options.filter ? productFilterSql(options.filter) : undefined;
  const total = countSkusForExport(db, scope);
  let done = 0;
  function* rows(): Generator<OutCell[]> {
    let lastProduct = -1;
    for (const r of iterateSkusForExport(db, scope)) {
      if (r.productId !== lastProduct && !r.keyIsSku) yield parentRowValues(r, fields, t);
      lastProduct = r.productId;
      done += 1;
      yield rowValues(r, fields, t);
    }
  }
  await writeAll(
    file,
    options.format ?? formatFromPath(file),
    t,
    fields.map((f) => headerFor(t, f)),
    rows(),
    () => {
      if (done % 500 === 0) options.onProgress?.(done, total);
    },
  );
  options.onProgress?.(done, total);
  return { rows: done };
}

/** A blank sheet with every column the importer expects, in the seller's language. */
export async function writeTemplate(file: string, options: { t: TFunction; format?: SheetFileFormat }): Promise<void> {
  const fields = exportFields({ characteristics: [], variations: [], bullets: TEMPLATE_LIST_WIDTH, images: TEMPLATE_LIST_WIDTH });
  await writeAll(
    file,
    options.format ?? formatFromPath(file),
    options.t,
    fields.map((f) => headerFor(options.t, f)),
    [],
  );
}
