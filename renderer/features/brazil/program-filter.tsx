import { useTranslation } from 'react-i18next';
import { FULFILLMENT_PROGRAMS, type FulfillmentProgramView } from '../../../preload/contract';

/** The orders filter by fulfillment: self-ship, Delivery by Amazon (DBA), FBA. */
export function ProgramFilter({
  value,
  onChange,
}: {
  readonly value: FulfillmentProgramView | undefined;
  readonly onChange: (value: FulfillmentProgramView | undefined) => void;
}) {
  const { t } = useTranslation('brazil');
  return (
    <div className="field">
      <label htmlFor="orders-program">{t('filter.label')}</label>
      <select id="orders-program" value={value ?? ''} onChange={(e) => onChange(e.target.value ? (e.target.value as FulfillmentProgramView) : undefined)}>
        <option value="">{t('filter.any')}</option>
        {FULFILLMENT_PROGRAMS.map((p) => (
          <option key={p} value={p}>
            {t(`program.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
