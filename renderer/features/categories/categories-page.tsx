import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { CategoryEditorPanel } from './category-editor';
import {
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
import { useMappingScope } from './mapping-scope';
import './mapping.css';

/** `#/categories`: "Relacionar categorias" — each store category ↔ one Amazon product type. */
export function CategoriesPage() {
  const { t } = useTranslation('mapping');
  const scope = useMappingScope();
  const list = useCategoriesStore(selectCategories);
  const error = useCategoriesStore(selectCategoriesError);
  const onlyUnmapped = useCategoriesStore((s) => s.onlyUnmapped);
  const editingId = useCategoriesStore((s) => s.editor?.categoryId ?? null);
  const scopeKey = scope ? `${scope.accountId}/${scope.marketplaceId}` : '';

  useEffect(() => {
    if (scope) void loadCategories(scope);
  }, [scopeKey]);

  const rows = list ? visibleCategories(list.items, onlyUnmapped) : [];
  return (
    <section className="page mapping-page" aria-labelledby="categories-title">
      <PageHeader id="categories-title" title={t('categories.title')} subtitle={t('categories.subtitle')} />
      <MappingTabs current="categories" />
      {!scope ? <p className="notice">{t('noScope')}</p> : null}
      {error && scope ? <ErrorNotice title={t('categories.loadFailed')} error={error} onRetry={() => void loadCategories(scope)} /> : null}
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
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('categories.category')}</th>
                <th>{t('categories.products')}</th>
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
                    <td>{row.products}</td>
                    <td>
                      {row.productType ? (
                        <a className="tag tag--ok" href={hrefFor('characteristics', row.productType)}>
                          {row.productType}
                          {row.variationTheme ? ` · ${row.variationTheme}` : ''}
                        </a>
                      ) : row.effectiveProductType ? (
                        <span className="field-help">
                          {t('categories.inherited', {
                            productType: row.effectiveProductType,
                            from: list.items.find((c) => c.id === row.inheritedFrom)?.name ?? '',
                          })}
                        </span>
                      ) : (
                        <span className="tag">{t('categories.notMapped')}</span>
                      )}
                    </td>
                    <td className="mapping-actions">
                      <button type="button" className="button button--secondary" onClick={() => void openEditor(scope, row)}>
                        {row.productType ? t('categories.change') : t('categories.map')}
                      </button>
                      {row.productType ? (
                        <button type="button" className="button button--secondary" onClick={() => void unmap(scope, row.id)}>
                          {t('categories.remove')}
                        </button>
                      ) : null}
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
