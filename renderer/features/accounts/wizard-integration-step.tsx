import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import {
  credentialFields,
  fieldChanged,
  selectTestError,
  selectTestResult,
  selectTesting,
  testConnection,
  useWizardStore,
  type CredentialField,
} from './connect-wizard-store';

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
        return (
          <div key={field} className="field field--stacked">
            <label htmlFor={id}>{t(`wizard.integration.fields.${field}`)}</label>
            <input
              id={id}
              type={secretFields.has(field) ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={fields[field]}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
              onChange={(e) => useWizardStore.setState((s) => fieldChanged(s, { field, value: e.target.value }))}
            />
            <span id={`${id}-help`} className="field-help">
              {t(`wizard.integration.help.${field}`)}
            </span>
            {error ? (
              <span id={`${id}-error`} className="field-error">
                {error === 'required' ? t('wizard.integration.errors.required') : t(`wizard.integration.errors.${field}`)}
              </span>
            ) : null}
          </div>
        );
      })}
      <div>
        <button type="submit" className="button button--primary" disabled={testing}>
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
      {testError ? <ErrorNotice title={t('wizard.integration.testFailed')} error={testError} /> : null}
    </form>
  );
}
