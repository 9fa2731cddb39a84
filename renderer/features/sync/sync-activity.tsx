import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useFormat, type Formatters } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { selectEnabledMarketplaces, useAccountsStore } from '../accounts/accounts-store';
import { FeedDocumentDialog } from './feed-document-dialog';
import { formatBytes, formatDuration } from './sync-format';
import {
  ACTIVITY_PAGE_SIZE,
  loadActivity,
  moveActivity,
  openDocument,
  selectActivity,
  selectActivityError,
  useSyncStore,
  type SyncFeed,
  type SyncRun,
} from './sync-store';

/** Amazon's feed processing states a seller may meet (anything else is shown as Amazon wrote it). */
const PROCESSING = ['DONE', 'IN_PROGRESS', 'IN_QUEUE', 'CANCELLED', 'FATAL'] as const;

/** Every cycle, newest first, in plain words; the files (feeds) each one sent stay behind "Detalhes técnicos". */
export function SyncActivity() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const state = useSyncStore();
  const page = selectActivity(state);
  const error = selectActivityError(state);
  const last = page ? Math.min(state.activityOffset + ACTIVITY_PAGE_SIZE, page.total) : 0;
  return (
    <>
      <p className="field-help sync-activity__intro">{t('activity.intro')}</p>
      {error ? <ErrorNotice title={t('activity.loadFailed')} error={error} onRetry={() => void loadActivity()} /> : null}
      {page && page.total === 0 ? <p className="empty-state">{t('activity.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ol className="sync-runs" aria-label={t('activity.label')}>
          {page.items.map((run) => (
            <li key={run.id}>
              <RunCard run={run} format={format} />
            </li>
          ))}
        </ol>
      ) : null}
      {page && page.total > ACTIVITY_PAGE_SIZE ? (
        <nav className="sync-pager" aria-label={t('pager.label')}>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={state.activityOffset === 0}
            onClick={() => void moveActivity(state.activityOffset - ACTIVITY_PAGE_SIZE)}
          >
            {t('pager.previous')}
          </button>
          <span>{t('pager.range', { from: format.number(state.activityOffset + 1), to: format.number(last), total: format.number(page.total) })}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={last >= page.total}
            onClick={() => void moveActivity(state.activityOffset + ACTIVITY_PAGE_SIZE)}
          >
            {t('pager.next')}
          </button>
        </nav>
      ) : null}
      <FeedDocumentDialog />
    </>
  );
}

/** One cycle as a sentence and a few figures: what kind, who started it, what Amazon took. */
function RunCard({ run, format }: { readonly run: SyncRun; readonly format: Formatters }) {
  const { t } = useTranslation('sync');
  const headingId = `sync-run-${run.id}`;
  const nothing = run.sent === 0 && run.state !== 'running';
  return (
    <article className={`sync-run sync-run--${run.state}`} aria-labelledby={headingId} data-testid={`sync-run-${run.id}`}>
      <h3 id={headingId} className="sync-run__title">
        <span>{t(`activity.lanes.${run.lane}`)}</span>
        <span className="sync-run__when">{format.dateTime(run.startedAt)}</span>
        <span className={`sync-run__state sync-run__state--${run.state}`}>{t(`activity.states.${run.state}`)}</span>
      </h3>
      <p className="sync-run__sentence">
        {t(`activity.triggers.${run.trigger}`)}
        {run.durationMs === null ? ` · ${t('activity.inProgress')}` : ` · ${t('activity.took', { duration: formatDuration(format.locale, run.durationMs) })}`}
      </p>
      {nothing ? (
        <p className="sync-run__empty">{t('activity.nothing')}</p>
      ) : (
        <dl className="sync-run__facts">
          {(['sent', 'accepted', 'failed'] as const).map((key) => (
            <div
              key={key}
              className={
                key === 'failed' && run.failed > 0 ? 'sync-run__fact--bad' : key === 'accepted' && run.accepted > 0 ? 'sync-run__fact--good' : undefined
              }
            >
              <dt>{t(`run.figures.${key}`)}</dt>
              <dd>{format.number(run[key])}</dd>
            </div>
          ))}
        </dl>
      )}
      {run.feeds.length > 0 ? (
        <details className="sync-run__technical">
          <summary>{t('activity.technical', { count: run.feeds.length })}</summary>
          <FeedTable feeds={run.feeds} format={format} />
        </details>
      ) : null}
    </article>
  );
}

function FeedTable({ feeds, format }: { readonly feeds: readonly SyncFeed[]; readonly format: Formatters }) {
  const { t } = useTranslation('sync');
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const marketplaceName = (id: string) => {
    const m = marketplaces.find((x) => x.marketplaceId === id);
    return m ? format.country(m.countryCode) : id;
  };
  return (
    <div className="sync-scroll">
      <table className="data-table sync-feeds">
        <caption className="visually-hidden">{t('activity.feeds.label')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.feeds.feedId')}</th>
            <th scope="col">{t('activity.feeds.marketplace')}</th>
            <th scope="col">{t('activity.feeds.step')}</th>
            <th scope="col" className="num">
              {t('activity.feeds.messages')}
            </th>
            <th scope="col" className="num">
              {t('activity.feeds.size')}
            </th>
            <th scope="col">{t('activity.feeds.processing')}</th>
            <th scope="col">{t('activity.feeds.result')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('activity.feeds.view')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {feeds.map((feed) => (
            <tr key={feed.id} data-feed-id={feed.feedId ?? ''}>
              <td>{feed.feedId ? <code>{feed.feedId}</code> : t('activity.feeds.notSubmitted')}</td>
              <td>{marketplaceName(feed.marketplaceId)}</td>
              <td>{t(`activity.steps.${feed.step}`, { defaultValue: feed.step })}</td>
              <td className="num">{format.number(feed.messages)}</td>
              <td className="num">{formatBytes(format.locale, feed.bytes)}</td>
              <td>
                {feed.processingStatus === null ? (
                  '—'
                ) : (
                  <>
                    {(PROCESSING as readonly string[]).includes(feed.processingStatus) ? t(`activity.processing.${feed.processingStatus}`) : null}{' '}
                    <code className="sync-feeds__code">{feed.processingStatus}</code>
                  </>
                )}
              </td>
              <td>
                {feed.error ? <span className="sync-feeds__error">{feed.error}</span> : null}
                {!feed.error && feed.accepted !== null
                  ? t('activity.feeds.resultFigures', { accepted: format.number(feed.accepted), invalid: format.number(feed.invalid ?? 0) })
                  : null}
                {!feed.error && feed.accepted === null ? '—' : null}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('activity.feeds.viewLabel', { feed: feed.feedId ?? String(feed.id) })}
                  onClick={() => void openDocument(feed.id, feed.feedId ?? String(feed.id))}
                >
                  {t('activity.feeds.view')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
