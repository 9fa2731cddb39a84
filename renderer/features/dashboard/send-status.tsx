import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';

const tiles = [
  { key: 'live', counter: 'listingsLive', tone: 'ok' },
  { key: 'errors', counter: 'listingsWithErrors', tone: 'danger' },
  { key: 'waiting', counter: 'listingsWaiting', tone: 'neutral' },
  { key: 'links', counter: 'linksUnconfirmed', tone: 'neutral' },
] as const satisfies readonly { key: string; counter: keyof DashboardSummary; tone: string }[];

/** Where the catalog stands on Amazon: offers live, failing, waiting; when the last and next sends run. */
export function SendStatus({ summary, format, now }: { readonly summary: DashboardSummary; readonly format: Formatters; readonly now: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="card send-status" aria-labelledby="send-status-title">
      <h2 id="send-status-title" className="card__title">
        {t('sending.title')}
      </h2>
      <ul className="send-status__tiles">
        {tiles.map(({ key, counter, tone }) => {
          const value = summary[counter];
          return (
            <li key={key} className={`stat stat--${value > 0 ? tone : 'neutral'}`} data-testid={`send-${key}`}>
              <span className="stat__value">{format.number(value)}</span>
              <span className="stat__label">{t(`sending.${key}`, { count: value })}</span>
            </li>
          );
        })}
      </ul>
      <p className="send-status__times">
        <span>{summary.lastSendAt === null ? t('sending.neverSent') : t('sending.lastSend', { when: format.relativeTime(summary.lastSendAt, now) })}</span>
        <span>{summary.nextSendAt === null ? t('sending.noSchedule') : t('sending.nextSend', { when: format.dateTime(summary.nextSendAt) })}</span>
      </p>
    </section>
  );
}
