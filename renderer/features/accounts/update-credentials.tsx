import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './accounts.css';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { selectAccounts, selectAccountsLoaded, useAccountsStore } from './accounts-store';
import { AccountHealthDetails } from './account-health-notice';
import { misplacedShape } from './credential-shapes';
import {
  saveCredentials,
  selectUpdated,
  selectUpdateError,
  selectUpdateSaving,
  updatableFields,
  updateFieldChanged,
  updateStart,
  useUpdateCredentialsStore,
  type UpdatableField,
} from './update-credentials-store';

/**
 * `#/accounts/<id>/credentials`: a new client secret (the 180-day rotation) and/or refresh token
 * (a new authorization) for a connected account. Main checks them with Amazon before replacing
 * the stored ones; the account keeps its orders and history.
 */
export function UpdateCredentialsPage({ accountId }: { readonly accountId: string }) {
  const { t } = useTranslation('accounts');
  const account = useAccountsStore((s) => selectAccounts(s).find((a) => a.id === accountId) ?? null);
  const loaded = useAccountsStore(selectAccountsLoaded);
  const fields = useUpdateCredentialsStore((s) => s.fields);
  const problems = useUpdateCredentialsStore((s) => s.problems);
  const saving = useUpdateCredentialsStore(selectUpdateSaving);
  const error = useUpdateCredentialsStore(selectUpdateError);
  const updated = useUpdateCredentialsStore(selectUpdated);

  useEffect(() => {
    useUpdateCredentialsStore.setState(updateStart(accountId), true);
    // Leaving the page drops whatever was typed into it.
    return () => useUpdateCredentialsStore.setState(updateStart(), true);
  }, [accountId]);

  const back = (
    <a className="button button--secondary" href={hrefFor('accounts')}>
      {t('credentials.back')}
    </a>
  );
  if (!account) {
    return (
      <section className="page" aria-labelledby="credentials-title">
        <PageHeader id="credentials-title" title={t('credentials.title')} />
        {loaded ? <p className="notice notice--info">{t('credentials.notFound')}</p> : null}
        {back}
      </section>
    );
  }
  if (!account.canUpdateCredentials) {
    return (
      <section className="page" aria-labelledby="credentials-title">
        <PageHeader id="credentials-title" title={t('credentials.titleFor', { label: account.label })} />
        <p className="notice notice--info">{t('credentials.demo')}</p>
        {back}
      </section>
    );
  }
  if (updated) {
    return (
      <section className="page" aria-labelledby="credentials-title">
        <PageHeader id="credentials-title" title={t('credentials.titleFor', { label: account.label })} />
        <div className="card empty-state" role="status">
          <p className="card__title">{t('credentials.saved', { label: updated.label })}</p>
          <p>{t('credentials.savedBody')}</p>
          {back}
        </div>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="credentials-title">
      <PageHeader id="credentials-title" title={t('credentials.titleFor', { label: account.label })} subtitle={t('credentials.subtitle')} />
      {account.health.state === 'credentials_rejected' ? <AccountHealthDetails account={account} /> : null}
      <form
        className="card wizard-step"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void saveCredentials();
        }}
      >
        <p>{t('credentials.intro')}</p>
        <ol className="guide">
          <li>{t('credentials.guide.secret')}</li>
          <li>{t('credentials.guide.token')}</li>
        </ol>
        {updatableFields.map((field) => (
          <CredentialField key={field} field={field} value={fields[field]} problem={problems[field]} />
        ))}
        <div className="account-card__actions">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
            {saving ? t('credentials.saving') : t('credentials.save')}
          </button>
          {back}
        </div>
        {error ? <ErrorNotice title={t('credentials.failed')} error={error} /> : null}
      </form>
    </section>
  );
}

function CredentialField({ field, value, problem }: { readonly field: UpdatableField; readonly value: string; readonly problem: string | undefined }) {
  const { t } = useTranslation('accounts');
  const id = `update-${field}`;
  const shape = misplacedShape(field, value);
  const message = shape
    ? t(`wizard.integration.misplaced.${shape}`, { field: shape === 'accessToken' ? '' : t(`wizard.integration.fields.${shape}`) })
    : problem === 'nothing'
      ? t('credentials.nothing')
      : problem === 'format'
        ? t(`wizard.integration.errors.${field}`)
        : null;
  return (
    <div className="field field--stacked">
      <label htmlFor={id}>{t(`credentials.fields.${field}`)}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-help${message ? ` ${id}-error` : ''}`}
        onChange={(e) => useUpdateCredentialsStore.setState((s) => updateFieldChanged(s, { field, value: e.target.value }))}
      />
      <span id={`${id}-help`} className="field-help">
        {t(`credentials.help.${field}`)}
      </span>
      {message ? (
        <span id={`${id}-error`} className="field-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
