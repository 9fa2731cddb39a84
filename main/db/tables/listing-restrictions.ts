import type { Db } from '../connection';
import { timed } from '../connection';

/**
 * Amazon's answer to "may this seller offer this ASIN?" (getListingsRestrictions), cached per
 * account × marketplace × ASIN × condition (migration 0011).
 */
export type RestrictionState = 'allowed' | 'restricted' | 'pending' | 'unverified';

/** One of Amazon's reasons, verbatim; only https links are kept (they open in the browser). */
export interface RestrictionReason {
  /** APPROVAL_REQUIRED, ASIN_NOT_FOUND, NOT_ELIGIBLE, or Amazon's error code for an ASIN it refused; null when Amazon gave none. */
  readonly code: string | null;
  readonly message: string;
  readonly links: readonly { readonly url: string; readonly title: string | null }[];
}

export interface RestrictionScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

export interface RestrictionKey extends RestrictionScope {
  readonly asin: string;
}

/**
 * Every listing goes out as new (main/listings/builder.ts DEFAULT_CONDITION; a unit test keeps the
 * two equal), so that is the condition asked about and cached.
 */
export const CHECKED_CONDITION = 'new_new';

/**
 * The cached state for a SKU of the send engine's row query (main/db/tables/skus-for-send.ts):
 * null for a SKU without an ASIN or whose ASIN was never checked. Reads `s.asin`, `:account`,
 * `:marketplace` from the surrounding query; one primary-key lookup.
 */
export const RESTRICTION_STATE_SQL = `CASE WHEN s.asin IS NOT NULL THEN (SELECT lr.state FROM listing_restrictions lr
  WHERE lr.account_id = :account AND lr.marketplace_id = :marketplace AND lr.asin = s.asin AND lr.condition_type = '${CHECKED_CONDITION}') END`;

// A SKU that would be a new offer: an ASIN, active, no link to an offer the seller already has on
// Amazon, and nothing Vitrine sent there yet (an offer already live needs no permission).
const NEW_OFFER_SQL = `FROM skus s JOIN products p ON p.id = s.product_id
  LEFT JOIN listing_links ll ON ll.account_id = :account AND ll.marketplace_id = :marketplace AND ll.sku_id = s.id
  LEFT JOIN sync_listings l ON l.account_id = :account AND l.marketplace_id = :marketplace AND l.sku = s.sku
  LEFT JOIN listing_restrictions lr ON lr.account_id = :account AND lr.marketplace_id = :marketplace AND lr.asin = s.asin
    AND lr.condition_type = '${CHECKED_CONDITION}'
  WHERE s.asin IS NOT NULL AND s.active = 1 AND ll.sku_id IS NULL AND COALESCE(l.on_amazon, 0) = 0`;

const SELECTED_SQL = `s.product_id IN (SELECT sp.product_id FROM selected_products sp WHERE sp.account_id = :account AND sp.marketplace_id = :marketplace)`;

export interface RestrictionCandidate {
  readonly asin: string;
  /** null: never asked. */
  readonly state: RestrictionState | null;
  /** True when the SKUs wait for this answer (no answer yet); false for an answer due again. */
  readonly blocking: boolean;
}

/**
 * The ASINs to ask Amazon about before a full cycle, most urgent first: selected new offers with
 * no answer yet (the longest waiting first), then those whose answer is due again. Then, with
 * `prefetch`, ASINs of products not selected that were never asked, so "Incluir produtos" can
 * count a restricted product apart before the seller includes it.
 */
export function restrictionCandidates(db: Db, scope: RestrictionScope, now: number, limit: number, prefetch = 0): RestrictionCandidate[] {
  const params = { account: scope.accountId, marketplace: scope.marketplaceId, now, limit };
  type Row = { asin: string; state: RestrictionState | null; blocking: number };
  const selected = timed('restrictionCandidates', () =>
    db
      .prepare(
        `SELECT s.asin AS asin, lr.state AS state, (lr.state IS NULL OR lr.state = 'pending') AS blocking
         ${NEW_OFFER_SQL} AND ${SELECTED_SQL} AND (lr.state IS NULL OR lr.state = 'pending' OR lr.next_check_at <= :now)
         GROUP BY s.asin
         ORDER BY blocking DESC, COALESCE(lr.pending_since, :now), lr.next_check_at, s.asin LIMIT :limit`,
      )
      .all(params),
  ) as Row[];
  const out: RestrictionCandidate[] = selected.map((r) => ({ asin: r.asin, state: r.state, blocking: r.blocking === 1 }));
  const room = Math.min(prefetch, limit - out.length);
  if (room <= 0) return out;
  const others = timed('restrictionPrefetch', () =>
    db
      .prepare(`SELECT s.asin AS asin ${NEW_OFFER_SQL} AND lr.asin IS NULL AND NOT (${SELECTED_SQL}) GROUP BY s.asin ORDER BY MIN(s.id) LIMIT :room`)
      .pluck()
      .all({ ...params, room }),
  ) as string[];
  return [...out, ...others.map((asin) => ({ asin, state: null, blocking: false }))];
}

/**
 * Every selected new offer whose ASIN was never asked about waits for the answer from now on
 * ("verificando na Amazon"), whether or not it fits this cycle's budget. Returns how many.
 */
export function markSelectedPending(db: Db, scope: RestrictionScope, now: number): number {
  return timed(
    'markSelectedPending',
    () =>
      db
        .prepare(
          `INSERT INTO listing_restrictions (account_id, marketplace_id, asin, condition_type, state, pending_since, next_check_at)
         SELECT DISTINCT :account, :marketplace, s.asin, '${CHECKED_CONDITION}', 'pending', :now, :now
         ${NEW_OFFER_SQL} AND lr.asin IS NULL AND ${SELECTED_SQL}
         ON CONFLICT (account_id, marketplace_id, asin, condition_type) DO NOTHING`,
        )
        .run({ account: scope.accountId, marketplace: scope.marketplaceId, now }).changes,
  );
}

/** Amazon answered: allowed or restricted (with its reasons), asked again at `nextCheckAt`. */
export function saveRestrictionAnswer(
  db: Db,
  key: RestrictionKey,
  answer: { readonly state: 'allowed' | 'restricted'; readonly reasons: readonly RestrictionReason[] },
  now: number,
  nextCheckAt: number,
): void {
  db.prepare(
    `INSERT INTO listing_restrictions (account_id, marketplace_id, asin, condition_type, state, reasons, checked_at, pending_since, attempts, last_error, next_check_at)
     VALUES (@account, @marketplace, @asin, '${CHECKED_CONDITION}', @state, @reasons, @now, NULL, 0, NULL, @next)
     ON CONFLICT (account_id, marketplace_id, asin, condition_type) DO UPDATE SET state = excluded.state, reasons = excluded.reasons, checked_at = excluded.checked_at,
       pending_since = NULL, attempts = 0, last_error = NULL, next_check_at = excluded.next_check_at`,
  ).run({
    account: key.accountId,
    marketplace: key.marketplaceId,
    asin: key.asin,
    state: answer.state,
    reasons: JSON.stringify(answer.reasons),
    now,
    next: nextCheckAt,
  });
}

/**
 * Amazon could not answer (429, 5xx, no connection…): the error is kept, the row stays due. A
 * product waiting for its first answer longer than `giveUpBefore` (pending since then, and at
 * least `minAttempts` failed tries) is let go as `unverified`. Rows that hold an earlier answer
 * keep it. Returns the ASINs let go.
 */
export function recordRestrictionFailures(
  db: Db,
  scope: RestrictionScope,
  asins: readonly string[],
  error: string,
  bound: { readonly giveUpBefore: number; readonly minAttempts: number },
): string[] {
  const stmt = db.prepare(
    `UPDATE listing_restrictions SET attempts = attempts + 1, last_error = @error,
       state = CASE WHEN state = 'pending' AND pending_since <= @giveUpBefore AND attempts + 1 >= @minAttempts THEN 'unverified' ELSE state END
     WHERE account_id = @account AND marketplace_id = @marketplace AND asin = @asin AND condition_type = '${CHECKED_CONDITION}'
     RETURNING state`,
  );
  const released: string[] = [];
  db.transaction(() => {
    for (const asin of asins) {
      const row = stmt.get({ account: scope.accountId, marketplace: scope.marketplaceId, asin, error, ...bound }) as { state: RestrictionState } | undefined;
      if (row?.state === 'unverified') released.push(asin);
    }
  })();
  return released;
}

/** The seller asks again: these ASINs' answers are due now (the row keeps its last answer until the new one). */
export function makeRestrictionsDue(db: Db, scope: RestrictionScope, asins: readonly string[], now: number): void {
  const stmt = db.prepare(
    `UPDATE listing_restrictions SET next_check_at = ? WHERE account_id = ? AND marketplace_id = ? AND asin = ? AND condition_type = '${CHECKED_CONDITION}'`,
  );
  db.transaction(() => {
    for (const asin of asins) stmt.run(now, scope.accountId, scope.marketplaceId, asin);
  })();
}

export interface RestrictionView {
  readonly marketplaceId: string;
  readonly sku: string;
  readonly productId: number;
  readonly title: string;
  readonly asin: string;
  readonly state: RestrictionState;
  readonly reasons: readonly RestrictionReason[];
  readonly checkedAt: number | null;
  readonly pendingSince: number | null;
  readonly lastError: string | null;
  readonly nextCheckAt: number;
}

type ViewRow = Readonly<Omit<RestrictionView, 'reasons'> & { reasons: string }>;

const VIEW_COLUMNS = `lr.marketplace_id AS marketplaceId, s.sku, s.product_id AS productId, COALESCE(s.title, p.title) AS title, s.asin,
  lr.state, lr.reasons, lr.checked_at AS checkedAt, lr.pending_since AS pendingSince, lr.last_error AS lastError, lr.next_check_at AS nextCheckAt`;

function fromViewRow(r: ViewRow): RestrictionView {
  return { ...r, reasons: JSON.parse(r.reasons) as RestrictionReason[] };
}

/**
 * The selected new offers of a marketplace in these states, with their product's name, in catalog
 * order: what the send engine holds back (Sincronização's "precisa de aprovação").
 */
export function restrictedSkusOf(
  db: Db,
  scope: RestrictionScope,
  query: { readonly states: readonly RestrictionState[]; readonly offset: number; readonly limit: number },
): { total: number; items: RestrictionView[] } {
  const params = { account: scope.accountId, marketplace: scope.marketplaceId, states: JSON.stringify(query.states), offset: query.offset, limit: query.limit };
  const where = `${NEW_OFFER_SQL} AND ${SELECTED_SQL} AND lr.state IN (SELECT value FROM json_each(:states))`;
  return timed('restrictedSkusOf', () => {
    const total = db.prepare(`SELECT count(*) ${where}`).pluck().get(params) as number;
    const rows = db.prepare(`SELECT ${VIEW_COLUMNS} ${where} ORDER BY s.product_id, s.id LIMIT :limit OFFSET :offset`).all(params) as ViewRow[];
    return { total, items: rows.map(fromViewRow) };
  });
}

/** A product's SKUs with a cached answer in the account's marketplaces that would be new offers there (the product screen). */
export function restrictionsOfProduct(db: Db, accountId: string, productId: number): RestrictionView[] {
  const rows = db
    .prepare(
      `SELECT ${VIEW_COLUMNS} FROM skus s JOIN products p ON p.id = s.product_id
       JOIN listing_restrictions lr ON lr.account_id = :account AND lr.asin = s.asin AND lr.condition_type = '${CHECKED_CONDITION}'
       LEFT JOIN listing_links ll ON ll.account_id = :account AND ll.marketplace_id = lr.marketplace_id AND ll.sku_id = s.id
       LEFT JOIN sync_listings l ON l.account_id = :account AND l.marketplace_id = lr.marketplace_id AND l.sku = s.sku
       WHERE s.product_id = :product AND s.asin IS NOT NULL AND ll.sku_id IS NULL AND COALESCE(l.on_amazon, 0) = 0
       ORDER BY s.id, lr.marketplace_id`,
    )
    .all({ account: accountId, product: productId }) as ViewRow[];
  return rows.map(fromViewRow);
}

/** The ASINs of these catalog SKUs (the seller's "check again" names SKUs). */
export function asinsOfSkus(db: Db, skus: readonly string[]): string[] {
  return db
    .prepare(`SELECT DISTINCT asin FROM skus WHERE sku IN (SELECT value FROM json_each(?)) AND asin IS NOT NULL ORDER BY asin`)
    .pluck()
    .all(JSON.stringify(skus)) as string[];
}

/** One cached answer (tests, the check's own bookkeeping). */
export function getRestriction(db: Db, key: RestrictionKey): Omit<RestrictionView, 'sku' | 'productId' | 'title'> | undefined {
  const r = db
    .prepare(
      `SELECT marketplace_id AS marketplaceId, asin, state, reasons, checked_at AS checkedAt, pending_since AS pendingSince, last_error AS lastError,
         next_check_at AS nextCheckAt FROM listing_restrictions
       WHERE account_id = ? AND marketplace_id = ? AND asin = ? AND condition_type = '${CHECKED_CONDITION}'`,
    )
    .get(key.accountId, key.marketplaceId, key.asin) as Omit<ViewRow, 'sku' | 'productId' | 'title'> | undefined;
  return r && { ...r, reasons: JSON.parse(r.reasons) as RestrictionReason[] };
}
