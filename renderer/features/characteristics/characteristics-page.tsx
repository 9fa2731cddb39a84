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
import { loadAttributes, loadProductTypes, selectView, selectViewError, toggleOptional, useCharacteristicsStore } from './characteristics-store';

const SECTIONS = ['required', 'conditional', 'optional'] as const;

/** `#/characteristics/<PRODUCT_TYPE>`: "Relacionar características" for one product type. */
export function CharacteristicsPage({ params }: { readonly params: readonly string[] }) {
  const { t } = useTranslation('mapping');
  const format = useFormat();
  const scope = useMappingScope();
  const productTypes = valueOf(useCharacteristicsStore((s) => s.productTypes)) ?? [];
  const view = useCharacteristicsStore(selectView);
  const error = useCharacteristicsStore(selectViewError);
  const loadingView = useCharacteristicsStore((s) => s.view.status === 'loading');
  const saveError = useCharacteristicsStore((s) => s.saveError);
  const showOptional = useCharacteristicsStore((s) => s.showOptional);
  const productType = params[0] ?? productTypes[0] ?? null;
  const scopeKey = scope ? `${scope.accountId}/${scope.marketplaceId}` : '';

  useEffect(() => {
    if (scope) void loadProductTypes(scope);
  }, [scopeKey]);
  useEffect(() => {
    if (scope && productType) void loadAttributes(scope, productType);
  }, [scopeKey, productType]);

  return (
    <section className="page mapping-page" aria-labelledby="characteristics-title">
      <PageHeader id="characteristics-title" title={t('characteristics.title')} subtitle={t('characteristics.subtitle')} />
      <MappingTabs current="characteristics" />
      {!scope ? <p className="notice">{t('noScope')}</p> : null}
      {scope && productTypes.length === 0 && !params[0] ? <p className="field-help">{t('characteristics.noProductTypes')}</p> : null}
      {productTypes.length > 0 ? (
        <label className="field">
          <span>{t('characteristics.productType')}</span>
          <select value={productType ?? ''} onChange={(e) => (window.location.hash = hrefFor('characteristics', e.target.value))}>
            {productTypes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {error && scope && productType ? <ErrorNotice title={t('characteristics.loadFailed')} error={error} onRetry={() => void loadAttributes(scope, productType)} /> : null}
      {saveError ? <ErrorNotice title={t('characteristics.saveFailed')} error={saveError} /> : null}
      {loadingView ? <p className="field-help">{t('loading')}</p> : null}
      {view && scope && productType === view.productType ? (
        <>
          <div className="form-row">
            <p className="status-line">
              {t('characteristics.schema', { name: view.displayName, version: view.version, checked: format.dateTime(view.checkedAt) })}
            </p>
            <button type="button" className="button button--secondary" onClick={() => void loadAttributes(scope, view.productType, true)}>
              {t('characteristics.refresh')}
            </button>
          </div>
          {SECTIONS.filter((s) => s !== 'optional' || showOptional).map((section) => (
            <div key={section} className="attribute-section">
              <h2>{t(`characteristics.section.${section}`)}</h2>
              {section === 'conditional' ? <p className="field-help">{t('characteristics.conditionalHelp')}</p> : null}
              <ul className="attribute-list">
                {view.attributes
                  .filter((a) => a.requirement === section)
                  .map((a) => (
                    <AttributeRow key={a.name} scope={scope} productType={view.productType} attribute={a} characteristics={view.characteristics} />
                  ))}
              </ul>
            </div>
          ))}
          <button type="button" className="button button--secondary" onClick={toggleOptional}>
            {showOptional ? t('characteristics.hideOptional') : t('characteristics.showOptional')}
          </button>
        </>
      ) : null}
    </section>
  );
}
