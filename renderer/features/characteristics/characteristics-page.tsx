import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { valueOf } from '../../app/load';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { MappingTabs } from '../categories/mapping-tabs';
import { useMappingScope } from '../categories/mapping-scope';
import '../categories/mapping.css';
import { AttributeRow } from './attribute-row';
import {
  loadAttributes,
  loadProductTypes,
  selectView,
  selectViewError,
  splitAttributes,
  toggleShowAll,
  useCharacteristicsStore,
  type CharacteristicsSubject,
} from './characteristics-store';

const SECTIONS = ['required', 'conditional', 'optional'] as const;

/**
 * `#/characteristics/<PRODUCT_TYPE>[/<categoryId>]`: "Relacionar características". First what
 * keeps the seller's products from being sent ("impede 31 produtos"), most blocking first; every
 * other attribute of the product type behind a toggle; codes and schema versions in details.
 */
export function CharacteristicsPage({ params }: { readonly params: readonly string[] }) {
  const { t } = useTranslation('mapping');
  const format = useFormat();
  const scope = useMappingScope();
  const productTypes = valueOf(useCharacteristicsStore((s) => s.productTypes)) ?? [];
  const view = useCharacteristicsStore(selectView);
  const error = useCharacteristicsStore(selectViewError);
  const loadingView = useCharacteristicsStore((s) => s.view.status === 'loading');
  const saveError = useCharacteristicsStore((s) => s.saveError);
  const saved = useCharacteristicsStore((s) => s.saved);
  const showAll = useCharacteristicsStore((s) => s.showAll);
  const productType = params[0] ?? productTypes[0]?.productType ?? null;
  const categoryParam = params[1] === undefined ? null : Number(params[1]);
  const subject: CharacteristicsSubject | null = productType ? { productType, categoryId: Number.isInteger(categoryParam) ? categoryParam : null } : null;
  const scopeKey = scope ? `${scope.accountId}/${scope.marketplaceId}` : '';

  useEffect(() => {
    if (scope) void loadProductTypes(scope);
  }, [scopeKey]);
  useEffect(() => {
    if (scope && subject) void loadAttributes(scope, subject);
  }, [scopeKey, subject?.productType, subject?.categoryId]);

  const current = view && subject && view.productType === subject.productType ? view : null;
  const lists = current ? splitAttributes(current.attributes, saved) : null;
  const remaining = lists ? lists.blocking.filter((a) => a.blocking > 0).length : 0;
  const go = (type: string, categoryId: number | null) =>
    (window.location.hash = categoryId === null ? hrefFor('characteristics', type) : hrefFor('characteristics', type, String(categoryId)));
  const row = (a: NonNullable<typeof lists>['blocking'][number]) =>
    scope && subject && current ? <AttributeRow key={a.name} scope={scope} subject={subject} attribute={a} characteristics={current.characteristics} /> : null;

  return (
    <section className="page mapping-page" aria-labelledby="characteristics-title">
      <PageHeader id="characteristics-title" title={t('characteristics.title')} subtitle={t('characteristics.subtitle')} />
      <MappingTabs current="characteristics" />
      {!scope ? <p className="notice">{t('noScope')}</p> : null}
      {scope && productTypes.length === 0 && !params[0] ? <p className="field-help">{t('characteristics.noProductTypes')}</p> : null}
      <div className="form-row">
        {productTypes.length > 0 && subject ? (
          <label className="field">
            <span>{t('characteristics.productType')}</span>
            <select value={subject.productType} onChange={(e) => go(e.target.value, null)}>
              {productTypes.map((p) => (
                <option key={p.productType} value={p.productType}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {current && subject && (current.categories.length > 1 || subject.categoryId !== null) ? (
          <label className="field">
            <span>{t('characteristics.category')}</span>
            <select value={subject.categoryId ?? ''} onChange={(e) => go(subject.productType, e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">{t('characteristics.allCategories')}</option>
              {current.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.path}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {error && scope && subject ? (
        <ErrorNotice title={t('characteristics.loadFailed')} error={error} onRetry={() => void loadAttributes(scope, subject)} />
      ) : null}
      {saveError ? <ErrorNotice title={t('characteristics.saveFailed')} error={saveError} /> : null}
      {loadingView && !current ? <p className="field-help">{t('loading')}</p> : null}
      {current && lists && scope && subject ? (
        <>
          <p className="status-line" data-testid="characteristics-summary">
            {t('characteristics.summary', {
              count: current.products.total,
              name: current.displayName,
              ready: format.number(current.products.ready),
              pending: format.number(current.products.checked - current.products.ready),
            })}
            {current.products.checked < current.products.total ? ` ${t('characteristics.sampled', { checked: format.number(current.products.checked) })}` : ''}
          </p>
          <div className="attribute-section">
            <h2>{t('characteristics.blockingTitle', { count: remaining })}</h2>
            {remaining === 0 ? (
              <p className="notice notice--success" role="status">
                {current.products.total === 0 ? t('characteristics.noProducts') : t('characteristics.nothingBlocks')}{' '}
                {current.products.total > 0 ? <a href={hrefFor('categories', 'include')}>{t('characteristics.goInclude')}</a> : null}
              </p>
            ) : (
              <p className="field-help">{t('characteristics.blockingHelp')}</p>
            )}
            {lists.blocking.length > 0 ? (
              <ul className="attribute-list" aria-label={t('characteristics.blockingTitle', { count: remaining })}>
                {lists.blocking.map(row)}
              </ul>
            ) : null}
          </div>
          <button type="button" className="button button--secondary" aria-expanded={showAll} onClick={toggleShowAll}>
            {showAll ? t('characteristics.hideOthers') : t('characteristics.showOthers', { count: lists.others.length })}
          </button>
          {showAll
            ? SECTIONS.map((section) => {
                const items = lists.others.filter((a) => a.requirement === section);
                return items.length === 0 ? null : (
                  <div key={section} className="attribute-section">
                    <h2>{t(`characteristics.section.${section}`)}</h2>
                    <ul className="attribute-list">{items.map(row)}</ul>
                  </div>
                );
              })
            : null}
          <details className="technical">
            <summary>{t('characteristics.technical')}</summary>
            <p className="field-help">
              {t('characteristics.schema', { code: current.productType, version: current.version, checked: format.dateTime(current.checkedAt) })}
            </p>
            <button type="button" className="button button--secondary" onClick={() => void loadAttributes(scope, subject, { refresh: true })}>
              {t('characteristics.refresh')}
            </button>
          </details>
        </>
      ) : null}
    </section>
  );
}
