import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import './settings.css';
import { selectInfo, useAppStore } from '../../app/app-store';
import { useFormat } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { PageHeader } from '../../ui/page-header';
import { selectEnabledMarketplaces, selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { LanguageSettings } from './language-settings';
import { SendSettingsForm } from './send-settings';
import { SendScheduleSettings } from './send-schedule-settings';
import { StartupSettings } from './startup-settings';

/**
 * Every setting in one place: this computer's (language, start-up, accounts) first, then how
 * products are sent to the marketplace chosen in the header. The send cards stack in
 * `.settings-send`, one per concern (what is sent, how often).
 */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const info = useAppStore(selectInfo);
  const account = useAccountsStore(selectSelectedAccount);
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const marketplaces = useAccountsStore(useShallow(selectEnabledMarketplaces));
  const marketplace = marketplaces.find((m) => m.marketplaceId === marketplaceId);
  const marketplaceName = marketplace ? format.country(marketplace.countryCode) : '';
  return (
    <section className="page" aria-labelledby="settings-title">
      <PageHeader id="settings-title" title={t('title')} subtitle={t('subtitle')} />
      <div className="settings-general">
        <LanguageSettings />
        <StartupSettings />
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
      </div>

      <h2 className="settings-heading" id="settings-send-title">
        {marketplace ? t('send.title', { marketplace: marketplaceName }) : t('send.titleNoScope')}
      </h2>
      {account && marketplace ? (
        <div className="settings-send" aria-labelledby="settings-send-title">
          <SendSettingsForm
            key={`${account.id}/${marketplace.marketplaceId}`}
            scope={{ accountId: account.id, marketplaceId: marketplace.marketplaceId }}
            marketplaceName={marketplaceName}
          />
        </div>
      ) : (
        <p className="notice notice--info">{t('send.noScope')}</p>
      )}
      <SendScheduleSettings />

      {info ? <p className="settings-about">{t('about.version', { version: info.version, platform: info.platform })}</p> : null}
    </section>
  );
}
