import type { Db } from '../db/connection';
import {
  restrictedSkusOf,
  restrictionsOfProduct,
  type RestrictionReason,
  type RestrictionState,
  type RestrictionView,
} from '../db/tables/listing-restrictions';
import type { Translator } from '../i18n';
import type { RestrictionItem } from '../../preload/contract';

/** Reason codes with their own explanation; any other (Amazon's error code for a refused ASIN) reads `other`. */
const EXPLAINED = new Set(['APPROVAL_REQUIRED', 'ASIN_NOT_FOUND', 'NOT_ELIGIBLE']);

type T = Pick<Translator, 't'>;

function explain(t: T['t'], reason: RestrictionReason): string {
  return t(`sync.restrictions.explain.${reason.code !== null && EXPLAINED.has(reason.code) ? reason.code : 'other'}`);
}

/** The one line that names the restriction: approval first (it can be lifted), then the others. */
function labelOf(t: T['t'], view: RestrictionView): string {
  switch (view.state) {
    case 'pending':
      return t(view.lastError ? 'sync.restrictions.label.pendingFailed' : 'sync.restrictions.label.pending');
    case 'unverified':
      return t('sync.restrictions.label.unverified');
    case 'allowed':
      return t('sync.restrictions.label.allowed');
    case 'restricted': {
      const codes = view.reasons.map((r) => r.code);
      const code = codes.includes('APPROVAL_REQUIRED')
        ? 'APPROVAL_REQUIRED'
        : codes.includes('NOT_ELIGIBLE')
          ? 'NOT_ELIGIBLE'
          : codes.includes('ASIN_NOT_FOUND')
            ? 'ASIN_NOT_FOUND'
            : 'other';
      return t(`sync.restrictions.label.${code}`);
    }
  }
}

/** A cached answer as the seller reads it: our label and explanations, Amazon's words verbatim beside them. */
export function restrictionItem(translator: T, view: RestrictionView): RestrictionItem {
  const { t } = translator;
  return {
    marketplaceId: view.marketplaceId,
    sku: view.sku,
    productId: view.productId,
    title: view.title,
    asin: view.asin,
    state: view.state,
    label: labelOf(t, view),
    hint: view.state === 'restricted' ? null : t(`sync.restrictions.hint.${view.state === 'pending' && view.lastError ? 'pendingFailed' : view.state}`),
    reasons: view.reasons.map((r) => ({
      code: r.code,
      message: r.message,
      explanation: explain(t, r),
      links: r.links.map((l) => ({ url: l.url, title: l.title })),
    })),
    checkedAt: view.checkedAt,
    pendingSince: view.pendingSince,
    lastError: view.lastError,
  };
}

/** Sincronização: the marketplace's selected new offers in these states, in catalog order. */
export function restrictionsOfMarketplace(
  db: Db,
  translator: T,
  scope: { readonly accountId: string; readonly marketplaceId: string },
  query: { readonly states: readonly RestrictionState[]; readonly offset: number; readonly limit: number },
): { total: number; items: RestrictionItem[] } {
  const page = restrictedSkusOf(db, scope, query);
  return { total: page.total, items: page.items.map((v) => restrictionItem(translator, v)) };
}

/** The product screen: each SKU's answer in each of the account's marketplaces where it would be a new offer. */
export function restrictionsOfProductView(db: Db, translator: T, accountId: string, productId: number): RestrictionItem[] {
  return restrictionsOfProduct(db, accountId, productId).map((v) => restrictionItem(translator, v));
}
