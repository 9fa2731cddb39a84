import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { countryChosen, environmentChosen, useWizardStore, type Environment } from './connect-wizard-store';
import { countryInfo, sellerCountries, type SellerCountry } from './seller-countries';

const environments: readonly Environment[] = ['production', 'sandbox', 'simulator'];
const needs = ['account', 'profile', 'app', 'token'] as const;
const guide = ['login', 'profile', 'addApp', 'credentials', 'authorize', 'sellerId', 'expiry'] as const;

/** Step 1: what is needed, and how to register and self-authorize a private app in the seller's region. */
export function WizardInfoStep() {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const country = useWizardStore((s) => s.country);
  const environment = useWizardStore((s) => s.environment);
  const countryId = useId();
  const environmentId = useId();
  const environmentHelpId = useId();
  const info = countryInfo(country);
  const host = new URL(info.sellerCentral).host;
  const countryName = format.country(country);

  return (
    <div className="wizard-step">
      <p>{t('wizard.info.intro')}</p>
      <h3 className="section-title">{t('wizard.info.needsTitle')}</h3>
      <ul className="checklist">
        {needs.map((key) => (
          <li key={key}>{t(`wizard.info.needs.${key}`)}</li>
        ))}
      </ul>
      <div className="form-row">
        <div className="field">
          <label htmlFor={countryId}>{t('wizard.info.countryLabel')}</label>
          <select id={countryId} value={country} onChange={(e) => useWizardStore.setState((s) => countryChosen(s, e.target.value as SellerCountry))}>
            {sellerCountries.map((c) => (
              <option key={c.code} value={c.code}>
                {format.country(c.code)} — {t(`region.${c.region}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={environmentId}>{t('wizard.info.environmentLabel')}</label>
          <select
            id={environmentId}
            value={environment}
            aria-describedby={environmentHelpId}
            onChange={(e) => useWizardStore.setState((s) => environmentChosen(s, e.target.value as Environment))}
          >
            {environments.map((env) => (
              <option key={env} value={env}>
                {t(`environment.${env}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={environmentHelpId} className="field-help">
        {t('wizard.info.environmentHelp')}
      </p>
      <h3 className="section-title">{t('wizard.info.guideTitle', { country: countryName })}</h3>
      <ol className="guide">
        {guide.map((key) => (
          <li key={key}>{t(`wizard.info.guide.${key}`, { country: countryName, host })}</li>
        ))}
      </ol>
      <p>
        <a href={info.sellerCentral} target="_blank" rel="noreferrer">
          {t('wizard.info.openSellerCentral', { host })}
        </a>
      </p>
      <p className="notice notice--info">{t('wizard.info.secretsNote')}</p>
    </div>
  );
}
