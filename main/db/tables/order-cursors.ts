import type { Db } from '../connection';

/** Where the import of one account × marketplace stands. */
export interface OrderCursor {
  readonly accountId: string;
  readonly marketplaceId: string;
  /** End of the last fully imported window (the next search starts here, minus the overlap). */
  readonly lastUpdatedAfter: string | null;
  /** A multi-page search under way: its window and the token of the next page. */
  readonly pending: { readonly after: string; readonly before: string; readonly token: string; readonly since: string } | null;
}

interface CursorRecord {
  account_id: string;
  marketplace_id: string;
  last_updated_after: string | null;
  pending_after: string | null;
  pending_before: string | null;
  pending_token: string | null;
  pending_since: string | null;
}

export function getOrderCursor(db: Db, accountId: string, marketplaceId: string): OrderCursor {
  const r = db.prepare('SELECT * FROM order_cursors WHERE account_id = ? AND marketplace_id = ?').get(accountId, marketplaceId) as CursorRecord | undefined;
  const pending =
    r?.pending_after && r.pending_before && r.pending_token && r.pending_since
      ? { after: r.pending_after, before: r.pending_before, token: r.pending_token, since: r.pending_since }
      : null;
  return { accountId, marketplaceId, lastUpdatedAfter: r?.last_updated_after ?? null, pending };
}

/** Call inside the transaction that commits the page, so the cursor never runs ahead of the data. */
export function saveOrderCursor(db: Db, cursor: OrderCursor): void {
  db.prepare(
    `INSERT INTO order_cursors (account_id, marketplace_id, last_updated_after, pending_after, pending_before, pending_token, pending_since)
     VALUES (@accountId, @marketplaceId, @lastUpdatedAfter, @after, @before, @token, @since)
     ON CONFLICT (account_id, marketplace_id) DO UPDATE SET last_updated_after = excluded.last_updated_after,
       pending_after = excluded.pending_after, pending_before = excluded.pending_before,
       pending_token = excluded.pending_token, pending_since = excluded.pending_since`,
  ).run({
    accountId: cursor.accountId,
    marketplaceId: cursor.marketplaceId,
    lastUpdatedAfter: cursor.lastUpdatedAfter,
    after: cursor.pending?.after ?? null,
    before: cursor.pending?.before ?? null,
    token: cursor.pending?.token ?? null,
    since: cursor.pending?.since ?? null,
  });
}
