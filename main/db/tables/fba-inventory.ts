import type { Db } from '../connection';

export interface FbaStockRow {
  readonly accountId: string;
  readonly marketplaceId: string;
  readonly sku: string;
  readonly asin: string | null;
  readonly fnSku: string | null;
  readonly fulfillable: number;
  readonly inbound: number;
  readonly reserved: number;
  readonly unfulfillable: number;
  readonly total: number;
  readonly amazonUpdated: string | null;
  readonly readAt: string;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
const COLUMNS = `account_id AS accountId, marketplace_id AS marketplaceId, sku, asin, fn_sku AS fnSku, fulfillable, inbound, reserved, unfulfillable, total,
  amazon_updated AS amazonUpdated, read_at AS readAt`;

/** Writes one page of summaries in one transaction. */
export function saveFbaStock(db: Db, rows: readonly Omit<FbaStockRow, 'readAt'>[]): void {
  const upsert = db.prepare(
    `INSERT INTO fba_inventory (account_id, marketplace_id, sku, asin, fn_sku, fulfillable, inbound, reserved, unfulfillable, total, amazon_updated, read_at)
     VALUES (@accountId, @marketplaceId, @sku, @asin, @fnSku, @fulfillable, @inbound, @reserved, @unfulfillable, @total, @amazonUpdated, ${NOW})
     ON CONFLICT (account_id, marketplace_id, sku) DO UPDATE SET asin = excluded.asin, fn_sku = excluded.fn_sku, fulfillable = excluded.fulfillable,
       inbound = excluded.inbound, reserved = excluded.reserved, unfulfillable = excluded.unfulfillable, total = excluded.total,
       amazon_updated = excluded.amazon_updated, read_at = excluded.read_at`,
  );
  db.transaction(() => rows.forEach((r) => upsert.run(r)))();
}

export function listFbaStock(db: Db, scope: { accountId?: string; marketplaceId?: string } = {}): FbaStockRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM fba_inventory WHERE (@accountId IS NULL OR account_id = @accountId) AND (@marketplaceId IS NULL OR marketplace_id = @marketplaceId) ORDER BY sku`,
    )
    .all({ accountId: scope.accountId ?? null, marketplaceId: scope.marketplaceId ?? null }) as FbaStockRow[];
}

/**
 * Amazon's units for the catalog's products, per product: an FBA offer is linked to a store SKU
 * (listing_links), or carries the store SKU itself.
 */
export function fbaStockOfProducts(
  db: Db,
  productIds: readonly number[],
  marketplaceId: string | null,
): Map<number, { fulfillable: number; total: number; readAt: string }> {
  const rows = db
    .prepare(
      `SELECT s.product_id AS productId, SUM(f.fulfillable) AS fulfillable, SUM(f.total) AS total, MAX(f.read_at) AS readAt
       FROM skus s
       JOIN fba_inventory f ON (f.sku = s.sku OR f.sku IN (SELECT l.amazon_sku FROM listing_links l WHERE l.sku_id = s.id AND l.account_id = f.account_id AND l.marketplace_id = f.marketplace_id))
       WHERE s.product_id IN (SELECT value FROM json_each(@ids)) AND (@marketplaceId IS NULL OR f.marketplace_id = @marketplaceId)
       GROUP BY s.product_id`,
    )
    .all({ ids: JSON.stringify(productIds), marketplaceId }) as { productId: number; fulfillable: number; total: number; readAt: string }[];
  return new Map(rows.map((r) => [r.productId, r]));
}

/** One SKU of a product as Amazon holds it (the store SKU, and the Amazon SKU of its FBA offer). */
/** One catalog SKU's stock at Amazon: the stored row under the catalog's SKU and Amazon's. */
export type FbaSkuStockRow = Pick<
  FbaStockRow,
  'marketplaceId' | 'fulfillable' | 'inbound' | 'reserved' | 'unfulfillable' | 'total' | 'amazonUpdated' | 'readAt'
> & {
  readonly sku: string;
  readonly amazonSku: string;
};

/** The product screen's "Estoque na Amazon (FBA)": each of the product's SKUs Amazon holds, per marketplace. */
export function fbaStockOfProduct(db: Db, productId: number, marketplaceId: string | null): FbaSkuStockRow[] {
  return db
    .prepare(
      `SELECT s.sku, f.sku AS amazonSku, f.marketplace_id AS marketplaceId, SUM(f.fulfillable) AS fulfillable, SUM(f.inbound) AS inbound,
         SUM(f.reserved) AS reserved, SUM(f.unfulfillable) AS unfulfillable, SUM(f.total) AS total, MAX(f.amazon_updated) AS amazonUpdated, MAX(f.read_at) AS readAt
       FROM skus s
       JOIN fba_inventory f ON (f.sku = s.sku OR f.sku IN (SELECT l.amazon_sku FROM listing_links l WHERE l.sku_id = s.id AND l.account_id = f.account_id AND l.marketplace_id = f.marketplace_id))
       WHERE s.product_id = @productId AND (@marketplaceId IS NULL OR f.marketplace_id = @marketplaceId)
       GROUP BY s.sku, f.sku, f.marketplace_id
       ORDER BY s.sku, f.marketplace_id`,
    )
    .all({ productId, marketplaceId }) as FbaSkuStockRow[];
}
