import type { Db } from '../connection';
import { timed } from '../connection';
import { productFilterSql, type ProductFilter } from './products';

export interface SelectionScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

/** Marks products as chosen for Amazon in a marketplace; answers how many were new. */
export function selectProducts(db: Db, scope: SelectionScope, productIds: readonly number[], now: number): number {
  const insert = db.prepare('INSERT OR IGNORE INTO listing_selections (account_id, marketplace_id, product_id, selected_at) VALUES (?, ?, ?, ?)');
  return db.transaction(() => productIds.reduce((n, id) => n + insert.run(scope.accountId, scope.marketplaceId, id, now).changes, 0))();
}

export function unselectProducts(db: Db, scope: SelectionScope, productIds: readonly number[]): number {
  const del = db.prepare('DELETE FROM listing_selections WHERE account_id = ? AND marketplace_id = ? AND product_id = ?');
  return db.transaction(() => productIds.reduce((n, id) => n + del.run(scope.accountId, scope.marketplaceId, id).changes, 0))();
}

export function isSelected(db: Db, scope: SelectionScope, productId: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM listing_selections WHERE account_id = ? AND marketplace_id = ? AND product_id = ?')
      .get(scope.accountId, scope.marketplaceId, productId) !== undefined
  );
}

export function countSelected(db: Db, scope: SelectionScope): number {
  return db
    .prepare('SELECT COUNT(*) FROM listing_selections WHERE account_id = ? AND marketplace_id = ?')
    .pluck()
    .get(scope.accountId, scope.marketplaceId) as number;
}

export type SelectedBy = 'manual' | 'rule';

/**
 * Of the given products, those selected in the scope and how: chosen by the seller, or matched
 * by an enabled listing rule (the rules feature's `selected_products` view, which also lists the
 * manual choices). A product both chosen and matched answers `manual`: excluding it is up to the seller.
 */
export function selectedAmong(db: Db, scope: SelectionScope, productIds: readonly number[]): Map<number, SelectedBy> {
  if (productIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT product_id AS id, MIN(source) AS source FROM selected_products WHERE account_id = ? AND marketplace_id = ?
       AND product_id IN (SELECT value FROM json_each(?)) GROUP BY product_id`,
    )
    .all(scope.accountId, scope.marketplaceId, JSON.stringify(productIds)) as { id: number; source: string }[];
  return new Map(rows.map((r) => [r.id, r.source === 'manual' ? 'manual' : 'rule']));
}

/** Chooses every product of the catalog for a marketplace ("select all"); answers how many were new. */
export function selectAllProducts(db: Db, scope: SelectionScope, now: number): number {
  return db
    .prepare('INSERT OR IGNORE INTO listing_selections (account_id, marketplace_id, product_id, selected_at) SELECT ?, ?, id, ? FROM products')
    .run(scope.accountId, scope.marketplaceId, now).changes;
}

/**
 * Takes the seller's own choices among the products matching the filter out of the selection, in
 * one statement; listing rules keep selecting what they match. Answers how many were removed.
 */
export function unselectFiltered(db: Db, scope: SelectionScope, filter: ProductFilter): number {
  const { where, params } = productFilterSql(filter);
  return timed(
    'unselectFiltered',
    () =>
      db
        .prepare(
          `DELETE FROM listing_selections WHERE account_id = @accountId AND marketplace_id = @marketplaceId
         AND product_id IN (SELECT p.id FROM products p ${where})`,
        )
        .run({ ...params, accountId: scope.accountId, marketplaceId: scope.marketplaceId }).changes,
  );
}
