import { useTranslation } from 'react-i18next';
import type { RuleCondition } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import type { Choices } from './rules-store';

export interface ConditionEditorProps {
  readonly index: number;
  readonly condition: RuleCondition;
  readonly choices: Choices;
  readonly format: Formatters;
  readonly onChange: (condition: RuleCondition) => void;
  readonly onRemove: () => void;
}

const selected = (e: React.ChangeEvent<HTMLSelectElement>) => [...e.target.selectedOptions].map((o) => o.value);

/** Money typed in the store's currency units ("89,90" or "89.90") → cents; empty → no bound. */
export function parseMoney(text: string): number | null {
  const clean = text.trim().replace(/\s/g, '');
  if (clean === '') return null;
  const normalized = /,\d{1,2}$/.test(clean) ? clean.replace(/\./g, '').replace(',', '.') : clean.replace(/,/g, '');
  const value = Number(normalized);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : null;
}

/** One condition of a rule: the inputs its kind needs, and a remove button. */
export function ConditionEditor({ index, condition, choices, format, onChange, onRemove }: ConditionEditorProps) {
  const { t } = useTranslation('rules');
  const id = `rule-condition-${index}`;
  const body = (() => {
    switch (condition.kind) {
      case 'category':
        return (
          <>
            <select
              id={id}
              multiple
              size={Math.min(6, Math.max(2, choices.categories.length))}
              value={condition.categoryIds.map(String)}
              onChange={(e) => onChange({ ...condition, categoryIds: selected(e).map(Number) })}
            >
              {choices.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.path}
                </option>
              ))}
            </select>
            <label className="choice">
              <input
                type="checkbox"
                checked={condition.includeSubcategories}
                onChange={(e) => onChange({ ...condition, includeSubcategories: e.target.checked })}
              />
              {t('condition.subcategories')}
            </label>
          </>
        );
      case 'brand':
        return (
          <select
            id={id}
            multiple
            size={Math.min(6, Math.max(2, choices.brands.length))}
            value={[...condition.brands]}
            onChange={(e) => onChange({ ...condition, brands: selected(e) })}
          >
            {choices.brands.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        );
      case 'characteristic': {
        const values = choices.characteristics.find((c) => c.name === condition.name)?.values ?? [];
        return (
          <>
            <select
              id={id}
              aria-label={t('condition.characteristicName')}
              value={condition.name}
              onChange={(e) => onChange({ ...condition, name: e.target.value, values: [] })}
            >
              {choices.characteristics.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            <select
              multiple
              aria-label={t('condition.characteristicValues')}
              size={Math.min(6, Math.max(2, values.length))}
              value={[...condition.values]}
              onChange={(e) => onChange({ ...condition, values: selected(e) })}
            >
              {values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </>
        );
      }
      case 'price':
        return (
          <>
            <label className="field--inline">
              {t('condition.from')}
              <input
                id={id}
                inputMode="decimal"
                defaultValue={condition.minCents === null ? '' : format.cents(condition.minCents)}
                onBlur={(e) => onChange({ ...condition, minCents: parseMoney(e.target.value) })}
              />
            </label>
            <label className="field--inline">
              {t('condition.to')}
              <input
                inputMode="decimal"
                defaultValue={condition.maxCents === null ? '' : format.cents(condition.maxCents)}
                onBlur={(e) => onChange({ ...condition, maxCents: parseMoney(e.target.value) })}
              />
            </label>
          </>
        );
      case 'stock':
        return (
          <input
            id={id}
            type="number"
            min={0}
            step={1}
            value={condition.min}
            onChange={(e) => onChange({ ...condition, min: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
          />
        );
      case 'valid-ean':
        return <span className="rule-condition__static">{t('condition.validEanHelp')}</span>;
    }
  })();
  return (
    <li className="rule-condition" data-testid={`rule-condition-${index}`}>
      <label htmlFor={id} className="rule-condition__label">
        {t(`kind.${condition.kind}`)}
      </label>
      <div className="rule-condition__inputs">{body}</div>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onRemove}
        aria-label={t('condition.remove', { kind: t(`kind.${condition.kind}`) })}
      >
        {t('condition.removeShort')}
      </button>
    </li>
  );
}
