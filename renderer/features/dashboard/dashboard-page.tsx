import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './dashboard.css';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import type { ScreenName } from '../../app/shell/nav-items';
import { ErrorNotice } from '../../ui/error-notice';
import type { IconName } from '../../ui/icon';
import { PageHeader } from '../../ui/page-header';
import { AmazonStatus } from './amazon-status';
import { DashboardCard } from './dashboard-card';
import { OrdersChart } from './orders-chart';
import { AccountHealthNotice } from '../accounts/account-health-notice';
import { loadDashboard, selectSummary, selectSummaryError, useDashboardStore, type Counter } from './dashboard-store';

const cards: readonly { readonly id: Exclude<ScreenName, 'dashboard'>; readonly icon: IconName; readonly counter: Counter }[] = [
  { id: 'products', icon: 'box', counter: 'products' },
  { id: 'orders', icon: 'orders', counter: 'ordersToShip' },
  { id: 'categories', icon: 'categories', counter: 'categoriesUnmapped' },
  { id: 'characteristics', icon: 'characteristics', counter: 'characteristics' },
  { id: 'settings', icon: 'settings', counter: 'accounts' },
];

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const summary = useDashboardStore(selectSummary);
  const error = useDashboardStore(selectSummaryError);

  useEffect(() => {
    void loadDashboard();
    // Counters move when long work ends (an import, a send): refresh then, not on a timer.
    return subscribe('task:progress', (progress) => {
      if (progress.finished) void loadDashboard();
    });
  }, []);

  return (
    <section className="page" aria-labelledby="dashboard-title">
      <PageHeader id="dashboard-title" title={t('title')} subtitle={t('subtitle')} />
      <AccountHealthNotice />
      {error ? <ErrorNotice title={t('failed')} error={error} onRetry={() => void loadDashboard()} /> : null}
      <div className="dashboard-grid">
        {cards.map(({ id, icon, counter }) => {
          const value = summary?.[counter] ?? null;
          return (
            <DashboardCard
              key={id}
              id={id}
              href={hrefFor(id)}
              icon={icon}
              title={t(`cards.${id}.title`)}
              description={t(`cards.${id}.description`)}
              count={value === null ? null : format.number(value)}
              unit={t(`cards.${id}.unit`, { count: value ?? 0 })}
              unknownLabel={t('counterUnknown')}
            />
          );
        })}
      </div>
      <div className="dashboard-figures">
        <AmazonStatus summary={summary} format={format} unknownLabel={t('counterUnknown')} />
        {summary ? <OrdersChart data={summary.ordersByDay} format={format} /> : null}
      </div>
    </section>
  );
}
