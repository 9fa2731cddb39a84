import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { SimulatedBadge } from './simulated-badge';

export interface AccountCardProps {
  readonly account: AccountSummary;
  readonly format: Formatters;
  readonly busy: boolean;
  readonly onSaveMarketplaces: (marketplaceIds: readonly string[]) => Promise<boolean>;
  readonly onRemove: () => void;
}

/** One connected account: what it is, its reminders, which marketplaces it sells in. Never a secret. */
export function AccountCard({ account, format, busy, onSaveMarketplaces, onRemove }: AccountCardProps) {
  const { t } = useTranslation('accounts');
  const enabled = account.marketplaces.filter((m) => m.enabled).map((m) => m.marketplaceId);
  const [chosen, setChosen] = useState<readonly string[]>(enabled);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const changed = chosen.length !== enabled.length || chosen.some((id) => !enabled.includes(id));
  const titleId = `account-${account.id}-title`;

  const toggle = (id: string) => {
    setSaved(false);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  };

  return (
    <article className="card account-card" aria-labelledby={titleId} data-testid={`account-${account.id}`}>
      <header className="account-card__header">
        <h2 id={titleId} className="card__title">
          {account.label}
        </h2>
        {account.simulated ? <SimulatedBadge /> : null}
      </header>
      {account.simulated ? <p className="card__description">{t('simulatedHint')}</p> : null}
      <dl className="facts">
        <dt>{t('card.sellerId')}</dt>
        <dd>{account.sellerId}</dd>
        {account.storeName ? (
          <>
            <dt>{t('card.store')}</dt>
            <dd>{account.storeName}</dd>
          </>
        ) : null}
        <dt>{t('card.region')}</dt>
        <dd>{t(`region.${account.region}`)}</dd>
        <dt>{t('card.environment')}</dt>
        <dd>{t(`environment.${account.environment}`)}</dd>
      </dl>
      {account.reminders.map((r) => (
        <p key={r.kind} className="notice notice--info" role="note">
          {t(`reminders.${r.kind}`, { when: format.relativeDays(r.daysLeft) })}
        </p>
      ))}
      <fieldset className="choice-group choice-group--column" disabled={busy}>
        <legend className="field-legend">{t('card.marketplaces')}</legend>
        {account.marketplaces.map((m) => (
          <label key={m.marketplaceId} className="choice">
            <input type="checkbox" checked={chosen.includes(m.marketplaceId)} disabled={!m.participating} onChange={() => toggle(m.marketplaceId)} />
            <span>
              {format.country(m.countryCode)} · {m.currency}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="account-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !changed || chosen.length === 0}
          onClick={() => void onSaveMarketplaces(chosen).then((ok) => setSaved(ok))}
        >
          {busy ? t('card.busy') : t('card.save')}
        </button>
        {confirming ? (
          <div className="confirm" role="group" aria-label={t('card.remove')}>
            <p>{t('card.removeConfirm', { label: account.label })}</p>
            <button type="button" className="button button--danger" disabled={busy} onClick={onRemove}>
              {t('card.confirmRemove')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('card.keep')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(true)}>
            {t('card.remove')}
          </button>
        )}
      </div>
      <p className="status-line" role="status">
        {saved && !changed ? t('card.saved') : ''}
      </p>
    </article>
  );
}
