import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSettingsView } from '../../../preload/contract';
import { ErrorNotice } from '../../ui/error-notice';
import { loadOrderSettings, saveOrderSettings, selectSettings, selectSettingsError, useOrdersStore } from './orders-store';

/** How orders touch the catalog: reservation of Pending orders and the price divergence tolerance. */
export function OrderSettings() {
  const { t } = useTranslation('orders');
  const saved = useOrdersStore(selectSettings);
  const error = useOrdersStore(selectSettingsError);
  const [draft, setDraft] = useState<OrderSettingsView | null>(null);
  useEffect(() => void loadOrderSettings(), []);
  useEffect(() => setDraft(saved), [saved]);
  if (!draft) return error ? <ErrorNotice title={t('settings.failed')} error={error} /> : null;
  const tolerance = Number.isFinite(draft.priceTolerancePercent) && draft.priceTolerancePercent >= 0 && draft.priceTolerancePercent <= 100;
  return (
    <details className="card order-settings">
      <summary className="card__title">{t('settings.title')}</summary>
      <form
        className="order-settings__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (tolerance) void saveOrderSettings(draft);
        }}
      >
        <label className="orders-filters__check">
          <input type="checkbox" checked={draft.reserveOnPending} onChange={(e) => setDraft({ ...draft, reserveOnPending: e.target.checked })} />
          {t('settings.reserve')}
        </label>
        {/* A rule, not a choice: Amazon ships FBA orders from its own stock, so the store's never moves. */}
        <label className="orders-filters__check">
          <input type="checkbox" checked disabled aria-describedby="orders-fba-rule" />
          {t('settings.fbaStock')}
        </label>
        <p id="orders-fba-rule" className="card__description">
          {t('settings.fbaStockHint')}
        </p>
        <div className="field">
          <label htmlFor="orders-tolerance">{t('settings.tolerance')}</label>
          <input
            id="orders-tolerance"
            type="number"
            min={0}
            max={100}
            step={0.5}
            value={draft.priceTolerancePercent}
            onChange={(e) => setDraft({ ...draft, priceTolerancePercent: e.target.valueAsNumber })}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={!tolerance}>
          {t('settings.save')}
        </button>
      </form>
      {error ? <ErrorNotice title={t('settings.failed')} error={error} /> : null}
    </details>
  );
}
