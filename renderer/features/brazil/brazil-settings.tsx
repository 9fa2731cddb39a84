import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageSizeInput } from '../../../preload/contract';
import { ErrorNotice } from '../../ui/error-notice';
import { loadBrazilSettings, saveBrazilSettings, useBrazilStore } from './brazil-store';

const BOX_FIELDS = ['lengthCm', 'widthCm', 'heightCm', 'weightG'] as const;

/** "11222333000181" as the seller reads it: 11.222.333/0001-81. */
function formatCnpj(cnpj: string): string {
  return /^[0-9A-Z]{12}\d{2}$/.test(cnpj) ? `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}` : cnpj;
}

/** The store's CNPJ (notes of another company are refused) and the box used where the catalog has no sizes. */
export function BrazilSettings() {
  const { t } = useTranslation('brazil');
  const { settings, settingsError, settingsSaved } = useBrazilStore();
  const [cnpj, setCnpj] = useState('');
  const [box, setBox] = useState<PackageSizeInput | null>(null);
  useEffect(() => void loadBrazilSettings(), []);
  useEffect(() => {
    if (!settings) return;
    setCnpj(settings.sellerCnpj ? formatCnpj(settings.sellerCnpj) : '');
    setBox(settings.defaultPackage);
  }, [settings]);
  const boxValid = box !== null && BOX_FIELDS.every((f) => Number.isFinite(box[f]) && box[f] > 0);
  return (
    <details className="brazil-settings">
      <summary>{t('settings.title')}</summary>
      <form
        className="brazil-settings__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (box && boxValid) void saveBrazilSettings({ sellerCnpj: cnpj.trim() === '' ? null : cnpj.trim(), defaultPackage: box });
        }}
      >
        <div className="field">
          <label htmlFor="brazil-cnpj">{t('settings.cnpj')}</label>
          <input
            id="brazil-cnpj"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="00.000.000/0000-00"
            value={cnpj}
            onChange={(e) => setCnpj(e.target.value)}
            aria-describedby="brazil-cnpj-help"
          />
          <p id="brazil-cnpj-help" className="field-help">
            {t('settings.cnpjHelp')}
          </p>
        </div>
        {box ? (
          <fieldset className="brazil-size">
            <legend>{t('settings.box')}</legend>
            {BOX_FIELDS.map((f) => (
              <div className="field field--inline" key={f}>
                <label htmlFor={`brazil-box-${f}`}>{t(`pickup.size.${f}`)}</label>
                <input
                  id={`brazil-box-${f}`}
                  type="number"
                  min={f === 'weightG' ? 11 : 1}
                  step={f === 'weightG' ? 1 : 0.1}
                  value={box[f]}
                  onChange={(e) => setBox({ ...box, [f]: e.target.valueAsNumber })}
                />
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="brazil-actions">
          <button type="submit" className="button button--secondary" disabled={!boxValid}>
            {t('settings.save')}
          </button>
          {settingsSaved ? <span role="status">{t('settings.saved')}</span> : null}
        </div>
      </form>
      {settingsError ? <ErrorNotice title={t('settings.failed')} error={settingsError} /> : null}
    </details>
  );
}
