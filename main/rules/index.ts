/**
 * Listing rules: products selected per account × marketplace by conditions.
 *
 * For the send engine (main/sync/): call `evaluateRules(db, scope, now)` (or
 * `evaluateAllRules(db, now)`) at the start of each cycle; then the selection is the
 * `selected_products` view (manual choices from the mapping feature + rule matches, with a
 * `source` of `manual` or `rule:<id>`), also as `selectedProductIds(db, scope)`. Products that
 * stopped matching are in `ruleExits(db, scope)`: `zero-quantity` → send quantity 0 once,
 * `leave` → send nothing for them.
 * In the app, `setupRules` also re-evaluates every 10 minutes, so the selection follows imports.
 */
export { evaluateRules, evaluateAllRules, saveRule, deleteRule, type EvaluationSummary } from './apply';
export { ruleExits, selectedProductIds, selectionSources, listRules, listBrands, listCharacteristicValues } from '../db/tables/listing-rules';
export { previewRule } from '../db/tables/rule-matches';
export { setupRules } from './setup';
