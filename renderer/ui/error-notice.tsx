import { useTranslation } from 'react-i18next';
import type { ApiError } from '../app/api';
import { Icon } from './icon';

/**
 * An expected failure shown to the seller: main's message is already in their language; failures
 * of the bridge itself are translated here. The stable code stays visible for support.
 */
export function ErrorNotice({ title, error, onRetry }: { readonly title: string; readonly error: ApiError; readonly onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const message = error.fromRenderer ? t(`errors.${error.code}`) : error.message;
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" />
      <div className="notice__body">
        <p className="notice__title">{title}</p>
        <p>{message}</p>
        <p className="notice__code">{t('errors.code', { code: error.code })}</p>
      </div>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
