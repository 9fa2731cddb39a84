import type { RuleDraft } from '../../preload/contract/rules';
import type { Db } from '../db/connection';
import type { SelectionScope } from '../db/tables/listing-selections';
import {
  applyScopeExits,
  clearRuleMatches,
  countRuleSelected,
  deleteRuleRow,
  getRule,
  insertRule,
  listRules,
  listRuleScopes,
  markRuleEvaluated,
  setRuleEnabled,
  snapshotScopeMatches,
  updateRule,
  type StoredRule,
} from '../db/tables/listing-rules';
import { materializeRule } from '../db/tables/rule-matches';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';

const logger = createLogger('rules/apply');

export interface EvaluationSummary {
  /** Products selected by at least one enabled rule of the scope. */
  readonly matched: number;
  /** Products that stopped matching in this evaluation (and are not chosen by hand). */
  readonly exited: number;
}

/**
 * Re-evaluates every rule of a scope against the catalog as it is now, in one transaction, and
 * records the products that stopped matching with their rule's exit policy. The send engine
 * calls this at the start of every cycle (catalog imports change what rules select), and the
 * rules screen after a save.
 */
export function evaluateRules(db: Db, scope: SelectionScope, now: number): EvaluationSummary {
  return db.transaction(() => {
    snapshotScopeMatches(db, scope);
    for (const rule of listRules(db, scope)) {
      if (rule.enabled) materializeRule(db, rule.id, rule.conditions);
      else clearRuleMatches(db, rule.id);
      markRuleEvaluated(db, rule.id, now);
    }
    const exited = applyScopeExits(db, scope, now);
    const matched = countRuleSelected(db, scope);
    return { matched, exited };
  })();
}

/** Every scope that has rules (the background cycle's entry point). */
export function evaluateAllRules(db: Db, now: number): void {
  for (const scope of listRuleScopes(db)) {
    const summary = evaluateRules(db, scope, now);
    logger.info(`rules ${scope.accountId}/${scope.marketplaceId}: ${summary.matched} selected, ${summary.exited} stopped matching`);
  }
}

export function saveRule(db: Db, scope: SelectionScope, id: number | undefined, rule: RuleDraft, now: number): StoredRule {
  const ruleId = db.transaction(() => {
    if (id === undefined) return insertRule(db, scope, rule, now);
    const existing = getRule(db, id);
    if (!existing || existing.accountId !== scope.accountId || existing.marketplaceId !== scope.marketplaceId) throw new AppError('RULE_NOT_FOUND', { id });
    updateRule(db, id, rule, now);
    return id;
  })();
  evaluateRules(db, scope, now);
  return getRule(db, ruleId) as StoredRule;
}

/**
 * Deleting a rule is "stop matching everything" first: its products get their exit policy
 * (quantity 0 or left alone) exactly as if they had stopped matching, then the rule goes.
 */
export function deleteRule(db: Db, id: number, now: number): { deleted: boolean; exited: number } {
  const rule = getRule(db, id);
  if (!rule) return { deleted: false, exited: 0 };
  const scope = { accountId: rule.accountId, marketplaceId: rule.marketplaceId };
  return db.transaction(() => {
    setRuleEnabled(db, id, false);
    const { exited } = evaluateRules(db, scope, now);
    return { deleted: deleteRuleRow(db, id), exited };
  })();
}
