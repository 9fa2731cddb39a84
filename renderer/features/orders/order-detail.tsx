import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView, ShipOrderInput } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { ShipForm } from './ship-form';
import { OrderBrazilPanel } from '../brazil/order-brazil-panel';

export interface OrderDetailProps {
  readonly order: OrderView;
  readonly format: Formatters;
  readonly shipping: boolean;
  readonly onShip: (input: ShipOrderInput) => void;
}

const ADDRESS_FIELDS = [
  'name',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'districtOrCounty',
  'city',
  'stateOrRegion',
  'postalCode',
  'countryCode',
  'phone',
] as const;

function addressLines(address: OrderView['address']): string[] {
  if (!address) return [];
  return ADDRESS_FIELDS.map((f) => address[f]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export function OrderDetail({ order, format, shipping, onShip }: OrderDetailProps) {
  const { t } = useTranslation('orders');
  const panel = useRef<HTMLElement>(null);
  // Under the list (narrow windows) a newly opened order would otherwise sit out of sight.
  useEffect(() => void panel.current?.scrollIntoView({ block: 'nearest' }), [order.id]);
  const money = (cents: number | null, currency: string | null) => (cents === null || !currency ? '—' : format.money(cents / 100, currency));
  return (
    <aside ref={panel} className="card order-detail" aria-labelledby="order-detail-title">
      <h2 id="order-detail-title" className="card__title">
        {t('detail.title', { orderId: order.amazonOrderId })}
      </h2>
      <dl className="order-detail__facts">
        <dt>{t('columns.status')}</dt>
        <dd>
          <span className={`status-badge status-badge--${order.status}`}>{t(`status.${order.status}`)}</span>
        </dd>
        <dt>{t('columns.date')}</dt>
        <dd>{format.dateTime(order.createdTime)}</dd>
        <dt>{t('detail.buyer')}</dt>
        <dd>
          {order.buyerName ?? '—'}
          {order.buyerEmail ? <span className="order-detail__muted"> · {order.buyerEmail}</span> : null}
        </dd>
        <dt>{t('detail.address')}</dt>
        <dd>{addressLines(order.address).join(', ') || '—'}</dd>
        {order.trackingNumber ? (
          <>
            <dt>{t('detail.shipment')}</dt>
            <dd>
              {order.carrier} · {order.trackingNumber}
              {order.shipDate ? ` · ${format.dateTime(order.shipDate)}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {order.issues.length ? (
        <ul className="order-detail__issues" aria-label={t('detail.issues')}>
          {order.issues.map((i) => (
            <li key={`${i.orderItemId}-${i.code}`} className={i.code === 'PRICE_DIVERGENCE' ? 'flag--warning' : 'flag--error'}>
              {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="orders-table orders-table--items">
        <thead>
          <tr>
            <th scope="col">{t('detail.sku')}</th>
            <th scope="col">{t('detail.item')}</th>
            <th scope="col" className="num">
              {t('detail.quantity')}
            </th>
            <th scope="col" className="num">
              {t('detail.price')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={i.orderItemId}>
              <td>{i.sku ?? '—'}</td>
              <td>{i.title ?? i.asin ?? '—'}</td>
              <td className="num">{format.number(i.quantity)}</td>
              <td className="num">{money(i.unitPriceCents, i.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.stockEffects.length ? (
        <section aria-labelledby="order-stock-title">
          <h3 id="order-stock-title" className="card__title">
            {t('stock.title')}
          </h3>
          <ul className="order-detail__stock">
            {order.stockEffects.map((e) => (
              <li key={`${e.orderItemId}-${e.kind}-${e.sku}`}>
                {e.kind === 'decrement' && e.delta === 0
                  ? `${e.sku}: ${t('stock.confirmed')}`
                  : `${e.sku}: ${t(`stock.${e.kind}`)} (${e.delta > 0 ? '+' : ''}${format.number(e.delta)})`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <OrderBrazilPanel orderId={order.id} />
      {order.canShip ? <ShipForm key={order.id} orderId={order.id} busy={shipping} onShip={onShip} /> : null}
    </aside>
  );
}
