import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../preload/contract';
import type { ApiError } from '../../app/api';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { selectAccounts, useAccountsStore } from './accounts-store';
import {
  connectedAccountOf,
  credentialFields,
  fieldChanged,
  selectTestError,
  selectTestResult,
  selectTesting,
  testConnection,
  useWizardStore,
  valueMoved,
  type CredentialField,
} from './connect-wizard-store';
import { misplacedShape } from './credential-shapes';

const secretFields: ReadonlySet<CredentialField> = new Set(['clientSecret', 'refreshToken']);

/** Step 2: the credentials, checked locally, then "Test connection" lists the account's marketplaces. */
export function WizardIntegrationStep() {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const fields = useWizardStore((s) => s.fields);
  const errors = useWizardStore((s) => s.fieldErrors);
  const testing = useWizardStore(selectTesting);
  const result = useWizardStore(selectTestResult);
  const testError = useWizardStore(selectTestError);
  const simulated = useWizardStore((s) => s.environment === 'simulator');
  const accounts = useAccountsStore(selectAccounts);
  const connected = useWizardStore((s) => connectedAccountOf(s, accounts));
  const duplicate = connected ?? alreadyConnected(testError, accounts);

  return (
    <form
      className="wizard-step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void testConnection();
      }}
    >
      <p>{t('wizard.integration.intro')}</p>
      {credentialFields.map((field) => {
        const error = errors[field];
        const id = `credential-${field}`;
        const flagged = error !== undefined || misplacedShape(field, fields[field]) !== undefined;
        return (
          <div key={field} className="field field--stacked">
            <label htmlFor={id}>{t(`wizard.integration.fields.${field}`)}</label>
            <input
              id={id}
              type={secretFields.has(field) ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={fields[field]}
              aria-invalid={flagged ? true : undefined}
              aria-describedby={`${id}-help${flagged ? ` ${id}-error` : ''}`}
              onChange={(e) => useWizardStore.setState((s) => fieldChanged(s, { field, value: e.target.value }))}
            />
            <span id={`${id}-help`} className="field-help">
              {t(`wizard.integration.help.${field}`)}
            </span>
            <FieldProblem field={field} value={fields[field]} problem={error} />
          </div>
        );
      })}
      {duplicate ? <ConnectedNotice account={duplicate} /> : null}
      <div>
        <button type="submit" className="button button--primary" disabled={testing || connected !== undefined}>
          {testing ? t('wizard.integration.testing') : t('wizard.integration.test')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result ? (
          <div className="test-result">
            <p className="test-result__ok">
              {simulated
                ? t('wizard.integration.testOkSimulated')
                : result.storeName
                  ? t('wizard.integration.testOkStore', { store: result.storeName })
                  : t('wizard.integration.testOk')}
            </p>
            <ul className="marketplace-list">
              {result.marketplaces.map((m) => (
                <li key={m.marketplaceId}>
                  <span>
                    {format.country(m.countryCode)} · {m.currency}
                  </span>
                  <span className={m.participating ? 'tag tag--ok' : 'tag'}>
                    {m.participating ? t('wizard.integration.participating') : t('wizard.integration.notParticipating')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {testError && !duplicate ? <ErrorNotice title={t('wizard.integration.testFailed')} error={testError} /> : null}
    </form>
  );
}

/** Main refused the test because these credentials are already connected (same seller or same token). */
function alreadyConnected(error: ApiError | null, accounts: readonly AccountSummary[]): AccountSummary | undefined {
  if (error?.code !== 'ACCOUNT_ALREADY_CONNECTED') return undefined;
  const id = error.details?.accountId;
  return accounts.find((a) => a.id === id);
}

/** The field's problem: a value of another credential's shape is named, with a way to move it. */
function FieldProblem({ field, value, problem }: { readonly field: CredentialField; readonly value: string; readonly problem: string | undefined }) {
  const { t } = useTranslation('accounts');
  const id = `credential-${field}-error`;
  const shape = misplacedShape(field, value);
  if (shape) {
    const target = shape === 'accessToken' ? undefined : shape;
    return (
      <span id={id} className="field-error field-error--action" role="alert">
        {t(`wizard.integration.misplaced.${shape}`, { field: target ? t(`wizard.integration.fields.${target}`) : '' })}
        {target ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => useWizardStore.setState((s) => valueMoved(s, { from: field, to: target }))}
          >
            {t('wizard.integration.moveTo', { field: t(`wizard.integration.fields.${target}`) })}
          </button>
        ) : null}
      </span>
    );
  }
  if (!problem || problem === 'misplaced') return null;
  return (
    <span id={id} className="field-error">
      {problem === 'required' ? t('wizard.integration.errors.required') : t(`wizard.integration.errors.${field}`)}
    </span>
  );
}

/** This seller is already connected: change its keys there instead of connecting it twice. */
function ConnectedNotice({ account }: { readonly account: AccountSummary }) {
  const { t } = useTranslation('accounts');
  return (
    <div className="notice notice--info" role="status" data-testid="wizard-already-connected">
      <div className="notice__body">
        <p className="notice__title">{t('wizard.integration.connectedTitle', { label: account.label })}</p>
        <p>{t('wizard.integration.connectedBody', { sellerId: account.sellerId })}</p>
      </div>
      <a className="button button--primary" href={hrefFor('accounts', account.id, 'credentials')}>
        {t('credentials.action')}
      </a>
    </div>
  );
}
