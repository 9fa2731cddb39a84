import { useTranslation } from 'react-i18next';
import type { SyncOverview, SyncStatus } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { errorOf, valueOf, type Load } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import { countsOf, loadOverview } from './sync-store';

/** In the order a seller reads them: what is live, what needs attention, what is moving, the rest. */
export const COUNTER_ORDER: readonly SyncStatus[] = ['live', 'error', 'waiting', 'sending', 'pending', 'paused', 'skipped', 'removed'];

export interface SyncCountersProps {
  readonly overview: Load<SyncOverview>;
  readonly format: Formatters;
  readonly marketplaceName: string;
}

/** The header marketplace's products by status, and when Vitrine synced last and syncs next. */
export function SyncCounters({ overview, format, marketplaceName }: SyncCountersProps) {
  const { t } = useTranslation('sync');
  const value = valueOf(overview);
  const counts = value ? countsOf(value.counts) : null;
  const error = errorOf(overview);
  return (
    <div className="card sync-counters">
      <ul className="sync-counters__list" aria-label={t('counters.label', { marketplace: marketplaceName })}>
        {COUNTER_ORDER.map((status) => (
          <li key={status} className="sync-counters__item">
            <span className={`sync-status sync-status--${status}`}>{t(`status.${status}`)}</span>
            <strong className="sync-counters__value" data-testid={`sync-count-${status}`}>
              {counts ? format.number(counts[status]) : '—'}
            </strong>
          </li>
        ))}
      </ul>
      <p className="sync-counters__times">
        <span data-testid="sync-last">{value?.last ? t('counters.last', { when: format.dateTime(value.last) }) : t('counters.never')}</span>
        <span data-testid="sync-next">{value?.next ? t('counters.next', { when: format.dateTime(value.next) }) : t('counters.unscheduled')}</span>
      </p>
      {error ? <ErrorNotice title={t('counters.loadFailed')} error={error} onRetry={() => void loadOverview()} /> : null}
    </div>
  );
}
