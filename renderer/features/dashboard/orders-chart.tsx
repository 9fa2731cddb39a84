import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { chartGeometry } from './chart-geometry';

const BOX = { width: 300, height: 110, top: 10 } as const;

/** `YYYY-MM-DD` (a local calendar day) → a Date at local noon, safe from time-zone shifts. */
function dayDate(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/**
 * Orders per day as bars and the sales of one currency as a line (chart-geometry.ts scales each on
 * its own axis). The totals are written out too, and each bar carries its day and count as a title.
 */
export function OrdersChart({ data, format }: { readonly data: DashboardSummary['ordersByDay']; readonly format: Formatters }) {
  const { t } = useTranslation('dashboard');
  const currencyId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const sales = data.sales.find((s) => s.currency === chosen) ?? data.sales[0] ?? null;
  const geometry = chartGeometry(data.orders, sales?.cents ?? null, BOX);
  const totalOrders = data.orders.reduce((a, b) => a + b, 0);
  const first = data.days[0];
  const last = data.days[data.days.length - 1];
  const from = first ? format.date(dayDate(first)) : '';
  const to = last ? format.date(dayDate(last)) : '';

  return (
    <section className="card dashboard-chart" aria-labelledby="dashboard-chart-title">
      <div className="dashboard-chart__head">
        <h2 id="dashboard-chart-title" className="dashboard-chart__title">
          {t('chart.title')}
        </h2>
        {data.sales.length > 1 ? (
          <div className="dashboard-chart__currency">
            <label htmlFor={currencyId}>{t('chart.currency')}</label>
            <select id={currencyId} value={sales?.currency ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {data.sales.map((s) => (
                <option key={s.currency} value={s.currency}>
                  {s.currency}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {totalOrders === 0 ? (
        <p className="dashboard-chart__empty">{t('chart.empty')}</p>
      ) : (
        <>
          <svg
            className="dashboard-chart__svg"
            viewBox={`0 0 ${BOX.width} ${BOX.height}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={t('chart.summary', { count: totalOrders, from, to })}
          >
            {geometry.bars.map((bar, i) => {
              const day = data.days[i] ?? '';
              return (
                <rect key={day || i} className="dashboard-chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
                  <title>{t('chart.bar', { count: data.orders[i] ?? 0, day: day ? format.date(dayDate(day)) : '' })}</title>
                </rect>
              );
            })}
            {geometry.line ? <polyline className="dashboard-chart__line" fill="none" points={geometry.line} vectorEffect="non-scaling-stroke" /> : null}
          </svg>
          <div className="dashboard-chart__axis" aria-hidden="true">
            <span>{from}</span>
            <span>{to}</span>
          </div>
        </>
      )}
      <dl className="dashboard-chart__totals" data-testid="dashboard-chart-totals">
        <div>
          <dt>
            <span className="dashboard-chart__key dashboard-chart__key--bar" aria-hidden="true" />
            {t('chart.totalOrders')}
          </dt>
          <dd>{format.number(totalOrders)}</dd>
        </div>
        {sales ? (
          <div>
            <dt>
              <span className="dashboard-chart__key dashboard-chart__key--line" aria-hidden="true" />
              {t('chart.totalSales', { currency: sales.currency })}
            </dt>
            <dd>{format.money(sales.cents.reduce((a, b) => a + b, 0) / 100, sales.currency)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
