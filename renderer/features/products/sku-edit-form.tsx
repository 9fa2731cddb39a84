import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView, SkuView } from '../../../preload/contract';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { changedOnly, CharacteristicsEditor, EditField, useScrolledIntoView } from './product-edit-form';
import { editCancelled, fieldError, saveSku, selectEdit, useProductDetailStore } from './product-detail-store';

type Field = 'title' | 'description' | 'gtin' | 'price' | 'salePrice' | 'stock';

/**
 * One SKU: stock, prices and EAN, and its own title, description and characteristics where they
 * differ from the product's (left empty, the SKU has the product's, shown as the placeholder).
 */
export function SkuEditForm({ product, sku }: { readonly product: ProductView; readonly sku: SkuView }) {
  const { t } = useTranslation('products');
  const format = useFormat();
  const edit = useProductDetailStore(selectEdit);
  const initial: Record<Field, string> = {
    title: sku.title ?? '',
    description: sku.description ?? '',
    gtin: sku.gtin ?? '',
    price: sku.priceCents === null ? '' : format.cents(sku.priceCents),
    salePrice: sku.salePriceCents === null ? '' : format.cents(sku.salePriceCents),
    stock: String(sku.stock),
  };
  const [fields, setFields] = useState(initial);
  const names = [...new Set([...Object.keys(product.characteristics), ...Object.keys(sku.characteristics)])];
  const initialValues = Object.fromEntries(names.map((n) => [n, sku.characteristics[n] ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initialValues);
  const err = (field: string) => fieldError(edit, field);
  const input = (field: Field, options: { placeholder?: string; inputMode?: 'decimal' | 'numeric'; disabled?: boolean } = {}) =>
    function render(id: string, describedBy: string | undefined) {
      return (
        <input
          id={id}
          type="text"
          value={fields[field]}
          placeholder={options.placeholder}
          inputMode={options.inputMode}
          disabled={options.disabled}
          aria-invalid={err(field) ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setFields({ ...fields, [field]: e.target.value })}
        />
      );
    };

  const submit = () => {
    const characteristics = changedOnly(initialValues, values);
    void saveSku(sku.id, { ...changedOnly(initial, fields), ...(Object.keys(characteristics).length ? { characteristics } : {}) });
  };

  const ref = useScrolledIntoView();
  return (
    <form
      ref={ref}
      className="card edit-form"
      aria-labelledby="sku-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="sku-edit-title" className="card__title">
        {t('edit.skuTitle', { sku: sku.sku })}
      </h2>
      <div className="form-row">
        <EditField label={t('edit.fields.price')} error={err('price')}>
          {input('price', { inputMode: 'decimal' })}
        </EditField>
        <EditField label={t('edit.fields.salePrice')} error={err('salePrice')} help={t('edit.salePriceHelp')}>
          {input('salePrice', { inputMode: 'decimal' })}
        </EditField>
        <EditField label={t('edit.fields.stock')} error={err('stock')} {...(sku.isKit ? { help: t('edit.kitStock') } : {})}>
          {input('stock', { inputMode: 'numeric', disabled: sku.isKit })}
        </EditField>
        <EditField label={t('edit.fields.gtin')} error={err('gtin')}>
          {input('gtin', { inputMode: 'numeric' })}
        </EditField>
      </div>
      <EditField label={t('edit.fields.ownTitle')} error={err('title')} help={t('edit.sameAsProduct')}>
        {input('title', { placeholder: product.title })}
      </EditField>
      <EditField label={t('edit.fields.ownDescription')} error={err('description')} help={t('edit.sameAsProduct')}>
        {(id, d) => (
          <textarea
            id={id}
            rows={3}
            value={fields.description}
            placeholder={product.description ?? ''}
            aria-invalid={err('description') ? true : undefined}
            aria-describedby={d}
            onChange={(e) => setFields({ ...fields, description: e.target.value })}
          />
        )}
      </EditField>
      <CharacteristicsEditor values={values} placeholders={product.characteristics} onChange={setValues} errorOf={(name) => err(`characteristic:${name}`)} />
      <p className="field-help">{t('edit.skuCharacteristicsHelp')}</p>
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
