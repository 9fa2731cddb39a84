import { useTranslation } from 'react-i18next';
import { selectInfo, useAppStore } from '../../app/app-store';
import { Icon } from '../../ui/icon';
import { PageHeader } from '../../ui/page-header';
import { LanguageSettings } from './language-settings';

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const info = useAppStore(selectInfo);
  return (
    <section className="page" aria-labelledby="settings-title">
      <PageHeader id="settings-title" title={t('title')} subtitle={t('subtitle')} />
      <div className="settings-grid">
        <LanguageSettings />
        <section className="card settings-section" aria-labelledby="settings-accounts-title">
          <h2 id="settings-accounts-title" className="card__title">
            {t('accounts.title')}
          </h2>
          <p className="notice notice--info">
            <Icon name="construction" />
            <span>{t('accounts.notBuilt')}</span>
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
