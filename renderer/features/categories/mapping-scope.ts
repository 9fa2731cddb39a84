import { selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';

export interface MappingScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

/** The account + marketplace chosen in the header: every mapping screen works inside it. */
export function useMappingScope(): MappingScope | null {
  const account = useAccountsStore(selectSelectedAccount);
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  return account && marketplaceId ? { accountId: account.id, marketplaceId } : null;
}
