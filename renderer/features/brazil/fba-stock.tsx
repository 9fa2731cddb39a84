import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Formatters } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { loadFbaList, loadFbaProduct, readFbaNow, resetFbaList, useFbaStore } from './fba-store';
import './brazil.css';

/** Keeps the products list's FBA numbers for the header's marketplace and the rows on screen. */
export function useFbaList(visibleProductIds: readonly number[]): void {
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  useEffect(() => resetFbaList(marketplaceId), [marketplaceId]);
  const key = visibleProductIds.join(',');
  useEffect(() => {
    if (key) void loadFbaList(key.split(',').map(Number));
  }, [key, marketplaceId]);
}

/** Under the store's stock in the list: "FBA: 41", with "Estoque na Amazon (FBA)" spelled out for the tooltip and screen readers. */
export function FbaListStock({ productId, format }: { readonly productId: number; readonly format: Formatters }) {
  const { t } = useTranslation('brazil');
  const stock = useFbaStore((s) => s.list[productId]);
  if (!stock) return null;
  const full = t('fba.listTitle', { count: stock.fulfillable, total: format.number(stock.total), fulfillable: format.number(stock.fulfillable) });
  return (
    <span className="product-table__sub fba-list" title={full} data-testid="fba-list-stock">
      <span aria-hidden="true">{t('fba.listShort', { units: format.number(stock.fulfillable) })}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}

/** The product screen's "Estoque na Amazon (FBA)": what Amazon holds of each SKU, read-only, with "Ler agora". */
export function FbaStockCard({ productId, format }: { readonly productId: number; readonly format: Formatters }) {
  const { t } = useTranslation('brazil');
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const { product, reading, error } = useFbaStore();
  useEffect(() => void loadFbaProduct(productId, marketplaceId), [productId, marketplaceId]);
  const rows = product?.productId === productId ? product.rows : [];
  if (rows.length === 0 && !error) return null;
  const readAt = rows.reduce<string | null>((max, r) => (max === null || r.readAt > max ? r.readAt : max), null);
  return (
    <section className="card card--flush fba-card" aria-labelledby="fba-card-title" data-testid="fba-stock">
      <div className="fba-card__head">
        <h2 id="fba-card-title" className="card__title card__title--padded">
          {t('fba.stock')}
        </h2>
        <button type="button" className="button button--secondary button--small" disabled={reading} onClick={() => void readFbaNow(productId, marketplaceId)}>
          {reading ? t('fba.reading') : t('fba.readNow')}
        </button>
      </div>
      <p className="fba-card__note">{t('fba.note')}</p>
      {error ? <ErrorNotice title={t('fba.failed')} error={error} /> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('fba.columns.sku')}</th>
                <th scope="col" className="num">
                  {t('fba.columns.fulfillable')}
                </th>
                <th scope="col" className="num">
                  {t('fba.columns.inbound')}
                </th>
                <th scope="col" className="num">
                  {t('fba.columns.reserved')}
                </th>
                <th scope="col" className="num">
                  {t('fba.columns.unfulfillable')}
                </th>
                <th scope="col" className="num">
                  {t('fba.columns.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.sku}-${r.amazonSku}-${r.marketplaceId}`}>
                  <th scope="row">
                    {r.sku}
                    {r.amazonSku !== r.sku ? <span className="product-table__sub">{t('fba.amazonSku', { sku: r.amazonSku })}</span> : null}
                  </th>
                  <td className="num">{format.number(r.fulfillable)}</td>
                  <td className="num">{format.number(r.inbound)}</td>
                  <td className="num">{format.number(r.reserved)}</td>
                  <td className="num">{format.number(r.unfulfillable)}</td>
                  <td className="num">{format.number(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {readAt ? <p className="field-help fba-card__read">{t('fba.readAt', { date: format.dateTime(readAt) })}</p> : null}
    </section>
  );
}
