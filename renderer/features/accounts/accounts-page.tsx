import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './accounts.css';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { AccountCard } from './account-card';
import {
  loadAccounts,
  removalImpact,
  removeAccount,
  saveMarketplaces,
  selectAccounts,
  selectAccountsError,
  selectAccountsLoaded,
  selectActionError,
  selectBusyAccountId,
  useAccountsStore,
  watchAccounts,
} from './accounts-store';

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const accounts = useAccountsStore(selectAccounts);
  const loaded = useAccountsStore(selectAccountsLoaded);
  const loadError = useAccountsStore(selectAccountsError);
  const actionError = useAccountsStore(selectActionError);
  const busyId = useAccountsStore(selectBusyAccountId);

  useEffect(() => {
    void loadAccounts();
    return watchAccounts();
  }, []);

  return (
    <section className="page" aria-labelledby="accounts-title">
      <PageHeader
        id="accounts-title"
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a className="button button--primary" href={hrefFor('accounts', 'connect')}>
            {t('connect')}
          </a>
        }
      />
      {loadError ? <ErrorNotice title={t('loadFailed')} error={loadError} onRetry={() => void loadAccounts()} /> : null}
      {actionError ? <ErrorNotice title={t('actionFailed')} error={actionError} /> : null}
      {loaded && accounts.length === 0 ? <p className="card empty-state">{t('empty')}</p> : null}
      <div className="accounts-grid">
        {accounts.map((account) => (
          <AccountCard
            key={account.id}
            account={account}
            format={format}
            busy={busyId === account.id}
            onSaveMarketplaces={(ids) => saveMarketplaces(account.id, ids)}
            onRemovalImpact={() => removalImpact(account.id)}
            onRemove={(deleteOrders) => void removeAccount(account.id, deleteOrders)}
          />
        ))}
      </div>
    </section>
  );
}
