import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { AppError } from '../errors';

/**
 * The account and one of its enabled marketplaces, checked before Amazon is asked anything:
 * ACCOUNT_NOT_FOUND, or the feature's own "not enabled" error naming the marketplace and account.
 */
export function enabledMarketplaceOf(
  db: Db,
  accountId: string,
  marketplaceId: string,
  notEnabled: 'EAN_MARKETPLACE_NOT_ENABLED' | 'LINKING_MARKETPLACE_NOT_ENABLED',
) {
  const account = getAccount(db, accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  const marketplace = account.marketplaces.find((m) => m.marketplaceId === marketplaceId && m.enabled);
  if (!marketplace) throw new AppError(notEnabled, { marketplaceId, label: account.label });
  return { account, marketplace };
}
