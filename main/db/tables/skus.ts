import { prepareNamedAsPositional, type Db } from '../connection';
import { updateEditedFields } from './field-edits';
import { EFFECTIVE_STOCK_SQL } from './kits';
import type { WriteOutcome } from './products';

export type GtinStatus = 'valid' | 'invalid' | 'missing' | 'exempt';

/**
 * A SKU as the catalog holds it: the one domain shape. The import's input (`SkuUpsert`), the rows
 * SQLite answers (`SkuColumns`) and the send and export rows are derived from it.
 */
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
  /** The SKU's own title, description and images; null: the product's. */
  readonly title: string | null;
  readonly description: string | null;
  readonly imageUrls: readonly string[] | null;
  readonly updatedAt: string;
}

/** A SKU's columns as SQLite answers them under the domain's names: flags as 0/1, JSON as text. */
export type SkuColumns = Readonly<
  Omit<Sku, 'gtinExempt' | 'active' | 'isKit' | 'variation' | 'imageUrls'> & {
    gtinExempt: number;
    active: number;
    isKit: number;
    variation: string;
    imageUrls: string | null;
  }
>;

/** The facts a spreadsheet row states about a SKU. */
export type SkuFact =
  'gtin' | 'gtinExempt' | 'gtinStatus' | 'priceCents' | 'salePriceCents' | 'stock' | 'weightG' | 'lengthMm' | 'widthMm' | 'heightMm' | 'active';

/** What an import knows about one SKU; `null` keeps the stored value (see ProductUpsert). */
export type SkuUpsert = Readonly<
  Pick<Sku, 'sku' | 'productId'> & { [K in SkuFact]: Sku[K] | null } & {
    /** Variation attributes (Cor → Azul) merged over the stored ones. */
    variation: Sku['variation'] | null;
    /**
     * The SKU's own content where it differs from its product's: `undefined` keeps what is stored,
     * `null` means "same as the product" (clears an own value), a value is the SKU's own.
     */
    title?: string | null | undefined;
    description?: string | null | undefined;
    imageUrls?: readonly string[] | null | undefined;
  }
>;

function toSku(r: SkuColumns): Sku {
  return {
    ...r,
    gtinExempt: r.gtinExempt === 1,
    variation: JSON.parse(r.variation) as Record<string, string>,
    active: r.active === 1,
    isKit: r.isKit === 1,
    imageUrls: r.imageUrls === null ? null : (JSON.parse(r.imageUrls) as string[]),
  };
}

const SELECT_SKU = `SELECT s.id, s.product_id AS productId, s.sku, s.gtin, s.gtin_exempt AS gtinExempt, s.gtin_status AS gtinStatus,
  s.price_cents AS priceCents, s.sale_price_cents AS salePriceCents, ${EFFECTIVE_STOCK_SQL} AS stock, s.weight_g AS weightG,
  s.length_mm AS lengthMm, s.width_mm AS widthMm, s.height_mm AS heightMm, s.variation, s.active, s.asin,
  EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_sku_id = s.id) AS isKit, s.title, s.description, s.image_urls AS imageUrls,
  s.updated_at AS updatedAt FROM skus s`;

export function getSkuById(db: Db, id: number): Sku | undefined {
  const row = db.prepare(`${SELECT_SKU} WHERE s.id = ?`).get(id) as SkuColumns | undefined;
  return row ? toSku(row) : undefined;
}

export function getSkuByCode(db: Db, sku: string): Sku | undefined {
  const row = db.prepare(`${SELECT_SKU} WHERE s.sku = ?`).get(sku) as SkuColumns | undefined;
  return row ? toSku(row) : undefined;
}

export function listSkusOfProduct(db: Db, productId: number): Sku[] {
  return (db.prepare(`${SELECT_SKU} WHERE s.product_id = ? ORDER BY s.sku`).all(productId) as SkuColumns[]).map(toSku);
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

const SKU_FIELDS = [
  'gtin',
  'gtin_exempt',
  'gtin_status',
  'price_cents',
  'sale_price_cents',
  'stock',
  'weight_g',
  'length_mm',
  'width_mm',
  'height_mm',
  'active',
] as const;
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
    `INSERT INTO skus (sku, product_id, ${SKU_FIELDS.join(', ')}, variation, title, description, image_urls)
     VALUES (@sku, @productId, @gtin, COALESCE(@gtinExempt, 0), COALESCE(@gtinStatus, 'missing'), @priceCents, @salePriceCents,
       COALESCE(@stock, 0), @weightG, @lengthMm, @widthMm, @heightMm, COALESCE(@active, 1), COALESCE(@variation, '{}'), @title, @description, @images)`,
  );
  const sets = SKU_FIELDS.map((f) => `${f} = COALESCE(${PARAM[f]}, ${f})`).join(', ');
  const diffs = SKU_FIELDS.map((f) => `COALESCE(${PARAM[f]}, ${f}) IS NOT ${f}`).join(' OR ');
  const mergedVariation = `CASE WHEN @variation IS NULL THEN variation ELSE json_patch(variation, @variation) END`;
  // Own content is set (to a value or to NULL, "same as the product") only when the caller says so.
  const own = (column: string, param: string) => `CASE WHEN @${param}Set THEN @${param} ELSE ${column} END`;
  const ownSets = `title = ${own('title', 'title')}, description = ${own('description', 'description')}, image_urls = ${own('image_urls', 'images')}`;
  const ownDiffs = `${own('title', 'title')} IS NOT title OR ${own('description', 'description')} IS NOT description OR ${own('image_urls', 'images')} IS NOT image_urls`;
  const update = prepareNamedAsPositional(
    db,
    `UPDATE skus SET product_id = @productId, ${sets}, variation = ${mergedVariation}, ${ownSets},
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
     WHERE id = @id AND (product_id IS NOT @productId OR ${diffs} OR ${mergedVariation} IS NOT variation OR ${ownDiffs})`,
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
      titleSet: s.title === undefined ? 0 : 1,
      title: s.title ?? null,
      descriptionSet: s.description === undefined ? 0 : 1,
      description: s.description ?? null,
      imagesSet: s.imageUrls === undefined ? 0 : 1,
      images: s.imageUrls ? JSON.stringify(s.imageUrls) : null,
    };
    const id = find.get(s.sku) as number | undefined;
    if (id === undefined) return { id: Number(insert.run(params).lastInsertRowid), outcome: 'inserted' };
    params.id = id;
    return { id, outcome: update.run(params).changes > 0 ? 'updated' : 'unchanged' };
  };
}

/** Fields the seller edits for one SKU; each given one is set as is (null clears it, or means "same as the product"). */
export interface SkuFieldEdit {
  readonly gtin?: string | null;
  readonly gtinStatus?: GtinStatus;
  readonly priceCents?: number;
  readonly salePriceCents?: number | null;
  readonly stock?: number;
  readonly title?: string | null;
  readonly description?: string | null;
}

const SKU_EDIT_COLUMNS = {
  gtin: 'gtin',
  gtinStatus: 'gtin_status',
  priceCents: 'price_cents',
  salePriceCents: 'sale_price_cents',
  stock: 'stock',
  title: 'title',
  description: 'description',
} as const;

/** Sets the given fields; updated_at (the send engine's stamp) moves only when a value really changed. */
export function updateSkuFields(db: Db, skuId: number, edit: SkuFieldEdit): boolean {
  return updateEditedFields(db, 'skus', SKU_EDIT_COLUMNS, skuId, edit);
}

/** Bumps a SKU's updated_at (the send engine's stamp) after a change stored elsewhere (its own characteristics). */
export function prepareSkuTouch(db: Db): (skuId: number) => void {
  const touch = db.prepare(`UPDATE skus SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`);
  return (skuId) => void touch.run(skuId);
}

export function prepareSkuCountOfProduct(db: Db): (productId: number) => number {
  const count = db.prepare('SELECT COUNT(*) FROM skus WHERE product_id = ?').pluck();
  return (productId) => count.get(productId) as number;
}

/** A SKU's own content (null where it is the product's), images as stored JSON. */
export function prepareSkuOwnContent(db: Db): (skuId: number) => { title: string | null; description: string | null; imageUrls: string | null } | undefined {
  const get = db.prepare('SELECT title, description, image_urls AS imageUrls FROM skus WHERE id = ?');
  return (skuId) => get.get(skuId) as { title: string | null; description: string | null; imageUrls: string | null } | undefined;
}

/** A family's content as the product holds it (images as stored JSON, characteristics by id). */
export interface FamilyContent {
  readonly title: string;
  readonly description: string | null;
  readonly imageUrls: string;
  readonly characteristics: ReadonlyMap<number, string>;
}

/**
 * After a product's content changed from `before` to `after`: the SKUs listed in `keep` (written
 * by the same import, their own words already compared with `before`) get `before` stored as
 * their own where they followed the product, so what they are sold with does not move; then
 * every SKU of the product drops own values equal to `after`. Other SKUs keep following the product.
 */
export function prepareFamilyNormalizer(db: Db): (productId: number, before: FamilyContent, after: FamilyContent, keep: readonly number[]) => void {
  const column = (name: 'title' | 'description' | 'image_urls') =>
    db.prepare(
      `UPDATE skus SET ${name} = NULLIF(COALESCE(${name}, CASE WHEN id IN (SELECT value FROM json_each(@keep)) THEN @before END), @after)
       WHERE product_id = @productId AND ${name} IS NOT NULLIF(COALESCE(${name}, CASE WHEN id IN (SELECT value FROM json_each(@keep)) THEN @before END), @after)`,
    );
  const columns = { title: column('title'), description: column('description'), image_urls: column('image_urls') };
  const keepValue = db.prepare(
    `INSERT INTO sku_characteristics (sku_id, characteristic_id, value)
     SELECT j.value, @characteristicId, @before FROM json_each(@keep) j JOIN skus s ON s.id = j.value AND s.product_id = @productId
     WHERE true ON CONFLICT (sku_id, characteristic_id) DO NOTHING`,
  );
  const dropSame = db.prepare(
    `DELETE FROM sku_characteristics WHERE characteristic_id = @characteristicId AND value = @after
       AND sku_id IN (SELECT id FROM skus WHERE product_id = @productId)`,
  );
  return (productId, before, after, keep) => {
    const keepJson = JSON.stringify(keep);
    const pairs = [
      ['title', before.title, after.title],
      ['description', before.description, after.description],
      ['image_urls', before.imageUrls, after.imageUrls],
    ] as const;
    for (const [name, was, now] of pairs) {
      if (was !== now) columns[name].run({ productId, keep: keepJson, before: was, after: now });
    }
    for (const [characteristicId, now] of after.characteristics) {
      const was = before.characteristics.get(characteristicId);
      if (was === now) continue;
      if (was !== undefined) keepValue.run({ productId, characteristicId, keep: keepJson, before: was });
      dropSame.run({ productId, characteristicId, after: now });
    }
  };
}

/** The stored columns a send or an export reads of the SKU itself. */
export type SkuSoldColumns = Pick<
  SkuColumns,
  | 'sku'
  | 'productId'
  | 'gtin'
  | 'gtinExempt'
  | 'priceCents'
  | 'salePriceCents'
  | 'stock'
  | 'weightG'
  | 'lengthMm'
  | 'widthMm'
  | 'heightMm'
  | 'variation'
  | 'active'
>;

/** One SKU with what it is sold with (its own content, else its product's), as an export writes it. */
export type SkuExportRow = SkuSoldColumns &
  Readonly<{
    productKey: string;
    /** How many SKUs share the product: a lone SKU whose key is itself has no parent column. */
    siblings: number;
    /** 1 when the product key is one of its SKUs; else the family gets a parent row holding its content. */
    keyIsSku: number;
    title: string;
    description: string | null;
    brand: string | null;
    manufacturer: string | null;
    bulletPoints: string;
    imageUrls: string;
    categoryPath: string | null;
    /** JSON object: the product's characteristics with the SKU's own laid over. */
    characteristics: string;
    /** The product's own content, for the family's parent row. */
    productTitle: string;
    productDescription: string | null;
    productImageUrls: string;
    productCharacteristics: string;
    /** "SKU-A x2; SKU-B x1" for a kit, else null. */
    kit: string | null;
  }>;

const PRODUCT_VALUES_SQL = `(SELECT json_group_object(ch.name, pc.value) FROM product_characteristics pc
  JOIN characteristics ch ON ch.id = pc.characteristic_id WHERE pc.product_id = p.id)`;
const SKU_VALUES_SQL = `(SELECT json_group_object(ch.name, sc.value) FROM sku_characteristics sc
  JOIN characteristics ch ON ch.id = sc.characteristic_id WHERE sc.sku_id = s.id)`;

/**
 * Streams every SKU in product order without loading the catalog in memory, optionally only the
 * products matching a list filter (`where` over `products p`, from productFilterSql). Components
 * come before the kits that use them only by chance, so imports resolve kits after all other rows.
 */
export function iterateSkusForExport(
  db: Db,
  filter: { readonly where: string; readonly params: Readonly<Record<string, unknown>> } = { where: '', params: {} },
): IterableIterator<SkuExportRow> {
  const scope = filter.where ? `WHERE s.product_id IN (SELECT p.id FROM products p ${filter.where})` : '';
  return db
    .prepare(
      `SELECT s.sku, p.id AS productId, p.key AS productKey, (SELECT COUNT(*) FROM skus x WHERE x.product_id = p.id) AS siblings,
         EXISTS (SELECT 1 FROM skus k WHERE k.sku = p.key AND k.product_id = p.id) AS keyIsSku,
         COALESCE(s.title, p.title) AS title, COALESCE(s.description, p.description) AS description,
         p.brand, p.manufacturer, p.bullet_points AS bulletPoints, COALESCE(s.image_urls, p.image_urls) AS imageUrls,
         c.path AS categoryPath,
         json_patch(COALESCE(${PRODUCT_VALUES_SQL}, '{}'), COALESCE(${SKU_VALUES_SQL}, '{}')) AS characteristics,
         p.title AS productTitle, p.description AS productDescription, p.image_urls AS productImageUrls,
         COALESCE(${PRODUCT_VALUES_SQL}, '{}') AS productCharacteristics,
         s.gtin, s.gtin_exempt AS gtinExempt, s.price_cents AS priceCents, s.sale_price_cents AS salePriceCents,
         ${EFFECTIVE_STOCK_SQL} AS stock, s.weight_g AS weightG, s.length_mm AS lengthMm, s.width_mm AS widthMm,
         s.height_mm AS heightMm, s.variation, s.active,
         (SELECT group_concat(cs.sku || ' x' || kc.quantity, '; ') FROM kit_components kc
            JOIN skus cs ON cs.id = kc.component_sku_id WHERE kc.kit_sku_id = s.id) AS kit
       FROM skus s JOIN products p ON p.id = s.product_id LEFT JOIN categories c ON c.id = p.category_id
       ${scope}
       ORDER BY p.id, s.id`,
    )
    .iterate(filter.params) as IterableIterator<SkuExportRow>;
}

/** How many SKUs an export writes (of the products matching the filter, when one is given). */
export function countSkusForExport(
  db: Db,
  filter: { readonly where: string; readonly params: Readonly<Record<string, unknown>> } = { where: '', params: {} },
): number {
  const scope = filter.where ? `WHERE s.product_id IN (SELECT p.id FROM products p ${filter.where})` : '';
  return db.prepare(`SELECT COUNT(*) FROM skus s ${scope}`).pluck().get(filter.params) as number;
}

/** The export's dynamic columns: characteristic and variation names, and list widths. */
export function exportShape(db: Db): { characteristics: string[]; variations: string[]; bullets: number; images: number } {
  const characteristics = db
    .prepare(
      `SELECT name FROM characteristics c WHERE EXISTS (SELECT 1 FROM product_characteristics pc WHERE pc.characteristic_id = c.id)
         OR EXISTS (SELECT 1 FROM sku_characteristics sc WHERE sc.characteristic_id = c.id) ORDER BY name COLLATE NOCASE`,
    )
    .pluck()
    .all() as string[];
  const variations = db.prepare('SELECT DISTINCT j.key FROM skus, json_each(skus.variation) j ORDER BY 1').pluck().all() as string[];
  const widths = db
    .prepare(
      `SELECT COALESCE(MAX(json_array_length(bullet_points)), 0) AS bullets,
         MAX(COALESCE(MAX(json_array_length(image_urls)), 0), COALESCE((SELECT MAX(json_array_length(image_urls)) FROM skus), 0)) AS images FROM products`,
    )
    .get() as { bullets: number; images: number };
  return { characteristics, variations, ...widths };
}
