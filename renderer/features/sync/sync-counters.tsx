import { useTranslation } from 'react-i18next';
import type { SyncStatusName } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { errorOf, valueOf, type Load } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import type { StatusCounts } from './sync-store';

/** In the order a seller reads them: what is moving, what is done, what needs attention, the rest. */
export const COUNTER_ORDER: readonly SyncStatusName[] = ['waiting', 'sending', 'live', 'error', 'skipped', 'paused', 'removed', 'pending'];

export interface SyncCountersProps {
  readonly counts: Load<StatusCounts>;
  readonly last: number | null;
  readonly next: number | null;
  readonly format: Formatters;
}

export function SyncCounters({ counts, last, next, format }: SyncCountersProps) {
  const { t } = useTranslation('sync');
  const values = valueOf(counts);
  const error = errorOf(counts);
  return (
    <div className="card sync-counters">
      <ul className="sync-counters__list" aria-label={t('counters.label')}>
        {COUNTER_ORDER.map((status) => (
          <li key={status} className="sync-counters__item">
            <span className={`sync-status sync-status--${status}`}>{t(`status.${status}`)}</span>
            <strong className="sync-counters__value" data-testid={`sync-count-${status}`}>
              {values ? format.number(values[status]) : '—'}
            </strong>
          </li>
        ))}
      </ul>
      <p className="sync-counters__times">
        <span data-testid="sync-last">{last === null ? t('counters.never') : t('counters.last', { when: format.dateTime(last) })}</span>
        <span data-testid="sync-next">{next === null ? t('counters.unscheduled') : t('counters.next', { when: format.dateTime(next) })}</span>
      </p>
      {error ? <ErrorNotice title={t('counters.loadFailed')} error={error} /> : null}
    </div>
  );
}
