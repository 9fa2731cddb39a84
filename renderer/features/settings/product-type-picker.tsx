import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, type ApiError } from '../../app/api';
import { ErrorNotice } from '../../ui/error-notice';
import type { SettingsScope } from './send-settings-store';

interface ProductTypeOption {
  readonly productType: string;
  readonly displayName: string;
}

/** Results shown at once: a seller picks among the first few matches or types more words. */
const SHOWN = 8;

export interface ProductTypePickerProps {
  readonly scope: SettingsScope;
  /** The chosen product type's code; empty for none. */
  readonly value: string;
  readonly onChange: (productType: string) => void;
}

/**
 * The send settings' fallback product type, searched in Amazon's own list for the marketplace
 * (names in the marketplace's language); codes stay in small print.
 */
export function ProductTypePicker({ scope, value, onChange }: ProductTypePickerProps) {
  const { t } = useTranslation('sync');
  const id = useId();
  const [text, setText] = useState('');
  const [results, setResults] = useState<readonly ProductTypeOption[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [names, setNames] = useState<Readonly<Record<string, string>>>({});

  // The stored code's name, from the same search (one call, only when the name is not known yet).
  useEffect(() => {
    if (!value || names[value]) return;
    let live = true;
    void request('mapping:search-product-types', { ...scope, keywords: value }).then((outcome) => {
      const match = outcome.ok ? outcome.value.find((p) => p.productType === value) : undefined;
      if (live && match) setNames((n) => ({ ...n, [value]: match.displayName }));
    });
    return () => {
      live = false;
    };
  }, [value, scope.accountId, scope.marketplaceId]);

  async function search(): Promise<void> {
    setSearching(true);
    setError(null);
    const outcome = await request('mapping:search-product-types', { ...scope, keywords: text.trim() });
    setSearching(false);
    if (!outcome.ok) return setError(outcome.error);
    setResults(outcome.value.slice(0, SHOWN));
    setNames((n) => ({ ...n, ...Object.fromEntries(outcome.value.map((p) => [p.productType, p.displayName])) }));
  }

  return (
    <div className="product-type-picker" data-testid="default-product-type">
      <p id={`${id}-current`} className="product-type-picker__current">
        {value ? (
          <>
            <strong>{names[value] ?? value}</strong> {names[value] ? <code>{value}</code> : null}
          </>
        ) : (
          <strong>{t('settings.defaultProductType.none')}</strong>
        )}
      </p>
      <p className="field-help">{t('settings.defaultProductType.help')}</p>
      <div className="product-type-picker__search">
        <label htmlFor={`${id}-search`}>{t('settings.defaultProductType.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder={t('settings.defaultProductType.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="button button--secondary button--small" disabled={searching} onClick={() => void search()}>
          {searching ? t('settings.defaultProductType.searching') : t('settings.defaultProductType.find')}
        </button>
        {value ? (
          <button type="button" className="button button--secondary button--small" onClick={() => onChange('')}>
            {t('settings.defaultProductType.clear')}
          </button>
        ) : null}
      </div>
      {error ? <ErrorNotice title={t('settings.defaultProductType.failed')} error={error} /> : null}
      {results && results.length === 0 ? <p className="field-help">{t('settings.defaultProductType.noResults')}</p> : null}
      {results && results.length > 0 ? (
        <fieldset className="choice-group choice-group--column product-type-picker__results">
          <legend className="visually-hidden">{t('settings.defaultProductType.results')}</legend>
          {results.map((p) => (
            <label key={p.productType} className="choice">
              <input type="radio" name={`${id}-result`} checked={value === p.productType} onChange={() => onChange(p.productType)} />
              <span>
                {p.displayName} <code>{p.productType}</code>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
