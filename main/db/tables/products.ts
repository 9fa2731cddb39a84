import type { CatalogMatchView, ProductAmazonStatus } from '../../../preload/contract/catalog';
import { prepareNamedAsPositional, timed, type Db } from '../connection';
import { updateEditedFields } from './field-edits';
import { catalogMatchesOf, type CatalogMatch } from './catalog-matches';
import { PRODUCT_HAS_GTIN_PROBLEM_SQL, SKU_GTIN_INVALID_SQL, SKU_GTIN_MISSING_SQL } from './import-gtin-facts';
import {
  AMAZON_STATUS_RANK_SQL,
  amazonScopeParams,
  amazonStatusFilterSql,
  amazonStatusOfRank,
  amazonStatusRank,
  type AmazonScope,
} from './product-amazon-status';

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

/** A product (a variation family) as the catalog holds it: the one domain shape; the rows below derive from it. */
export interface Product {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly description: string | null;
  readonly brand: string | null;
  readonly manufacturer: string | null;
  readonly bulletPoints: readonly string[];
  readonly imageUrls: readonly string[];
  readonly categoryId: number | null;
  readonly categoryPath: string | null;
  readonly updatedAt: string;
}

/** The product content a spreadsheet row states. */
export type ProductFact = 'title' | 'description' | 'brand' | 'manufacturer' | 'bulletPoints' | 'imageUrls' | 'categoryId';

/**
 * What an import knows about a product. `null` means "the file says nothing": the stored value
 * stays, so a sheet with only SKU + stock updates stock without wiping titles.
 */
export type ProductUpsert = Readonly<Pick<Product, 'key'> & { [K in ProductFact]: Product[K] | null }>;

/** A product's columns as SQLite answers them under the domain's names: lists as JSON text. */
type ProductColumns = Readonly<Omit<Product, 'bulletPoints' | 'imageUrls'> & { bulletPoints: string; imageUrls: string }>;

function toProduct(row: ProductColumns): Product {
  return { ...row, bulletPoints: JSON.parse(row.bulletPoints) as string[], imageUrls: JSON.parse(row.imageUrls) as string[] };
}

export function getProduct(db: Db, id: number): Product | undefined {
  const row = db
    .prepare(
      `SELECT p.id, p.key, p.title, p.description, p.brand, p.manufacturer, p.bullet_points AS bulletPoints, p.image_urls AS imageUrls,
         p.category_id AS categoryId, c.path AS categoryPath, p.updated_at AS updatedAt
       FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?`,
    )
    .get(id) as ProductColumns | undefined;
  return row ? toProduct(row) : undefined;
}

export function getProductIdByKey(db: Db, key: string): number | undefined {
  return db.prepare('SELECT id FROM products WHERE key = ?').pluck().get(key) as number | undefined;
}

/** A product's stored fields as an import compares them (lists as their stored JSON). */
/** The stored content an import compares a row with (lists as JSON text). */
export type ProductContent = Pick<ProductColumns, 'id' | ProductFact>;

export interface ProductWriter {
  find(key: string): ProductContent | undefined;
  /** Inserts a new product (the caller checked it has a title) and answers its id. */
  insert(p: ProductUpsert & { readonly title: string }): number;
  /** COALESCE update: `null` fields keep the stored value. Answers whether anything changed. */
  update(id: number, p: ProductUpsert): boolean;
  /** Bumps updated_at after a change stored elsewhere (the product's characteristics). */
  touch(id: number): void;
}

/** Prepared product statements for imports (one set per import, reused for every row). */
export function prepareProductWriter(db: Db): ProductWriter {
  const find = db.prepare(
    `SELECT id, title, description, brand, manufacturer, bullet_points AS bulletPoints, image_urls AS imageUrls, category_id AS categoryId
     FROM products WHERE key = ?`,
  );
  const insert = prepareNamedAsPositional(
    db,
    `INSERT INTO products (key, title, description, brand, manufacturer, bullet_points, image_urls, category_id)
     VALUES (@key, @title, @description, @brand, @manufacturer, COALESCE(@bullets, '[]'), COALESCE(@images, '[]'), @categoryId)`,
  );
  // The WHERE skips identical rows, so re-importing an export neither bumps updated_at nor
  // rewrites the FTS index.
  const update = prepareNamedAsPositional(
    db,
    `UPDATE products SET
       title = COALESCE(@title, title), description = COALESCE(@description, description),
       brand = COALESCE(@brand, brand), manufacturer = COALESCE(@manufacturer, manufacturer),
       bullet_points = COALESCE(@bullets, bullet_points), image_urls = COALESCE(@images, image_urls),
       category_id = COALESCE(@categoryId, category_id),
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
     WHERE id = @id AND (
       COALESCE(@title, title) IS NOT title OR COALESCE(@description, description) IS NOT description OR
       COALESCE(@brand, brand) IS NOT brand OR COALESCE(@manufacturer, manufacturer) IS NOT manufacturer OR
       COALESCE(@bullets, bullet_points) IS NOT bullet_points OR COALESCE(@images, image_urls) IS NOT image_urls OR
       COALESCE(@categoryId, category_id) IS NOT category_id)`,
  );
  const touch = db.prepare(`UPDATE products SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`);
  const params = (p: ProductUpsert): Record<string, unknown> => ({
    key: p.key,
    title: p.title,
    description: p.description,
    brand: p.brand,
    manufacturer: p.manufacturer,
    bullets: p.bulletPoints ? JSON.stringify(p.bulletPoints) : null,
    images: p.imageUrls ? JSON.stringify(p.imageUrls) : null,
    categoryId: p.categoryId,
  });
  return {
    find: (key) => find.get(key) as ProductContent | undefined,
    insert: (p) => Number(insert.run(params(p)).lastInsertRowid),
    update: (id, p) => update.run({ ...params(p), id }).changes > 0,
    touch: (id) => void touch.run(id),
  };
}

/**
 * Prepared upsert by product key; answers the id and whether anything changed, or undefined when
 * the product is new and has no title (a product cannot exist without one).
 */
export function prepareProductUpsert(db: Db): (p: ProductUpsert) => { id: number; outcome: WriteOutcome } | undefined {
  const writer = prepareProductWriter(db);
  return (p) => {
    const existing = writer.find(p.key);
    if (existing === undefined) {
      if (p.title === null) return undefined;
      return { id: writer.insert({ ...p, title: p.title }), outcome: 'inserted' };
    }
    return { id: existing.id, outcome: writer.update(existing.id, p) ? 'updated' : 'unchanged' };
  };
}

/** Fields the seller edits on the product screen; each given one is set as is (null clears it). */
export interface ProductFieldEdit {
  readonly title?: string;
  readonly description?: string | null;
  readonly brand?: string | null;
  readonly manufacturer?: string | null;
}

const PRODUCT_EDIT_COLUMNS = { title: 'title', description: 'description', brand: 'brand', manufacturer: 'manufacturer' } as const;

/** Bumps updated_at after a change stored elsewhere (the product's characteristics). */
export function touchProduct(db: Db, productId: number): void {
  db.prepare(`UPDATE products SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`).run(productId);
}

/** Sets the given fields; updated_at moves only when a value really changed. Answers whether one did. */
export function updateProductFields(db: Db, productId: number, edit: ProductFieldEdit): boolean {
  return updateEditedFields(db, 'products', PRODUCT_EDIT_COLUMNS, productId, edit);
}

/**
 * Bulk writers (imports) call this right after BEGIN: products they create are left out of the
 * search index until `indexDeferredProducts`, which must run before the same transaction commits.
 */
export function deferProductIndexing(db: Db): void {
  db.prepare(
    `INSERT INTO catalog_state (key, value) VALUES ('fts_deferred_after', (SELECT COALESCE(MAX(id), 0) FROM products))
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run();
}

/** Products per statement of the import's last steps: a few tens of milliseconds each. */
const PRODUCTS_PER_STATEMENT = 5000;
const PAST_LAST_PRODUCT = Number.MAX_SAFE_INTEGER;

/**
 * The ranges (after, upto] of product ids after `after`, `size` products each, the last one open
 * ended; each bound is read when the range before it is done, so rows written meanwhile count.
 */
function* productRanges(db: Db, after: number, size: number): Generator<readonly [number, number]> {
  const bound = db.prepare('SELECT id FROM products WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
  let from = after;
  for (;;) {
    const upto = (bound.get(from, size - 1) as number | undefined) ?? PAST_LAST_PRODUCT;
    yield [from, upto];
    if (upto === PAST_LAST_PRODUCT) return;
    from = upto;
  }
}

/**
 * Indexes every product created since `deferProductIndexing`, a range of products per statement
 * (the generator stops after each, so the caller can give the thread up; all inside the caller's
 * transaction), and ends deferral.
 */
export function* indexDeferredProducts(db: Db, perStatement = PRODUCTS_PER_STATEMENT): Generator<void> {
  const after = db.prepare("SELECT value FROM catalog_state WHERE key = 'fts_deferred_after'").pluck().get() as number | undefined;
  if (after === undefined) return;
  const index = db.prepare('INSERT INTO products_fts (rowid, title, brand) SELECT id, title, brand FROM products WHERE id > ? AND id <= ?');
  for (const [from, upto] of productRanges(db, after, perStatement)) {
    index.run(from, upto);
    yield;
  }
  db.prepare("DELETE FROM catalog_state WHERE key = 'fts_deferred_after'").run();
}

/**
 * Products left without SKUs (their SKUs moved to another parent) are removed, a range of products
 * per statement (the generator stops after each; run it inside one transaction). Returns how many.
 */
export function* deleteProductsWithoutSkus(db: Db, perStatement = PRODUCTS_PER_STATEMENT): Generator<void, number> {
  const remove = db.prepare('DELETE FROM products WHERE id > ? AND id <= ? AND NOT EXISTS (SELECT 1 FROM skus s WHERE s.product_id = products.id)');
  let deleted = 0;
  for (const [from, upto] of productRanges(db, 0, perStatement)) {
    deleted += remove.run(from, upto).changes;
    yield;
  }
  return deleted;
}

export type GtinFilter = 'valid' | 'invalid' | 'missing' | 'exempt' | 'problem';
export type StockFilter = 'in-stock' | 'out-of-stock';

/** What narrows the product list: the same words mean the same products on every screen. */
export interface ProductFilter {
  readonly search?: string | undefined;
  readonly categoryId?: number | undefined;
  readonly gtinStatus?: GtinFilter | undefined;
  readonly stock?: StockFilter | undefined;
  /** The header's account and marketplace, and optionally one Amazon status there. */
  readonly amazon?: (AmazonScope & { readonly status?: ProductAmazonStatus | undefined }) | undefined;
}

export interface ProductListQuery extends ProductFilter {
  readonly offset: number;
  readonly limit: number;
}

export interface ProductListItem {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly brand: string | null;
  readonly categoryPath: string | null;
  readonly skuCount: number;
  readonly firstSku: string;
  readonly stock: number;
  readonly minPriceCents: number | null;
  readonly maxPriceCents: number | null;
  /** SKUs whose code the send's GTIN verdict refuses (missing, invalid, or shared with another SKU; not exempt). */
  readonly gtinProblems: number;
  readonly imageUrl: string | null;
  readonly singleSkuId: number | null;
  readonly singleSkuIsKit: boolean;
  /** null without an account and marketplace in the query. */
  readonly amazonStatus: ProductAmazonStatus | null;
  readonly amazonMatch: CatalogMatchView | null;
}

interface ListRow {
  id: number;
  key: string;
  title: string;
  brand: string | null;
  category_path: string | null;
  sku_count: number;
  first_sku: string;
  stock: number;
  min_price: number | null;
  max_price: number | null;
  gtin_problems: number;
  image_url: string | null;
  sku_ids: string;
  single_is_kit: number;
  amazon_rank: number | null;
}

/**
 * Turns what a seller types into an FTS5 query: each word becomes a quoted prefix term, so
 * punctuation can never be read as FTS syntax ("camiseta p/m" → "camiseta"* "p"* "m"*).
 */
export function ftsQuery(search: string): string | undefined {
  const words = search.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : undefined;
}

/**
 * The filter as SQL over `products p`: a `WHERE …` (or nothing) and its named parameters. Other
 * tables' modules embed it (`… IN (SELECT p.id FROM products p ${where})`) so "the products on
 * screen" is written once.
 */
export function productFilterSql(q: ProductFilter): { readonly where: string; readonly params: Readonly<Record<string, unknown>> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const match = q.search ? ftsQuery(q.search) : undefined;
  if (q.search && q.search.trim()) {
    // A search finds words of titles and brands, or an exact SKU or GTIN (both indexed).
    params.exact = q.search.trim();
    params.match = match ?? '""';
    clauses.push(
      `(p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH @match)
        OR p.id IN (SELECT product_id FROM skus WHERE sku = @exact)
        OR p.id IN (SELECT product_id FROM skus WHERE gtin = @exact))`,
    );
  }
  if (q.categoryId !== undefined) {
    params.categoryId = q.categoryId;
    clauses.push('p.category_id = @categoryId');
  }
  if (q.gtinStatus === 'problem') clauses.push(PRODUCT_HAS_GTIN_PROBLEM_SQL);
  else if (q.gtinStatus) {
    params.gtinStatus = q.gtinStatus;
    clauses.push('p.id IN (SELECT product_id FROM skus WHERE gtin_status = @gtinStatus)');
  }
  if (q.stock === 'in-stock') clauses.push('EXISTS (SELECT 1 FROM skus s WHERE s.product_id = p.id AND s.stock > 0)');
  if (q.stock === 'out-of-stock') clauses.push('NOT EXISTS (SELECT 1 FROM skus s WHERE s.product_id = p.id AND s.stock > 0)');
  if (q.amazon?.status) {
    Object.assign(params, amazonScopeParams(q.amazon), { amzRank: amazonStatusRank(q.amazon.status) });
    clauses.push(amazonStatusFilterSql(q.amazon.status));
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Every product id matching the filter, in id order, read once: a bulk action walks this snapshot
 * in chunks instead of re-running the filter per chunk (a word search cannot take an id range
 * into its OR branches, so each chunk would re-sort every match). 100k ids is under a megabyte.
 */
export function filteredProductIds(db: Db, q: ProductFilter): number[] {
  const { where, params } = productFilterSql(q);
  return timed('filteredProductIds', () => db.prepare(`SELECT p.id FROM products p ${where} ORDER BY p.id`).pluck().all(params) as number[]);
}

function skuCodesOf(db: Db, skuIds: readonly number[]): Map<number, string> {
  const stmt = db.prepare('SELECT sku FROM skus WHERE id = ?').pluck();
  return new Map(skuIds.map((id) => [id, stmt.get(id) as string]));
}

function firstMatch(skuIds: readonly number[], matches: ReadonlyMap<number, CatalogMatch>, codes: ReadonlyMap<number, string>): CatalogMatchView | null {
  for (const id of skuIds) {
    const m = matches.get(id);
    if (m?.outcome === 'matched' && m.asin) return { sku: codes.get(id) ?? '', asin: m.asin, title: m.title };
  }
  return null;
}

/** One page of products for the virtualized list, plus the filtered total for its scrollbar. */
export function listProducts(db: Db, q: ProductListQuery): { total: number; items: ProductListItem[] } {
  const { where: sql, params: filterParams } = productFilterSql(q);
  const params = q.amazon ? { ...filterParams, ...amazonScopeParams(q.amazon) } : filterParams;
  return timed('listProducts', () => {
    const total = db.prepare(`SELECT COUNT(*) FROM products p ${sql}`).pluck().get(filterParams) as number;
    const rows = db
      .prepare(
        `SELECT p.id, p.key, p.title, p.brand, c.path AS category_path,
           json_extract(p.image_urls, '$[0]') AS image_url,
           agg.sku_count, agg.first_sku, agg.stock, agg.min_price, agg.max_price, agg.gtin_problems, agg.sku_ids,
           agg.sku_count = 1 AND EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_sku_id = agg.min_id) AS single_is_kit,
           ${q.amazon ? AMAZON_STATUS_RANK_SQL : 'NULL'} AS amazon_rank
         FROM products p
         LEFT JOIN categories c ON c.id = p.category_id
         JOIN (SELECT product_id, COUNT(*) AS sku_count, MIN(sku) AS first_sku, SUM(stock) AS stock,
                 MIN(price_cents) AS min_price, MAX(price_cents) AS max_price,
                 SUM(${SKU_GTIN_MISSING_SQL} OR ${SKU_GTIN_INVALID_SQL}) AS gtin_problems, group_concat(id) AS sku_ids, MIN(id) AS min_id
               FROM skus s WHERE product_id IN (SELECT p.id FROM products p ${sql} ORDER BY p.id LIMIT @limit OFFSET @offset)
               GROUP BY product_id) agg ON agg.product_id = p.id
         ORDER BY p.id`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as ListRow[];
    const skuIds = rows.map((r) =>
      r.sku_ids
        .split(',')
        .map(Number)
        .sort((a, b) => a - b),
    );
    const matches = catalogMatchesOf(db, skuIds.flat(), q.amazon?.marketplaceId);
    const skuCodes = skuCodesOf(db, [...matches.keys()]);
    const items = rows.map((r, i) => ({
      id: r.id,
      key: r.key,
      title: r.title,
      brand: r.brand,
      categoryPath: r.category_path,
      skuCount: r.sku_count,
      firstSku: r.first_sku,
      stock: r.stock,
      minPriceCents: r.min_price,
      maxPriceCents: r.max_price,
      gtinProblems: r.gtin_problems,
      imageUrl: r.image_url,
      singleSkuId: r.sku_count === 1 ? (skuIds[i]?.[0] ?? null) : null,
      singleSkuIsKit: r.single_is_kit === 1,
      amazonStatus: r.amazon_rank === null ? null : amazonStatusOfRank(r.amazon_rank),
      amazonMatch: firstMatch(skuIds[i] ?? [], matches, skuCodes),
    }));
    return { total, items };
  });
}
