import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './accounts.css';
import { asLocale } from '../../app/i18n';
import { hrefFor } from '../../app/route-store';
import { PageHeader } from '../../ui/page-header';
import { accountConnected, useAccountsStore } from './accounts-store';
import {
  connectAccount,
  selectCanConnect,
  selectCanContinue,
  selectConnected,
  selectConnecting,
  selectStep,
  stepShown,
  useWizardStore,
  wizardStart,
  wizardSteps,
  type WizardStep,
} from './connect-wizard-store';
import { SimulatedBadge } from './simulated-badge';
import { WizardInfoStep } from './wizard-info-step';
import { WizardIntegrationStep } from './wizard-integration-step';
import { WizardSettingsStep } from './wizard-settings-step';

function assertNever(value: never): never {
  throw new Error(`Unhandled step ${String(value)}`);
}

function StepBody({ step }: { readonly step: WizardStep }) {
  switch (step) {
    case 'info':
      return <WizardInfoStep />;
    case 'integration':
      return <WizardIntegrationStep />;
    case 'settings':
      return <WizardSettingsStep />;
    default:
      return assertNever(step);
  }
}

const show = (step: WizardStep) => useWizardStore.setState((s) => stepShown(s, step));

async function connect(): Promise<void> {
  const account = await connectAccount();
  if (account) useAccountsStore.setState((s) => accountConnected(s, account));
}

/** The three-step Amazon account connection: Informações, Integração, Configurações. */
export function ConnectWizard() {
  const { t, i18n } = useTranslation('accounts');
  const step = useWizardStore(selectStep);
  const canContinue = useWizardStore(selectCanContinue);
  const canConnect = useWizardStore(selectCanConnect);
  const connecting = useWizardStore(selectConnecting);
  const connected = useWizardStore(selectConnected);
  const index = wizardSteps.indexOf(step);

  useEffect(() => {
    useWizardStore.setState(wizardStart(({ 'pt-BR': 'BR', en: 'US', es: 'MX', sv: 'SE' } as const)[asLocale(i18n.language)]), true);
    // Leaving the wizard drops whatever credentials were typed into it.
    return () => useWizardStore.setState(wizardStart(), true);
  }, [i18n]);

  if (connected) {
    return (
      <section className="page" aria-labelledby="wizard-title">
        <PageHeader id="wizard-title" title={t('wizard.title')} />
        <div className="card empty-state" role="status">
          <p className="card__title">
            {t('wizard.settings.done', { label: connected.label })} {connected.simulated ? <SimulatedBadge /> : null}
          </p>
          <p>{t('wizard.settings.next')}</p>
          <div className="wizard-actions wizard-actions--center">
            <a className="button button--primary" href={hrefFor('dashboard')}>
              {t('wizard.settings.goToStart')}
            </a>
            <a className="button button--secondary" href={hrefFor('accounts')}>
              {t('wizard.settings.goToAccounts')}
            </a>
          </div>
        </div>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="wizard-title">
      <PageHeader id="wizard-title" title={t('wizard.title')} subtitle={t('wizard.step', { n: index + 1, total: wizardSteps.length })} />
      <ol className="stepper" aria-label={t('wizard.stepsLabel')}>
        {wizardSteps.map((s, i) => (
          <li key={s} className={i < index ? 'stepper__item stepper__item--done' : 'stepper__item'} aria-current={s === step ? 'step' : undefined}>
            <span className="stepper__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(`wizard.steps.${s}`)}
          </li>
        ))}
      </ol>
      <div className="card">
        <h2 className="card__title">{t(`wizard.steps.${step}`)}</h2>
        <StepBody step={step} />
      </div>
      <div className="wizard-actions">
        <a className="button button--secondary" href={hrefFor('accounts')}>
          {t('wizard.cancel')}
        </a>
        <span className="wizard-actions__spacer" />
        {index > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => show(wizardSteps[index - 1] ?? 'info')}>
            {t('wizard.back')}
          </button>
        ) : null}
        {step === 'info' ? (
          <button type="button" className="button button--primary" onClick={() => show('integration')}>
            {t('wizard.next')}
          </button>
        ) : null}
        {step === 'integration' ? (
          <>
            {canContinue ? null : <span className="field-help">{t('wizard.integration.mustTest')}</span>}
            <button type="button" className="button button--primary" disabled={!canContinue} onClick={() => show('settings')}>
              {t('wizard.next')}
            </button>
          </>
        ) : null}
        {step === 'settings' ? (
          <>
            {canConnect || connecting ? null : <span className="field-help">{t('wizard.settings.needOne')}</span>}
            <button type="button" className="button button--primary" disabled={!canConnect} onClick={() => void connect()}>
              {connecting ? t('wizard.settings.connecting') : t('wizard.settings.connect')}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
