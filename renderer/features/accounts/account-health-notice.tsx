import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AccountSummary } from '../../../preload/contract';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { Icon } from '../../ui/icon';
import { selectAccounts, useAccountsStore, watchAccounts } from './accounts-store';

/**
 * Why an account is stopped and what to do: Amazon refused its stored credentials (LWA's code and
 * words kept verbatim), so sends, order imports and checks wait for "Atualizar credenciais".
 */
export function AccountHealthDetails({ account, withAction = false }: { readonly account: AccountSummary; readonly withAction?: boolean }) {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const health = account.health;
  if (health.state === 'ok') return null;
  const known = ['invalid_grant', 'invalid_client', 'unauthorized_client'].includes(health.code);
  return (
    <div className="notice notice--error account-health" role="alert" data-testid={`account-health-${account.id}`}>
      <Icon name="alert" />
      <div className="notice__body">
        <p className="notice__title">{t('health.title', { label: account.label })}</p>
        <p>{t('health.stopped', { since: format.dateTime(health.since) })}</p>
        <p>{t(`health.fix.${known ? health.code : 'other'}`)}</p>
        <p className="notice__code">{t('health.amazonSaid', { code: health.code, message: health.message || '—' })}</p>
      </div>
      {withAction ? (
        <a className="button button--primary" href={hrefFor('accounts', account.id, 'credentials')}>
          {t('credentials.action')}
        </a>
      ) : null}
    </div>
  );
}

/**
 * Every stopped account, on the screens a seller watches (Início, Envios): the refusal must not
 * stay hidden in a log. Follows main's `accounts:changed` while shown.
 */
export function AccountHealthNotice() {
  const stopped = useAccountsStore(useShallow((s) => selectAccounts(s).filter((a) => a.health.state !== 'ok')));
  useEffect(() => watchAccounts(), []);
  if (stopped.length === 0) return null;
  return (
    <div className="account-health-list">
      {stopped.map((account) => (
        <AccountHealthDetails key={account.id} account={account} withAction />
      ))}
    </div>
  );
}
