import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../../../renderer/features/rules/condition-editor';
import {
  conditionAdded,
  conditionChanged,
  conditionRemoved,
  draftChanged,
  editStarted,
  initialRulesState,
  previewableConditions,
  selectCanSave,
} from '../../../../../renderer/features/rules/rules-store';

const choices = { categories: [{ id: 7, path: 'Roupas' }], brands: ['Acme'], characteristics: [{ name: 'Cor', values: ['Azul', 'Preto'] }] };
const base = { ...initialRulesState, choices };

describe('rule draft editing', () => {
  it('adds conditions pre-filled from the catalog, edits and removes them', () => {
    const editing = editStarted(base, null);

    const added = conditionAdded(conditionAdded(editing, 'category'), 'characteristic');
    const changed = conditionChanged(added, 2, { kind: 'characteristic', name: 'Cor', values: ['Preto'] });
    const removed = conditionRemoved(changed, 0);

    expect(added.editing?.draft.conditions.slice(1)).toEqual([
      { kind: 'category', categoryIds: [7], includeSubcategories: true },
      { kind: 'characteristic', name: 'Cor', values: ['Azul'] },
    ]);
    expect(removed.editing?.draft.conditions.map((c) => c.kind)).toEqual(['category', 'characteristic']);
    expect(removed.editing?.draft.conditions[1]).toEqual({ kind: 'characteristic', name: 'Cor', values: ['Preto'] });
  });

  it('does not preview or save while a condition is incomplete or the name is empty', () => {
    const editing = editStarted(base, null);
    const incomplete = conditionAdded(editing, 'price');
    const named = draftChanged(editing, { name: '  Estoque  ' });

    expect(previewableConditions(incomplete)).toBeNull();
    expect(selectCanSave(incomplete)).toBe(false);
    expect(previewableConditions(named)).toEqual([{ kind: 'stock', min: 1 }]);
    expect(selectCanSave(editing)).toBe(false);
    expect(selectCanSave(named)).toBe(true);
  });
});

describe('parseMoney', () => {
  it.each([
    ['89,90', 8990],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['12', 1200],
    ['', null],
    ['abc', null],
  ])('%s → %s cents', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });
});
