import { Fragment, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYNC_STATUSES, type SyncProductRow } from '../../../preload/contract';
import { useFormat, type Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { IssueList } from './issue-list';
import {
  loadStatusPage,
  movePage,
  PAGE_SIZE,
  rowKey,
  searchFor,
  SEARCH_DELAY_MS,
  selectCounts,
  selectPage,
  selectPageError,
  showCause,
  toggleRow,
  toggleStatus,
  useSyncStore,
} from './sync-store';

/** The search box asks main after a pause in typing, not on every key. */
function SearchBox() {
  const { t } = useTranslation('sync');
  const id = useId();
  const current = useSyncStore((s) => s.search);
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  useEffect(() => {
    if (text === current) return;
    const timer = setTimeout(() => void searchFor(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, current]);
  return (
    <div className="field field--inline sync-search">
      <label htmlFor={id}>{t('filters.search')}</label>
      <input id={id} type="search" value={text} placeholder={t('filters.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
    </div>
  );
}

/** The marketplace's products with their status: chips by status (with counts), a search, the paged table. */
export function StatusPanel() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const state = useSyncStore();
  const page = selectPage(state);
  const counts = selectCounts(state);
  const error = selectPageError(state);
  const filtered = state.statuses.length > 0 || state.cause !== null || state.search.trim() !== '';
  const last = page ? Math.min(state.offset + PAGE_SIZE, page.total) : 0;
  return (
    <>
      <div className="sync-toolbar">
        <div className="sync-chips" role="group" aria-label={t('filters.label')}>
          <button type="button" className="sync-chip" aria-pressed={state.statuses.length === 0} onClick={() => void toggleStatus(null)}>
            {t('filters.all')}
          </button>
          {SYNC_STATUSES.filter((status) => !counts || counts[status] > 0 || state.statuses.includes(status)).map((status) => (
            <button
              key={status}
              type="button"
              className={`sync-chip sync-chip--${status}`}
              aria-pressed={state.statuses.includes(status)}
              onClick={() => void toggleStatus(status)}
            >
              {t(`status.${status}`)}
              {counts ? <span className="sync-chip__count">{format.number(counts[status])}</span> : null}
            </button>
          ))}
        </div>
        <SearchBox />
      </div>
      {state.cause ? (
        <p className="sync-cause-filter" data-testid="sync-cause-filter">
          <span>{t('filters.cause', { cause: state.cause.label })}</span>
          <button type="button" className="button button--secondary button--small" onClick={() => void showCause(null)}>
            {t('filters.clearCause')}
          </button>
        </p>
      ) : null}
      {error ? <ErrorNotice title={t('loadFailed')} error={error} onRetry={() => void loadStatusPage()} /> : null}
      {page && page.total === 0 ? <p className="empty-state">{t(filtered ? 'empty.filtered' : 'empty.all')}</p> : null}
      {page && page.items.length > 0 ? <StatusTable items={page.items} expanded={state.expanded} format={format} /> : null}
      {page && page.total > PAGE_SIZE ? (
        <nav className="sync-pager" aria-label={t('pager.label')}>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={state.offset === 0}
            onClick={() => void movePage(state.offset - PAGE_SIZE)}
          >
            {t('pager.previous')}
          </button>
          <span>{t('pager.range', { from: format.number(state.offset + 1), to: format.number(last), total: format.number(page.total) })}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={last >= page.total}
            onClick={() => void movePage(state.offset + PAGE_SIZE)}
          >
            {t('pager.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}

interface StatusTableProps {
  readonly items: readonly SyncProductRow[];
  readonly expanded: ReadonlySet<string>;
  readonly format: Formatters;
}

function StatusTable({ items, expanded, format }: StatusTableProps) {
  const { t } = useTranslation('sync');
  return (
    <div className="sync-scroll">
      <table className="data-table sync-table">
        <thead>
          <tr>
            <th scope="col">{t('table.product')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.reason')}</th>
            <th scope="col">{t('table.asin')}</th>
            <th scope="col">{t('table.updated')}</th>
            <th scope="col">{t('table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((row) => {
            const key = rowKey(row);
            const open = expanded.has(key);
            const detailsId = `sync-issues-${row.sku}`.replace(/[^\w-]/g, '_');
            const name = row.title ?? t('table.noProduct');
            return (
              <Fragment key={key}>
                <tr data-sku={row.sku} data-status={row.status}>
                  <th scope="row" className="sync-table__product">
                    {row.productId ? <a href={hrefFor('products', String(row.productId))}>{name}</a> : <span>{name}</span>}
                    <span className="sync-table__sku">{t('table.sku', { sku: row.sku })}</span>
                  </th>
                  <td>
                    <span className={`sync-status sync-status--${row.status}`}>{row.label}</span>
                  </td>
                  <td className="sync-table__reason">{row.reason ?? row.issues[0]?.explanation ?? '—'}</td>
                  <td>{row.asin ?? '—'}</td>
                  <td>{format.dateTime(row.updatedAt)}</td>
                  <td>
                    {row.issues.length > 0 ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-expanded={open}
                        aria-controls={detailsId}
                        aria-label={t(open ? 'table.hide' : 'table.show', { name })}
                        onClick={() => toggleRow(key)}
                      >
                        {t('table.issueCount', { count: row.issues.length })}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
                {open ? (
                  <tr className="sync-table__details">
                    <td colSpan={6} id={detailsId}>
                      <IssueList issues={row.issues} label={t('issues.title', { name })} testId={`sync-issues-${row.sku}`} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
