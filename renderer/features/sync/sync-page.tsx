import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import './sync.css';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { TabList } from '../../ui/tabs';
import { PageHeader } from '../../ui/page-header';
import { ProgressBar } from '../../ui/progress-bar';
import { selectEnabledMarketplaces, selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { AccountHealthNotice } from '../accounts/account-health-notice';
import { SyncActivity } from './sync-activity';
import { SyncCounters } from './sync-counters';
import { SyncSettingsForm } from './sync-settings';
import { StatusPanel } from './status-table';
import { changeTab, isSyncStatus, refresh, selectInFlight, sendNow, setScope, showStatus, useSyncStore, watchSync, type SyncTab } from './sync-store';

const TABS: readonly SyncTab[] = ['status', 'activity', 'settings'];

/** `#/sync`; `#/sync?status=error` (the failure notification's link) opens with that status filtered. */
export function SyncRoute({ query }: { readonly query: Readonly<Record<string, string>> | undefined }) {
  const status = query?.status;
  useEffect(() => {
    if (isSyncStatus(status)) void showStatus(status);
  }, [status]);
  return <SyncPage />;
}

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

  const marketplaceName = (id: string): string => {
    const m = marketplaces.find((x) => x.marketplaceId === id);
    return m ? format.country(m.countryCode) : id;
  };

  if (!state.scope) {
    return (
      <section className="page" aria-labelledby="sync-title">
        <PageHeader id="sync-title" title={t('title')} subtitle={t('subtitle')} />
        <p className="notice notice--info">{t('noScope')}</p>
      </section>
    );
  }

  const summary = state.summary;
  return (
    <section className="page" aria-labelledby="sync-title">
      <PageHeader
        id="sync-title"
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button type="button" className="button button--primary" disabled={state.running} aria-busy={state.running} onClick={() => void sendNow()}>
            {state.running ? t('run.running') : t('run.button')}
          </button>
        }
      />
      <AccountHealthNotice />
      <SyncCounters counts={state.counts} last={state.last} next={state.next} format={format} />
      <div className="sync-live" aria-live="polite">
        {state.running ? (
          <div role="status">
            <ProgressBar label={t('run.running')} text={t('run.progress', { count: format.number(inFlight) })} done={state.progress?.done ?? 0} total={state.progress?.total ?? null} />
          </div>
        ) : null}
        {summary ? (
          <p className="notice notice--info" data-testid="sync-summary">
            {t('run.summary', {
              sent: format.number(summary.sent),
              accepted: format.number(summary.accepted),
              failed: format.number(summary.failed),
              skipped: format.number(summary.skipped),
            })}
          </p>
        ) : null}
      </div>
      {state.runError ? <ErrorNotice title={t('run.failed')} error={state.runError} /> : null}

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
        {state.tab === 'status' ? <StatusPanel marketplaces={marketplaces} marketplaceName={marketplaceName} /> : null}
        {state.tab === 'activity' ? <SyncActivity marketplaceName={marketplaceName} /> : null}
        {state.tab === 'settings' ? <SyncSettingsForm scope={state.scope} marketplaceName={marketplaceName(state.scope.marketplaceId)} /> : null}
      </div>
    </section>
  );
}
