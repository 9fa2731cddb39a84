import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import type { AccountRow } from '../db/tables/accounts';
import { getAccount } from '../db/tables/accounts';
import { asinsOfSkus, makeRestrictionsDue } from '../db/tables/listing-restrictions';
import { AppError } from '../errors';
import type { Locale } from '../../preload/contract';
import { createLogger } from '../log/logger';
import { checkRestrictions, type CheckSummary, type RestrictionsClient } from './check';

const logger = createLogger('restrictions');

/** Most ASINs one "check again" asks about at once (2 s of the 5/s plan after its burst). */
export const RECHECK_LIMIT = 20;

const AMAZON_LOCALES: Readonly<Record<Locale, string>> = { 'pt-BR': 'pt_BR', en: 'en_US', es: 'es_ES', sv: 'sv_SE' };

/**
 * Amazon's language for the reasons: the marketplace's own when the seller reads that language
 * (es_MX in Mexico for a Spanish-speaking seller), otherwise the seller's (Amazon falls back to
 * en_US where it has no translation).
 */
export function reasonLocale(uiLocale: Locale, marketplaceLanguage: string): string {
  const market = marketplaceLanguage.replace('-', '_');
  const ui = AMAZON_LOCALES[uiLocale];
  return market.split('_')[0] === ui.split('_')[0] ? market : ui;
}

export interface AccountCheckOptions {
  readonly db: Db;
  readonly client: RestrictionsClient;
  readonly clock: Clock;
  readonly account: AccountRow;
  readonly locale: Locale;
  readonly signal?: AbortSignal;
}

/**
 * Before a full cycle plans: every enabled marketplace's selected new offers are checked against
 * Amazon's listing restrictions (main/restrictions/check.ts). A marketplace whose check fails is
 * logged and left to the next cycle; its products keep waiting with their last state.
 */
export async function checkAccountRestrictions(options: AccountCheckOptions): Promise<void> {
  for (const m of options.account.marketplaces.filter((x) => x.enabled)) {
    if (options.signal?.aborted) return;
    try {
      await checkRestrictions({
        db: options.db,
        client: options.client,
        clock: options.clock,
        accountId: options.account.id,
        sellerId: options.account.sellerId,
        marketplaceId: m.marketplaceId,
        reasonLocale: reasonLocale(options.locale, m.language),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (err) {
      logger.warn(`restriction check for ${options.account.id} ${m.marketplaceId} failed`, err);
    }
  }
}

export interface RecheckOptions {
  readonly db: Db;
  readonly client: RestrictionsClient;
  readonly clock: Clock;
  readonly accountId: string;
  readonly marketplaceId: string;
  readonly locale: Locale;
  /** Catalog SKUs whose ASINs the seller wants asked again now. */
  readonly skus: readonly string[];
}

/**
 * "Verificar de novo": the seller asked for an approval and wants to know now. The SKUs' ASINs
 * are asked again at once (at most RECHECK_LIMIT); the answer re-plans them in the next full cycle.
 */
export async function recheckRestrictions(options: RecheckOptions): Promise<CheckSummary> {
  const account = getAccount(options.db, options.accountId);
  const marketplace = account?.marketplaces.find((m) => m.marketplaceId === options.marketplaceId);
  if (!account || !marketplace) throw new AppError('ACCOUNT_NOT_FOUND');
  const scope = { accountId: options.accountId, marketplaceId: options.marketplaceId };
  const asins = asinsOfSkus(options.db, options.skus).slice(0, RECHECK_LIMIT);
  makeRestrictionsDue(options.db, scope, asins, options.clock.now());
  return checkRestrictions({
    db: options.db,
    client: options.client,
    clock: options.clock,
    accountId: options.accountId,
    sellerId: account.sellerId,
    marketplaceId: options.marketplaceId,
    reasonLocale: reasonLocale(options.locale, marketplace.language),
    asins,
  });
}
