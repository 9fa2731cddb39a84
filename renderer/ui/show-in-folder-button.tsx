import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, type ApiError } from '../app/api';
import { ErrorNotice } from './error-notice';

/** "Show in folder" for a file main wrote or the seller chose: main resolves the token, the file manager opens. */
export function ShowInFolderButton({ fileToken }: { readonly fileToken: string }) {
  const { t } = useTranslation('common');
  const [error, setError] = useState<ApiError | null>(null);
  const show = async () => {
    const outcome = await request('files:show-in-folder', { fileToken });
    setError(outcome.ok ? null : outcome.error);
  };
  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={() => void show()}>
        {t('files.showInFolder')}
      </button>
      {error ? <ErrorNotice title={t('files.showFailed')} error={error} /> : null}
    </>
  );
}
