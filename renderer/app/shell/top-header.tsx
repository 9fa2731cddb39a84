import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  accountSelected,
  loadAccounts,
  marketplaceSelected,
  selectAccounts,
  selectEnabledMarketplaces,
  selectSelectedAccount,
  selectSelectedMarketplaceId,
  useAccountsStore,
} from '../../features/accounts/accounts-store';
import { SimulatedBadge } from '../../features/accounts/simulated-badge';
import { useFormat } from '../format';
import { hrefFor } from '../route-store';

/** Account and marketplace selectors, as in the store platforms' Amazon panels. */
export function TopHeader() {
  const { t } = useTranslation('shell');
  const format = useFormat();
  const accounts = useAccountsStore(selectAccounts);
  const account = useAccountsStore(selectSelectedAccount);
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const accountId = useId();
  const marketplaceSelectId = useId();

  useEffect(() => void loadAccounts(), []);

  return (
    <header className="top-header">
      <div className="top-header__selectors">
        <div className="field field--inline">
          <label htmlFor={accountId}>{t('header.account')}</label>
          <select
            id={accountId}
            disabled={accounts.length === 0}
            value={account?.id ?? ''}
            onChange={(e) => useAccountsStore.setState((s) => accountSelected(s, e.target.value))}
          >
            {accounts.length === 0 ? <option value="">{t('header.noAccount')}</option> : null}
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
          {account?.simulated ? <SimulatedBadge /> : null}
        </div>
        <div className="field field--inline">
          <label htmlFor={marketplaceSelectId}>{t('header.marketplace')}</label>
          <select
            id={marketplaceSelectId}
            disabled={marketplaces.length === 0}
            value={marketplaceId ?? ''}
            onChange={(e) => useAccountsStore.setState((s) => marketplaceSelected(s, e.target.value))}
          >
            {marketplaces.length === 0 ? <option value="">{t('header.noMarketplace')}</option> : null}
            {marketplaces.map((m) => (
              <option key={m.marketplaceId} value={m.marketplaceId}>
                {format.country(m.countryCode)} · {m.currency}
              </option>
            ))}
          </select>
        </div>
        {accounts.length === 0 ? (
          <a className="button button--primary button--small" href={hrefFor('accounts', 'connect')}>
            {t('header.connect')}
          </a>
        ) : null}
      </div>
    </header>
  );
}
