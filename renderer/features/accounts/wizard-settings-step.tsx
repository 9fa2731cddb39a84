import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { labelChanged, marketplaceToggled, selectConnectError, selectTestResult, useWizardStore } from './connect-wizard-store';

/** Step 3: the account's name in Vitrine and the marketplaces to sell in. */
export function WizardSettingsStep() {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const result = useWizardStore(selectTestResult);
  const label = useWizardStore((s) => s.label);
  const chosen = useWizardStore((s) => s.chosen);
  const environment = useWizardStore((s) => s.environment);
  const error = useWizardStore(selectConnectError);

  return (
    <div className="wizard-step">
      <p>{t('wizard.settings.intro')}</p>
      {environment === 'simulator' ? <p className="notice notice--info">{t('simulatedHint')}</p> : null}
      <div className="field field--stacked">
        <label htmlFor="account-label">{t('wizard.settings.label')}</label>
        <input
          id="account-label"
          type="text"
          maxLength={80}
          value={label}
          aria-describedby="account-label-help"
          onChange={(e) => useWizardStore.setState((s) => labelChanged(s, e.target.value))}
        />
        <span id="account-label-help" className="field-help">
          {t('wizard.settings.labelHelp')}
        </span>
      </div>
      <fieldset className="choice-group choice-group--column">
        <legend className="field-legend">{t('wizard.settings.marketplacesLegend')}</legend>
        {(result?.marketplaces ?? []).map((m) => (
          <label key={m.marketplaceId} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(m.marketplaceId)}
              disabled={!m.participating}
              onChange={() => useWizardStore.setState((s) => marketplaceToggled(s, m.marketplaceId))}
            />
            <span>
              {format.country(m.countryCode)} · {m.currency}
              {m.participating ? '' : ` — ${t('wizard.integration.notParticipating')}`}
            </span>
          </label>
        ))}
      </fieldset>
      {error ? <ErrorNotice title={t('wizard.settings.connectFailed')} error={error} /> : null}
    </div>
  );
}
