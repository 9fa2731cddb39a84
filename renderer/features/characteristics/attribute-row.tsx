import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeInfo } from '../../../preload/contract';
import { valueOf } from '../../app/load';
import type { MappingScope } from '../categories/mapping-scope';
import { draftOf, editDraft, loadValues, saveAttribute, useCharacteristicsStore } from './characteristics-store';

interface Props {
  readonly scope: MappingScope;
  readonly productType: string;
  readonly attribute: AttributeInfo;
  readonly characteristics: readonly string[];
}

/** One Amazon attribute: which characteristic fills it, how its values translate, its unit and default. */
export function AttributeRow({ scope, productType, attribute, characteristics }: Props) {
  const { t } = useTranslation('mapping');
  const draft = useCharacteristicsStore((s) => s.drafts[attribute.name]) ?? draftOf(attribute);
  const values = useCharacteristicsStore((s) => (draft.characteristic ? s.values[draft.characteristic] : undefined));
  const saved = useCharacteristicsStore((s) => s.saved === attribute.name);
  const listId = `options-${attribute.name}`;

  useEffect(() => {
    if (draft.characteristic && values === undefined) void loadValues(draft.characteristic);
  }, [draft.characteristic]);

  if (attribute.storeField) {
    return (
      <li className="attribute-row" data-attribute={attribute.name}>
        <AttributeTitle attribute={attribute} />
        <p className="field-help">{t('characteristics.fromStore', { field: t(`storeFields.${attribute.storeField}`) })}</p>
      </li>
    );
  }
  const storeValues = valueOf(values ?? { status: 'idle' }) ?? [];
  return (
    <li className="attribute-row" data-attribute={attribute.name}>
      <AttributeTitle attribute={attribute} />
      <datalist id={listId}>
        {attribute.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
      <div className="form-row">
        {attribute.structured ? null : (
          <label className="field">
            <span>{t('characteristics.characteristic')}</span>
            <select value={draft.characteristic ?? ''} onChange={(e) => editDraft(attribute, { characteristic: e.target.value === '' ? null : e.target.value })}>
              <option value="">{t('characteristics.none')}</option>
              {characteristics.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('characteristics.default')}</span>
          <input list={listId} value={draft.defaultValue} onChange={(e) => editDraft(attribute, { defaultValue: e.target.value })} />
        </label>
        {attribute.units.length > 0 ? (
          <label className="field">
            <span>{t('characteristics.unit')}</span>
            <select value={draft.unit ?? ''} onChange={(e) => editDraft(attribute, { unit: e.target.value })}>
              {attribute.units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="button" onClick={() => void saveAttribute(scope, productType, attribute)}>
          {t('save')}
        </button>
        {saved ? <span className="tag tag--ok">{t('characteristics.saved')}</span> : null}
      </div>
      {draft.characteristic && attribute.options.length > 0 && storeValues.length > 0 ? (
        <table className="data-table value-map" aria-label={t('characteristics.valueMap', { name: draft.characteristic })}>
          <thead>
            <tr>
              <th>{t('characteristics.storeValue', { name: draft.characteristic })}</th>
              <th>{t('characteristics.amazonValue')}</th>
            </tr>
          </thead>
          <tbody>
            {storeValues.map((v) => (
              <tr key={v.value}>
                <td>
                  {v.value} <small className="field-help">{t('characteristics.products', { count: v.products })}</small>
                </td>
                <td>
                  <select
                    aria-label={t('characteristics.amazonValueFor', { value: v.value })}
                    value={draft.valueMap[v.value] ?? ''}
                    onChange={(e) => editDraft(attribute, { valueMap: { ...draft.valueMap, [v.value]: e.target.value } })}
                  >
                    <option value="">{attribute.closedList ? t('characteristics.pick') : t('characteristics.asIs')}</option>
                    {attribute.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

function AttributeTitle({ attribute }: { readonly attribute: AttributeInfo }) {
  const { t } = useTranslation('mapping');
  return (
    <div className="attribute-row__title">
      <strong>{attribute.title}</strong> <code>{attribute.name}</code>{' '}
      <span className={`tag tag--${attribute.requirement}`}>{t(`characteristics.requirement.${attribute.requirement}`)}</span>
      {attribute.description ? <p className="field-help">{attribute.description}</p> : null}
    </div>
  );
}
