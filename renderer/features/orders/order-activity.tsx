import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { valueOf } from '../../app/load';
import { loadActivity, useOrdersStore } from './orders-store';

/** The latest order problems and shipments, newest first; each links to its order. */
export function OrderActivityList() {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const entries = useOrdersStore((s) => valueOf(s.activity));
  useEffect(() => void loadActivity(), []);
  if (!entries?.length) return null;
  return (
    <section className="card order-activity" aria-labelledby="order-activity-title">
      <h2 id="order-activity-title" className="card__title">
        {t('activity.title')}
      </h2>
      <ul>
        {entries.map((a) => (
          <li key={a.id} className={`order-activity__${a.severity}`}>
            <time dateTime={a.at}>{format.dateTime(a.at)}</time> {a.route ? <a href={`#${a.route}`}>{a.message}</a> : a.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
