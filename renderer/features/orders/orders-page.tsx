import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './orders.css';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { ShowInFolderButton } from '../../ui/show-in-folder-button';
import { PageHeader } from '../../ui/page-header';
import { selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { OrderDetail } from './order-detail';
import { OrderFilters } from './order-filters';
import { OrderSettings } from './order-settings';
import { OrderActivityList } from './order-activity';
import { OrdersTable } from './orders-table';
import { NfeImportPanel } from '../brazil/nfe-import-panel';
import {
  changeFilter,
  exportOrders,
  importOrders,
  loadOrders,
  movePage,
  PAGE_SIZE,
  selectDetail,
  selectDetailError,
  selectOrder,
  selectPage,
  selectPageError,
  shipOrder,
  useOrdersStore,
} from './orders-store';

/** `#/orders` lists the orders; `#/orders/<id>` also opens one (notifications link there). */
export function OrdersRoute({ params }: { readonly params: readonly string[] }) {
  const id = Number(params[0]);
  const selected = Number.isInteger(id) && id > 0 ? id : null;
  useEffect(() => void selectOrder(selected), [selected]);
  return <OrdersPage />;
}

export function OrdersPage() {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const state = useOrdersStore();
  const page = selectPage(state);
  const pageError = selectPageError(state);
  const detail = selectDetail(state);
  const detailError = selectDetailError(state);

  // The header's marketplace filters the list, as on every screen with a marketplace.
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  useEffect(() => void changeFilter({ marketplaceId: marketplaceId ?? undefined }), [marketplaceId]);

  const progress = state.progress;
  const last = page ? Math.min(state.offset + PAGE_SIZE, page.total) : 0;
  return (
    <section className="page" aria-labelledby="orders-title">
      <PageHeader
        id="orders-title"
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <button type="button" className="button button--primary" disabled={state.busy !== null} onClick={() => void importOrders()}>
              {state.busy === 'import' ? t('importing') : t('import')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={state.busy !== null || !page?.total}
              onClick={() => void exportOrders('xlsx', t('exportFileName'))}
            >
              {t('exportXlsx')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={state.busy !== null || !page?.total}
              onClick={() => void exportOrders('csv', t('exportFileName'))}
            >
              {t('exportCsv')}
            </button>
          </>
        }
      />
      {state.busy === 'import' || state.busy === 'export' ? (
        <div className="orders-progress" role="status">
          <span>{t(state.busy === 'import' ? 'importing' : 'exporting')}</span>
          <progress
            max={progress?.total ?? undefined}
            value={progress?.total ? progress.done : undefined}
            aria-label={t(state.busy === 'import' ? 'importing' : 'exporting')}
          />
        </div>
      ) : null}
      {state.lastImport ? (
        <p className="notice notice--info" role="status">
          {t('imported', { ...state.lastImport })}
        </p>
      ) : null}
      {state.lastExport ? (
        <div className="notice notice--info orders-exported">
          <p role="status">{t('exported', { count: state.lastExport.orders, file: state.lastExport.name })}</p>
          <ShowInFolderButton fileToken={state.lastExport.fileToken} />
        </div>
      ) : null}
      {state.actionError ? <ErrorNotice title={t('actionFailed')} error={state.actionError} /> : null}
      {pageError ? <ErrorNotice title={t('loadFailed')} error={pageError} onRetry={() => void loadOrders()} /> : null}
      <NfeImportPanel />
      <OrderFilters filter={state.filter} onChange={(patch) => void changeFilter(patch)} />
      {/* The list keeps the page's whole width until an order is open beside it. */}
      <div className={detail || detailError ? 'orders-layout orders-layout--detail' : 'orders-layout'}>
        <div className="card orders-list">
          {page && page.total === 0 ? <p className="empty-state">{t('empty')}</p> : null}
          {page && page.total > 0 ? (
            <>
              <OrdersTable items={page.items} selectedId={state.selectedId} format={format} />
              <div className="orders-pager">
                <span>{t('range', { first: state.offset + 1, last, total: page.total })}</span>
                <button type="button" className="button button--small" disabled={state.offset === 0} onClick={() => void movePage(state.offset - PAGE_SIZE)}>
                  {t('previous')}
                </button>
                <button type="button" className="button button--small" disabled={last >= page.total} onClick={() => void movePage(state.offset + PAGE_SIZE)}>
                  {t('next')}
                </button>
              </div>
            </>
          ) : null}
        </div>
        {detailError ? <ErrorNotice title={t('detail.failed')} error={detailError} /> : null}
        {detail ? <OrderDetail order={detail} format={format} shipping={state.busy === 'ship'} onShip={(input) => void shipOrder(input)} /> : null}
      </div>
      <OrderActivityList />
      <OrderSettings />
    </section>
  );
}
