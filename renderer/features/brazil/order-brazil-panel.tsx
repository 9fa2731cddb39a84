import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrazilOrderView, PackageSizeInput } from '../../../preload/contract';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { ShowInFolderButton } from '../../ui/show-in-folder-button';
import { clearSlots, loadBrazilOrder, loadSlots, refreshInvoice, saveLabel, schedule, sendNote, useBrazilStore } from './brazil-store';
import './brazil.css';

/** "pendente / enviada / aceita / recusada" (and the rarer in-between words). */
function NfeSection({ view }: { readonly view: BrazilOrderView }) {
  const { t } = useTranslation('brazil');
  const format = useFormat();
  const busy = useBrazilStore((s) => s.busy);
  const nfe = view.nfe;
  if (!view.needsNfe) return <p className="brazil-muted">{t(view.program === 'fba' ? 'nfe.byAmazon' : 'nfe.notRequired')}</p>;
  const state = nfe?.state ?? 'missing';
  return (
    <div className="brazil-nfe">
      <p>
        <strong>{t('nfe.label')}</strong> <span className={`nfe-badge nfe-badge--${state}`}>{t(`nfeState.${state}`)}</span>
      </p>
      {nfe ? (
        <dl className="brazil-facts">
          <dt>{t('nfe.number')}</dt>
          <dd>
            {nfe.number} · {t('nfe.series', { series: nfe.series })} · {format.money(nfe.totalCents / 100, 'BRL')}
          </dd>
          <dt>{t('nfe.key')}</dt>
          <dd className="brazil-key">{nfe.accessKey}</dd>
          {nfe.sentAt ? (
            <>
              <dt>{t('nfe.sentAt')}</dt>
              <dd>{format.dateTime(nfe.sentAt)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="brazil-muted">{t('nfe.missingHint')}</p>
      )}
      {nfe?.state === 'rejected' && nfe.amazonErrors.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('nfe.amazonReason')}</p>
          {nfe.amazonErrors.map((e, i) => (
            <p key={i}>
              {e.message} <span className="notice__code">({e.code})</span>
            </p>
          ))}
          <p>{t('nfe.fixHint')}</p>
        </div>
      ) : null}
      {nfe?.state === 'unknown' ? <p className="flag--warning">{t('nfe.unknownHint')}</p> : null}
      <div className="brazil-actions">
        {nfe?.state === 'pending' ? (
          <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void sendNote(nfe.id)}>
            {busy === 'send' ? t('sending') : t('nfe.send')}
          </button>
        ) : null}
        {nfe?.state === 'unknown' ? (
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void sendNote(nfe.id, true)}>
            {t('nfe.resend')}
          </button>
        ) : null}
        {nfe?.state === 'sent' || nfe?.state === 'sending' ? (
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void refreshInvoice(view.orderId)}>
            {t('nfe.refresh')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

const SIZE_FIELDS = ['lengthCm', 'widthCm', 'heightCm', 'weightG'] as const;

function PickupSection({ view }: { readonly view: BrazilOrderView }) {
  const { t } = useTranslation('brazil');
  const format = useFormat();
  const { slots, busy, savedLabel } = useBrazilStore();
  const [size, setSize] = useState<PackageSizeInput>(view.pickup?.size ?? view.estimate.size);
  const [chosen, setChosen] = useState<string | null>(null);
  const [rescheduling, setRescheduling] = useState(false);
  useEffect(() => {
    setSize(view.pickup?.size ?? view.estimate.size);
    setChosen(null);
    setRescheduling(false);
  }, [view.orderId, view.pickup?.size, view.estimate.size]);
  const pickup = view.pickup;
  const scheduled = pickup && pickup.state !== 'scheduling' && pickup.state !== 'failed';
  const window = (start: string | null | undefined, end: string | null | undefined) =>
    start ? `${format.dateTime(start)}${end ? ` – ${format.dateTime(end)}` : ''}` : '—';
  const slot = slots?.find((s) => s.slotId === chosen);
  return (
    <div className="brazil-pickup">
      <h3 className="card__title">{t('pickup.title')}</h3>
      {scheduled ? (
        <dl className="brazil-facts">
          <dt>{t('pickup.when')}</dt>
          <dd>{window(pickup.slotStart, pickup.slotEnd)}</dd>
          <dt>{t('pickup.status')}</dt>
          <dd>{pickup.packageStatus ? t(`packageStatus.${pickup.packageStatus}`, { defaultValue: pickup.packageStatus }) : '—'}</dd>
          <dt>{t('pickup.tracking')}</dt>
          <dd>{pickup.trackingId ?? '—'}</dd>
        </dl>
      ) : null}
      {view.pickupBlocker && view.pickupBlocker !== 'already_scheduled' ? <p className="flag--warning">{t(`blocker.${view.pickupBlocker}`)}</p> : null}
      {scheduled ? (
        <div className="brazil-actions">
          {pickup.hasLabel ? (
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void saveLabel(view.orderId)}>
              {t('pickup.saveLabel')}
            </button>
          ) : (
            <p className="brazil-muted">{t('pickup.noLabel')}</p>
          )}
          {savedLabel ? (
            <>
              <span role="status">{t('pickup.labelSaved', { file: savedLabel.name })}</span>
              <ShowInFolderButton fileToken={savedLabel.fileToken} />
            </>
          ) : null}
          {pickup.packageStatus === 'ReadyForPickup' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy !== null}
              onClick={() => (setRescheduling(true), void loadSlots(view.orderId, size))}
            >
              {t('pickup.change')}
            </button>
          ) : null}
        </div>
      ) : null}
      {!scheduled && !view.pickupBlocker ? (
        <form className="brazil-size" onSubmit={(e) => (e.preventDefault(), void loadSlots(view.orderId, size))}>
          <p className="brazil-muted">
            {view.estimate.missing.length ? t('pickup.estimateDefault', { skus: view.estimate.missing.join(', ') }) : t('pickup.estimateCatalog')}
          </p>
          {SIZE_FIELDS.map((f) => (
            <div className="field field--inline" key={f}>
              <label htmlFor={`size-${f}`}>{t(`pickup.size.${f}`)}</label>
              <input
                id={`size-${f}`}
                type="number"
                min={f === 'weightG' ? 11 : 1}
                step={f === 'weightG' ? 1 : 0.1}
                value={size[f]}
                onChange={(e) => setSize({ ...size, [f]: Number(e.target.value) })}
              />
            </div>
          ))}
          <button type="submit" className="button button--secondary" disabled={busy !== null}>
            {busy === 'slots' ? t('pickup.loadingSlots') : t('pickup.slots')}
          </button>
        </form>
      ) : null}
      {slots ? (
        <fieldset className="brazil-slots">
          <legend>{t('pickup.chooseSlot')}</legend>
          {slots.length === 0 ? <p>{t('pickup.noSlots')}</p> : null}
          {slots.map((s) => (
            <label key={s.slotId} className="brazil-slot">
              <input type="radio" name="slot" value={s.slotId} checked={chosen === s.slotId} onChange={() => setChosen(s.slotId)} />
              {window(s.startTime, s.endTime)} · {t(`handover.${s.handoverMethod ?? 'PICKUP'}`, { defaultValue: s.handoverMethod ?? '' })}
            </label>
          ))}
          <div className="brazil-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!slot || busy !== null}
              onClick={() => slot && void schedule(view.orderId, slot, size, rescheduling)}
            >
              {busy === 'schedule' ? t('pickup.scheduling') : t(rescheduling ? 'pickup.confirmChange' : 'pickup.schedule')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => (setRescheduling(false), clearSlots())}>
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}

/** The order's Brazilian side: program, NF-e and, for Delivery by Amazon, the pickup and its label. */
export function OrderBrazilPanel({ orderId }: { readonly orderId: number }) {
  const { t } = useTranslation('brazil');
  const { order, error } = useBrazilStore();
  useEffect(() => void loadBrazilOrder(orderId), [orderId]);
  if (!order || order.orderId !== orderId) return error ? <ErrorNotice title={t('failed')} error={error} /> : null;
  return (
    <section className="brazil-panel" aria-labelledby="brazil-panel-title">
      <h3 id="brazil-panel-title" className="card__title">
        {t('panel.title')} <span className={`program-badge program-badge--${order.program}`}>{t(`program.${order.program}`)}</span>
      </h3>
      {error ? <ErrorNotice title={t('failed')} error={error} /> : null}
      <NfeSection view={order} />
      {order.program === 'easy_ship' ? <PickupSection view={order} /> : null}
      {order.program === 'fba' ? <p className="brazil-muted">{t('panel.fbaStock')}</p> : null}
    </section>
  );
}
