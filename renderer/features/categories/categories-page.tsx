import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryRow } from '../../../preload/contract';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { CategoryEditorPanel } from './category-editor';
import {
  acceptSuggestion,
  loadCategories,
  openEditor,
  selectCategories,
  selectCategoriesError,
  toggleOnlyUnmapped,
  unmap,
  useCategoriesStore,
  visibleCategories,
} from './categories-store';
import { MappingTabs } from './mapping-tabs';
import { useMappingScope, type MappingScope } from './mapping-scope';
import { themeLabel } from './theme-label';
import './mapping.css';

/** `#/categories`: "Relacionar categorias" — each store category ↔ one Amazon product type. */
export function CategoriesPage() {
  const { t } = useTranslation('mapping');
  const scope = useMappingScope();
  const list = useCategoriesStore(selectCategories);
  const error = useCategoriesStore(selectCategoriesError);
  const onlyUnmapped = useCategoriesStore((s) => s.onlyUnmapped);
  const editingId = useCategoriesStore((s) => s.editor?.categoryId ?? null);
  const saveError = useCategoriesStore((s) => s.saveError);
  const scopeKey = scope ? `${scope.accountId}/${scope.marketplaceId}` : '';

  useEffect(() => {
    if (scope) void loadCategories(scope);
  }, [scopeKey]);

  const rows = list ? visibleCategories(list.items, onlyUnmapped) : [];
  const byId = new Map((list?.items ?? []).map((c) => [c.id, c]));
  return (
    <section className="page mapping-page" aria-labelledby="categories-title">
      <PageHeader id="categories-title" title={t('categories.title')} subtitle={t('categories.subtitle')} />
      <MappingTabs current="categories" />
      {!scope ? <p className="notice">{t('noScope')}</p> : null}
      {error && scope ? <ErrorNotice title={t('categories.loadFailed')} error={error} onRetry={() => void loadCategories(scope)} /> : null}
      {saveError && !editingId ? <ErrorNotice title={t('categories.saveFailed')} error={saveError} /> : null}
      {list && scope ? (
        <>
          <div className="form-row">
            <p className="status-line" data-testid="unmapped-count">
              {t('categories.unmapped', { count: list.unmapped })}
            </p>
            <label className="choice">
              <input type="checkbox" checked={onlyUnmapped} onChange={toggleOnlyUnmapped} />
              {t('categories.onlyUnmapped')}
            </label>
          </div>
          {list.items.length === 0 ? <p className="field-help">{t('categories.empty')}</p> : null}
          <table className="data-table category-table">
            <thead>
              <tr>
                <th>{t('categories.category')}</th>
                <th className="numeric">{t('categories.products')}</th>
                <th>{t('categories.productType')}</th>
                <th>
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ row, depth }) => (
                <Fragment key={row.id}>
                  <tr data-category={row.path}>
                    <td style={{ paddingInlineStart: `${depth * 1.25 + 0.5}rem` }}>{row.name}</td>
                    <td className="numeric">{row.products}</td>
                    <td>
                      <ProductTypeCell row={row} from={row.inheritedFrom === null ? '' : (byId.get(row.inheritedFrom)?.name ?? '')} />
                    </td>
                    <td className="mapping-actions">
                      <RowActions scope={scope} row={row} />
                    </td>
                  </tr>
                  {editingId === row.id ? (
                    <tr>
                      <td colSpan={4}>
                        <CategoryEditorPanel scope={scope} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** What the category is on Amazon: its own product type, an inherited one, a suggestion, or nothing needed. */
function ProductTypeCell({ row, from }: { readonly row: CategoryRow; readonly from: string }) {
  const { t } = useTranslation('mapping');
  const format = useFormat();
  if (row.productType) {
    return (
      <a className="tag tag--ok" href={hrefFor('characteristics', row.productType, String(row.id))} title={row.productType}>
        {row.productTypeName ?? row.productType}
        {row.variationTheme ? ` · ${themeLabel(t, row.variationTheme)}` : ''}
      </a>
    );
  }
  if (row.effectiveProductType) {
    return (
      <span className="field-help" title={row.effectiveProductType}>
        {t('categories.inherited', { productType: row.effectiveProductTypeName ?? row.effectiveProductType, from })}
      </span>
    );
  }
  if (!row.needsMapping) return <span className="field-help">{t('categories.noOwnProducts')}</span>;
  return (
    <div className="category-suggestion">
      <span className="tag">{t('categories.notMapped')}</span>
      {row.suggestion ? (
        <span className="field-help" data-testid="category-suggestion">
          {t('categories.evidence', { count: row.suggestion.products, of: format.number(row.suggestion.of), name: row.suggestion.displayName })}
        </span>
      ) : null}
    </div>
  );
}

function RowActions({ scope, row }: { readonly scope: MappingScope; readonly row: CategoryRow }) {
  const { t } = useTranslation('mapping');
  const accepting = useCategoriesStore((s) => s.accepting === row.id);
  return (
    <>
      {row.needsMapping && row.suggestion ? (
        <button type="button" className="button" disabled={accepting} onClick={() => void acceptSuggestion(scope, row)}>
          {t('categories.accept', { name: row.suggestion.displayName })}
        </button>
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => void openEditor(scope, row)}>
        {row.productType ? t('categories.change') : t('categories.map')}
      </button>
      {row.productType ? (
        <button type="button" className="button button--secondary" onClick={() => void unmap(scope, row.id)}>
          {t('categories.remove')}
        </button>
      ) : null}
    </>
  );
}
