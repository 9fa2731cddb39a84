import type { SyncCause, SyncCauseGroup, SyncFix, SyncOverview, SyncProductRow } from '../../preload/contract/sync';
import { readSendTimes } from '../db/tables/dashboard';
import { findCachedSchema } from '../db/tables/product-type-schemas';
import {
  countStatusesIn,
  lastRunOf,
  listCauseGroups,
  listOverviewRows,
  type CauseGroup,
  type MarketplaceScope,
  type OverviewQuery,
} from '../db/tables/sync-overview';
import { getAccount } from '../db/tables/accounts';
import { STORE_FILLED } from '../mapping/attributes';
import { schemaLocale } from '../mapping/schemas';
import type { Services } from '../services';
import { languageTag } from './catalog-source';
import { describeStatusRow } from './status-rows';

type Translate = Services['translator'];

/**
 * Our reasons for not sending a SKU: where the seller fixes each, and whether it is a problem at
 * all (a product the seller did not select, or a kit with kits switched off, is a choice).
 */
const REASONS: Readonly<Record<string, { readonly fix: SyncFix['screen'] | null; readonly needsAction: boolean }>> = {
  no_category: { fix: 'products', needsAction: true },
  category_unmapped: { fix: 'categories', needsAction: true },
  schema_missing: { fix: 'categories', needsAction: true },
  LISTING_NO_VARIATION_THEME: { fix: 'categories', needsAction: true },
  LISTING_OFFER_WITHOUT_ASIN: { fix: 'products', needsAction: true },
  LISTING_BUILD_FAILED: { fix: 'products', needsAction: true },
  link_unconfirmed: { fix: 'linking', needsAction: true },
  link_keeps_amazon: { fix: 'linking', needsAction: false },
  rule_exit_leave: { fix: 'rules', needsAction: false },
  kit_not_sent: { fix: 'settings', needsAction: false },
  variations_not_sent: { fix: 'settings', needsAction: false },
  below_safety_stock: { fix: 'settings', needsAction: false },
  not_selected: { fix: 'selection', needsAction: false },
  deselected: { fix: 'selection', needsAction: false },
  inactive: { fix: 'products', needsAction: false },
  deleted: { fix: null, needsAction: false },
  no_price: { fix: 'products', needsAction: true },
  gtin_rejected: { fix: 'products', needsAction: true },
  ean_missing: { fix: 'products', needsAction: true },
  ean_invalid: { fix: 'products', needsAction: true },
  listing_invalid: { fix: 'characteristics', needsAction: true },
  fba_not_stopped: { fix: null, needsAction: false },
  // Listing restrictions (main/restrictions): the approval happens on Amazon, through the link each product shows.
  restricted: { fix: null, needsAction: true },
  restriction_pending: { fix: null, needsAction: true },
};

/** Issue codes meaning "a required value is missing": Amazon's 90220, the local validator's own. */
const MISSING_CODES = new Set(['90220', 'missing', 'missing_field']);
/** Whole-document failures: nothing for the seller to fix, the SKUs go again next cycle. */
const DOCUMENT_CODES = new Set(['FATAL', 'FAILED', 'FEED_NOT_FOUND', 'FEED_OVERDUE', 'FEED_UNCONFIRMED']);
/** The local check before sending (main/sync/delta.ts): its messages are already the seller's words. */
const LOCAL_LISTING = 'VITRINE_LISTING';
const LOCAL_EAN = 'VITRINE_EAN';
const CREDENTIALS = 'ACCOUNT_CREDENTIALS_REJECTED';

/** "Cor não preenchida: preencha o valor…" → label "Cor não preenchida", hint "Preencha o valor…". */
function splitMessage(message: string): { readonly head: string; readonly rest: string } | null {
  const at = message.indexOf(': ');
  if (at <= 0) return null;
  const rest = message.slice(at + 2).trim();
  return rest === '' ? null : { head: message.slice(0, at).trim(), rest: rest.charAt(0).toUpperCase() + rest.slice(1) };
}

/** Store columns that fill an attribute and where they are edited (the rest are characteristic mappings). */
function storeFix(attribute: string): SyncFix['screen'] | null {
  const field = STORE_FILLED[attribute];
  if (field === undefined) return null;
  if (field === 'offer') return 'settings';
  if (field === 'variations') return 'categories';
  return 'products';
}

/** Attribute titles from the cached product type schemas, in the marketplace's language. */
function attributeTitles(services: Services, scope: MarketplaceScope) {
  const marketplace = getAccount(services.db, scope.accountId)?.marketplaces.find((m) => m.marketplaceId === scope.marketplaceId);
  const locale = schemaLocale(marketplace ? languageTag(marketplace.language) : undefined);
  const schemas = new Map<string, Readonly<Record<string, unknown>> | null>();
  return (productType: string | null, attribute: string): string | null => {
    if (!productType || !attribute) return null;
    if (!schemas.has(productType)) schemas.set(productType, findCachedSchema(services.db, scope.marketplaceId, productType, locale)?.schema ?? null);
    const properties = schemas.get(productType)?.['properties'] as Record<string, { title?: unknown } | undefined> | undefined;
    const title = properties?.[attribute]?.title;
    return typeof title === 'string' && title.trim() !== '' ? title : null;
  };
}

function describeGroup(group: CauseGroup, t: Translate['t'], has: (key: string) => boolean, titleOf: ReturnType<typeof attributeTitles>): SyncCauseGroup {
  const base = { cause: group.key as SyncCause, skus: group.skus, amazonMessage: group.example };
  switch (group.key.kind) {
    case 'reason': {
      const { reason } = group.key;
      const known = REASONS[reason];
      const label = has(`sync.causes.reasons.${reason}`)
        ? t(`sync.causes.reasons.${reason}`)
        : has(`sync.reasons.${reason}`)
          ? t(`sync.reasons.${reason}`)
          : reason;
      const hint = has(`sync.reasons.${reason}`) ? t(`sync.reasons.${reason}`) : t('sync.causes.hints.other');
      return {
        ...base,
        amazonMessage: null,
        label,
        hint,
        needsAction: known?.needsAction ?? group.key.status === 'error',
        fix: known?.fix ? { screen: known.fix, param: null } : null,
      };
    }
    case 'issue': {
      const { code, attribute } = group.key;
      if (DOCUMENT_CODES.has(code)) return { ...base, label: t('sync.causes.document'), hint: t(`sync.explain.${code}`), needsAction: false, fix: null };
      if (code === CREDENTIALS)
        return {
          ...base,
          amazonMessage: null,
          label: t('sync.causes.credentials'),
          hint: t(`sync.explain.${code}`),
          needsAction: true,
          fix: { screen: 'accounts', param: null },
        };
      const store = storeFix(attribute);
      const storeLabel = STORE_FILLED[attribute] ? t(`mapping.storeFields.${STORE_FILLED[attribute]}`) : null;
      const name = storeLabel ?? titleOf(group.productType, attribute) ?? attribute;
      const fix: SyncFix | null =
        code === LOCAL_EAN
          ? { screen: 'products', param: null }
          : !attribute
            ? null
            : store
              ? { screen: store, param: null }
              : { screen: 'characteristics', param: group.productType };
      if (code === LOCAL_EAN || code === LOCAL_LISTING) {
        // Vitrine's own check, worded per product by the listing validator: one shared message is the label.
        const parts = group.uniform && group.example ? splitMessage(group.example) : null;
        const label = parts?.head ?? (code === LOCAL_EAN ? t('sync.causes.issues.ean') : t('sync.causes.issues.rules', { attribute: name }));
        const hint = parts?.rest ?? (group.uniform && group.example ? group.example : t('sync.causes.hints.open'));
        return { ...base, amazonMessage: null, label, hint, needsAction: true, fix };
      }
      const kind = MISSING_CODES.has(code) ? 'missing' : code === '90000900' ? 'unknownAttribute' : code === '99022' ? 'count' : 'invalid';
      const label = attribute ? t(`sync.causes.issues.${kind}`, { attribute: name }) : t('sync.causes.issues.noAttribute', { code });
      const hint = !attribute
        ? t('sync.explain.other')
        : store === 'products'
          ? t('sync.causes.hints.products', { field: name })
          : store === 'settings'
            ? t('sync.causes.hints.settings')
            : store === 'categories'
              ? t('sync.causes.hints.variations')
              : t('sync.causes.hints.characteristics', { attribute: name });
      return { ...base, label, hint, needsAction: true, fix };
    }
    case 'unknown':
      return { ...base, label: t('sync.causes.unknown'), hint: t('sync.explain.other'), needsAction: true, fix: null };
  }
}

/** The Sincronização screen's header for one marketplace: counts, causes (needing action first) and times. */
export function syncOverview(services: Services, scope: MarketplaceScope): SyncOverview {
  const { t } = services.translator;
  const has = (key: string) => services.translator.has(key);
  const titleOf = attributeTitles(services, scope);
  const groups = listCauseGroups(services.db, scope).map((g) => describeGroup(g, t, has, titleOf));
  const run = lastRunOf(services.db, scope.accountId);
  const times = readSendTimes(services.db);
  return {
    counts: countStatusesIn(services.db, scope),
    // Stable: needing action first, then by size (already sorted by size).
    groups: [...groups.filter((g) => g.needsAction), ...groups.filter((g) => !g.needsAction)],
    failedRun:
      run?.state === 'failed'
        ? { at: run.finishedAt ?? run.startedAt, message: run.error === 'credentials_rejected' ? t(`sync.explain.${CREDENTIALS}`) : t('sync.causes.runFailed') }
        : null,
    last: times.lastSendAt,
    next: times.nextSendAt,
  };
}

/** One page of the marketplace's rows with the product each belongs to, in the seller's language. */
export function syncProducts(services: Services, query: OverviewQuery): { total: number; items: SyncProductRow[] } {
  const page = listOverviewRows(services.db, query);
  return {
    total: page.total,
    items: page.items.map((r) => ({
      ...describeStatusRow(services.translator, query, r),
      productId: r.productId,
      title: r.title,
    })),
  };
}
