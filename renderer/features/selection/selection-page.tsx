import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionItem } from '../../../preload/contract';
import { subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { MappingTabs } from '../categories/mapping-tabs';
import { useMappingScope } from '../categories/mapping-scope';
import '../categories/mapping.css';
import { BulkActions } from './bulk-selection';
import { ListingPreviewPanel } from './listing-preview';
import {
  askExcludeAll,
  bulkBusy,
  bulkProgressed,
  chooseCategory,
  excludeAll,
  excludeTicked,
  includeAll,
  includeTicked,
  loadCategoryOptions,
  loadSelection,
  movePage,
  openPreview,
  problemGroups,
  PROBLEMS_SHOWN,
  searchChanged,
  selectPage,
  selectPageError,
  SELECTION_PAGE,
  toggleAll,
  toggleTick,
  useSelectionStore,
} from './selection-store';

/** Why a product is not ready: each reason once, the first few shown, the rest folded (still in the list's text). */
function Problems({ item }: { readonly item: SelectionItem }) {
  const { t } = useTranslation('mapping');
  const groups = problemGroups(item);
  const line = (g: (typeof groups)[number]) => (
    <li key={g.message}>
      {g.skus.length > 0 ? `${g.skus.join(', ')}: ` : ''}
      {g.message}
    </li>
  );
  const rest = groups.slice(PROBLEMS_SHOWN);
  return (
    <ul className="problems" aria-label={t('selection.why')}>
      {groups.slice(0, PROBLEMS_SHOWN).map(line)}
      {rest.length > 0 ? (
        <li className="problems__more">
          <details>
            <summary>{t('selection.moreProblems', { count: rest.length })}</summary>
            <ul className="problems">{rest.map(line)}</ul>
          </details>
        </li>
      ) : null}
    </ul>
  );
}

/** `#/categories/include`: "Incluir produtos" — choose products per marketplace; only ready ones get in. */
export function SelectionPage() {
  const { t } = useTranslation('mapping');
  const format = useFormat();
  const scope = useMappingScope();
  const page = useSelectionStore(selectPage);
  const error = useSelectionStore(selectPageError);
  const state = useSelectionStore();
  const scopeKey = scope ? `${scope.accountId}/${scope.marketplaceId}` : '';

  useEffect(() => {
    if (scope) void loadSelection(scope);
  }, [scopeKey, state.offset, state.search, state.categoryId]);

  useEffect(() => {
    if (scope) void loadCategoryOptions(scope);
  }, [scopeKey]);

  useEffect(() => subscribe('task:progress', (p) => useSelectionStore.setState((s) => bulkProgressed(s, p))), []);

  const tickedIds = [...state.ticked];
  const busy = bulkBusy(state);
  return (
    <section className="page mapping-page" aria-labelledby="selection-title">
      <PageHeader id="selection-title" title={t('selection.title')} subtitle={t('selection.subtitle')} />
      <MappingTabs current="include" />
      {!scope ? <p className="notice">{t('noScope')}</p> : null}
      {error && scope ? <ErrorNotice title={t('selection.loadFailed')} error={error} onRetry={() => void loadSelection(scope)} /> : null}
      {state.actionError ? <ErrorNotice title={t('selection.actionFailed')} error={state.actionError} /> : null}
      {scope && page ? (
        <div className="selection-layout">
          <div>
            <div className="form-row">
              <label className="field">
                <span>{t('selection.search')}</span>
                <input type="search" defaultValue={state.search} disabled={busy} onChange={(e) => searchChanged(e.target.value)} />
              </label>
              <label className="field">
                <span>{t('selection.category')}</span>
                <select value={state.categoryId ?? ''} disabled={busy} onChange={(e) => chooseCategory(e.target.value === '' ? null : Number(e.target.value))}>
                  <option value="">{t('selection.allCategories')}</option>
                  {state.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.path}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button" disabled={busy || tickedIds.length === 0} onClick={() => void includeTicked(scope, tickedIds)}>
                {t('selection.include', { count: tickedIds.length })}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy || tickedIds.length === 0}
                onClick={() => void excludeTicked(scope, tickedIds)}
              >
                {t('selection.exclude')}
              </button>
            </div>
            <BulkActions
              bulk={state.bulk}
              matching={page.total}
              format={format}
              onIncludeAll={() => void includeAll(scope)}
              onAskExcludeAll={askExcludeAll}
              onExcludeAll={() => void excludeAll(scope)}
            />
            {state.lastInclude ? (
              <p className="status-line" role="status">
                {t('selection.result', { included: state.lastInclude.included, rejected: state.lastInclude.rejected })}
              </p>
            ) : null}
            <table className="data-table selection-table">
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label={t('selection.tickAll')}
                      onChange={toggleAll}
                      checked={page.items.length > 0 && page.items.every((i) => state.ticked.has(i.id))}
                    />
                  </th>
                  <th>{t('selection.product')}</th>
                  <th>{t('selection.status')}</th>
                  <th>
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.id} data-product={item.firstSku}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('selection.tick', { title: item.title })}
                        checked={state.ticked.has(item.id)}
                        onChange={() => toggleTick(item.id)}
                      />
                    </td>
                    <td>
                      <strong>{item.title}</strong>{' '}
                      <span className="selection-table__meta">
                        {item.firstSku}
                        {item.skuCount > 1 ? ` +${item.skuCount - 1}` : ''} · {item.categoryPath ?? t('selection.noCategory')}
                      </span>
                      {item.problems.length > 0 ? <Problems item={item} /> : null}
                    </td>
                    <td>
                      <div className="selection-table__status">
                        <span className={`tag tag--${item.status}`} data-testid="product-status">
                          {t(`status.${item.status}`)}
                        </span>
                        {item.selectedBy ? (
                          <span className="tag tag--ok">{t(item.selectedBy === 'rule' ? 'selection.includedByRule' : 'selection.included')}</span>
                        ) : null}
                      </div>
                    </td>
                    <td>
                      <button type="button" className="button button--secondary button--small" onClick={() => void openPreview(scope, item.id)}>
                        {t('selection.preview')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="form-row">
              <button type="button" className="button button--secondary" disabled={state.offset === 0} onClick={() => movePage(-1)}>
                {t('previous')}
              </button>
              <span className="status-line">
                {t('selection.range', {
                  from: page.total === 0 ? 0 : state.offset + 1,
                  to: Math.min(state.offset + SELECTION_PAGE, page.total),
                  total: page.total,
                })}
              </span>
              <button type="button" className="button button--secondary" disabled={state.offset + SELECTION_PAGE >= page.total} onClick={() => movePage(1)}>
                {t('next')}
              </button>
            </div>
          </div>
          <ListingPreviewPanel scope={scope} />
        </div>
      ) : null}
    </section>
  );
}
