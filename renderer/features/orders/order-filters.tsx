import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderFilterInput } from '../../../preload/contract';
import { ProgramFilter } from '../brazil/program-filter';

/** `YYYY-MM-DD` from a date input → the local midnight of that day (or of the next one) as ISO. */
export function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** ISO instant → the local `YYYY-MM-DD` a date input shows (`minusDays` undoes the exclusive end). */
export function dayOf(iso: string | undefined, minusDays = 0): string {
  if (!iso) return '';
  const d = new Date(iso);
  d.setDate(d.getDate() - minusDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface OrderFiltersProps {
  readonly filter: OrderFilterInput;
  readonly onChange: (patch: Partial<OrderFilterInput>) => void;
}

/** A text search scans every order: wait for a pause in typing before asking main. */
const TYPING_PAUSE_MS = 300;

export function OrderFilters({ filter, onChange }: OrderFiltersProps) {
  const { t } = useTranslation('orders');
  const [text, setText] = useState(filter.text ?? '');
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (text === (filter.text ?? '')) return;
    const timer = setTimeout(() => latest.current({ text }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filter.text]);
  return (
    <form className="card orders-filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="orders-text">{t('filters.text')}</label>
        <input id="orders-text" type="search" value={text} placeholder={t('filters.textPlaceholder')} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="orders-status">{t('filters.status')}</label>
        <select
          id="orders-status"
          value={filter.statuses?.[0] ?? ''}
          onChange={(e) => onChange({ statuses: e.target.value ? [e.target.value as (typeof ORDER_STATUSES)[number]] : [] })}
        >
          <option value="">{t('filters.any')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="orders-from">{t('filters.from')}</label>
        <input id="orders-from" type="date" value={dayOf(filter.createdFrom)} onChange={(e) => onChange({ createdFrom: dayStart(e.target.value) })} />
      </div>
      <div className="field">
        <label htmlFor="orders-to">{t('filters.to')}</label>
        <input id="orders-to" type="date" value={dayOf(filter.createdTo, 1)} onChange={(e) => onChange({ createdTo: dayStart(e.target.value, 1) })} />
      </div>
      <ProgramFilter value={filter.fulfillmentProgram} onChange={(fulfillmentProgram) => onChange({ fulfillmentProgram })} />
      <label className="orders-filters__check">
        <input type="checkbox" checked={filter.withIssues ?? false} onChange={(e) => onChange({ withIssues: e.target.checked || undefined })} />
        {t('filters.withIssues')}
      </label>
    </form>
  );
}
