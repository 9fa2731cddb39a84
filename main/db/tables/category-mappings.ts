import type { Db } from '../connection';

export interface CategoryMapping {
  readonly categoryId: number;
  readonly marketplaceId: string;
  readonly productType: string;
  /** Amazon variation theme (`COLOR/SIZE`) for the variation families of this category. */
  readonly variationTheme: string | null;
  readonly updatedAt: number;
}

interface Row {
  category_id: number;
  marketplace_id: string;
  product_type: string;
  variation_theme: string | null;
  updated_at: number;
}

const toMapping = (r: Row): CategoryMapping => ({
  categoryId: r.category_id,
  marketplaceId: r.marketplace_id,
  productType: r.product_type,
  variationTheme: r.variation_theme,
  updatedAt: r.updated_at,
});

/** The mappings set directly on categories (not inherited ones) for one marketplace. */
export function listCategoryMappings(db: Db, marketplaceId: string): CategoryMapping[] {
  return (db.prepare('SELECT * FROM category_mappings WHERE marketplace_id = ?').all(marketplaceId) as Row[]).map(toMapping);
}

export function setCategoryMapping(db: Db, m: Omit<CategoryMapping, 'updatedAt'>, now: number): void {
  db.prepare(
    `INSERT INTO category_mappings (category_id, marketplace_id, product_type, variation_theme, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (category_id, marketplace_id) DO UPDATE SET product_type = excluded.product_type,
       variation_theme = excluded.variation_theme, updated_at = excluded.updated_at`,
  ).run(m.categoryId, m.marketplaceId, m.productType, m.variationTheme, now);
}

/** Removes a category's own mapping; it then inherits its parent's again. */
export function removeCategoryMapping(db: Db, categoryId: number, marketplaceId: string): boolean {
  return db.prepare('DELETE FROM category_mappings WHERE category_id = ? AND marketplace_id = ?').run(categoryId, marketplaceId).changes > 0;
}

/** Product types any category uses in a marketplace, for the characteristics screen. */
export function mappedProductTypes(db: Db, marketplaceId: string): string[] {
  return db.prepare('SELECT DISTINCT product_type FROM category_mappings WHERE marketplace_id = ? ORDER BY 1').pluck().all(marketplaceId) as string[];
}

/** Product counts per category (own products only), for the unmapped list's ordering. */
export function productCountsByCategory(db: Db): Map<number, number> {
  const rows = db.prepare('SELECT category_id AS id, COUNT(*) AS n FROM products WHERE category_id IS NOT NULL GROUP BY category_id').all() as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** A few product titles of a category, as hints for Amazon's title-based product type search. */
export function sampleTitles(db: Db, categoryId: number, limit: number): string[] {
  return db.prepare("SELECT title FROM products WHERE category_id = ? AND title <> '' ORDER BY id LIMIT ?").pluck().all(categoryId, limit) as string[];
}

/**
 * A fingerprint of everything a send builds from in one marketplace's mappings: category →
 * product type (and the category tree it is inherited down), attribute mappings with their
 * value maps, units and defaults, and the cached schema versions. Part of the send stamp, so
 * editing a mapping re-plans the SKUs (only changed payloads are then sent). One small query.
 */
export function mappingStateOf(db: Db, marketplaceId: string): string {
  const row = db
    .prepare(
      `SELECT
         (SELECT group_concat(x, ';') FROM (SELECT category_id || ':' || product_type || ':' || COALESCE(variation_theme, '') AS x
            FROM category_mappings WHERE marketplace_id = :m ORDER BY category_id)) AS categories,
         (SELECT group_concat(x, ';') FROM (SELECT json_array(product_type, attribute, characteristic, value_map, unit, default_value) AS x
            FROM attribute_mappings WHERE marketplace_id = :m ORDER BY product_type, attribute)) AS attributes,
         (SELECT group_concat(x, ';') FROM (SELECT id || ':' || COALESCE(parent_id, '') AS x FROM categories ORDER BY id)) AS tree,
         (SELECT group_concat(x, ';') FROM (SELECT product_type || ':' || locale || ':' || version AS x
            FROM product_type_schemas WHERE marketplace_id = :m ORDER BY product_type, locale)) AS schemas`,
    )
    .get({ m: marketplaceId }) as Record<string, string | null>;
  return JSON.stringify([row.categories, row.attributes, row.tree, row.schemas]);
}

/** The variation names ("Cor", "Tamanho") the SKUs of these categories' products use, each once. */
export function variationNamesOf(db: Db, categoryIds: readonly number[]): string[] {
  return db
    .prepare(
      `SELECT DISTINCT j.key FROM products p JOIN skus s ON s.product_id = p.id, json_each(s.variation) j
       WHERE p.category_id IN (SELECT value FROM json_each(?)) ORDER BY 1`,
    )
    .pluck()
    .all(JSON.stringify(categoryIds)) as string[];
}

/** Ids of the products in these categories (their own products), in id order, at most `limit`. */
export function productIdsInCategories(db: Db, categoryIds: readonly number[], limit: number): number[] {
  return db
    .prepare('SELECT id FROM products WHERE category_id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?')
    .pluck()
    .all(JSON.stringify(categoryIds), limit) as number[];
}

/**
 * The distinct values of one characteristic (or variation attribute) among these categories'
 * products, with how many products have each: what a value map needs to translate, nothing else.
 */
export function characteristicValuesIn(db: Db, name: string, categoryIds: readonly number[], limit: number): { value: string; products: number }[] {
  return db
    .prepare(
      `WITH p AS (SELECT id FROM products WHERE category_id IN (SELECT value FROM json_each(@ids)))
       SELECT value, COUNT(DISTINCT product_id) AS products FROM (
         SELECT pc.value AS value, pc.product_id AS product_id FROM product_characteristics pc
           JOIN characteristics c ON c.id = pc.characteristic_id
           WHERE c.name = @name COLLATE NOCASE AND pc.product_id IN (SELECT id FROM p)
         UNION ALL
         SELECT j.value AS value, s.product_id AS product_id FROM skus s, json_each(s.variation) j
           WHERE j.key = @name AND s.product_id IN (SELECT id FROM p)
       ) WHERE trim(value) <> '' GROUP BY value ORDER BY products DESC, value LIMIT @limit`,
    )
    .all({ name, ids: JSON.stringify(categoryIds), limit }) as { value: string; products: number }[];
}

/** Characteristic and variation names used by these categories' products, most used first. */
export function characteristicNamesIn(db: Db, categoryIds: readonly number[]): string[] {
  return db
    .prepare(
      `WITH p AS (SELECT id FROM products WHERE category_id IN (SELECT value FROM json_each(?)))
       SELECT name FROM (
         SELECT c.name AS name, pc.product_id AS product_id FROM product_characteristics pc JOIN characteristics c ON c.id = pc.characteristic_id
           WHERE pc.product_id IN (SELECT id FROM p)
         UNION ALL
         SELECT j.key AS name, s.product_id AS product_id FROM skus s, json_each(s.variation) j WHERE s.product_id IN (SELECT id FROM p)
       ) GROUP BY name ORDER BY COUNT(DISTINCT product_id) DESC, name`,
    )
    .pluck()
    .all(JSON.stringify(categoryIds)) as string[];
}
