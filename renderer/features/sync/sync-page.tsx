import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import './sync.css';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { TabList } from '../../ui/tabs';
import { PageHeader } from '../../ui/page-header';
import { ProgressBar } from '../../ui/progress-bar';
import { selectEnabledMarketplaces, selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { AccountHealthNotice } from '../accounts/account-health-notice';
import { SyncActivity } from './sync-activity';
import { SyncCauses } from './sync-causes';
import { SyncCounters } from './sync-counters';
import { RunSummaryNotice } from './run-summary';
import { StatusPanel } from './status-table';
import { changeTab, isSyncStatus, refresh, selectInFlight, sendNow, setScope, showStatus, useSyncStore, watchSync, type SyncTab } from './sync-store';

const TABS: readonly SyncTab[] = ['products', 'activity'];

/** `#/sync`; `#/sync?status=error` (the failure notification's link) opens with that status filtered. */
export function SyncRoute({ query }: { readonly query: Readonly<Record<string, string>> | undefined }) {
  const status = query?.status;
  const ready = useSyncStore((s) => s.scope !== null);
  useEffect(() => {
    if (ready && isSyncStatus(status)) void showStatus(status);
  }, [status, ready]);
  return <SyncPage />;
}

/**
 * "Sincronização": what Vitrine sent to Amazon for the marketplace chosen in the header, what
 * needs the seller (grouped by cause, each with the screen that fixes it), every product's
 * status, and the cycles in plain words.
 */
export function SyncPage() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const accountId = useAccountsStore(selectSelectedAccount)?.id ?? null;
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const state = useSyncStore();
  const inFlight = selectInFlight(state);

  useEffect(() => {
    setScope(accountId && marketplaceId ? { accountId, marketplaceId } : null);
    void refresh();
  }, [accountId, marketplaceId]);
  useEffect(() => watchSync(), []);

  const marketplace = marketplaces.find((m) => m.marketplaceId === marketplaceId);
  const marketplaceName = marketplace ? format.country(marketplace.countryCode) : '';

  if (!state.scope) {
    return (
      <section className="page" aria-labelledby="sync-title">
        <PageHeader id="sync-title" title={t('title')} subtitle={t('subtitleNoScope')} />
        <p className="notice notice--info">{t('noScope')}</p>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="sync-title">
      <PageHeader
        id="sync-title"
        title={t('title')}
        subtitle={t('subtitle', { marketplace: marketplaceName })}
        actions={
          <>
            <a className="button button--secondary" href={hrefFor('settings')}>
              {t('settingsLink')}
            </a>
            <button type="button" className="button button--primary" disabled={state.running} aria-busy={state.running} onClick={() => void sendNow()}>
              {state.running ? t('run.running') : t('run.button')}
            </button>
          </>
        }
      />
      <AccountHealthNotice />
      <SyncCounters overview={state.overview} format={format} marketplaceName={marketplaceName} />
      <div className="sync-live" aria-live="polite">
        {state.running ? (
          <div role="status">
            <ProgressBar
              label={t('run.running')}
              text={t('run.progress', { count: inFlight, n: format.number(inFlight) })}
              done={state.progress?.done ?? 0}
              total={state.progress?.total ?? null}
            />
          </div>
        ) : null}
        {state.summary ? <RunSummaryNotice summary={state.summary} format={format} allMarketplaces={marketplaces.length > 1} /> : null}
      </div>
      {state.runError ? <ErrorNotice title={t('run.failed')} error={state.runError} /> : null}
      <SyncCauses overview={state.overview} format={format} />

      <TabList
        idPrefix="sync-tab"
        panelId="sync-panel"
        label={t('tabs.label')}
        tabs={TABS.map((tab) => ({ id: tab, label: t(`tabs.${tab}`) }))}
        current={state.tab}
        onChange={changeTab}
        className="sync-tabs"
      />
      <div id="sync-panel" role="tabpanel" aria-labelledby={`sync-tab-${state.tab}`} className="card sync-panel">
        {state.tab === 'products' ? <StatusPanel /> : null}
        {state.tab === 'activity' ? <SyncActivity /> : null}
      </div>
    </section>
  );
}
