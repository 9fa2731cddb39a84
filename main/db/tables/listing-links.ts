import type { LinkTreatment } from '../../../preload/contract/linking';
import type { Db } from '../connection';
import { timed } from '../connection';
import type { AmazonListing } from './amazon-listings';
import type { SelectionScope } from './listing-selections';

/**
 * Links between the seller's existing Amazon offers and catalog SKUs (migration 0007).
 * `unconfirmed`: matched, the seller has not said yet how the offer is treated — nothing is sent.
 * `keep-amazon`: the offer keeps Amazon's values; Vitrine sends nothing for it.
 * `vitrine-manages`: Vitrine owns price, stock and content from now on, under the Amazon SKU.
 */
export type MatchedBy = 'sku' | 'asin' | 'ean' | 'import';

export interface LinkRow {
  readonly amazonSku: string;
  readonly skuId: number;
  readonly matchedBy: MatchedBy;
  readonly treatment: LinkTreatment;
}

/** The order of caution when one SKU × marketplace has links under several accounts. */
const STRICTNESS: Readonly<Record<LinkTreatment, number>> = { unconfirmed: 0, 'keep-amazon': 1, 'vitrine-manages': 2 };

export function listLinks(db: Db, scope: SelectionScope): LinkRow[] {
  return db
    .prepare(
      `SELECT amazon_sku AS amazonSku, sku_id AS skuId, matched_by AS matchedBy, treatment FROM listing_links
       WHERE account_id = ? AND marketplace_id = ?`,
    )
    .all(scope.accountId, scope.marketplaceId) as LinkRow[];
}

/** Drops links whose Amazon offer is gone; call in the transaction that stores a read. */
export function deleteLinksExcept(db: Db, scope: SelectionScope, keepAmazonSkus: readonly string[]): number {
  return db
    .prepare(
      `DELETE FROM listing_links WHERE account_id = ? AND marketplace_id = ?
       AND amazon_sku NOT IN (SELECT value FROM json_each(?))`,
    )
    .run(scope.accountId, scope.marketplaceId, JSON.stringify(keepAmazonSkus)).changes;
}

/** New links start unconfirmed; an existing link keeps its treatment. */
export function insertLinks(db: Db, scope: SelectionScope, links: readonly Omit<LinkRow, 'treatment'>[], now: number): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO listing_links (account_id, marketplace_id, amazon_sku, sku_id, matched_by, treatment, linked_at)
     VALUES (?, ?, ?, ?, ?, 'unconfirmed', ?)`,
  );
  return links.reduce((n, l) => n + insert.run(scope.accountId, scope.marketplaceId, l.amazonSku, l.skuId, l.matchedBy, now).changes, 0);
}

/**
 * Amazon SKUs of the scope that Vitrine itself put on Amazon (the send engine's `sync_listings`
 * has them accepted once): reading them back is no news, they stay managed by Vitrine.
 */
export function skusSentByVitrine(db: Db, scope: SelectionScope, amazonSkus: readonly string[]): string[] {
  if (amazonSkus.length === 0) return [];
  return db
    .prepare(
      `SELECT sku FROM sync_listings WHERE account_id = ? AND marketplace_id = ? AND on_amazon = 1
       AND sku IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(scope.accountId, scope.marketplaceId, JSON.stringify(amazonSkus)) as string[];
}

/**
 * Records the seller's choice for the given Amazon SKUs, or for every still-unconfirmed link of
 * the scope when `amazonSkus` is null (the "apply to all" button). Answers how many changed.
 */
export function setLinkTreatment(
  db: Db,
  scope: SelectionScope,
  amazonSkus: readonly string[] | null,
  treatment: Exclude<LinkTreatment, 'unconfirmed'>,
  now: number,
): number {
  if (amazonSkus === null) {
    return db
      .prepare(`UPDATE listing_links SET treatment = ?, confirmed_at = ? WHERE account_id = ? AND marketplace_id = ? AND treatment = 'unconfirmed'`)
      .run(treatment, now, scope.accountId, scope.marketplaceId).changes;
  }
  return db
    .prepare(
      `UPDATE listing_links SET treatment = ?, confirmed_at = ? WHERE account_id = ? AND marketplace_id = ?
       AND amazon_sku IN (SELECT value FROM json_each(?)) AND treatment IS NOT ?`,
    )
    .run(treatment, now, scope.accountId, scope.marketplaceId, JSON.stringify(amazonSkus), treatment).changes;
}

/**
 * The send engine's gate for one SKU × marketplace: null when no existing Amazon offer is linked
 * (the SKU is not on Amazon as far as the last read knows), otherwise the seller's treatment.
 * Links are per account; should two accounts both link the SKU in this marketplace, the most
 * cautious treatment answers.
 */
export function linkTreatment(db: Db, skuId: number, marketplaceId: string): LinkTreatment | null {
  const rows = db.prepare('SELECT treatment FROM listing_links WHERE sku_id = ? AND marketplace_id = ?').pluck().all(skuId, marketplaceId) as LinkTreatment[];
  if (rows.length === 0) return null;
  return rows.reduce((a, b) => (STRICTNESS[b] < STRICTNESS[a] ? b : a));
}

export interface SendLink {
  /** The SKU the offer has on Amazon: send under this one, never the catalog SKU, or Amazon gets a duplicate offer. */
  readonly amazonSku: string;
  readonly treatment: LinkTreatment;
  readonly matchedBy: MatchedBy;
}

/** Every link of a scope keyed by catalog SKU code, for a send cycle (one query, not one per SKU). */
export function linksByCatalogSku(db: Db, accountId: string, marketplaceId: string): Map<string, SendLink> {
  const rows = db
    .prepare(
      `SELECT s.sku, l.amazon_sku AS amazonSku, l.treatment, l.matched_by AS matchedBy FROM listing_links l JOIN skus s ON s.id = l.sku_id
       WHERE l.account_id = ? AND l.marketplace_id = ?`,
    )
    .all(accountId, marketplaceId) as (SendLink & { sku: string })[];
  return new Map(rows.map(({ sku, ...link }) => [sku, link]));
}

export interface LinkingCounts {
  readonly amazonListings: number;
  readonly linked: number;
  readonly unconfirmed: number;
  readonly keepAmazon: number;
  readonly vitrineManages: number;
  readonly amazonOnly: number;
  readonly catalogOnly: number;
}

export function linkingCounts(db: Db, scope: SelectionScope): LinkingCounts {
  return timed('linkingCounts', () => {
    const links = db
      .prepare(
        `SELECT COUNT(*) AS linked, COALESCE(SUM(treatment = 'unconfirmed'), 0) AS unconfirmed,
           COALESCE(SUM(treatment = 'keep-amazon'), 0) AS keepAmazon, COALESCE(SUM(treatment = 'vitrine-manages'), 0) AS vitrineManages
         FROM listing_links WHERE account_id = ? AND marketplace_id = ?`,
      )
      .get(scope.accountId, scope.marketplaceId) as Pick<LinkingCounts, 'linked' | 'unconfirmed' | 'keepAmazon' | 'vitrineManages'>;
    const amazonListings = db
      .prepare('SELECT COUNT(*) FROM amazon_listings WHERE account_id = ? AND marketplace_id = ?')
      .pluck()
      .get(scope.accountId, scope.marketplaceId) as number;
    const catalogOnly = db
      .prepare(
        `SELECT COUNT(*) FROM skus s WHERE s.active = 1 AND NOT EXISTS
           (SELECT 1 FROM listing_links l WHERE l.sku_id = s.id AND l.marketplace_id = ? AND l.account_id = ?)`,
      )
      .pluck()
      .get(scope.marketplaceId, scope.accountId) as number;
    const amazonOnly = db
      .prepare(
        `SELECT COUNT(*) FROM amazon_listings a WHERE a.account_id = ? AND a.marketplace_id = ? AND NOT EXISTS
           (SELECT 1 FROM listing_links l WHERE l.account_id = a.account_id AND l.marketplace_id = a.marketplace_id AND l.amazon_sku = a.sku)`,
      )
      .pluck()
      .get(scope.accountId, scope.marketplaceId) as number;
    return { ...links, amazonListings, amazonOnly, catalogOnly };
  });
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

export interface LinkedItem {
  readonly amazonSku: string;
  readonly skuId: number;
  readonly sku: string;
  readonly productId: number;
  readonly title: string;
  readonly amazonTitle: string;
  readonly asin: string | null;
  readonly matchedBy: MatchedBy;
  readonly treatment: LinkTreatment;
  readonly amazonPrice: string | null;
  readonly amazonQuantity: number | null;
  readonly priceCents: number | null;
  readonly stock: number;
}

export function listLinkedItems(db: Db, scope: SelectionScope, page: Page, treatment?: LinkTreatment): LinkedItem[] {
  return timed(
    'listLinkedItems',
    () =>
      db
        .prepare(
          `SELECT l.amazon_sku AS amazonSku, s.id AS skuId, s.sku, p.id AS productId, p.title, COALESCE(a.title, '') AS amazonTitle, a.asin,
           l.matched_by AS matchedBy, l.treatment, a.price AS amazonPrice, a.quantity AS amazonQuantity, s.price_cents AS priceCents, s.stock
         FROM listing_links l JOIN skus s ON s.id = l.sku_id JOIN products p ON p.id = s.product_id
         LEFT JOIN amazon_listings a ON a.account_id = l.account_id AND a.marketplace_id = l.marketplace_id AND a.sku = l.amazon_sku
         WHERE l.account_id = @accountId AND l.marketplace_id = @marketplaceId AND (@treatment IS NULL OR l.treatment = @treatment)
         ORDER BY l.amazon_sku LIMIT @limit OFFSET @offset`,
        )
        .all({ ...scope, ...page, treatment: treatment ?? null }) as LinkedItem[],
  );
}

export type AmazonOnlyItem = Pick<AmazonListing, 'sku' | 'asin' | 'gtin14' | 'title' | 'price' | 'quantity' | 'status'> & {
  readonly unmatchedReason: 'ambiguous' | null;
};

export function listAmazonOnlyItems(db: Db, scope: SelectionScope, page: Page): AmazonOnlyItem[] {
  return timed(
    'listAmazonOnlyItems',
    () =>
      db
        .prepare(
          `SELECT a.sku, a.asin, a.gtin14, a.title, a.price, a.quantity, a.status, a.unmatched_reason AS unmatchedReason FROM amazon_listings a
         WHERE a.account_id = @accountId AND a.marketplace_id = @marketplaceId AND NOT EXISTS
           (SELECT 1 FROM listing_links l WHERE l.account_id = a.account_id AND l.marketplace_id = a.marketplace_id AND l.amazon_sku = a.sku)
         ORDER BY a.sku LIMIT @limit OFFSET @offset`,
        )
        .all({ ...scope, ...page }) as AmazonOnlyItem[],
  );
}

/** Every Amazon-only SKU of the scope (the "import all" action). */
export function listAmazonOnlySkus(db: Db, scope: SelectionScope): string[] {
  return db
    .prepare(
      `SELECT a.sku FROM amazon_listings a WHERE a.account_id = ? AND a.marketplace_id = ? AND NOT EXISTS
         (SELECT 1 FROM listing_links l WHERE l.account_id = a.account_id AND l.marketplace_id = a.marketplace_id AND l.amazon_sku = a.sku)
       ORDER BY a.sku`,
    )
    .pluck()
    .all(scope.accountId, scope.marketplaceId) as string[];
}

export interface CatalogOnlyItem {
  readonly skuId: number;
  readonly sku: string;
  readonly productId: number;
  readonly title: string;
  readonly gtin: string | null;
  readonly priceCents: number | null;
  readonly stock: number;
}

export function listCatalogOnlyItems(db: Db, scope: SelectionScope, page: Page): CatalogOnlyItem[] {
  return timed(
    'listCatalogOnlyItems',
    () =>
      db
        .prepare(
          `SELECT s.id AS skuId, s.sku, p.id AS productId, p.title, s.gtin, s.price_cents AS priceCents, s.stock
         FROM skus s JOIN products p ON p.id = s.product_id
         WHERE s.active = 1 AND NOT EXISTS
           (SELECT 1 FROM listing_links l WHERE l.sku_id = s.id AND l.marketplace_id = @marketplaceId AND l.account_id = @accountId)
         ORDER BY s.sku LIMIT @limit OFFSET @offset`,
        )
        .all({ ...scope, ...page }) as CatalogOnlyItem[],
  );
}
