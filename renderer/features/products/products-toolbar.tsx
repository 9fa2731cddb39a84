import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductAmazonStatus } from '../../../preload/contract';
import {
  emptyQuery,
  selectCategories,
  selectFiltered,
  selectQuery,
  selectScope,
  setQuery,
  useProductsStore,
  type GtinFilter,
  type StockFilter,
} from './products-store';

const gtinStatuses: readonly GtinFilter[] = ['problem', 'valid', 'invalid', 'missing', 'exempt'];
export const amazonStatuses: readonly ProductAmazonStatus[] = ['live', 'error', 'sending', 'queued', 'not-included', 'skipped', 'paused', 'removed'];
const stockStatuses: readonly StockFilter[] = ['in-stock', 'out-of-stock'];
const SEARCH_DELAY_MS = 250;

/** Search (debounced: one query per pause in typing, not per key) and the filters. */
export function ProductsToolbar({ marketplace }: { readonly marketplace: string | null }) {
  const { t } = useTranslation('products');
  const query = useProductsStore(selectQuery);
  const categories = useProductsStore(selectCategories);
  const filtered = useProductsStore(selectFiltered);
  const scope = useProductsStore(selectScope);
  const [search, setSearch] = useState(query.search);
  const ids = { search: useId(), gtin: useId(), stock: useId(), category: useId(), amazon: useId() };

  useEffect(() => setSearch(query.search), [query.search]);
  useEffect(() => {
    if (search === query.search) return;
    const timer = setTimeout(() => void setQuery({ search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, query.search]);

  return (
    <div className="toolbar" role="search">
      <div className="field field--stacked toolbar__search">
        <label htmlFor={ids.search}>{t('search')}</label>
        <input id={ids.search} type="search" placeholder={t('searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {scope ? (
        <div className="field field--stacked">
          <label htmlFor={ids.amazon}>{marketplace ? t('filters.amazonIn', { marketplace }) : t('filters.amazon')}</label>
          <select
            id={ids.amazon}
            value={query.amazonStatus ?? ''}
            onChange={(e) => void setQuery({ amazonStatus: (e.target.value || null) as ProductAmazonStatus | null })}
          >
            <option value="">{t('filters.all')}</option>
            {amazonStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`amazonStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field field--stacked">
        <label htmlFor={ids.gtin}>{t('filters.gtin')}</label>
        <select id={ids.gtin} value={query.gtinStatus ?? ''} onChange={(e) => void setQuery({ gtinStatus: (e.target.value || null) as GtinFilter | null })}>
          <option value="">{t('filters.all')}</option>
          {gtinStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`filters.gtinStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--stacked">
        <label htmlFor={ids.stock}>{t('filters.stock')}</label>
        <select id={ids.stock} value={query.stock ?? ''} onChange={(e) => void setQuery({ stock: (e.target.value || null) as StockFilter | null })}>
          <option value="">{t('filters.all')}</option>
          {stockStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`filters.stockStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--stacked">
        <label htmlFor={ids.category}>{t('filters.category')}</label>
        <select
          id={ids.category}
          value={query.categoryId ?? ''}
          onChange={(e) => void setQuery({ categoryId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('filters.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </select>
      </div>
      {filtered ? (
        <button type="button" className="button button--secondary toolbar__clear" onClick={() => void setQuery(emptyQuery)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
