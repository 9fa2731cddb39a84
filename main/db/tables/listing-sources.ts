import { inflateRawSync } from 'node:zlib';
import type { Db } from '../connection';
import { timed } from '../connection';
import { EFFECTIVE_STOCK_SQL } from './kits';
import type { SelectionScope } from './listing-selections';

/** A product as the listing builder needs it, read in one row (characteristics aggregated). */
export interface SourceProduct {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly description: string | null;
  readonly brand: string | null;
  readonly manufacturer: string | null;
  readonly bulletPoints: readonly string[];
  readonly imageUrls: readonly string[];
  readonly categoryId: number | null;
  readonly characteristics: Readonly<Record<string, string>>;
}

export interface SourceSku {
  readonly id: number;
  readonly productId: number;
  readonly sku: string;
  readonly gtin: string | null;
  readonly gtinExempt: boolean;
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
  /** Empty unless the SKU is a kit. */
  readonly kitComponents: readonly { readonly sku: string; readonly quantity: number; readonly stock: number }[];
}

interface ProductRow {
  id: number;
  key: string;
  title: string;
  description: string | null;
  brand: string | null;
  manufacturer: string | null;
  bullet_points: string;
  image_urls: string;
  category_id: number | null;
  characteristics: string | null;
}

const PRODUCT_COLUMNS = `p.id, p.key, p.title, p.description, p.brand, p.manufacturer, p.bullet_points, p.image_urls, p.category_id,
  (SELECT json_group_object(ch.name, pc.value) FROM product_characteristics pc
     JOIN characteristics ch ON ch.id = pc.characteristic_id WHERE pc.product_id = p.id) AS characteristics`;

const toProduct = (r: ProductRow): SourceProduct => ({
  id: r.id,
  key: r.key,
  title: r.title,
  description: r.description,
  brand: r.brand,
  manufacturer: r.manufacturer,
  bulletPoints: JSON.parse(r.bullet_points) as string[],
  imageUrls: JSON.parse(r.image_urls) as string[],
  categoryId: r.category_id,
  characteristics: r.characteristics === null ? {} : (JSON.parse(r.characteristics) as Record<string, string>),
});

/**
 * Ids of the next page of selected products: the same set as the rules feature's
 * `selected_products` view (manual choices in `listing_selections` plus matches of enabled
 * listing rules), but read as one primary-key range per source and merged here. The view's
 * UNION cannot take `ORDER BY … LIMIT` into its branches, so paging through it re-reads the rest
 * of the selection on every page (quadratic at 100k products); these ranges read only the page.
 */
export const MANUAL_PAGE_SQL = 'SELECT product_id FROM listing_selections WHERE account_id = ? AND marketplace_id = ? AND product_id > ? ORDER BY product_id LIMIT ?';
export const RULE_PAGE_SQL = 'SELECT product_id FROM rule_matches WHERE rule_id = ? AND product_id > ? ORDER BY product_id LIMIT ?';

export function selectedIdsPage(db: Db, scope: SelectionScope, afterProductId: number, limit: number): number[] {
  const manual = db
    .prepare(MANUAL_PAGE_SQL)
    .pluck()
    .all(scope.accountId, scope.marketplaceId, afterProductId, limit) as number[];
  const rules =
    tolerateMissingTable(
      () => db.prepare('SELECT id FROM listing_rules WHERE account_id = ? AND marketplace_id = ? AND enabled = 1').pluck().all(scope.accountId, scope.marketplaceId) as number[],
    ) ?? [];
  const matches = db.prepare(RULE_PAGE_SQL).pluck();
  const ids = new Set(manual);
  for (const rule of rules) for (const id of matches.all(rule, afterProductId, limit) as number[]) ids.add(id);
  return [...ids].sort((x, y) => x - y).slice(0, limit);
}

export function selectedProductsPage(db: Db, scope: SelectionScope, afterProductId: number, limit: number): SourceProduct[] {
  return timed('selectedProductsPage', () => productsByIds(db, selectedIdsPage(db, scope, afterProductId, limit)));
}

export function productsByIds(db: Db, productIds: readonly number[]): SourceProduct[] {
  if (productIds.length === 0) return [];
  return (
    db
      .prepare(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`)
      .all(JSON.stringify(productIds)) as ProductRow[]
  ).map(toProduct);
}

interface SkuRow {
  id: number;
  product_id: number;
  sku: string;
  gtin: string | null;
  gtin_exempt: number;
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
  kit: string | null;
}

/** Every SKU of the given products, with kit components (and their stock) aggregated per row. */
export function skusOfProducts(db: Db, productIds: readonly number[]): SourceSku[] {
  if (productIds.length === 0) return [];
  const rows = timed('skusOfProducts', () =>
    db
      .prepare(
        `SELECT s.id, s.product_id, s.sku, s.gtin, s.gtin_exempt, s.price_cents, s.sale_price_cents, ${EFFECTIVE_STOCK_SQL} AS stock,
           s.weight_g, s.length_mm, s.width_mm, s.height_mm, s.variation, s.active, s.asin,
           (SELECT json_group_array(json_object('sku', cs.sku, 'quantity', kc.quantity, 'stock', cs.stock)) FROM kit_components kc
              JOIN skus cs ON cs.id = kc.component_sku_id WHERE kc.kit_sku_id = s.id) AS kit
         FROM skus s WHERE s.product_id IN (SELECT value FROM json_each(?)) ORDER BY s.product_id, s.id`,
      )
      .all(JSON.stringify(productIds)),
  ) as SkuRow[];
  return rows.map((r) => {
    const kit = r.kit === null ? [] : (JSON.parse(r.kit) as SourceSku['kitComponents']);
    return {
      id: r.id,
      productId: r.product_id,
      sku: r.sku,
      gtin: r.gtin,
      gtinExempt: r.gtin_exempt === 1,
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
      kitComponents: kit,
    };
  });
}

export interface LastSent {
  /** The send engine's whole-payload fingerprint (`hashesOf(listing).full` in main/sync/delta). */
  readonly fullHash: string | null;
  readonly sentAt: number | null;
  /** The feed message as sent (UPDATE: every attribute; PATCH: the offer patches), when still stored. */
  readonly message: Readonly<Record<string, unknown>> | null;
}

function tolerateMissingTable<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (/no such table/.test((err as Error).message)) return undefined;
    throw err;
  }
}

/**
 * What the send engine recorded as last sent for a SKU (its tables `sync_listings` and
 * `sync_feeds`, whose `content` is the feed document deflated raw). Answers undefined when
 * nothing was sent yet — or when the send engine's migration is not in this build, so the
 * preview works either way.
 */
export function lastSent(db: Db, scope: SelectionScope, sku: string): LastSent | undefined {
  return tolerateMissingTable(() => {
    const row = db
      .prepare(
        `SELECT l.full_hash, l.sent_at, l.message_id, f.content FROM sync_listings l LEFT JOIN sync_feeds f ON f.id = l.feed_row_id
         WHERE l.account_id = ? AND l.marketplace_id = ? AND l.sku = ?`,
      )
      .get(scope.accountId, scope.marketplaceId, sku) as { full_hash: string | null; sent_at: number | null; message_id: number | null; content: Buffer | null } | undefined;
    if (!row) return undefined;
    let message: Record<string, unknown> | null = null;
    if (row.content && row.message_id !== null) {
      const doc = JSON.parse(inflateRawSync(row.content).toString('utf8')) as { messages?: Record<string, unknown>[] };
      message = doc.messages?.find((m) => m['messageId'] === row.message_id) ?? null;
    }
    return { fullHash: row.full_hash, sentAt: row.sent_at, message };
  });
}
