import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { FeedDocumentDialog } from './feed-document-dialog';
import { formatBytes, formatDuration } from './sync-format';
import { ACTIVITY_PAGE_SIZE, loadActivity, moveActivity, openDocument, selectActivity, selectActivityError, useSyncStore, type SyncFeed, type SyncRun } from './sync-store';

/** Every cycle, newest first, with the files (feeds) it sent and a way to read each one. */
export function SyncActivity({ marketplaceName }: { readonly marketplaceName: (id: string) => string }) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const state = useSyncStore();
  const page = selectActivity(state);
  const error = selectActivityError(state);
  const last = page ? Math.min(state.activityOffset + ACTIVITY_PAGE_SIZE, page.total) : 0;
  return (
    <>
      {error ? <ErrorNotice title={t('activity.loadFailed')} error={error} onRetry={() => void loadActivity()} /> : null}
      {page && page.total === 0 ? <p className="empty-state">{t('activity.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ol className="sync-runs" aria-label={t('activity.label')}>
          {page.items.map((run) => (
            <li key={run.id}>
              <RunCard run={run} format={format} marketplaceName={marketplaceName} />
            </li>
          ))}
        </ol>
      ) : null}
      {page && page.total > ACTIVITY_PAGE_SIZE ? (
        <nav className="sync-pager" aria-label={t('pager.label')}>
          <button type="button" className="button button--secondary button--small" disabled={state.activityOffset === 0} onClick={() => void moveActivity(state.activityOffset - ACTIVITY_PAGE_SIZE)}>
            {t('pager.previous')}
          </button>
          <span>{t('pager.range', { from: format.number(state.activityOffset + 1), to: format.number(last), total: format.number(page.total) })}</span>
          <button type="button" className="button button--secondary button--small" disabled={last >= page.total} onClick={() => void moveActivity(state.activityOffset + ACTIVITY_PAGE_SIZE)}>
            {t('pager.next')}
          </button>
        </nav>
      ) : null}
      <FeedDocumentDialog />
    </>
  );
}

interface RunCardProps {
  readonly run: SyncRun;
  readonly format: Formatters;
  readonly marketplaceName: (id: string) => string;
}

function RunCard({ run, format, marketplaceName }: RunCardProps) {
  const { t } = useTranslation('sync');
  const headingId = `sync-run-${run.id}`;
  return (
    <article className={`sync-run sync-run--${run.state}`} aria-labelledby={headingId} data-testid={`sync-run-${run.id}`}>
      <h3 id={headingId} className="sync-run__title">
        {t('activity.cycle', { when: format.dateTime(run.startedAt) })} <span className={`sync-run__state sync-run__state--${run.state}`}>{t(`activity.states.${run.state}`)}</span>
      </h3>
      <dl className="sync-run__facts">
        <div>
          <dt>{t('activity.lane')}</dt>
          <dd>{t(`activity.lanes.${run.lane}`)}</dd>
        </div>
        <div>
          <dt>{t('activity.trigger')}</dt>
          <dd>{t(`activity.triggers.${run.trigger}`)}</dd>
        </div>
        <div>
          <dt>{t('activity.duration')}</dt>
          <dd>{run.durationMs === null ? t('activity.inProgress') : formatDuration(format.locale, run.durationMs)}</dd>
        </div>
        <div>
          <dt>{t('activity.sent')}</dt>
          <dd>{format.number(run.sent)}</dd>
        </div>
        <div>
          <dt>{t('activity.accepted')}</dt>
          <dd>{format.number(run.accepted)}</dd>
        </div>
        <div>
          <dt>{t('activity.failed')}</dt>
          <dd>{format.number(run.failed)}</dd>
        </div>
        <div>
          <dt>{t('activity.skipped')}</dt>
          <dd>{format.number(run.skipped)}</dd>
        </div>
      </dl>
      {run.feeds.length === 0 ? <p className="sync-run__empty">{t('activity.noFeeds')}</p> : <FeedTable feeds={run.feeds} format={format} marketplaceName={marketplaceName} />}
    </article>
  );
}

interface FeedTableProps {
  readonly feeds: readonly SyncFeed[];
  readonly format: Formatters;
  readonly marketplaceName: (id: string) => string;
}

function FeedTable({ feeds, format, marketplaceName }: FeedTableProps) {
  const { t } = useTranslation('sync');
  return (
    <div className="sync-scroll">
      <table className="data-table sync-feeds">
        <caption className="visually-hidden">{t('activity.feeds.label')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.feeds.feedId')}</th>
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
              <td>
                {feed.feedId ?? t('activity.feeds.notSubmitted')}
                <span className="sync-feeds__marketplace">{marketplaceName(feed.marketplaceId)}</span>
              </td>
              <td>{t(`activity.steps.${feed.step}`, { defaultValue: feed.step })}</td>
              <td className="num">{format.number(feed.messages)}</td>
              <td className="num">{formatBytes(format.locale, feed.bytes)}</td>
              <td>{feed.processingStatus ?? '—'}</td>
              <td>
                {feed.error ? <span className="sync-feeds__error">{feed.error}</span> : null}
                {!feed.error && feed.accepted !== null ? t('activity.feeds.accepted', { accepted: format.number(feed.accepted), invalid: format.number(feed.invalid ?? 0) }) : null}
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
