import { useTranslation } from 'react-i18next';
import {
  changeOpenAtLogin,
  selectOpenAtLogin,
  selectOpenAtLoginError,
  selectOpenAtLoginSupported,
  selectSavingOpenAtLogin,
  useAppStore,
} from '../../app/app-store';
import { ErrorNotice } from '../../ui/error-notice';

/** Start with the computer, where the OS allows it (main reports whether it does). */
export function StartupSettings() {
  const { t } = useTranslation('settings');
  const enabled = useAppStore(selectOpenAtLogin);
  const supported = useAppStore(selectOpenAtLoginSupported);
  const saving = useAppStore(selectSavingOpenAtLogin);
  const error = useAppStore(selectOpenAtLoginError);
  if (enabled === null) return null;
  return (
    <section className="card settings-section" aria-labelledby="settings-startup-title">
      <h2 id="settings-startup-title" className="card__title">
        {t('startup.title')}
      </h2>
      <label className="choice choice--inline">
        <input
          type="checkbox"
          checked={enabled}
          disabled={!supported || saving}
          aria-describedby="settings-startup-help"
          onChange={(e) => void changeOpenAtLogin(e.target.checked)}
        />
        <span>{t('startup.label')}</span>
      </label>
      <p id="settings-startup-help" className="field-help settings-section__help">
        {supported ? t('startup.help') : t('startup.unsupported')}
      </p>
      {error ? <ErrorNotice title={t('startup.failed')} error={error} /> : null}
    </section>
  );
}
