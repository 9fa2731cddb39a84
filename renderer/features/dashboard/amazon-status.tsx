import { useTranslation } from 'react-i18next';
import type { Checklist, DashboardSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';

export interface AmazonStatusProps {
  /** The header marketplace's offers by state; null while unknown. */
  readonly figures: Checklist['sync'] | null;
  readonly summary: DashboardSummary | null;
  readonly marketplaceName: string;
  readonly format: Formatters;
  readonly unknownLabel: string;
}

const FIGURES = [
  { id: 'live', key: 'live', tone: 'ok' },
  { id: 'errors', key: 'errors', tone: 'error' },
  { id: 'waiting', key: 'waiting', tone: 'neutral' },
] as const;

/**
 * The header marketplace at a glance: offers by state, when Vitrine synced last and syncs next,
 * and the existing offers still waiting for the seller's decision (nothing is sent for them).
 */
export function AmazonStatus({ figures, summary, marketplaceName, format, unknownLabel }: AmazonStatusProps) {
  const { t } = useTranslation('dashboard');
  const when = (ms: number | null | undefined, none: string) => (ms === undefined ? unknownLabel : ms === null ? none : format.dateTime(ms));
  return (
    <section className="card dashboard-status" aria-labelledby="dashboard-status-title">
      <h2 id="dashboard-status-title" className="dashboard-status__title">
        {marketplaceName ? t('status.titleIn', { marketplace: marketplaceName }) : t('status.title')}
      </h2>
      <dl className="dashboard-status__figures">
        {FIGURES.map(({ id, key, tone }) => {
          const value = figures?.[key];
          return (
            <div key={id} className={`dashboard-status__figure dashboard-status__figure--${tone}`}>
              <dt>{t(`status.${id}`, { count: value ?? 0 })}</dt>
              <dd data-testid={`dashboard-status-${id}`}>{value === undefined ? unknownLabel : format.number(value)}</dd>
            </div>
          );
        })}
      </dl>
      <dl className="dashboard-status__times">
        <div>
          <dt>{t('status.lastSend')}</dt>
          <dd data-testid="dashboard-status-last-send">{when(summary?.lastSendAt, t('status.never'))}</dd>
        </div>
        <div>
          <dt>{t('status.nextSend')}</dt>
          <dd data-testid="dashboard-status-next-send">{when(summary?.nextSendAt, t('status.notScheduled'))}</dd>
        </div>
      </dl>
      <p className="dashboard-status__more">
        <a href={hrefFor('sync')}>{t('status.open')}</a>
      </p>
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
