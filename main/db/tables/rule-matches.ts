import type { RuleCondition } from '../../../preload/contract/rules';
import { assertNever } from '../../errors';
import type { Db } from '../connection';
import { timed } from '../connection';
import { EFFECTIVE_STOCK_SQL } from './kits';

/**
 * Listing rules evaluated in SQL, in one streaming pass: products in id order, each joined to
 * its active SKUs through skus_product and grouped, so SKU conditions (stock, EAN, price) are
 * aggregates of that group instead of one correlated subquery per product and condition
 * (those cost ~250 ms each on 100k products).
 */
const GROUPED_FROM = 'FROM products p LEFT JOIN skus s ON s.product_id = p.id AND s.active = 1';
const STOCK = `COALESCE(SUM(${EFFECTIVE_STOCK_SQL}), 0)`;

interface Part {
  /** True when the product meets the condition; valid in the grouped query. */
  readonly ok: string;
  /** The product's own value, for "why excluded". */
  readonly actual: string;
}

/** Category ids with, on request, every descendant (one recursive query). */
function expandCategories(db: Db, ids: readonly number[], withChildren: boolean): number[] {
  if (!withChildren) return [...ids];
  return db
    .prepare(
      `WITH RECURSIVE tree(id) AS (SELECT value FROM json_each(?) UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id)
       SELECT id FROM tree`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

function compileOne(db: Db, c: RuleCondition, n: number, params: Record<string, unknown>): Part {
  const p = `c${n}`;
  switch (c.kind) {
    case 'category':
      params[p] = JSON.stringify(expandCategories(db, c.categoryIds, c.includeSubcategories));
      return { ok: `p.category_id IN (SELECT value FROM json_each(@${p}))`, actual: '(SELECT path FROM categories WHERE id = p.category_id)' };
    case 'brand':
      // NOCASE folds ASCII only; the screen offers the catalog's own brand spellings, so accents match as written.
      params[p] = JSON.stringify(c.brands.map((b) => b.trim()));
      return { ok: `trim(p.brand) COLLATE NOCASE IN (SELECT value FROM json_each(@${p}))`, actual: 'p.brand' };
    case 'characteristic': {
      params[`${p}n`] = c.name.trim();
      params[p] = JSON.stringify(c.values.map((v) => v.trim()));
      const from = `FROM product_characteristics pc JOIN characteristics ch ON ch.id = pc.characteristic_id WHERE pc.product_id = p.id AND ch.name = @${p}n`;
      return { ok: `EXISTS (SELECT 1 ${from} AND trim(pc.value) COLLATE NOCASE IN (SELECT value FROM json_each(@${p})))`, actual: `(SELECT pc.value ${from})` };
    }
    case 'price':
      // Any active SKU in range: a product whose sizes cost 90 and 110 belongs to "up to 100".
      params[`${p}min`] = c.minCents;
      params[`${p}max`] = c.maxCents;
      return {
        ok: `COALESCE(SUM(s.price_cents IS NOT NULL AND (@${p}min IS NULL OR s.price_cents >= @${p}min) AND (@${p}max IS NULL OR s.price_cents <= @${p}max)), 0) > 0`,
        actual: `MIN(s.price_cents) || '|' || MAX(s.price_cents)`,
      };
    case 'stock':
      params[p] = c.min;
      return { ok: `${STOCK} >= @${p}`, actual: STOCK };
    case 'valid-ean':
      // Every active SKU needs a valid code: Amazon refuses the ones without, so "some" would still fail on send.
      return {
        ok: `COUNT(s.id) > 0 AND COALESCE(SUM(s.gtin_status <> 'valid'), 0) = 0`,
        actual: `COALESCE(SUM(s.gtin_status <> 'valid'), 0) || '/' || COUNT(s.id)`,
      };
    default:
      return assertNever(c, 'rule condition');
  }
}

function compile(db: Db, conditions: readonly RuleCondition[]): { readonly parts: readonly Part[]; readonly params: Readonly<Record<string, unknown>> } {
  const params: Record<string, unknown> = {};
  return { parts: conditions.map((c, i) => compileOne(db, c, i, params)), params };
}

export interface PreviewRow {
  readonly productId: number;
  readonly key: string;
  readonly title: string;
  readonly failed: readonly { readonly index: number; readonly kind: RuleCondition['kind']; readonly actual: string | null }[];
}

export interface RulePreviewResult {
  readonly total: number;
  readonly included: number;
  readonly failing: readonly number[];
  readonly includedPage: readonly PreviewRow[];
  readonly excludedPage: readonly PreviewRow[];
  /** Every included product's id, when there are at most `includedIdsUpTo` of them (else null). */
  readonly includedIds: readonly number[] | null;
}

/**
 * What a rule would select, without touching the selection: counts, how many products each
 * condition rejects, and one page each of included and excluded products with the reason per
 * failed condition (the product's own value, so the seller sees "brand: Acme", not just "no").
 * The one pass writes a bit mask of failed conditions per product into a temp table; counts and
 * pages read that.
 */
export function previewRule(
  db: Db,
  conditions: readonly RuleCondition[],
  page: { readonly offset: number; readonly limit: number },
  includedIdsUpTo = 0,
): RulePreviewResult {
  return timed('previewRule', () =>
    db.transaction(() => {
      const { parts, params } = compile(db, conditions);
      db.exec('CREATE TEMP TABLE IF NOT EXISTS rule_preview (id INTEGER PRIMARY KEY, mask INTEGER NOT NULL)');
      db.exec('DELETE FROM temp.rule_preview');
      const mask = parts.map((x, i) => `(CASE WHEN ${x.ok} THEN 0 ELSE ${2 ** i} END)`).join(' | ');
      db.prepare(`INSERT INTO temp.rule_preview (id, mask) SELECT p.id, ${mask} ${GROUPED_FROM} GROUP BY p.id`).run(params);
      const counts = db
        .prepare(
          `SELECT COUNT(*) AS total, COALESCE(SUM(mask = 0), 0) AS included, ${parts.map((_, i) => `COALESCE(SUM((mask & ${2 ** i}) <> 0), 0) AS x${i}`).join(', ')} FROM temp.rule_preview`,
        )
        .get() as Record<string, number>;
      const pageOf = (included: boolean) =>
        db
          .prepare(
            `SELECT r.id, r.mask, p.key, p.title FROM temp.rule_preview r JOIN products p ON p.id = r.id
             WHERE (r.mask = 0) = @inc ORDER BY r.id LIMIT @limit OFFSET @offset`,
          )
          .all({ inc: included ? 1 : 0, limit: page.limit, offset: page.offset }) as { id: number; mask: number; key: string; title: string }[];
      const includedRows = pageOf(true);
      const excludedRows = pageOf(false);
      const actualById = new Map<number, Record<string, string | number | null>>();
      if (excludedRows.length > 0) {
        const rows = db
          .prepare(
            `SELECT p.id, ${parts.map((x, i) => `${x.actual} AS a${i}`).join(', ')} ${GROUPED_FROM} WHERE p.id IN (SELECT value FROM json_each(@ids)) GROUP BY p.id`,
          )
          .all({ ...params, ids: JSON.stringify(excludedRows.map((r) => r.id)) }) as Record<string, string | number | null>[];
        for (const r of rows) actualById.set(Number(r.id), r);
      }
      const toRow = (r: { id: number; mask: number; key: string; title: string }): PreviewRow => ({
        productId: r.id,
        key: r.key,
        title: r.title,
        failed: conditions.flatMap((c, i) => {
          if ((r.mask & (2 ** i)) === 0) return [];
          const actual = actualById.get(r.id)?.[`a${i}`];
          return [{ index: i, kind: c.kind, actual: actual === null || actual === undefined ? null : String(actual) }];
        }),
      });
      const included = counts.included ?? 0;
      const includedIds =
        included <= includedIdsUpTo ? (db.prepare('SELECT id FROM temp.rule_preview WHERE mask = 0 ORDER BY id').pluck().all() as number[]) : null;
      return {
        total: counts.total ?? 0,
        included,
        failing: conditions.map((_, i) => counts[`x${i}`] ?? 0),
        includedPage: includedRows.map(toRow),
        excludedPage: excludedRows.map(toRow),
        includedIds,
      };
    })(),
  );
}

/** The SELECT of the products a rule matches (id only), with its parameters. */
export function ruleMatchQuery(db: Db, conditions: readonly RuleCondition[]): { readonly sql: string; readonly params: Readonly<Record<string, unknown>> } {
  const { parts, params } = compile(db, conditions);
  return { sql: `SELECT p.id ${GROUPED_FROM} GROUP BY p.id HAVING ${parts.map((x) => `(${x.ok})`).join(' AND ')}`, params };
}

/** Rewrites one rule's matches from the catalog as it is now; answers how many products match. */
export function materializeRule(db: Db, ruleId: number, conditions: readonly RuleCondition[]): number {
  return timed('materializeRule', () => {
    const { sql, params } = ruleMatchQuery(db, conditions);
    db.prepare('DELETE FROM rule_matches WHERE rule_id = ?').run(ruleId);
    return db.prepare(`INSERT INTO rule_matches (rule_id, product_id) SELECT @ruleId, id FROM (${sql})`).run({ ...params, ruleId }).changes;
  });
}
