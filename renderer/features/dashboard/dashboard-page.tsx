import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import './dashboard.css';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { selectEnabledMarketplaces, selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { AccountHealthNotice } from '../accounts/account-health-notice';
import { AmazonStatus } from './amazon-status';
import { Checklist } from './checklist';
import { loadChecklist, selectChecklist, selectChecklistError, useChecklistStore } from './checklist-store';
import { DashboardCard } from './dashboard-card';
import { OrdersChart } from './orders-chart';
import { loadDashboard, selectSummary, selectSummaryError, useDashboardStore } from './dashboard-store';

/**
 * Início: the path to products live on Amazon (checklist) for the header's marketplace, where
 * the sync stands, and the orders of the last 30 days.
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const summary = useDashboardStore(selectSummary);
  const error = useDashboardStore(selectSummaryError);
  const checklist = useChecklistStore(selectChecklist);
  const checklistError = useChecklistStore(selectChecklistError);
  const accountId = useAccountsStore(selectSelectedAccount)?.id ?? null;
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const marketplace = marketplaces.find((m) => m.marketplaceId === marketplaceId);
  const scope = accountId && marketplaceId ? { accountId, marketplaceId } : null;
  const scopeKey = scope ? `${scope.accountId}/${scope.marketplaceId}` : '';

  useEffect(() => {
    void loadDashboard();
    void loadChecklist(scope);
    // Counters move when long work ends (an import, a send): refresh then, not on a timer.
    return subscribe('task:progress', (progress) => {
      if (!progress.finished) return;
      void loadDashboard();
      void loadChecklist(scope);
    });
  }, [scopeKey]);

  return (
    <section className="page" aria-labelledby="dashboard-title">
      <PageHeader id="dashboard-title" title={t('title')} subtitle={t('subtitle')} />
      <AccountHealthNotice />
      {error ? <ErrorNotice title={t('failed')} error={error} onRetry={() => void loadDashboard()} /> : null}
      {checklistError ? <ErrorNotice title={t('checklist.failed')} error={checklistError} onRetry={() => void loadChecklist(scope)} /> : null}
      <div className="dashboard-layout">
        <div className="dashboard-layout__main">
          {checklist ? <Checklist checklist={checklist} format={format} /> : <p role="status">{t('checklist.loading')}</p>}
          {summary ? <OrdersChart data={summary.ordersByDay} format={format} /> : null}
        </div>
        <div className="dashboard-layout__side">
          <AmazonStatus
            figures={checklist?.sync ?? null}
            summary={summary}
            marketplaceName={marketplace ? format.country(marketplace.countryCode) : ''}
            format={format}
            unknownLabel={t('counterUnknown')}
          />
          <DashboardCard
            id="orders"
            href={hrefFor('orders')}
            icon="orders"
            title={t('cards.orders.title')}
            description={t('cards.orders.description')}
            count={summary ? format.number(summary.ordersToShip) : null}
            unit={t('cards.orders.unit', { count: summary?.ordersToShip ?? 0 })}
            unknownLabel={t('counterUnknown')}
          />
        </div>
      </div>
    </section>
  );
}
