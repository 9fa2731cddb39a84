import type { ProductAmazonStatus } from '../../../preload/contract/catalog';
import type { Db } from '../connection';

/** The account and marketplace a product's Amazon status is read for (the header's). */
export interface AmazonScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

/**
 * A product's status from its SKUs' send rows in `sync_listings` (a SKU whose existing Amazon
 * offer Vitrine manages is tracked under that offer's SKU), the first that applies; with no row,
 * whether the product is in the selection (manual choice or an enabled rule's match). The
 * parameters are @amzAccount and @amzMarketplace; `p` names the products row.
 */
const RANKED = ['error', 'sending', 'paused', 'live', 'skipped', 'removed', 'queued', 'not-included'] as const satisfies readonly ProductAmazonStatus[];

export const AMAZON_STATUS_RANK_SQL = `COALESCE(
  (SELECT MIN(CASE l.status WHEN 'error' THEN 1 WHEN 'pending' THEN 2 WHEN 'sending' THEN 2 WHEN 'waiting' THEN 2
       WHEN 'paused' THEN 3 WHEN 'live' THEN 4 WHEN 'skipped' THEN 5 ELSE 6 END)
     FROM skus s
     LEFT JOIN listing_links ll ON ll.account_id = @amzAccount AND ll.marketplace_id = @amzMarketplace AND ll.sku_id = s.id AND ll.treatment = 'vitrine-manages'
     JOIN sync_listings l ON l.account_id = @amzAccount AND l.marketplace_id = @amzMarketplace AND l.sku = COALESCE(ll.amazon_sku, s.sku)
     WHERE s.product_id = p.id),
  CASE WHEN EXISTS (SELECT 1 FROM listing_selections ls WHERE ls.account_id = @amzAccount AND ls.marketplace_id = @amzMarketplace AND ls.product_id = p.id)
    OR EXISTS (SELECT 1 FROM rule_matches rm JOIN listing_rules r ON r.id = rm.rule_id
      WHERE rm.product_id = p.id AND r.account_id = @amzAccount AND r.marketplace_id = @amzMarketplace AND r.enabled = 1)
  THEN 7 ELSE 8 END)`;

const ROW_RANK_SQL = `CASE l.status WHEN 'error' THEN 1 WHEN 'pending' THEN 2 WHEN 'sending' THEN 2 WHEN 'waiting' THEN 2
  WHEN 'paused' THEN 3 WHEN 'live' THEN 4 WHEN 'skipped' THEN 5 ELSE 6 END`;

/**
 * Every product with a send row in the scope and its rank, set-based: one pass over the scope's
 * rows (a row under an existing offer's SKU counts for the catalog SKU Vitrine manages it for;
 * a catalog SKU managed under another SKU does not count its own stale row).
 */
const RANKED_PRODUCTS_SQL = `SELECT s.product_id AS product_id, MIN(${ROW_RANK_SQL}) AS rank
  FROM sync_listings l
  JOIN skus s ON s.id = COALESCE(
    (SELECT ll.sku_id FROM listing_links ll WHERE ll.account_id = l.account_id AND ll.marketplace_id = l.marketplace_id
       AND ll.amazon_sku = l.sku AND ll.treatment = 'vitrine-manages'),
    (SELECT k.id FROM skus k WHERE k.sku = l.sku))
  WHERE l.account_id = @amzAccount AND l.marketplace_id = @amzMarketplace
    AND NOT EXISTS (SELECT 1 FROM listing_links x WHERE x.account_id = l.account_id AND x.marketplace_id = l.marketplace_id
      AND x.sku_id = s.id AND x.treatment = 'vitrine-manages' AND x.amazon_sku <> l.sku)
  GROUP BY s.product_id`;

const SELECTED_SQL = `(EXISTS (SELECT 1 FROM listing_selections ls WHERE ls.account_id = @amzAccount AND ls.marketplace_id = @amzMarketplace AND ls.product_id = p.id)
  OR EXISTS (SELECT 1 FROM rule_matches rm JOIN listing_rules r ON r.id = rm.rule_id
    WHERE rm.product_id = p.id AND r.account_id = @amzAccount AND r.marketplace_id = @amzMarketplace AND r.enabled = 1))`;

/**
 * "Products with this status" as a WHERE clause over `products p` (params @amzAccount,
 * @amzMarketplace, @amzRank): the scope's send rows are ranked once, not per product, so the
 * filter stays fast on a 100k catalog.
 */
export function amazonStatusFilterSql(status: ProductAmazonStatus): string {
  if (status === 'queued' || status === 'not-included') {
    return `p.id NOT IN (SELECT product_id FROM (${RANKED_PRODUCTS_SQL})) AND ${status === 'queued' ? '' : 'NOT '}${SELECTED_SQL}`;
  }
  return `p.id IN (SELECT product_id FROM (${RANKED_PRODUCTS_SQL}) WHERE rank = @amzRank)`;
}

export function amazonStatusRank(status: ProductAmazonStatus): number {
  return RANKED.indexOf(status) + 1;
}

export function amazonStatusOfRank(rank: number): ProductAmazonStatus {
  return RANKED[rank - 1] ?? 'not-included';
}

export function amazonScopeParams(scope: AmazonScope): { amzAccount: string; amzMarketplace: string } {
  return { amzAccount: scope.accountId, amzMarketplace: scope.marketplaceId };
}

/** The status of each of these products in the scope. */
export function amazonStatusOf(db: Db, scope: AmazonScope, productIds: readonly number[]): Map<number, ProductAmazonStatus> {
  const stmt = db.prepare(`SELECT ${AMAZON_STATUS_RANK_SQL} FROM products p WHERE p.id = @id`).pluck();
  const params = amazonScopeParams(scope);
  return new Map(productIds.map((id) => [id, amazonStatusOfRank(stmt.get({ ...params, id }) as number)]));
}
