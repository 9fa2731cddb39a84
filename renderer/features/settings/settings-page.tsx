import { useTranslation } from 'react-i18next';
import './settings.css';
import { selectInfo, useAppStore } from '../../app/app-store';
import { hrefFor } from '../../app/route-store';
import { PageHeader } from '../../ui/page-header';
import { LanguageSettings } from './language-settings';
import { StartupSettings } from './startup-settings';
import { SendScheduleSettings } from './send-schedule-settings';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const info = useAppStore(selectInfo);
  return (
    <section className="page" aria-labelledby="settings-title">
      <PageHeader id="settings-title" title={t('title')} subtitle={t('subtitle')} />
      <div className="settings-grid">
        <LanguageSettings />
        <StartupSettings />
        <SendScheduleSettings />
        <section className="card settings-section" aria-labelledby="settings-accounts-title">
          <h2 id="settings-accounts-title" className="card__title">
            {t('accounts.title')}
          </h2>
          <p className="card__description">{t('accounts.description')}</p>
          <p className="settings-section__action">
            <a className="button button--secondary" href={hrefFor('accounts')}>
              {t('accounts.manage')}
            </a>
          </p>
        </section>
        {info ? (
          <section className="card settings-section" aria-labelledby="settings-about-title">
            <h2 id="settings-about-title" className="card__title">
              {t('about.title')}
            </h2>
            <p className="card__description">{t('about.version', { version: info.version, platform: info.platform })}</p>
          </section>
        ) : null}
      </div>
    </section>
  );
}
