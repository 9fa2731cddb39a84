import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../preload/contract';
import { ErrorNotice } from '../../ui/error-notice';
import { editCancelled, fieldError, saveProduct, selectEdit, useProductDetailStore } from './product-detail-store';

/** One labelled field of an edit form, with main's message under it when it refused the value. */
export function EditField({
  label,
  error,
  help,
  children,
}: {
  readonly label: string;
  readonly error?: string | undefined;
  readonly help?: string;
  readonly children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errorId = useId();
  const helpId = useId();
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field field--stacked edit-form__field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {help ? (
        <span id={helpId} className="field-help">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Name → value rows; a new name can be added, an empty value removes it (or, for a SKU, means "the product's"). */
export function CharacteristicsEditor({
  values,
  placeholders,
  onChange,
  errorOf,
}: {
  readonly values: Readonly<Record<string, string>>;
  readonly placeholders?: Readonly<Record<string, string>>;
  readonly onChange: (values: Record<string, string>) => void;
  readonly errorOf: (name: string) => string | undefined;
}) {
  const { t } = useTranslation('products');
  const [name, setName] = useState('');
  const newId = useId();
  return (
    <fieldset className="edit-form__characteristics">
      <legend className="field-legend">{t('detail.characteristics')}</legend>
      {Object.entries(values).map(([key, value]) => (
        <EditField key={key} label={key} error={errorOf(key)}>
          {(id, describedBy) => (
            <input
              id={id}
              type="text"
              value={value}
              placeholder={placeholders?.[key] ?? ''}
              aria-invalid={errorOf(key) ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => onChange({ ...values, [key]: e.target.value })}
            />
          )}
        </EditField>
      ))}
      <div className="edit-form__add">
        <label htmlFor={newId}>{t('edit.newCharacteristic')}</label>
        <input id={newId} type="text" value={name} placeholder={t('edit.newCharacteristicPlaceholder')} onChange={(e) => setName(e.target.value)} />
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={name.trim() === '' || name.trim() in values}
          onClick={() => {
            onChange({ ...values, [name.trim()]: '' });
            setName('');
          }}
        >
          {t('edit.addCharacteristic')}
        </button>
      </div>
    </fieldset>
  );
}

/** A form that opens below the fold comes into view (the SKU form opens under the SKU table). */
export function useScrolledIntoView() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Not returned: newer Chromium answers a promise, which React would take for a cleanup function.
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return ref;
}

/** Only what the seller changed goes to main: an untouched field keeps whatever main holds. */
export function changedOnly(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
}

/** The product's family fields: title, description, brand, manufacturer and characteristics. */
export function ProductEditForm({ product }: { readonly product: ProductView }) {
  const { t } = useTranslation('products');
  const edit = useProductDetailStore(selectEdit);
  const initial = { title: product.title, description: product.description ?? '', brand: product.brand ?? '', manufacturer: product.manufacturer ?? '' };
  const [fields, setFields] = useState(initial);
  const [values, setValues] = useState<Record<string, string>>({ ...product.characteristics });
  const set = (key: keyof typeof initial) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  const submit = () => {
    const characteristics = changedOnly(product.characteristics, values);
    void saveProduct(product.id, { ...changedOnly(initial, fields), ...(Object.keys(characteristics).length ? { characteristics } : {}) });
  };

  const ref = useScrolledIntoView();
  return (
    <form
      ref={ref}
      className="card edit-form"
      aria-labelledby="product-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="product-edit-title" className="card__title">
        {t('edit.productTitle')}
      </h2>
      <p className="field-help">{t('edit.productHelp')}</p>
      <EditField label={t('edit.fields.title')} error={fieldError(edit, 'title')}>
        {(id, d) => (
          <input
            id={id}
            type="text"
            value={fields.title}
            aria-invalid={fieldError(edit, 'title') ? true : undefined}
            aria-describedby={d}
            onChange={set('title')}
          />
        )}
      </EditField>
      <EditField label={t('edit.fields.description')} error={fieldError(edit, 'description')}>
        {(id, d) => (
          <textarea
            id={id}
            rows={5}
            value={fields.description}
            aria-invalid={fieldError(edit, 'description') ? true : undefined}
            aria-describedby={d}
            onChange={set('description')}
          />
        )}
      </EditField>
      <div className="form-row">
        <EditField label={t('edit.fields.brand')} error={fieldError(edit, 'brand')}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={fields.brand}
              aria-invalid={fieldError(edit, 'brand') ? true : undefined}
              aria-describedby={d}
              onChange={set('brand')}
            />
          )}
        </EditField>
        <EditField label={t('edit.fields.manufacturer')} error={fieldError(edit, 'manufacturer')}>
          {(id, d) => (
            <input
              id={id}
              type="text"
              value={fields.manufacturer}
              aria-invalid={fieldError(edit, 'manufacturer') ? true : undefined}
              aria-describedby={d}
              onChange={set('manufacturer')}
            />
          )}
        </EditField>
      </div>
      <CharacteristicsEditor values={values} onChange={setValues} errorOf={(name) => fieldError(edit, `characteristic:${name}`)} />
      {edit.failure ? <ErrorNotice title={t('edit.failed')} error={edit.failure} /> : null}
      <div className="edit-form__actions">
        <button type="submit" className="button button--primary" disabled={edit.saving}>
          {edit.saving ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="button button--secondary" disabled={edit.saving} onClick={() => useProductDetailStore.setState(editCancelled)}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
