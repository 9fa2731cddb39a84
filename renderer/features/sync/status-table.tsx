import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SYNC_STATUSES, type AccountSummary, type SyncStatusRow } from '../../../preload/contract';
import { useFormat, type Formatters } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { IssueList } from './issue-list';
import { filterMarketplace, loadStatusPage, movePage, PAGE_SIZE, rowKey, selectPage, selectPageError, toggleRow, toggleStatus, useSyncStore } from './sync-store';

type Marketplace = AccountSummary['marketplaces'][number];

export interface StatusPanelProps {
  readonly marketplaces: readonly Marketplace[];
  readonly marketplaceName: (id: string) => string;
}

/** The per-product statuses: chips by status, the marketplace, the paged table. */
export function StatusPanel({ marketplaces, marketplaceName }: StatusPanelProps) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const state = useSyncStore();
  const page = selectPage(state);
  const error = selectPageError(state);
  const marketplaceSelect = useId();
  const filtered = state.statuses.length > 0;
  const last = page ? Math.min(state.offset + PAGE_SIZE, page.total) : 0;
  return (
    <>
      <div className="sync-toolbar">
        <div className="sync-chips" role="group" aria-label={t('filters.label')}>
          <button type="button" className="sync-chip" aria-pressed={!filtered} onClick={() => void toggleStatus(null)}>
            {t('filters.all')}
          </button>
          {SYNC_STATUSES.map((status) => (
            <button key={status} type="button" className={`sync-chip sync-chip--${status}`} aria-pressed={state.statuses.includes(status)} onClick={() => void toggleStatus(status)}>
              {t(`status.${status}`)}
            </button>
          ))}
        </div>
        <div className="field field--inline">
          <label htmlFor={marketplaceSelect}>{t('filters.marketplace')}</label>
          <select id={marketplaceSelect} value={state.marketplaceId ?? ''} onChange={(e) => void filterMarketplace(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('filters.allMarketplaces')}</option>
            {marketplaces.map((m) => (
              <option key={m.marketplaceId} value={m.marketplaceId}>
                {marketplaceName(m.marketplaceId)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? <ErrorNotice title={t('loadFailed')} error={error} onRetry={() => void loadStatusPage()} /> : null}
      {page && page.total === 0 ? <p className="empty-state">{t(filtered ? 'empty.filtered' : 'empty.all')}</p> : null}
      {page && page.items.length > 0 ? (
        <StatusTable items={page.items} showMarketplace={state.marketplaceId === null} expanded={state.expanded} format={format} marketplaceName={marketplaceName} />
      ) : null}
      {page && page.total > PAGE_SIZE ? (
        <nav className="sync-pager" aria-label={t('pager.label')}>
          <button type="button" className="button button--secondary button--small" disabled={state.offset === 0} onClick={() => void movePage(state.offset - PAGE_SIZE)}>
            {t('pager.previous')}
          </button>
          <span>{t('pager.range', { from: format.number(state.offset + 1), to: format.number(last), total: format.number(page.total) })}</span>
          <button type="button" className="button button--secondary button--small" disabled={last >= page.total} onClick={() => void movePage(state.offset + PAGE_SIZE)}>
            {t('pager.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}

interface StatusTableProps {
  readonly items: readonly SyncStatusRow[];
  readonly showMarketplace: boolean;
  readonly expanded: ReadonlySet<string>;
  readonly format: Formatters;
  readonly marketplaceName: (id: string) => string;
}

function StatusTable({ items, showMarketplace, expanded, format, marketplaceName }: StatusTableProps) {
  const { t } = useTranslation('sync');
  const columns = showMarketplace ? 7 : 6;
  return (
    <div className="sync-scroll">
      <table className="data-table sync-table">
        <thead>
          <tr>
            <th scope="col">{t('table.sku')}</th>
            {showMarketplace ? <th scope="col">{t('table.marketplace')}</th> : null}
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
            const detailsId = `sync-issues-${row.marketplaceId}-${row.sku}`.replace(/[^\w-]/g, '_');
            return (
              <Fragment key={key}>
                <tr data-sku={row.sku} data-status={row.status}>
                  <th scope="row" className="sync-table__sku">
                    {row.sku}
                  </th>
                  {showMarketplace ? <td>{marketplaceName(row.marketplaceId)}</td> : null}
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
                        aria-label={t(open ? 'table.hide' : 'table.show', { sku: row.sku })}
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
                    <td colSpan={columns} id={detailsId}>
                      <IssueList issues={row.issues} label={t('issues.title', { sku: row.sku })} testId={`sync-issues-${row.sku}`} />
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
