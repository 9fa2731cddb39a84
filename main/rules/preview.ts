import type { RuleCondition, RulePreview } from '../../preload/contract/rules';
import type { SelectionScope } from '../db/tables/listing-selections';
import { previewRule, type PreviewRow } from '../db/tables/rule-matches';
import { problemMessages } from '../selection/product-checks';
import { checkScope } from '../selection/include-products';
import type { Services } from '../services';

/**
 * Included products checked for readiness in one go when there are at most this many; above it,
 * each page is checked as the seller turns it (a check costs a few milliseconds per product).
 */
export const READY_COUNT_UP_TO = 200;

/**
 * What a rule would select and, for a marketplace, whether each included product would really be
 * sent: the same check as "Incluir produtos", so a rule never promises a product the send refuses.
 */
export function previewWithReadiness(
  services: Services,
  conditions: readonly RuleCondition[],
  page: { readonly offset: number; readonly limit: number },
  scope: SelectionScope | null,
): RulePreview {
  const p = previewRule(services.db, conditions, page, scope ? READY_COUNT_UP_TO : 0);
  const plain = (r: PreviewRow) => ({ productId: r.productId, key: r.key, title: r.title, failed: r.failed.map((f) => ({ ...f })) });
  const base = { total: p.total, included: p.included, failing: [...p.failing], excludedPage: p.excludedPage.map(plain) };
  if (!scope) return { ...base, includedPage: p.includedPage.map(plain) };
  const ids = new Set([...p.includedPage.map((r) => r.productId), ...(p.includedIds ?? [])]);
  const checks = new Map(checkScope(services, scope, [...ids]).map((c) => [c.productId, c]));
  return {
    ...base,
    includedPage: p.includedPage.map((r) => {
      const check = checks.get(r.productId);
      return { ...plain(r), ...(check ? { readiness: { status: check.status, problems: [...new Set(problemMessages(check))] } } : {}) };
    }),
    readyIncluded: p.includedIds ? p.includedIds.filter((id) => checks.get(id)?.status === 'ready').length : null,
  };
}
