import type { LinkTreatment } from '../../../preload/contract/linking';
import type { Db } from '../connection';
import { timed } from '../connection';
import { EFFECTIVE_STOCK_SQL } from './kits';
import { RESTRICTION_STATE_SQL, type RestrictionState } from './listing-restrictions';
import type { SkuColumns, SkuSoldColumns } from './skus';
import type { SentState } from './sync-listings';
import type { SyncStatus } from '../../../preload/contract/sync';

/**
 * One catalog SKU as the send engine's single builder reads it (main/sync/catalog-source.ts),
 * for a send cycle (the SKUs whose stamp changed) and for the readiness checks and preview of
 * "Incluir produtos" (the SKUs of some products) alike: one column list, so what the seller is
 * shown and what the feed carries come from the same row.
 */
export type SendRow = SkuSoldColumns &
  Pick<SkuColumns, 'asin' | 'isKit'> &
  Readonly<{
    skuId: number;
    /** Catalog + settings + decisions version (only meaningful in a cycle). */
    stamp: string;
    productKey: string;
    productStamp: string;
    /** The family's (product's) title; a SKU's own, when it has one, is `skuTitle`. */
    productTitle: string;
    skuTitle: string | null;
    productDescription: string | null;
    skuDescription: string | null;
    brand: string | null;
    manufacturer: string | null;
    bulletPoints: string;
    /** JSON arrays of image URLs: the product's, and the SKU's own (variation pictures) or null. */
    productImageUrls: string;
    skuImageUrls: string | null;
    categoryId: number | null;
    /** The product type Amazon's catalog gave the matched ASIN in this marketplace, when known. */
    asinProductType: string | null;
    familySize: number;
    /** JSON object of the product's characteristics (name → value), or null. */
    productCharacteristics: string | null;
    /** JSON object of the SKU's own characteristics, laid over the product's, or null. */
    skuCharacteristics: string | null;
    /** 1 when another SKU of the catalog has the same product code (any GTIN length of it). */
    gtinShared: number;
    /** 1 when the product is in the scope's selection (manual choice or a listing rule). */
    selected: number;
    /** Set when a listing rule stopped matching the product: what to do with its offer. */
    ruleExit: 'zero-quantity' | 'leave' | null;
    /** The seller's decision on an existing Amazon offer linked to this SKU, if any. */
    linkTreatment: LinkTreatment | null;
    /** The SKU the linked offer has on Amazon (may differ from the catalog SKU: EAN/ASIN links). */
    linkAmazonSku: string | null;
    /** The linked offer's fulfillment channel in the last listings report (`DEFAULT`, `AMAZON_NA`…). */
    linkFulfillment: string | null;
    /** 1 when Amazon holds a listing Vitrine sent under the SKU it is sent as. */
    onAmazon: number;
    /** The cached listing restriction of the SKU's ASIN in this marketplace (main/db/tables/listing-restrictions.ts), if asked. */
    restriction: RestrictionState | null;
  }> &
  SentColumns;

/** What was last sent under the SKU the row is tracked as (its sync_listings row, read in the same query): see sentStateOfRow. */
interface SentColumns {
  readonly sentAs: string | null;
  readonly oldStatus: SyncStatus | null;
  readonly oldStamp: string | null;
  readonly sentFullHash: string | null;
  readonly sentContentHash: string | null;
  readonly sentPriceHash: string | null;
  readonly sentQuantityHash: string | null;
  readonly sentProductType: string | null;
}

/**
 * The SKU a changed row is tracked under and what was last sent there, from the row itself (the
 * send engine would otherwise look each SKU up again); undefined state when nothing was sent.
 */
export function sentStateOfRow(row: SendRow): { sku: string; state: SentState | undefined } | undefined {
  if (row.sentAs === null) return undefined;
  if (row.oldStatus === null) return { sku: row.sentAs, state: undefined };
  const hashes = { full: row.sentFullHash, content: row.sentContentHash, price: row.sentPriceHash, quantity: row.sentQuantityHash };
  return {
    sku: row.sentAs,
    state: { status: row.oldStatus, sourceStamp: row.oldStamp, hashes, onAmazon: row.onAmazon === 1, productType: row.sentProductType },
  };
}

// Kits take their stock from components, whose rows change without touching the kit's.
// Stock and price are in the stamp verbatim: two writes within one millisecond share an updated_at.
const STAMP_SQL = `s.updated_at || '|' || s.stock || '|' || COALESCE(s.price_cents, '') || '|' || COALESCE(s.sale_price_cents, '') || '|' || s.active
  || '|' || p.updated_at || '|' || COALESCE((SELECT group_concat(cs.updated_at || ':' || cs.stock) FROM kit_components kc
  JOIN skus cs ON cs.id = kc.component_sku_id WHERE kc.kit_sku_id = s.id), '')`;

// What the seller decided about sending (selection, rule exit, existing-offer link) is part of
// the stamp too: choosing a product, or confirming how its offer is treated, re-plans the SKU.
// The selection is `selected_products` (manual choices + enabled rules' matches), read through
// its two tables' indexes per product: joining the view itself would scan it for every row.
const SELECTED_SQL = `(EXISTS (SELECT 1 FROM listing_selections ls WHERE ls.account_id = :account AND ls.marketplace_id = :marketplace AND ls.product_id = p.id)
  OR EXISTS (SELECT 1 FROM rule_matches rm JOIN listing_rules r ON r.id = rm.rule_id
    WHERE rm.product_id = p.id AND r.account_id = :account AND r.marketplace_id = :marketplace AND r.enabled = 1))`;
const DECISION_STAMP_SQL = `'|' || ${SELECTED_SQL} || '|' || COALESCE(rx.on_exit, '') || '|' || COALESCE(ll.treatment || ':' || ll.amazon_sku, '')`;

/**
 * Another SKU with the same product code. Imports store a code at the length it was given (8, 12,
 * 13 or 14 digits), so the same GTIN-14 may be stored as "0012345678905" and "012345678905":
 * every shorter form whose dropped prefix is zeros is looked up through the `skus_gtin` index.
 */
const PADDED = `substr('00000000000000' || s.gtin, -14)`;
export const GTIN_SHARED_SQL = `CASE WHEN s.gtin IS NULL OR length(s.gtin) NOT BETWEEN 8 AND 14 THEN 0 ELSE EXISTS (SELECT 1 FROM skus d
  WHERE d.gtin IS NOT NULL AND d.id <> s.id AND d.gtin IN (${PADDED},
    CASE WHEN ${PADDED} LIKE '0%' THEN substr(${PADDED}, 2) END,
    CASE WHEN ${PADDED} LIKE '00%' THEN substr(${PADDED}, 3) END,
    CASE WHEN ${PADDED} LIKE '000000%' THEN substr(${PADDED}, 7) END)) END`;

// Most SKUs have no ASIN and no linked offer: skip those lookups for them (a no-change cycle
// evaluates the stamp of every SKU).
const ASIN_TYPE_SQL = `CASE WHEN s.asin IS NOT NULL THEN (SELECT cm.product_type FROM catalog_matches cm
  WHERE cm.sku_id = s.id AND cm.marketplace_id = :marketplace AND cm.asin = s.asin) END`;
const LINK_FULFILLMENT_SQL = `CASE WHEN ll.amazon_sku IS NOT NULL THEN (SELECT al.fulfillment FROM amazon_listings al
  WHERE al.account_id = :account AND al.marketplace_id = :marketplace AND al.sku = ll.amazon_sku) END`;

/**
 * What the verdicts read besides the SKU's own row: a code now shared with another SKU, the
 * product type Amazon's catalog gives the ASIN, the linked offer's fulfillment channel, the
 * ASIN's listing restriction (an approval or an answer coming in re-plans the SKU).
 */
const EVIDENCE_STAMP_SQL = `'|' || ${GTIN_SHARED_SQL} || '|' || COALESCE(${ASIN_TYPE_SQL}, '') || '|' || COALESCE(${LINK_FULFILLMENT_SQL}, '')
  || '|' || COALESCE(${RESTRICTION_STATE_SQL}, '')`;

/** The SKU whose sync_listings row the catalog row is tracked under (a linked offer Vitrine manages: Amazon's SKU). */
const SENT_AS_SQL = `CASE WHEN ll.treatment = 'vitrine-manages' THEN ll.amazon_sku ELSE s.sku END`;

const COLUMNS = `s.id AS skuId, s.sku, :fp || '|' || ${STAMP_SQL} || ${DECISION_STAMP_SQL} || ${EVIDENCE_STAMP_SQL} AS stamp,
  p.id AS productId, p.key AS productKey, :fp || '|' || p.updated_at AS productStamp,
  p.title AS productTitle, s.title AS skuTitle, p.description AS productDescription, s.description AS skuDescription,
  p.brand, p.manufacturer, p.bullet_points AS bulletPoints, p.image_urls AS productImageUrls, s.image_urls AS skuImageUrls,
  p.category_id AS categoryId, s.gtin, s.gtin_exempt AS gtinExempt,
  s.price_cents AS priceCents, s.sale_price_cents AS salePriceCents, ${EFFECTIVE_STOCK_SQL} AS stock, s.weight_g AS weightG,
  s.length_mm AS lengthMm, s.width_mm AS widthMm, s.height_mm AS heightMm, s.variation, s.active, s.asin,
  ${ASIN_TYPE_SQL} AS asinProductType,
  EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_sku_id = s.id) AS isKit,
  (SELECT count(*) FROM skus f WHERE f.product_id = p.id) AS familySize,
  (SELECT json_group_object(c.name, pc.value) FROM product_characteristics pc JOIN characteristics c ON c.id = pc.characteristic_id
    WHERE pc.product_id = p.id) AS productCharacteristics,
  (SELECT json_group_object(c.name, sc.value) FROM sku_characteristics sc JOIN characteristics c ON c.id = sc.characteristic_id
    WHERE sc.sku_id = s.id) AS skuCharacteristics,
  ${GTIN_SHARED_SQL} AS gtinShared,
  ${SELECTED_SQL} AS selected, rx.on_exit AS ruleExit, ll.treatment AS linkTreatment, ll.amazon_sku AS linkAmazonSku,
  ${LINK_FULFILLMENT_SQL} AS linkFulfillment, COALESCE(l.on_amazon, 0) AS onAmazon, ${RESTRICTION_STATE_SQL} AS restriction,
  l.source_stamp AS oldStamp, l.status AS oldStatus,
  ${SENT_AS_SQL} AS sentAs, l.full_hash AS sentFullHash, l.content_hash AS sentContentHash, l.price_hash AS sentPriceHash,
  l.quantity_hash AS sentQuantityHash, l.product_type AS sentProductType`;

const JOINS = `FROM skus s JOIN products p ON p.id = s.product_id
  LEFT JOIN rule_exits rx ON rx.account_id = :account AND rx.marketplace_id = :marketplace AND rx.product_id = p.id
  LEFT JOIN listing_links ll ON ll.account_id = :account AND ll.marketplace_id = :marketplace AND ll.sku_id = s.id
  LEFT JOIN sync_listings l ON l.account_id = :account AND l.marketplace_id = :marketplace AND l.sku = ${SENT_AS_SQL}`;

/**
 * One page of the SKUs to rebuild: those of the products with ids in (after, upto]. Exported for
 * the query-plan test: the page is reached through the skus_product index, and every joined table
 * through an index of its own.
 */
export const CHANGED_SKUS_SQL = `SELECT * FROM (SELECT ${COLUMNS} ${JOINS} WHERE s.product_id > :after AND s.product_id <= :upto)
  WHERE oldStamp IS NOT stamp AND (oldStatus IS NULL OR oldStatus NOT IN ('sending','waiting'))
  ORDER BY productId, skuId`;

const SKUS_OF_PRODUCTS_SQL = `SELECT ${COLUMNS} ${JOINS}
  WHERE s.product_id IN (SELECT value FROM json_each(:products)) ORDER BY p.id, s.id`;

/** Products per page of the changed-SKU read: a few milliseconds of SQLite each, even when nothing changed. */
export const CHANGED_PAGE_PRODUCTS = 100;
const PAST_LAST_PRODUCT = Number.MAX_SAFE_INTEGER;

/**
 * SKUs to rebuild for one marketplace: never built, or built from another catalog/settings/
 * decision version. A SKU linked to an existing offer that Vitrine manages is tracked under the
 * offer's Amazon SKU. SKUs with a feed in flight wait for its report. A no-change cycle is this
 * read alone.
 *
 * The catalog is read in pages of products, in catalog order (product, then SKU), one short query
 * each: nothing holds a statement open between pages, so the caller may pause between rows and
 * others may write meanwhile (a row read before a change carries the old stamp, so the change is
 * planned again next cycle). A 100k-SKU catalog is never all on the JS heap at once (each row
 * carries the product's texts).
 */
export function* changedSkuPages(
  db: Db,
  accountId: string,
  marketplaceId: string,
  fingerprint: string,
  productsPerPage = CHANGED_PAGE_PRODUCTS,
): Generator<SendRow[]> {
  const bound = db.prepare('SELECT id FROM products WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const page = db.prepare(CHANGED_SKUS_SQL);
  let after = 0;
  for (;;) {
    const upto = (bound.get(after, productsPerPage - 1) as number | undefined) ?? PAST_LAST_PRODUCT;
    const rows = timed('changedSkus', () => page.all({ fp: fingerprint, account: accountId, marketplace: marketplaceId, after, upto })) as SendRow[];
    yield rows;
    if (upto === PAST_LAST_PRODUCT) return;
    after = upto;
  }
}

/** Every SKU of these products as the send engine would read it, in catalog order (readiness, preview). */
export function sendRowsOfProducts(db: Db, accountId: string, marketplaceId: string, productIds: readonly number[]): SendRow[] {
  if (productIds.length === 0) return [];
  return timed('sendRowsOfProducts', () =>
    db.prepare(SKUS_OF_PRODUCTS_SQL).all({ fp: '', account: accountId, marketplace: marketplaceId, products: JSON.stringify(productIds) }),
  ) as SendRow[];
}

/** The other SKUs that carry this SKU's product code (for "another SKU has the same code (…)"). */
export function skusSharingGtin(db: Db, skuId: number): string[] {
  return db
    .prepare(
      `SELECT d.sku FROM skus s JOIN skus d ON d.gtin IS NOT NULL AND d.id <> s.id AND d.gtin IN (${PADDED},
         CASE WHEN ${PADDED} LIKE '0%' THEN substr(${PADDED}, 2) END,
         CASE WHEN ${PADDED} LIKE '00%' THEN substr(${PADDED}, 3) END,
         CASE WHEN ${PADDED} LIKE '000000%' THEN substr(${PADDED}, 7) END)
       WHERE s.id = ? AND s.gtin IS NOT NULL ORDER BY d.sku LIMIT 20`,
    )
    .pluck()
    .all(skuId) as string[];
}

/** Product types Amazon's catalog gave the ASINs the catalog's SKUs offer on, in a marketplace. */
export function offerProductTypes(db: Db, marketplaceId: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT cm.product_type FROM catalog_matches cm JOIN skus s ON s.id = cm.sku_id AND s.asin = cm.asin
       WHERE cm.marketplace_id = ? AND cm.product_type IS NOT NULL ORDER BY cm.product_type`,
    )
    .pluck()
    .all(marketplaceId) as string[];
}
