import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeInfo } from '../../../preload/contract';
import { valueOf } from '../../app/load';
import type { MappingScope } from '../categories/mapping-scope';
import { draftOf, editDraft, loadValues, saveAttribute, useCharacteristicsStore, type CharacteristicsSubject } from './characteristics-store';

interface Props {
  readonly scope: MappingScope;
  readonly subject: CharacteristicsSubject;
  readonly attribute: AttributeInfo;
  readonly characteristics: readonly string[];
}

const OTHER = '\u0000other';

/** One Amazon attribute: how many products it blocks, when it applies, and what fills it (a characteristic, a value for all, or both). */
export function AttributeRow({ scope, subject, attribute, characteristics }: Props) {
  const { t } = useTranslation('mapping');
  const draft = useCharacteristicsStore((s) => s.drafts[attribute.name]) ?? draftOf(attribute);
  const values = useCharacteristicsStore((s) => (draft.characteristic ? s.values[draft.characteristic] : undefined));
  const justSaved = useCharacteristicsStore((s) => s.lastSaved === attribute.name);
  const id = useId();

  useEffect(() => {
    if (draft.characteristic && values === undefined) void loadValues(scope, subject, draft.characteristic);
  }, [draft.characteristic]);

  if (attribute.storeField) {
    return (
      <li className="attribute-row" data-attribute={attribute.name}>
        <AttributeTitle attribute={attribute} />
        <p className="field-help">
          {t(attribute.blocking > 0 ? 'characteristics.fixInCatalog' : 'characteristics.fromStore', { field: t(`storeFields.${attribute.storeField}`) })}
        </p>
      </li>
    );
  }
  if (attribute.structured) {
    return (
      <li className="attribute-row" data-attribute={attribute.name}>
        <AttributeTitle attribute={attribute} />
        <p className="field-help attribute-row__inputs">{t('characteristics.structured')}</p>
      </li>
    );
  }
  const storeValues = valueOf(values ?? { status: 'idle' }) ?? [];
  return (
    <li className="attribute-row" data-attribute={attribute.name}>
      <AttributeTitle attribute={attribute} />
      <div className="attribute-row__inputs">
        <div className="field">
          <label htmlFor={`${id}-characteristic`}>{t('characteristics.characteristic')}</label>
          <select
            id={`${id}-characteristic`}
            value={draft.characteristic ?? ''}
            onChange={(e) => editDraft(attribute, { characteristic: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('characteristics.none')}</option>
            {characteristics.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <DefaultInput attribute={attribute} value={draft.defaultValue} onChange={(defaultValue) => editDraft(attribute, { defaultValue })} />
        {attribute.unitOptions.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('characteristics.unit')}</label>
            <select id={`${id}-unit`} value={draft.unit ?? ''} onChange={(e) => editDraft(attribute, { unit: e.target.value })}>
              {attribute.unitOptions.map((u, i) => (
                <option key={`${u.value}-${i}`} value={u.value}>
                  {u.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="button" className="button" onClick={() => void saveAttribute(scope, subject, attribute)}>
          {t('save')}
        </button>
        {justSaved ? (
          <span className="tag tag--ok" role="status">
            {t('characteristics.saved')}
          </span>
        ) : null}
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
                    {attribute.options.map((o, i) => (
                      <option key={`${o.value}-${i}`} value={o.value}>
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

/**
 * The value used for every product (or when the characteristic is empty): a list of the schema's
 * values by their labels when it has them (plus "another value" when the list is open), yes/no
 * for a flag, else free text.
 */
function DefaultInput({
  attribute,
  value,
  onChange,
}: {
  readonly attribute: AttributeInfo;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const { t } = useTranslation('mapping');
  const id = useId();
  const label = <label htmlFor={id}>{t('characteristics.default')}</label>;
  if (attribute.valueType === 'boolean') {
    return (
      <div className="field">
        {label}
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('characteristics.pick')}</option>
          <option value="true">{t('characteristics.yes')}</option>
          <option value="false">{t('characteristics.no')}</option>
        </select>
      </div>
    );
  }
  if (attribute.options.length > 0) {
    const known = value === '' || attribute.options.some((o) => o.value === value);
    return (
      <div className="field">
        {label}
        <select id={id} value={known ? value : OTHER} onChange={(e) => onChange(e.target.value === OTHER ? ' ' : e.target.value)}>
          <option value="">{t('characteristics.pick')}</option>
          {attribute.options.map((o, i) => (
            <option key={`${o.value}-${i}`} value={o.value}>
              {o.label}
            </option>
          ))}
          {attribute.closedList ? null : <option value={OTHER}>{t('characteristics.otherValue')}</option>}
        </select>
        {known ? null : (
          <input
            aria-label={t('characteristics.otherValueFor', { name: attribute.title })}
            value={value.trimStart()}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </div>
    );
  }
  return (
    <div className="field">
      {label}
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function AttributeTitle({ attribute }: { readonly attribute: AttributeInfo }) {
  const { t } = useTranslation('mapping');
  return (
    <div className="attribute-row__title">
      <strong>{attribute.title}</strong>{' '}
      {attribute.blocking > 0 ? (
        <span className="tag tag--blocked" data-testid="blocking">
          {t('characteristics.blocking', { count: attribute.blocking })}
        </span>
      ) : (
        <span className="tag tag--ready">{t('characteristics.notBlocking')}</span>
      )}{' '}
      <span className={attribute.blocking > 0 ? `tag tag--${attribute.requirement}` : 'tag'}>{t(`characteristics.requirement.${attribute.requirement}`)}</span>
      {attribute.description ? <p className="field-help">{attribute.description}</p> : null}
      {attribute.condition ? <p className="field-help attribute-row__condition">{attribute.condition}</p> : null}
      <details className="technical">
        <summary>{t('characteristics.technical')}</summary>
        <p className="field-help">
          {t('characteristics.technicalAttribute')} <code>{attribute.name}</code>
        </p>
      </details>
    </div>
  );
}
