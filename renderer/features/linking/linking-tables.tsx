import { useTranslation } from 'react-i18next';
import type { AmazonOnlyItemView, CatalogOnlyItemView, LinkedItemView } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';

interface Selectable {
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (sku: string) => void;
  readonly onTogglePage: () => void;
}

/** Amazon's price is decimal text in the marketplace currency. */
function amazonMoney(format: Formatters, price: string | null, currency: string | null): string {
  if (price === null) return '—';
  return currency ? format.money(Number(price), currency) : format.number(Number(price));
}

function PageCheckbox({
  rows,
  selected,
  onTogglePage,
  label,
}: {
  readonly rows: readonly string[];
  readonly selected: ReadonlySet<string>;
  readonly onTogglePage: () => void;
  readonly label: string;
}) {
  const all = rows.length > 0 && rows.every((r) => selected.has(r));
  return <input type="checkbox" aria-label={label} checked={all} onChange={onTogglePage} />;
}

export function LinkedTable({
  items,
  format,
  currency,
  selected,
  onToggle,
  onTogglePage,
}: { readonly items: readonly LinkedItemView[]; readonly format: Formatters; readonly currency: string | null } & Selectable) {
  const { t } = useTranslation('linking');
  return (
    <table className="data-table linking-table" data-testid="linking-linked-table">
      <thead>
        <tr>
          <th scope="col">
            <PageCheckbox rows={items.map((i) => i.amazonSku)} selected={selected} onTogglePage={onTogglePage} label={t('selectPage')} />
          </th>
          <th scope="col">{t('columns.amazonSku')}</th>
          <th scope="col">{t('columns.product')}</th>
          <th scope="col">{t('columns.matchedBy')}</th>
          <th scope="col" className="num">
            {t('columns.amazonOffer')}
          </th>
          <th scope="col" className="num">
            {t('columns.catalog')}
          </th>
          <th scope="col">{t('columns.treatment')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.amazonSku} data-amazon-sku={i.amazonSku}>
            <td>
              <input
                type="checkbox"
                aria-label={t('selectRow', { sku: i.amazonSku })}
                checked={selected.has(i.amazonSku)}
                onChange={() => onToggle(i.amazonSku)}
              />
            </td>
            <td>
              {i.amazonSku}
              {i.asin ? <span className="linking-table__sub">{i.asin}</span> : null}
            </td>
            <td>
              <a href={hrefFor('products', String(i.productId))}>{i.title}</a>
              <span className="linking-table__sub">{i.sku}</span>
            </td>
            <td>{t(`matchedBy.${i.matchedBy}`)}</td>
            <td className="num">
              {amazonMoney(format, i.amazonPrice, currency)}
              <span className="linking-table__sub">{i.amazonQuantity === null ? t('fba') : t('units', { count: i.amazonQuantity })}</span>
            </td>
            <td className="num">
              {i.priceCents === null ? '—' : format.price(i.priceCents)}
              <span className="linking-table__sub">{t('units', { count: i.stock })}</span>
            </td>
            <td>
              <span className={`tag linking-treatment linking-treatment--${i.treatment}`}>{t(`treatment.${i.treatment}`)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AmazonOnlyTable({
  items,
  format,
  currency,
  selected,
  onToggle,
  onTogglePage,
}: { readonly items: readonly AmazonOnlyItemView[]; readonly format: Formatters; readonly currency: string | null } & Selectable) {
  const { t } = useTranslation('linking');
  return (
    <table className="data-table linking-table" data-testid="linking-amazon-only-table">
      <thead>
        <tr>
          <th scope="col">
            <PageCheckbox rows={items.map((i) => i.sku)} selected={selected} onTogglePage={onTogglePage} label={t('selectPage')} />
          </th>
          <th scope="col">{t('columns.amazonSku')}</th>
          <th scope="col">{t('columns.title')}</th>
          <th scope="col" className="num">
            {t('columns.amazonOffer')}
          </th>
          <th scope="col">{t('columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.sku} data-amazon-sku={i.sku}>
            <td>
              <input type="checkbox" aria-label={t('selectRow', { sku: i.sku })} checked={selected.has(i.sku)} onChange={() => onToggle(i.sku)} />
            </td>
            <td>
              {i.sku}
              {i.asin ? <span className="linking-table__sub">{i.asin}</span> : null}
            </td>
            <td>
              {i.title || '—'}
              {i.unmatchedReason === 'ambiguous' ? <span className="linking-table__warning">{t('ambiguous')}</span> : null}
            </td>
            <td className="num">
              {amazonMoney(format, i.price, currency)}
              <span className="linking-table__sub">{i.quantity === null ? t('fba') : t('units', { count: i.quantity })}</span>
            </td>
            <td>{i.status ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CatalogOnlyTable({ items, format }: { readonly items: readonly CatalogOnlyItemView[]; readonly format: Formatters }) {
  const { t } = useTranslation('linking');
  return (
    <table className="data-table linking-table" data-testid="linking-catalog-only-table">
      <thead>
        <tr>
          <th scope="col">{t('columns.sku')}</th>
          <th scope="col">{t('columns.product')}</th>
          <th scope="col">{t('columns.ean')}</th>
          <th scope="col" className="num">
            {t('columns.catalog')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.skuId} data-sku={i.sku}>
            <td>{i.sku}</td>
            <td>
              <a href={hrefFor('products', String(i.productId))}>{i.title}</a>
            </td>
            <td>{i.gtin ?? '—'}</td>
            <td className="num">
              {i.priceCents === null ? '—' : format.price(i.priceCents)}
              <span className="linking-table__sub">{t('units', { count: i.stock })}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
