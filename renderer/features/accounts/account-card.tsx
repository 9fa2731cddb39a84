import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, ChannelOutput } from '../../../preload/contract';
import { request } from '../../app/api';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { AccountHealthDetails } from './account-health-notice';
import { SimulatedBadge } from './simulated-badge';

export interface AccountCardProps {
  readonly account: AccountSummary;
  readonly format: Formatters;
  readonly busy: boolean;
  readonly onSaveMarketplaces: (marketplaceIds: readonly string[]) => Promise<boolean>;
  /** How many orders removing the account would delete (null: could not be read). */
  readonly onRemovalImpact: () => Promise<number | null>;
  readonly onRemove: (deleteOrders: boolean) => void;
}

type Activity = ChannelOutput<'accounts:activity'>;

/** One connected account: what it is, whether it works, its reminders, where it sells. Never a secret. */
export function AccountCard({ account, format, busy, onSaveMarketplaces, onRemovalImpact, onRemove }: AccountCardProps) {
  const { t } = useTranslation('accounts');
  const enabled = account.marketplaces.filter((m) => m.enabled).map((m) => m.marketplaceId);
  const [chosen, setChosen] = useState<readonly string[]>(enabled);
  // null: not asking; a number: asking, knowing how many orders go with the account.
  const [confirming, setConfirming] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const [activity, setActivity] = useState<Activity>([]);
  const changed = chosen.length !== enabled.length || chosen.some((id) => !enabled.includes(id));
  const titleId = `account-${account.id}-title`;
  const credentialsHref = hrefFor('accounts', account.id, 'credentials');

  useEffect(() => {
    let live = true;
    void request('accounts:activity', { accountId: account.id, limit: 3 }).then((o) => live && o.ok && setActivity(o.value));
    return () => {
      live = false;
    };
  }, [account.id, account.health.state]);

  const toggle = (id: string) => {
    setSaved(false);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  };
  const askRemoval = () => void onRemovalImpact().then((orders) => orders !== null && setConfirming(orders));

  return (
    <article className="card account-card" aria-labelledby={titleId} data-testid={`account-${account.id}`}>
      <header className="account-card__header">
        <h2 id={titleId} className="card__title">
          {account.label}
        </h2>
        {account.simulated ? <SimulatedBadge /> : null}
        {account.health.state === 'ok' ? null : <span className="tag tag--error">{t('health.tag')}</span>}
      </header>
      {account.simulated ? <p className="card__description">{t('simulatedHint')}</p> : null}
      <AccountHealthDetails account={account} withAction />
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
        <div key={r.kind} className="notice notice--info account-card__reminder" role="note">
          <p>{t(`reminders.${r.kind}`, { when: format.relativeDays(r.daysLeft) })}</p>
          {account.canUpdateCredentials ? (
            <a className="button button--secondary button--small" href={credentialsHref}>
              {t('credentials.action')}
            </a>
          ) : null}
        </div>
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
      {activity.length > 0 ? (
        <section aria-label={t('card.history')}>
          <h3 className="section-title">{t('card.history')}</h3>
          <ul className="account-card__history">
            {activity.map((a) => (
              <li key={a.id} className={`account-card__event account-card__event--${a.severity}`}>
                <time dateTime={a.at}>{format.dateTime(a.at)}</time> {a.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="account-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !changed || chosen.length === 0}
          onClick={() => void onSaveMarketplaces(chosen).then((ok) => setSaved(ok))}
        >
          {busy ? t('card.busy') : t('card.save')}
        </button>
        {account.canUpdateCredentials && account.health.state === 'ok' ? (
          <a className="button button--secondary" href={credentialsHref}>
            {t('credentials.action')}
          </a>
        ) : null}
        {confirming !== null ? (
          <div className="confirm" role="group" aria-label={t('card.remove')}>
            <p>
              {t('card.removeConfirm', { label: account.label })}{' '}
              <strong>{confirming > 0 ? t('card.removeOrders', { count: confirming, formatted: format.number(confirming) }) : t('card.removeNoOrders')}</strong>
            </p>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => onRemove(confirming > 0)}>
              {confirming > 0 ? t('card.confirmRemoveWithOrders', { count: confirming, formatted: format.number(confirming) }) : t('card.confirmRemove')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t('card.keep')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--secondary" disabled={busy} onClick={askRemoval}>
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
