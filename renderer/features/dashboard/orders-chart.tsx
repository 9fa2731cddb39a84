import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';

const HEIGHT = 120;
const BAR_GAP = 2;

/** `YYYY-MM-DD` (a local calendar day) → a Date at local noon, safe from time-zone shifts. */
function dayDate(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

/** Orders per day as plain SVG bars; the numbers are also in the text and in each bar's title. */
export function OrdersChart({ data, format }: { readonly data: DashboardSummary['ordersByDay']; readonly format: Formatters }) {
  const { t } = useTranslation('dashboard');
  const total = data.orders.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...data.orders);
  const width = data.days.length * 12;
  const first = data.days[0];
  const last = data.days[data.days.length - 1];
  const summary =
    first && last ? t('chart.summary', { count: total, from: format.date(dayDate(first)), to: format.date(dayDate(last)) }) : '';
  const sales = data.sales
    .map((s) => format.money(s.cents.reduce((a, b) => a + b, 0) / 100, s.currency))
    .join(' · ');
  return (
    <section className="card orders-chart" aria-labelledby="orders-chart-title">
      <h2 id="orders-chart-title" className="card__title">
        {t('chart.title')}
      </h2>
      <p className="card__description" data-testid="orders-chart-summary">
        {summary} {sales ? t('chart.sales', { amounts: sales }) : null}
      </p>
      <svg className="orders-chart__svg" viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        {data.orders.map((n, i) => {
          const h = n === 0 ? 1 : Math.max(3, (n / max) * (HEIGHT - 4));
          const day = data.days[i] ?? '';
          return (
            <rect key={day || i} x={i * 12 + BAR_GAP / 2} y={HEIGHT - h} width={12 - BAR_GAP} height={h} rx={2} className={n === 0 ? 'orders-chart__bar orders-chart__bar--empty' : 'orders-chart__bar'}>
              <title>{t('chart.bar', { count: n, day: day ? format.date(dayDate(day)) : '' })}</title>
            </rect>
          );
        })}
      </svg>
    </section>
  );
}
