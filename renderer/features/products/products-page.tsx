import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { selectEnabledMarketplaces, useAccountsStore } from '../accounts/accounts-store';
import { useMappingScope } from '../categories/mapping-scope';
import { CatalogMatchProgress, CATALOG_MATCH_KIND } from './catalog-match-progress';
import { ExportPanel } from './export-panel';
import { IncludeResult } from './include-result';
import { ProductTable } from './product-table';
import {
  ensureRows,
  includeSelected,
  loadCategories,
  loadedRows,
  reloadProducts,
  rowAt,
  selectError,
  selectFiltered,
  selectInclude,
  selectionCleared,
  selectionSet,
  selectionToggled,
  selectSelected,
  selectTotal,
  setScope,
  useProductsStore,
} from './products-store';
import { ProductsToolbar } from './products-toolbar';
import './products.css';

/** The Tray card "Lista de produtos integrados": the catalog with its Amazon status in the header's marketplace. */
export function ProductsPage() {
  const { t } = useTranslation('products');
  const format = useFormat();
  const total = useProductsStore(selectTotal);
  const error = useProductsStore(selectError);
  const filtered = useProductsStore(selectFiltered);
  const selected = useProductsStore(selectSelected);
  const include = useProductsStore(selectInclude);
  const loadedIds = useProductsStore(useShallow((s) => loadedRows(s).map((r) => r.id)));
  // Re-render when pages arrive; rows are read through rowAt below.
  useProductsStore((s) => s.pages);
  const scope = useMappingScope();
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const chosen = marketplaces.find((m) => m.marketplaceId === scope?.marketplaceId);
  const marketplace = chosen ? t('marketplaceName', { country: format.country(chosen.countryCode) }) : null;
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void loadCategories();
    // Back on the screen: what was listed before may have changed meanwhile (an inclusion, a sync).
    if (useProductsStore.getState().total !== null) void reloadProducts();
    // Another window of work (an import from the CLI, the EAN lookup on Amazon, a sync) may change the catalog.
    const stopProgress = subscribe('task:progress', (p) => {
      if (p.finished && (p.kind === 'catalog-import' || p.kind === 'mapping:include-all' || p.kind === CATALOG_MATCH_KIND)) void reloadProducts();
    });
    const stopSync = subscribe('sync:status-changed', (change) => {
      if (change.accountId === useProductsStore.getState().scope?.accountId) void reloadProducts();
    });
    return () => {
      stopProgress();
      stopSync();
    };
  }, []);
  const accountId = scope?.accountId ?? null;
  const marketplaceId = scope?.marketplaceId ?? null;
  useEffect(() => {
    void setScope(accountId && marketplaceId ? { accountId, marketplaceId } : null);
  }, [accountId, marketplaceId]);

  const onRange = useCallback((first: number, last: number) => void ensureRows(first, last), []);
  const allLoadedSelected = loadedIds.length > 0 && loadedIds.every((id) => selected.has(id));

  return (
    <section className="page page--wide" aria-labelledby="products-title">
      <PageHeader
        id="products-title"
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <a className="button button--secondary" href={hrefFor('categories', 'include')}>
              {t('includeInMarketplace')}
            </a>
            <button type="button" className="button button--secondary" aria-expanded={exporting} onClick={() => setExporting((v) => !v)}>
              {t('export')}
            </button>
            <a className="button button--primary" href={hrefFor('products', 'import')}>
              {t('import')}
            </a>
          </>
        }
      />
      {exporting ? <ExportPanel total={total} filtered={filtered} onClose={() => setExporting(false)} /> : null}
      <div className="card card--flush">
        <ProductsToolbar marketplace={marketplace} />
        {error ? <ErrorNotice title={t('loadFailed')} error={error} onRetry={() => void reloadProducts()} /> : null}
        <div className="list-status">
          <p role="status" data-testid="product-count">
            {total === null ? '' : t('count', { count: total, formatted: format.number(total) })}
          </p>
          {selected.size > 0 ? (
            <div className="selection-bar" role="group" aria-label={t('selection', { count: selected.size })}>
              <strong>{t('selection', { count: selected.size })}</strong>
              <button
                type="button"
                className="button button--primary button--small"
                disabled={!scope || include.status === 'running'}
                onClick={() => void includeSelected()}
              >
                {include.status === 'running' ? t('include.running') : marketplace ? t('include.run', { marketplace }) : t('include.runNoMarketplace')}
              </button>
              {!scope ? <span className="field-help">{t('include.noMarketplace')}</span> : null}
              <button type="button" className="button button--secondary button--small" onClick={() => useProductsStore.setState(selectionCleared)}>
                {t('clearSelection')}
              </button>
            </div>
          ) : null}
        </div>
        <CatalogMatchProgress marketplaceId={marketplaceId} marketplace={marketplace} />
        <IncludeResult state={include} marketplace={marketplace} titleOf={(id) => loadedRows(useProductsStore.getState()).find((r) => r.id === id)?.title} />
        {total === 0 && !filtered ? <p className="empty-state">{t('empty')}</p> : null}
        {total !== null && total > 0 ? (
          <ProductTable
            total={total}
            rowAt={(i) => rowAt(useProductsStore.getState(), i)}
            selected={selected}
            allLoadedSelected={allLoadedSelected}
            format={format}
            showAmazon={scope !== null}
            onRange={onRange}
            onToggle={(id) => useProductsStore.setState((s) => selectionToggled(s, id))}
            onToggleLoaded={(on) => useProductsStore.setState((s) => selectionSet(s, loadedIds, on))}
          />
        ) : null}
      </div>
    </section>
  );
}
