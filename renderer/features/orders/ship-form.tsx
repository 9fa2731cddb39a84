import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipOrderInput } from '../../../preload/contract';

/** Carriers sellers pick most; "Other" asks for the carrier's name, as Amazon requires. */
export const CARRIERS = ['Correios', 'Jadlog', 'Total Express', 'Loggi', 'USPS', 'UPS', 'FedEx', 'DHL', 'Canada Post', 'Royal Mail', 'Other'] as const;

/** Main accepts a ship date up to this far past the clock (main/orders/shipment.ts). */
const FUTURE_SKEW_MS = 10 * 60_000;

/** `datetime-local` value for now, in local time. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export interface ShipFormProps {
  readonly orderId: number;
  readonly busy: boolean;
  readonly onShip: (input: ShipOrderInput) => void;
}

export function ShipForm({ orderId, busy, onShip }: ShipFormProps) {
  const { t } = useTranslation('orders');
  const [carrierCode, setCarrier] = useState<string>(CARRIERS[0]);
  const [carrierName, setCarrierName] = useState('');
  const [trackingNumber, setTracking] = useState('');
  const [shipDate, setShipDate] = useState(nowLocal);
  // What still keeps "Confirmar envio" disabled, said under the button instead of a silent grey button.
  const missing =
    carrierCode === 'Other' && carrierName.trim() === ''
      ? 'carrierName'
      : trackingNumber.trim() === ''
        ? 'tracking'
        : shipDate === ''
          ? 'date'
          : // Main refuses it too (with the order's date as the other bound); said here before sending.
            new Date(shipDate).getTime() > Date.now() + FUTURE_SKEW_MS
            ? 'dateFuture'
            : null;
  const complete = missing === null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    onShip({
      id: orderId,
      carrierCode,
      trackingNumber: trackingNumber.trim(),
      shipDate: new Date(shipDate).toISOString(),
      ...(carrierCode === 'Other' ? { carrierName: carrierName.trim() } : {}),
    });
  };

  return (
    <form className="ship-form" aria-label={t('ship.title')} onSubmit={submit}>
      <h3 className="card__title">{t('ship.title')}</h3>
      <div className="field">
        <label htmlFor="ship-carrier">{t('ship.carrier')}</label>
        <select id="ship-carrier" value={carrierCode} onChange={(e) => setCarrier(e.target.value)}>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {c === 'Other' ? t('ship.other') : c}
            </option>
          ))}
        </select>
      </div>
      {carrierCode === 'Other' ? (
        <div className="field">
          <label htmlFor="ship-carrier-name">{t('ship.carrierName')}</label>
          <input id="ship-carrier-name" value={carrierName} onChange={(e) => setCarrierName(e.target.value)} required />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="ship-tracking">{t('ship.tracking')}</label>
        <input id="ship-tracking" value={trackingNumber} onChange={(e) => setTracking(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor="ship-date">{t('ship.date')}</label>
        <input id="ship-date" type="datetime-local" value={shipDate} max={nowLocal()} onChange={(e) => setShipDate(e.target.value)} required />
      </div>
      <button type="submit" className="button button--primary" disabled={busy || !complete} aria-describedby={missing ? 'ship-missing' : undefined}>
        {busy ? t('ship.sending') : t('ship.confirm')}
      </button>
      {missing ? (
        <p id="ship-missing" className="field-help" data-testid="ship-missing">
          {t(`ship.missing.${missing}`)}
        </p>
      ) : null}
    </form>
  );
}
