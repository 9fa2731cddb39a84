import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';

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

/** The send engine at a glance: offers by state, and when Vitrine sent last and sends next. */
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
    </section>
  );
}
