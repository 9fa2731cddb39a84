import { prepareNamedAsPositional, type Db } from '../connection';
import { EFFECTIVE_STOCK_SQL } from './kits';
import type { WriteOutcome } from './products';

export type GtinStatus = 'valid' | 'invalid' | 'missing' | 'exempt';

/** What an import knows about one SKU; `null` keeps the stored value (see ProductUpsert). */
export interface SkuUpsert {
  readonly sku: string;
  readonly productId: number;
  readonly gtin: string | null;
  readonly gtinExempt: boolean | null;
  readonly gtinStatus: GtinStatus | null;
  readonly priceCents: number | null;
  readonly salePriceCents: number | null;
  readonly stock: number | null;
  readonly weightG: number | null;
  readonly lengthMm: number | null;
  readonly widthMm: number | null;
  readonly heightMm: number | null;
  /** Variation attributes (Cor → Azul) merged over the stored ones. */
  readonly variation: Readonly<Record<string, string>> | null;
  readonly active: boolean | null;
}

export interface Sku {
  readonly id: number;
  readonly productId: number;
  readonly sku: string;
  readonly gtin: string | null;
  readonly gtinExempt: boolean;
  readonly gtinStatus: GtinStatus;
  readonly priceCents: number | null;
  readonly salePriceCents: number | null;
  /** For a kit, derived from its components. */
  readonly stock: number;
  readonly weightG: number | null;
  readonly lengthMm: number | null;
  readonly widthMm: number | null;
  readonly heightMm: number | null;
  readonly variation: Readonly<Record<string, string>>;
  readonly active: boolean;
  readonly asin: string | null;
  readonly isKit: boolean;
  readonly updatedAt: string;
}

interface SkuRow {
  id: number;
  product_id: number;
  sku: string;
  gtin: string | null;
  gtin_exempt: number;
  gtin_status: GtinStatus;
  price_cents: number | null;
  sale_price_cents: number | null;
  stock: number;
  weight_g: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  variation: string;
  active: number;
  asin: string | null;
  is_kit: number;
  updated_at: string;
}

function toSku(r: SkuRow): Sku {
  return {
    id: r.id,
    productId: r.product_id,
    sku: r.sku,
    gtin: r.gtin,
    gtinExempt: r.gtin_exempt === 1,
    gtinStatus: r.gtin_status,
    priceCents: r.price_cents,
    salePriceCents: r.sale_price_cents,
    stock: r.stock,
    weightG: r.weight_g,
    lengthMm: r.length_mm,
    widthMm: r.width_mm,
    heightMm: r.height_mm,
    variation: JSON.parse(r.variation) as Record<string, string>,
    active: r.active === 1,
    asin: r.asin,
    isKit: r.is_kit === 1,
    updatedAt: r.updated_at,
  };
}

const SELECT_SKU = `SELECT s.id, s.product_id, s.sku, s.gtin, s.gtin_exempt, s.gtin_status, s.price_cents, s.sale_price_cents,
  ${EFFECTIVE_STOCK_SQL} AS stock, s.weight_g, s.length_mm, s.width_mm, s.height_mm, s.variation, s.active, s.asin,
  EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_sku_id = s.id) AS is_kit, s.updated_at FROM skus s`;

export function getSkuByCode(db: Db, sku: string): Sku | undefined {
  const row = db.prepare(`${SELECT_SKU} WHERE s.sku = ?`).get(sku) as SkuRow | undefined;
  return row ? toSku(row) : undefined;
}

export function listSkusOfProduct(db: Db, productId: number): Sku[] {
  return (db.prepare(`${SELECT_SKU} WHERE s.product_id = ? ORDER BY s.sku`).all(productId) as SkuRow[]).map(toSku);
}

export function countSkus(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM skus').pluck().get() as number;
}

/** Prepared lookup of a SKU code's id (kits resolve their components with it). */
export function prepareSkuIdLookup(db: Db): (sku: string) => number | undefined {
  const find = db.prepare('SELECT id FROM skus WHERE sku = ?').pluck();
  return (sku) => find.get(sku) as number | undefined;
}

/** Deletes a SKU unless a kit uses it as a component (an import's parent-row placeholder). */
export function prepareUnusedSkuDelete(db: Db): (skuId: number) => boolean {
  const del = db.prepare('DELETE FROM skus WHERE id = ? AND NOT EXISTS (SELECT 1 FROM kit_components WHERE component_sku_id = ?)');
  return (skuId) => del.run(skuId, skuId).changes > 0;
}

const SKU_FIELDS = ['gtin', 'gtin_exempt', 'gtin_status', 'price_cents', 'sale_price_cents', 'stock', 'weight_g', 'length_mm', 'width_mm', 'height_mm', 'active'] as const;
const PARAM: Record<(typeof SKU_FIELDS)[number], string> = {
  gtin: '@gtin',
  gtin_exempt: '@gtinExempt',
  gtin_status: '@gtinStatus',
  price_cents: '@priceCents',
  sale_price_cents: '@salePriceCents',
  stock: '@stock',
  weight_g: '@weightG',
  length_mm: '@lengthMm',
  width_mm: '@widthMm',
  height_mm: '@heightMm',
  active: '@active',
};

/** Prepared upsert by SKU code for imports; identical rows are left untouched ('unchanged'). */
export function prepareSkuUpsert(db: Db): (s: SkuUpsert) => { id: number; outcome: WriteOutcome } {
  const find = db.prepare('SELECT id FROM skus WHERE sku = ?').pluck();
  const insert = prepareNamedAsPositional(
    db,
    `INSERT INTO skus (sku, product_id, ${SKU_FIELDS.join(', ')}, variation)
     VALUES (@sku, @productId, @gtin, COALESCE(@gtinExempt, 0), COALESCE(@gtinStatus, 'missing'), @priceCents, @salePriceCents,
       COALESCE(@stock, 0), @weightG, @lengthMm, @widthMm, @heightMm, COALESCE(@active, 1), COALESCE(@variation, '{}'))`,
  );
  const sets = SKU_FIELDS.map((f) => `${f} = COALESCE(${PARAM[f]}, ${f})`).join(', ');
  const diffs = SKU_FIELDS.map((f) => `COALESCE(${PARAM[f]}, ${f}) IS NOT ${f}`).join(' OR ');
  const mergedVariation = `CASE WHEN @variation IS NULL THEN variation ELSE json_patch(variation, @variation) END`;
  const update = prepareNamedAsPositional(
    db,
    `UPDATE skus SET product_id = @productId, ${sets}, variation = ${mergedVariation},
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
     WHERE id = @id AND (product_id IS NOT @productId OR ${diffs} OR ${mergedVariation} IS NOT variation)`,
  );
  return (s) => {
    const params: Record<string, unknown> = {
      sku: s.sku,
      productId: s.productId,
      gtin: s.gtin,
      gtinExempt: s.gtinExempt === null ? null : Number(s.gtinExempt),
      gtinStatus: s.gtinStatus,
      priceCents: s.priceCents,
      salePriceCents: s.salePriceCents,
      stock: s.stock,
      weightG: s.weightG,
      lengthMm: s.lengthMm,
      widthMm: s.widthMm,
      heightMm: s.heightMm,
      active: s.active === null ? null : Number(s.active),
      variation: s.variation && Object.keys(s.variation).length ? JSON.stringify(s.variation) : null,
    };
    const id = find.get(s.sku) as number | undefined;
    if (id === undefined) return { id: Number(insert.run(params).lastInsertRowid), outcome: 'inserted' };
    params.id = id;
    return { id, outcome: update.run(params).changes > 0 ? 'updated' : 'unchanged' };
  };
}

/** One SKU with its product's fields, as an export writes it. */
export interface SkuExportRow {
  readonly sku: string;
  readonly productKey: string;
  /** How many SKUs share the product: a lone SKU whose key is itself has no parent column. */
  readonly siblings: number;
  readonly title: string;
  readonly description: string | null;
  readonly brand: string | null;
  readonly manufacturer: string | null;
  readonly bulletPoints: string;
  readonly imageUrls: string;
  readonly categoryPath: string | null;
  readonly characteristics: string;
  readonly gtin: string | null;
  readonly gtinExempt: number;
  readonly priceCents: number | null;
  readonly salePriceCents: number | null;
  readonly stock: number;
  readonly weightG: number | null;
  readonly lengthMm: number | null;
  readonly widthMm: number | null;
  readonly heightMm: number | null;
  readonly variation: string;
  readonly active: number;
  /** "SKU-A x2; SKU-B x1" for a kit, else null. */
  readonly kit: string | null;
}

/**
 * Streams every SKU in product order without loading the catalog in memory. Components come
 * before the kits that use them only by chance, so imports resolve kits after all other rows.
 */
export function iterateSkusForExport(db: Db): IterableIterator<SkuExportRow> {
  return db
    .prepare(
      `SELECT s.sku, p.key AS productKey, (SELECT COUNT(*) FROM skus x WHERE x.product_id = p.id) AS siblings,
         p.title, p.description, p.brand, p.manufacturer, p.bullet_points AS bulletPoints, p.image_urls AS imageUrls,
         c.path AS categoryPath,
         (SELECT json_group_object(ch.name, pc.value) FROM product_characteristics pc
            JOIN characteristics ch ON ch.id = pc.characteristic_id WHERE pc.product_id = p.id) AS characteristics,
         s.gtin, s.gtin_exempt AS gtinExempt, s.price_cents AS priceCents, s.sale_price_cents AS salePriceCents,
         ${EFFECTIVE_STOCK_SQL} AS stock, s.weight_g AS weightG, s.length_mm AS lengthMm, s.width_mm AS widthMm,
         s.height_mm AS heightMm, s.variation, s.active,
         (SELECT group_concat(cs.sku || ' x' || kc.quantity, '; ') FROM kit_components kc
            JOIN skus cs ON cs.id = kc.component_sku_id WHERE kc.kit_sku_id = s.id) AS kit
       FROM skus s JOIN products p ON p.id = s.product_id LEFT JOIN categories c ON c.id = p.category_id
       ORDER BY p.id, s.id`,
    )
    .iterate() as IterableIterator<SkuExportRow>;
}

/** The export's dynamic columns: characteristic and variation names, and list widths. */
export function exportShape(db: Db): { characteristics: string[]; variations: string[]; bullets: number; images: number } {
  const characteristics = db
    .prepare('SELECT name FROM characteristics c WHERE EXISTS (SELECT 1 FROM product_characteristics pc WHERE pc.characteristic_id = c.id) ORDER BY name COLLATE NOCASE')
    .pluck()
    .all() as string[];
  const variations = db.prepare('SELECT DISTINCT j.key FROM skus, json_each(skus.variation) j ORDER BY 1').pluck().all() as string[];
  const widths = db
    .prepare('SELECT COALESCE(MAX(json_array_length(bullet_points)), 0) AS bullets, COALESCE(MAX(json_array_length(image_urls)), 0) AS images FROM products')
    .get() as { bullets: number; images: number };
  return { characteristics, variations, ...widths };
}
