import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';

export interface AmazonStatusProps {
  readonly summary: DashboardSummary | null;
  readonly format: Formatters;
  readonly unknownLabel: string;
}

const figures = [
  { id: 'live', key: 'listingsLive', tone: 'ok' },
  { id: 'errors', key: 'listingsWithErrors', tone: 'error' },
  { id: 'waiting', key: 'listingsWaiting', tone: 'neutral' },
] as const;

/**
 * The send engine at a glance: offers by state, when Vitrine sent last and sends next, and the
 * existing offers still waiting for the seller's decision (nothing is sent for them).
 */
export function AmazonStatus({ summary, format, unknownLabel }: AmazonStatusProps) {
  const { t } = useTranslation('dashboard');
  const when = (ms: number | null | undefined, none: string) => (ms === undefined ? unknownLabel : ms === null ? none : format.dateTime(ms));
  return (
    <section className="card dashboard-status" aria-labelledby="dashboard-status-title">
      <h2 id="dashboard-status-title" className="dashboard-status__title">
        {t('status.title')}
      </h2>
      <dl className="dashboard-status__figures">
        {figures.map(({ id, key, tone }) => {
          const value = summary?.[key];
          return (
            <div key={id} className={`dashboard-status__figure dashboard-status__figure--${tone}`}>
              <dt>{t(`status.${id}`, { count: value ?? 0 })}</dt>
              <dd data-testid={`dashboard-status-${id}`}>{value === undefined ? unknownLabel : format.number(value)}</dd>
            </div>
          );
        })}
        <div className="dashboard-status__figure">
          <dt>{t('status.lastSend')}</dt>
          <dd data-testid="dashboard-status-last-send">{when(summary?.lastSendAt, t('status.never'))}</dd>
        </div>
        <div className="dashboard-status__figure">
          <dt>{t('status.nextSend')}</dt>
          <dd data-testid="dashboard-status-next-send">{when(summary?.nextSendAt, t('status.notScheduled'))}</dd>
        </div>
      </dl>
      {summary && summary.linksUnconfirmed > 0 ? (
        <p className="dashboard-status__links">
          <a href={hrefFor('linking')} data-testid="dashboard-status-links">
            {t('status.links', { count: summary.linksUnconfirmed, n: format.number(summary.linksUnconfirmed) })}
          </a>
        </p>
      ) : null}
    </section>
  );
}
