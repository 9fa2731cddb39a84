import { useTranslation } from 'react-i18next';
import type { OrderListItem } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ProgramBadges } from '../brazil/program-badge';
import { useOrderFacts } from '../brazil/use-order-facts';

export interface OrdersTableProps {
  readonly items: readonly OrderListItem[];
  readonly selectedId: number | null;
  readonly format: Formatters;
}

export function OrdersTable({ items, selectedId, format }: OrdersTableProps) {
  const { t } = useTranslation('orders');
  const facts = useOrderFacts(items);
  return (
    <table className="orders-table">
      <thead>
        <tr>
          {/* The purchase date under the order id, what needs attention under the status: from 1280 px the list beside an open order keeps every column. */}
          <th scope="col">
            {t('columns.order')}
            <span className="orders-table__sub">{t('columns.date')}</span>
          </th>
          <th scope="col">{t('columns.buyer')}</th>
          <th scope="col">{t('columns.status')}</th>
          <th scope="col" className="num">
            {t('columns.total')}
          </th>
          <th scope="col">{t('brazil:columns.program')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((o) => (
          <tr key={o.id} aria-selected={o.id === selectedId} data-order-id={o.amazonOrderId}>
            <td>
              <a href={hrefFor('orders', String(o.id))}>{o.amazonOrderId}</a>
              <span className="orders-table__sub">{format.dateTime(o.createdTime)}</span>
            </td>
            <td className="orders-table__buyer">{o.buyerName ?? '—'}</td>
            <td>
              <span className={`status-badge status-badge--${o.status}`}>{t(`status.${o.status}`)}</span>
              {o.issueCount > 0 || o.priceDivergence ? (
                <span className="orders-table__flags">
                  <span className="visually-hidden">{t('columns.flags')}: </span>
                  {o.issueCount > 0 ? <span className="flag flag--error">{t('flags.issues', { count: o.issueCount })}</span> : null}
                  {o.priceDivergence ? <span className="flag flag--warning">{t('flags.divergence')}</span> : null}
                </span>
              ) : null}
            </td>
            <td className="num">{o.totalCents === null || !o.currency ? '—' : format.money(o.totalCents / 100, o.currency)}</td>
            <td>
              <ProgramBadges facts={facts[o.id]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
