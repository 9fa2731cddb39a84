import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../route-store';

/**
 * Account and marketplace selectors, as in the store platforms' Amazon panels. Until the accounts
 * feature exists there is nothing to choose: the selectors say so and point to where to connect.
 */
export function TopHeader() {
  const { t } = useTranslation('shell');
  const accountId = useId();
  const marketplaceId = useId();
  return (
    <header className="top-header">
      <div className="top-header__selectors">
        <div className="field field--inline">
          <label htmlFor={accountId}>
            {t('header.account')}
          </label>
          <select id={accountId} disabled value="">
            <option value="">{t('header.noAccount')}</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={marketplaceId}>
            {t('header.marketplace')}
          </label>
          <select id={marketplaceId} disabled value="">
            <option value="">{t('header.noMarketplace')}</option>
          </select>
        </div>
        <a className="button button--primary button--small" href={hrefFor('settings')}>
          {t('header.connect')}
        </a>
      </div>
    </header>
  );
}
