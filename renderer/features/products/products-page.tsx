import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { ExportPanel } from './export-panel';
import { ProductTable } from './product-table';
import {
  ensureRows,
  loadCategories,
  loadedRows,
  reloadProducts,
  rowAt,
  selectError,
  selectFiltered,
  selectionCleared,
  selectionSet,
  selectionToggled,
  selectSelected,
  selectTotal,
  useProductsStore,
} from './products-store';
import { ProductsToolbar } from './products-toolbar';
import './products.css';

export function ProductsPage() {
  const { t } = useTranslation('products');
  const format = useFormat();
  const total = useProductsStore(selectTotal);
  const error = useProductsStore(selectError);
  const filtered = useProductsStore(selectFiltered);
  const selected = useProductsStore(selectSelected);
  const loadedIds = useProductsStore(useShallow((s) => loadedRows(s).map((r) => r.id)));
  // Re-render when pages arrive; rows are read through rowAt below.
  useProductsStore((s) => s.pages);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void reloadProducts();
    void loadCategories();
    // Another window of work (an import from the CLI, a sync) may change the catalog.
    return subscribe('task:progress', (p) => {
      if (p.finished && p.kind === 'catalog-import') void reloadProducts();
    });
  }, []);

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
            <button type="button" className="button button--secondary" aria-expanded={exporting} onClick={() => setExporting((v) => !v)}>
              {t('export')}
            </button>
            <a className="button button--primary" href={hrefFor('products', 'import')}>
              {t('import')}
            </a>
          </>
        }
      />
      {exporting ? <ExportPanel onClose={() => setExporting(false)} /> : null}
      <div className="card card--flush">
        <ProductsToolbar />
        {error ? <ErrorNotice title={t('loadFailed')} error={error} onRetry={() => void reloadProducts()} /> : null}
        <div className="list-status">
          <p role="status" data-testid="product-count">
            {total === null ? '' : t('count', { count: total, formatted: format.number(total) })}
          </p>
          {selected.size > 0 ? (
            <div className="selection-bar" role="group" aria-label={t('selection', { count: selected.size })}>
              <strong>{t('selection', { count: selected.size })}</strong>
              <span className="field-help">{t('sendNotBuilt')}</span>
              <button type="button" className="button button--secondary button--small" onClick={() => useProductsStore.setState(selectionCleared)}>
                {t('clearSelection')}
              </button>
            </div>
          ) : null}
        </div>
        {total === 0 && !filtered ? <p className="empty-state">{t('empty')}</p> : null}
        {total !== null && total > 0 ? (
          <ProductTable
            total={total}
            rowAt={(i) => rowAt(useProductsStore.getState(), i)}
            selected={selected}
            allLoadedSelected={allLoadedSelected}
            format={format}
            onRange={onRange}
            onToggle={(id) => useProductsStore.setState((s) => selectionToggled(s, id))}
            onToggleLoaded={(on) => useProductsStore.setState((s) => selectionSet(s, loadedIds, on))}
          />
        ) : null}
      </div>
    </section>
  );
}
