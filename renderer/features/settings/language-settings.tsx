import { useTranslation } from 'react-i18next';
import { localeSchema, type Locale } from '../../../preload/contract';
import { changeLocale, selectFollowsSystem, selectLocale, selectLocaleError, selectLocaleSaved, selectSavingLocale, useAppStore } from '../../app/app-store';
import { ErrorNotice } from '../../ui/error-notice';

type Choice = Locale | 'system';
const choices: readonly Choice[] = ['system', ...localeSchema.options];

/** The language choice: follow the OS, or a fixed language saved by main (`app:set-locale`). */
export function LanguageSettings() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('common');
  const locale = useAppStore(selectLocale);
  const followsSystem = useAppStore(selectFollowsSystem);
  const saving = useAppStore(selectSavingLocale);
  const error = useAppStore(selectLocaleError);
  const saved = useAppStore(selectLocaleSaved);
  const current: Choice | null = followsSystem ? 'system' : locale;

  async function choose(choice: Choice): Promise<void> {
    await changeLocale(choice === 'system' ? null : choice);
  }

  return (
    <section className="card settings-section" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title" className="card__title">
        {t('language.title')}
      </h2>
      <p className="card__description">{t('language.description')}</p>
      <fieldset className="choice-group" disabled={saving !== null}>
        <legend className="visually-hidden">{t('language.legend')}</legend>
        {choices.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="locale" value={choice} checked={current === choice} onChange={() => void choose(choice)} />
            <span>{choice === 'system' ? t('language.system') : tc(`languages.${choice}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="status-line" role="status">
        {saving !== null ? t('language.saving') : saved ? t('language.saved') : ''}
      </p>
      {error ? <ErrorNotice title={t('language.failed')} error={error} /> : null}
    </section>
  );
}
