import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/error-notice';
import {
  draftChanged,
  draftEdited,
  draftOf,
  loadSettings,
  ROUNDINGS,
  saveSettings,
  selectSavedSettings,
  selectSettingsError,
  useSettingsStore,
  validateDraft,
  type DraftProblem,
  type SettingsDraft,
  type SettingsScope,
} from './send-settings-store';
import { ProductTypePicker } from './product-type-picker';

type TextField = 'safetyStock' | 'multiplier' | 'fixedAmount' | 'currency' | 'handlingTimeDays' | 'handlingTimeCharacteristic' | 'shippingTemplate';
type CheckField = 'sendPrice' | 'sendVariations' | 'sendKits';

const fieldId = (name: string) => `send-setting-${name}`;

export interface SendSettingsFormProps {
  readonly scope: SettingsScope;
  readonly marketplaceName: string;
}

/**
 * How products are sent to the header's account × marketplace (Configurações), with the
 * contract's bounds checked as typed. The fallback product type is chosen from Amazon's own list.
 */
export function SendSettingsForm({ scope, marketplaceName }: SendSettingsFormProps) {
  const { t } = useTranslation('sync');
  const saved = useSettingsStore(selectSavedSettings);
  const loadError = useSettingsStore(selectSettingsError);
  const saving = useSettingsStore((s) => s.saving);
  const saveResult = useSettingsStore((s) => s.saveResult);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [tried, setTried] = useState(false);

  useEffect(() => void loadSettings(scope), [scope]);
  useEffect(() => {
    setDraft(saved ? draftOf(saved) : null);
    setTried(false);
  }, [saved]);

  if (!saved || !draft) return loadError ? <ErrorNotice title={t('settings.loadFailed')} error={loadError} onRetry={() => void loadSettings(scope)} /> : null;

  const errors = validateDraft(draft);
  const invalid = Object.keys(errors).length > 0;
  const changed = draftChanged(saved, draft);
  const edit = (patch: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...patch });
    useSettingsStore.setState(draftEdited, true);
  };

  const text = (name: TextField, props: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <SettingField name={name} label={t(`settings.${name}.label`)} help={t(`settings.${name}.help`)} problem={errors[name]}>
      {(describedBy) => (
        <input
          id={fieldId(name)}
          type="text"
          value={draft[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => edit({ [name]: e.target.value })}
          {...props}
        />
      )}
    </SettingField>
  );
  const check = (name: CheckField) => (
    <div className="send-settings__check">
      <input
        id={fieldId(name)}
        type="checkbox"
        checked={draft[name]}
        aria-describedby={`${fieldId(name)}-help`}
        onChange={(e) => edit({ [name]: e.target.checked })}
      />
      <label htmlFor={fieldId(name)}>{t(`settings.${name}.label`)}</label>
      <p id={`${fieldId(name)}-help`} className="field-help">
        {t(`settings.${name}.help`)}
      </p>
    </div>
  );

  return (
    <form
      className="card send-settings"
      aria-labelledby="send-settings-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (invalid) {
          const first = Object.keys(errors)[0];
          if (first) document.getElementById(fieldId(first))?.focus();
          return;
        }
        void saveSettings(draft);
      }}
    >
      <h2 id="send-settings-title" className="card__title">
        {t('settings.title', { marketplace: marketplaceName })}
      </h2>
      <p className="card__description">{t('settings.intro')}</p>
      <div className="send-settings__groups">
        <fieldset className="send-settings__group">
          <legend className="field-legend">{t('settings.sections.productType')}</legend>
          <ProductTypePicker scope={scope} value={draft.defaultProductType} onChange={(defaultProductType) => edit({ defaultProductType })} />
        </fieldset>

        <fieldset className="send-settings__group">
          <legend className="field-legend">{t('settings.sections.price')}</legend>
          {check('sendPrice')}
          <div className="send-settings__pair">
            {text('multiplier', { inputMode: 'decimal' })}
            {text('fixedAmount', { inputMode: 'decimal' })}
          </div>
          <div className="send-settings__pair">
            <SettingField name="rounding" label={t('settings.rounding.label')} help={t('settings.rounding.help')}>
              {(describedBy) => (
                <select
                  id={fieldId('rounding')}
                  value={draft.rounding}
                  aria-describedby={describedBy}
                  onChange={(e) => edit({ rounding: e.target.value as SettingsDraft['rounding'] })}
                >
                  {ROUNDINGS.map((r) => (
                    <option key={r} value={r}>
                      {t(`settings.rounding.options.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </SettingField>
            {text('currency', { maxLength: 3, autoCapitalize: 'characters', className: 'send-settings__short' })}
          </div>
        </fieldset>

        <fieldset className="send-settings__group">
          <legend className="field-legend">{t('settings.sections.shipping')}</legend>
          <div className="send-settings__pair">
            {text('safetyStock', { inputMode: 'numeric', className: 'send-settings__short' })}
            {text('handlingTimeDays', { inputMode: 'numeric', className: 'send-settings__short' })}
          </div>
          {text('handlingTimeCharacteristic')}
          {text('shippingTemplate')}
        </fieldset>

        <fieldset className="send-settings__group">
          <legend className="field-legend">{t('settings.sections.products')}</legend>
          {check('sendVariations')}
          {check('sendKits')}
          <SettingField name="deselected" label={t('settings.deselected.label')} help={t('settings.deselected.help')}>
            {(describedBy) => (
              <select
                id={fieldId('deselected')}
                value={draft.deselected}
                aria-describedby={describedBy}
                onChange={(e) => edit({ deselected: e.target.value as SettingsDraft['deselected'] })}
              >
                <option value="zero">{t('settings.deselected.options.zero')}</option>
                <option value="delete">{t('settings.deselected.options.delete')}</option>
              </select>
            )}
          </SettingField>
        </fieldset>
      </div>
      {tried && invalid ? (
        <p className="field-error" role="alert">
          {t('settings.errors.summary')}
        </p>
      ) : null}
      <div className="send-settings__live" aria-live="polite">
        {saveResult?.ok ? (
          <p className="notice notice--success" data-testid="send-settings-saved">
            {t('settings.saved')}
          </p>
        ) : null}
      </div>
      {saveResult && !saveResult.ok ? <ErrorNotice title={t('settings.saveFailed')} error={saveResult.error} /> : null}
      <div className="send-settings__actions">
        <button type="submit" className="button button--primary" disabled={!changed || saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
        <button type="button" className="button button--secondary" disabled={!changed || saving} onClick={() => setDraft(draftOf(saved))}>
          {t('settings.undo')}
        </button>
      </div>
    </form>
  );
}

interface SettingFieldProps {
  readonly name: string;
  readonly label: string;
  readonly help: string;
  readonly problem?: DraftProblem | undefined;
  /** Renders the control, given the ids that describe it (help, and the problem if any). */
  readonly children: (describedBy: string) => React.ReactNode;
}

function SettingField({ name, label, help, problem, children }: SettingFieldProps) {
  const { t } = useTranslation('sync');
  const id = fieldId(name);
  return (
    <div className="field--stacked send-settings__field">
      <label htmlFor={id}>{label}</label>
      {children(problem ? `${id}-help ${id}-error` : `${id}-help`)}
      <p id={`${id}-help`} className="field-help">
        {help}
      </p>
      {problem ? (
        <p id={`${id}-error`} className="field-error">
          {t(`settings.errors.${problem}`)}
        </p>
      ) : null}
    </div>
  );
}
