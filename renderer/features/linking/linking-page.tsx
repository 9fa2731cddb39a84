import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import './linking.css';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { TabList } from '../../ui/tabs';
import { PageHeader } from '../../ui/page-header';
import { selectEnabledMarketplaces, selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import type { LinkTreatment } from '../../../preload/contract';
import { AmazonOnlyTable, CatalogOnlyTable, LinkedTable } from './linking-tables';
import {
  changeTab,
  confirm,
  filterTreatment,
  importOffers,
  movePage,
  PAGE_SIZE,
  pageToggled as pageToggledState,
  refresh,
  readOffers,
  selectOverview,
  selectOverviewError,
  selectPage,
  selectPageError,
  setScope,
  toggled as toggledState,
  useLinkingStore,
  type LinkingTab,
} from './linking-store';

const TABS: readonly { readonly id: LinkingTab; readonly count: 'linked' | 'amazonOnly' | 'catalogOnly' }[] = [
  { id: 'linked', count: 'linked' },
  { id: 'amazon-only', count: 'amazonOnly' },
  { id: 'catalog-only', count: 'catalogOnly' },
];

/** `#/linking`: the seller's existing Amazon offers for the marketplace chosen in the header. */
export function LinkingPage() {
  const { t } = useTranslation('linking');
  const format = useFormat();
  const account = useAccountsStore(selectSelectedAccount);
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const state = useLinkingStore();
  const overview = selectOverview(state);
  const page = selectPage(state);
  const currency = marketplaces.find((m) => m.marketplaceId === marketplaceId)?.currency ?? null;

  useEffect(() => {
    setScope(account && marketplaceId ? { accountId: account.id, marketplaceId } : null);
    void refresh();
  }, [account, marketplaceId]);

  if (!state.scope) {
    return (
      <section className="page" aria-labelledby="linking-title">
        <PageHeader id="linking-title" title={t('title')} subtitle={t('subtitle')} />
        <p className="notice notice--info">{t('noScope')}</p>
      </section>
    );
  }

  const overviewError = selectOverviewError(state);
  const pageError = selectPageError(state);
  const counts = overview?.counts;
  const selectedCount = state.selected.size;
  const busy = state.busy !== null;
  const lastRead = overview?.lastRead;
  return (
    <section className="page" aria-labelledby="linking-title">
      <PageHeader
        id="linking-title"
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void readOffers()}>
            {state.busy === 'read' ? t('read.running') : t('read.button')}
          </button>
        }
      />
      {state.busy === 'read' ? (
        <p className="notice notice--info" role="status">
          {t(`progress.${state.phase ?? 'requested'}`)}
        </p>
      ) : null}
      {lastRead ? (
        <p className="linking-last-read" data-testid="linking-last-read">
          {lastRead.state === 'done' && lastRead.finishedAt !== null
            ? t('read.last', { when: format.dateTime(lastRead.finishedAt), count: lastRead.listings ?? 0, calls: lastRead.apiCalls })
            : t(`read.state.${lastRead.state}`)}
        </p>
      ) : (
        <p className="linking-last-read">{t('read.never')}</p>
      )}
      {state.notice ? (
        <p className="notice notice--info" role="status" data-testid="linking-notice">
          {t(state.notice.key, state.notice.values)}
        </p>
      ) : null}
      {state.actionError ? <ErrorNotice title={t('failed')} error={state.actionError} /> : null}
      {overviewError ? <ErrorNotice title={t('failed')} error={overviewError} onRetry={() => void refresh()} /> : null}

      {counts && counts.unconfirmed > 0 ? (
        <div className="card linking-decision" role="region" aria-label={t('decision.title')} data-testid="linking-decision">
          <p>
            <strong>{t('decision.waiting', { count: counts.unconfirmed })}</strong> {t('decision.explain')}
          </p>
          <div className="linking-decision__actions">
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void confirm('keep-amazon', true)}>
              {t('decision.keepAll')}
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void confirm('vitrine-manages', true)}>
              {t('decision.manageAll')}
            </button>
          </div>
        </div>
      ) : null}

      <TabList
        idPrefix="linking-tab"
        panelId="linking-panel"
        label={t('tabs.label')}
        tabs={TABS.map(({ id, count }) => ({
          id,
          label: (
            <>
              {t(`tabs.${id}`)}{' '}
              <span className="linking-tabs__count" data-testid={`linking-count-${id}`}>
                {counts ? format.number(counts[count]) : '—'}
              </span>
            </>
          ),
        }))}
        current={state.tab}
        onChange={changeTab}
      />

      <div id="linking-panel" role="tabpanel" aria-labelledby={`linking-tab-${state.tab}`} className="card linking-panel">
        <p className="linking-panel__help">{t(`help.${state.tab}`)}</p>
        <div className="linking-toolbar">
          {state.tab === 'linked' ? (
            <>
              <label className="field--inline">
                {t('filter.label')}
                <select value={state.treatment ?? ''} onChange={(e) => filterTreatment(e.target.value === '' ? null : (e.target.value as LinkTreatment))}>
                  <option value="">{t('filter.all')}</option>
                  <option value="unconfirmed">{t('treatment.unconfirmed')}</option>
                  <option value="keep-amazon">{t('treatment.keep-amazon')}</option>
                  <option value="vitrine-manages">{t('treatment.vitrine-manages')}</option>
                </select>
              </label>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy || selectedCount === 0}
                onClick={() => void confirm('keep-amazon', false)}
              >
                {t('actions.keep', { count: selectedCount })}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy || selectedCount === 0}
                onClick={() => void confirm('vitrine-manages', false)}
              >
                {t('actions.manage', { count: selectedCount })}
              </button>
            </>
          ) : null}
          {state.tab === 'amazon-only' ? (
            <>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy || selectedCount === 0}
                onClick={() => void importOffers(false)}
              >
                {t('actions.import', { count: selectedCount })}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy || !counts?.amazonOnly}
                onClick={() => void importOffers(true)}
              >
                {t('actions.importAll')}
              </button>
            </>
          ) : null}
        </div>
        {pageError ? <ErrorNotice title={t('failed')} error={pageError} onRetry={() => void refresh()} /> : null}
        {page && page.total === 0 ? <p className="empty-state">{t(`empty.${page.tab}`)}</p> : null}
        {page?.tab === 'linked' && page.items.length > 0 ? (
          <LinkedTable
            items={page.items}
            format={format}
            currency={currency}
            selected={state.selected}
            onToggle={(sku) => useLinkingStore.setState((s) => toggledState(s, sku))}
            onTogglePage={() =>
              useLinkingStore.setState((s) =>
                pageToggledState(
                  s,
                  page.items.map((i) => i.amazonSku),
                ),
              )
            }
          />
        ) : null}
        {page?.tab === 'amazon-only' && page.items.length > 0 ? (
          <AmazonOnlyTable
            items={page.items}
            format={format}
            currency={currency}
            selected={state.selected}
            onToggle={(sku) => useLinkingStore.setState((s) => toggledState(s, sku))}
            onTogglePage={() =>
              useLinkingStore.setState((s) =>
                pageToggledState(
                  s,
                  page.items.map((i) => i.sku),
                ),
              )
            }
          />
        ) : null}
        {page?.tab === 'catalog-only' && page.items.length > 0 ? <CatalogOnlyTable items={page.items} format={format} /> : null}
        {page && page.total > PAGE_SIZE ? (
          <nav className="linking-pager" aria-label={t('pager.label')}>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={state.offset === 0}
              onClick={() => movePage(state.offset - PAGE_SIZE)}
            >
              {t('pager.previous')}
            </button>
            <span>
              {t('pager.range', {
                from: format.number(state.offset + 1),
                to: format.number(Math.min(state.offset + PAGE_SIZE, page.total)),
                total: format.number(page.total),
              })}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={state.offset + PAGE_SIZE >= page.total}
              onClick={() => movePage(state.offset + PAGE_SIZE)}
            >
              {t('pager.next')}
            </button>
          </nav>
        ) : null}
      </div>
    </section>
  );
}
