import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductListItem } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { FbaListStock, useFbaList } from '../brazil/fba-stock';
import { EditableCell } from './editable-cell';
import { saveCell } from './products-store';

export const ROW_HEIGHT = 52;

export interface ProductTableProps {
  readonly total: number;
  /** The row at an index, or undefined while its page is loading. */
  readonly rowAt: (index: number) => ProductListItem | undefined;
  readonly selected: ReadonlySet<number>;
  readonly allLoadedSelected: boolean;
  readonly format: Formatters;
  /** Whether a header marketplace is chosen: the Amazon status column shows then. */
  readonly showAmazon: boolean;
  /** Called with the visible range (plus overscan) so the container can fetch those pages. */
  readonly onRange: (first: number, last: number) => void;
  readonly onToggle: (productId: number) => void;
  readonly onToggleLoaded: (on: boolean) => void;
}

function price(item: ProductListItem, format: Formatters): string {
  if (item.minPriceCents === null) return '—';
  if (item.maxPriceCents === null || item.maxPriceCents === item.minPriceCents) return format.price(item.minPriceCents);
  return `${format.price(item.minPriceCents)} – ${format.price(item.maxPriceCents)}`;
}

const STATUS_TONE: Readonly<Record<NonNullable<ProductListItem['amazonStatus']>, string>> = {
  live: 'tag tag--ok',
  error: 'tag tag--warn',
  sending: 'tag tag--info',
  paused: 'tag',
  skipped: 'tag',
  removed: 'tag',
  queued: 'tag tag--info',
  'not-included': 'tag',
};

/**
 * The catalog as a virtualized table: only the rows on screen exist in the DOM, so 100k products
 * scroll like 100. Rows have one fixed height (no measuring while scrolling).
 */
export function ProductTable({ total, rowAt, selected, allLoadedSelected, format, showAmazon, onRange, onToggle, onToggleLoaded }: ProductTableProps) {
  const { t } = useTranslation('products');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) onRange(first, last);
  }, [first, last, total, onRange]);
  // "FBA: 41" under the store's stock for the products on screen that Amazon holds.
  useFbaList(items.flatMap((v) => rowAt(v.index)?.id ?? []));

  return (
    <div className={showAmazon ? 'product-table product-table--amazon' : 'product-table'} role="table" aria-rowcount={total + 1} aria-label={t('title')}>
      <div className="product-table__row product-table__row--head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="product-table__check">
          <input type="checkbox" aria-label={t('selectLoaded')} checked={allLoadedSelected} onChange={(e) => onToggleLoaded(e.target.checked)} />
        </span>
        <span role="columnheader">{t('columns.product')}</span>
        <span role="columnheader">{t('columns.sku')}</span>
        <span role="columnheader" className="num">
          {t('columns.price')}
        </span>
        <span role="columnheader" className="num">
          {t('columns.stock')}
        </span>
        <span role="columnheader">{t('columns.gtin')}</span>
        {showAmazon ? <span role="columnheader">{t('columns.amazon')}</span> : null}
      </div>
      <div ref={scrollRef} className="product-table__scroll" data-testid="product-scroll">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const item = rowAt(v.index);
            const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
            if (!item) {
              return (
                <div key={v.key} role="row" aria-rowindex={v.index + 2} className="product-table__row product-table__row--loading" style={style}>
                  <span role="cell">{t('loadingRow')}</span>
                </div>
              );
            }
            const isSelected = selected.has(item.id);
            return (
              <div
                key={v.key}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={isSelected}
                className={isSelected ? 'product-table__row product-table__row--selected' : 'product-table__row'}
                style={style}
                data-testid="product-row"
              >
                <span role="cell" className="product-table__check">
                  <input type="checkbox" aria-label={t('selectRow', { title: item.title })} checked={isSelected} onChange={() => onToggle(item.id)} />
                </span>
                <span role="cell" className="product-table__product">
                  <a href={hrefFor('products', String(item.id))}>{item.title || item.key}</a>
                  {item.amazonMatch ? (
                    <span
                      className="product-table__sub product-table__match"
                      title={t('foundOnAmazon', { asin: item.amazonMatch.asin, title: item.amazonMatch.title ?? '' })}
                    >
                      {item.amazonMatch.title
                        ? t('foundOnAmazon', { asin: item.amazonMatch.asin, title: item.amazonMatch.title })
                        : t('foundOnAmazonNoTitle', { asin: item.amazonMatch.asin })}
                    </span>
                  ) : (
                    <span className="product-table__sub">{[item.brand, item.categoryPath].filter(Boolean).join(' · ')}</span>
                  )}
                </span>
                <span role="cell" className="product-table__sku">
                  {item.firstSku}
                  {item.skuCount > 1 ? <span className="product-table__sub">{t('skuCount', { count: item.skuCount })}</span> : null}
                </span>
                <span role="cell" className="num">
                  {item.singleSkuId !== null ? (
                    <EditableCell
                      display={price(item, format)}
                      initial={item.minPriceCents === null ? '' : format.cents(item.minPriceCents)}
                      label={t('editPrice', { title: item.title })}
                      inputMode="decimal"
                      onSave={(text) => saveCell(item.singleSkuId ?? 0, 'price', text)}
                    />
                  ) : (
                    price(item, format)
                  )}
                </span>
                <span role="cell" className="num">
                  {item.singleSkuId !== null && !item.singleSkuIsKit ? (
                    <EditableCell
                      display={format.number(item.stock)}
                      initial={String(item.stock)}
                      label={t('editStock', { title: item.title })}
                      inputMode="numeric"
                      onSave={(text) => saveCell(item.singleSkuId ?? 0, 'stock', text)}
                    />
                  ) : (
                    format.number(item.stock)
                  )}
                  <FbaListStock productId={item.id} format={format} />
                </span>
                <span role="cell">
                  {item.gtinProblems > 0 ? (
                    <span className="tag tag--warn">{t('gtinProblems', { count: item.gtinProblems })}</span>
                  ) : (
                    <span className="tag tag--ok">{t('gtinOk')}</span>
                  )}
                </span>
                {showAmazon ? (
                  <span role="cell">
                    {item.amazonStatus ? <span className={STATUS_TONE[item.amazonStatus]}>{t(`amazonStatus.${item.amazonStatus}`)}</span> : null}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
