import type { RuleCondition, RuleDraft, RuleExit } from '../../../preload/contract/rules';
import type { Db } from '../connection';
import type { SelectionScope } from './listing-selections';

/** A listing rule as stored (migration 0007), with how many products it matched last time. */
export interface StoredRule extends RuleDraft {
  readonly id: number;
  readonly accountId: string;
  readonly marketplaceId: string;
  readonly matched: number;
  readonly evaluatedAt: number | null;
}

interface RuleRecord {
  id: number;
  account_id: string;
  marketplace_id: string;
  name: string;
  enabled: number;
  conditions: string;
  on_exit: RuleExit;
  evaluated_at: number | null;
  matched: number;
}

const SELECT_RULE = `SELECT r.*, (SELECT COUNT(*) FROM rule_matches m WHERE m.rule_id = r.id) AS matched FROM listing_rules r`;

const toRule = (r: RuleRecord): StoredRule => ({
  id: r.id,
  accountId: r.account_id,
  marketplaceId: r.marketplace_id,
  name: r.name,
  enabled: r.enabled === 1,
  conditions: JSON.parse(r.conditions) as RuleCondition[],
  onExit: r.on_exit,
  matched: r.matched,
  evaluatedAt: r.evaluated_at,
});

export function listRules(db: Db, scope: SelectionScope): StoredRule[] {
  return (
    db.prepare(`${SELECT_RULE} WHERE r.account_id = ? AND r.marketplace_id = ? ORDER BY r.id`).all(scope.accountId, scope.marketplaceId) as RuleRecord[]
  ).map(toRule);
}

export function getRule(db: Db, id: number): StoredRule | undefined {
  const row = db.prepare(`${SELECT_RULE} WHERE r.id = ?`).get(id) as RuleRecord | undefined;
  return row && toRule(row);
}

export function insertRule(db: Db, scope: SelectionScope, rule: RuleDraft, now: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO listing_rules (account_id, marketplace_id, name, enabled, conditions, on_exit, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(scope.accountId, scope.marketplaceId, rule.name, Number(rule.enabled), JSON.stringify(rule.conditions), rule.onExit, now, now).lastInsertRowid,
  );
}

export function updateRule(db: Db, id: number, rule: RuleDraft, now: number): boolean {
  return (
    db
      .prepare('UPDATE listing_rules SET name = ?, enabled = ?, conditions = ?, on_exit = ?, updated_at = ? WHERE id = ?')
      .run(rule.name, Number(rule.enabled), JSON.stringify(rule.conditions), rule.onExit, now, id).changes > 0
  );
}

export function setRuleEnabled(db: Db, id: number, enabled: boolean): void {
  db.prepare('UPDATE listing_rules SET enabled = ? WHERE id = ?').run(Number(enabled), id);
}

export function deleteRuleRow(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM listing_rules WHERE id = ?').run(id).changes > 0;
}

export function markRuleEvaluated(db: Db, id: number, now: number): void {
  db.prepare('UPDATE listing_rules SET evaluated_at = ? WHERE id = ?').run(now, id);
}

export function clearRuleMatches(db: Db, id: number): void {
  db.prepare('DELETE FROM rule_matches WHERE rule_id = ?').run(id);
}

/** Products selected by at least one enabled rule of the scope. */
export function countRuleSelected(db: Db, scope: SelectionScope): number {
  return db
    .prepare(
      `SELECT COUNT(DISTINCT m.product_id) FROM rule_matches m JOIN listing_rules r ON r.id = m.rule_id
       WHERE r.account_id = ? AND r.marketplace_id = ? AND r.enabled = 1`,
    )
    .pluck()
    .get(scope.accountId, scope.marketplaceId) as number;
}

/** Every scope that has rules, so a cycle can evaluate them all. */
export function listRuleScopes(db: Db): SelectionScope[] {
  return db.prepare('SELECT DISTINCT account_id AS accountId, marketplace_id AS marketplaceId FROM listing_rules ORDER BY 1, 2').all() as SelectionScope[];
}

/**
 * Remembers, before a re-evaluation, which products the scope's rules matched and the exit
 * policy that applies to each (quantity 0 wins over "leave" when two rules disagree: it is the
 * one that cannot leave a product buyable that the seller meant to stop). Temp table: per
 * connection, gone when the app closes. Disabled rules count too: evaluation clears their matches,
 * so matches still present were selecting when the rule was switched off (or is being deleted).
 */
export function snapshotScopeMatches(db: Db, scope: SelectionScope): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS rule_prev (product_id INTEGER PRIMARY KEY, on_exit TEXT NOT NULL)');
  db.exec('DELETE FROM temp.rule_prev');
  db.prepare(
    `INSERT INTO temp.rule_prev (product_id, on_exit)
     SELECT m.product_id, MAX(r.on_exit) FROM rule_matches m JOIN listing_rules r ON r.id = m.rule_id
     WHERE r.account_id = ? AND r.marketplace_id = ? GROUP BY m.product_id`,
  ).run(scope.accountId, scope.marketplaceId);
}

/**
 * After re-evaluation: products in the snapshot that nothing selects any more become exits
 * (the first exit time is kept), and products selected again stop being exits.
 * Answers how many products newly exited.
 */
export function applyScopeExits(db: Db, scope: SelectionScope, now: number): number {
  const exited = db
    .prepare(
      `INSERT OR IGNORE INTO rule_exits (account_id, marketplace_id, product_id, on_exit, exited_at)
       SELECT @accountId, @marketplaceId, prev.product_id, prev.on_exit, @now FROM temp.rule_prev prev
       WHERE NOT EXISTS (SELECT 1 FROM selected_products sp WHERE sp.account_id = @accountId AND sp.marketplace_id = @marketplaceId AND sp.product_id = prev.product_id)`,
    )
    .run({ ...scope, now }).changes;
  db.prepare(
    `DELETE FROM rule_exits WHERE account_id = @accountId AND marketplace_id = @marketplaceId AND product_id IN
       (SELECT product_id FROM selected_products WHERE account_id = @accountId AND marketplace_id = @marketplaceId)`,
  ).run(scope);
  return exited;
}

/**
 * For the send engine: products that left the selection because no rule matches them any more,
 * with what to do about their offer ('zero-quantity': send quantity 0; 'leave': send nothing).
 */
export function ruleExits(db: Db, scope: SelectionScope): Map<number, RuleExit> {
  const rows = db
    .prepare('SELECT product_id AS productId, on_exit AS onExit FROM rule_exits WHERE account_id = ? AND marketplace_id = ?')
    .all(scope.accountId, scope.marketplaceId) as { productId: number; onExit: RuleExit }[];
  return new Map(rows.map((r) => [r.productId, r.onExit]));
}

/** The selection of a scope: manual choices (mapping feature) plus current rule matches. */
export function selectedProductIds(db: Db, scope: SelectionScope): Set<number> {
  return new Set(
    db
      .prepare('SELECT DISTINCT product_id FROM selected_products WHERE account_id = ? AND marketplace_id = ?')
      .pluck()
      .all(scope.accountId, scope.marketplaceId) as number[],
  );
}

/** Why a product is selected: `manual` and/or `rule:<id>`; empty when it is not. */
export function selectionSources(db: Db, scope: SelectionScope, productId: number): string[] {
  return db
    .prepare('SELECT source FROM selected_products WHERE account_id = ? AND marketplace_id = ? AND product_id = ? ORDER BY source')
    .pluck()
    .all(scope.accountId, scope.marketplaceId, productId) as string[];
}

export function listBrands(db: Db): string[] {
  return db
    .prepare("SELECT DISTINCT trim(brand) FROM products WHERE brand IS NOT NULL AND trim(brand) <> '' ORDER BY 1 COLLATE NOCASE LIMIT 2000")
    .pluck()
    .all() as string[];
}

/** Characteristic names with their distinct values (capped: a free-text characteristic is not a picklist). */
export function listCharacteristicValues(db: Db, perName = 200): { name: string; values: string[] }[] {
  const rows = db
    .prepare(
      `SELECT ch.name, (SELECT json_group_array(v) FROM (SELECT DISTINCT pc.value AS v FROM product_characteristics pc
         WHERE pc.characteristic_id = ch.id ORDER BY 1 LIMIT ?)) AS vals FROM characteristics ch ORDER BY ch.name`,
    )
    .all(perName) as { name: string; vals: string }[];
  return rows.map((r) => ({ name: r.name, values: JSON.parse(r.vals) as string[] }));
}
