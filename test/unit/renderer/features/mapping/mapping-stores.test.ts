import { describe, expect, it } from 'vitest';
import type { AttributeInfo, CategoryRow, SelectionItem } from '../../../../../preload/contract';
import { ready } from '../../../../../renderer/app/load';
import { editorOpened, initialCategoriesState, productTypeChosen, visibleCategories } from '../../../../../renderer/features/categories/categories-store';
import { draftOf, splitAttributes, toMappingInput, typedDefault } from '../../../../../renderer/features/characteristics/characteristics-store';
import { allTicked, initialSelectionState, ticked } from '../../../../../renderer/features/selection/selection-store';

const category = (id: number, path: string, effective: string | null, parentId: number | null = null, products = 1): CategoryRow => ({
  id,
  parentId,
  name: path.split(' > ').at(-1) ?? path,
  path,
  products,
  subtreeProducts: products,
  productType: null,
  productTypeName: null,
  variationTheme: null,
  effectiveProductType: effective,
  effectiveProductTypeName: null,
  inheritedFrom: null,
  needsMapping: products > 0 && effective === null,
  suggestion: null,
});

const attribute = (patch: Partial<AttributeInfo>): AttributeInfo => ({
  name: 'target_gender',
  title: 'Target Gender',
  description: '',
  requirement: 'required',
  storeField: null,
  valueType: 'string',
  options: [],
  closedList: true,
  units: [],
  unitOptions: [],
  structured: false,
  mapping: null,
  blocking: 0,
  condition: null,
  ...patch,
});

describe('categories store', () => {
  it('lists categories in tree order with their depth, optionally only the unmapped ones', () => {
    const items = [category(2, 'Roupas > Camisetas', 'SHIRT'), category(3, 'Casa', null), category(1, 'Roupas', 'SHIRT')];

    expect(visibleCategories(items, false).map((c) => [c.row.path, c.depth])).toEqual([
      ['Casa', 0],
      ['Roupas', 0],
      ['Roupas > Camisetas', 1],
    ]);
    expect(visibleCategories(items, true).map((c) => c.row.id)).toEqual([3]);
  });

  it('shows only the categories needing a product type, with the parents leading to them; an empty parent alone is left out', () => {
    const items = [
      category(1, 'Joias', null, null, 0),
      category(2, 'Joias > Pulseiras', null, 1),
      category(3, 'Moda', null, null, 0),
      category(4, 'Moda > Camisetas', 'SHIRT', 3),
    ];

    expect(visibleCategories(items, true).map((c) => c.row.path)).toEqual(['Joias', 'Joias > Pulseiras']);
  });

  it('choosing another product type forgets the previous variation theme', () => {
    const row = { ...category(1, 'Roupas', 'SHIRT'), productType: 'SHIRT', variationTheme: 'SIZE' };
    const opened = editorOpened(initialCategoriesState, row);

    const changed = productTypeChosen(opened, { productType: 'SHOES', displayName: 'Calçados' });

    expect(opened.editor?.variationTheme).toBe('SIZE');
    expect(changed.editor).toMatchObject({ productType: { productType: 'SHOES', displayName: 'Calçados' }, variationTheme: null });
  });
});

describe('characteristics store', () => {
  it('proposes a metric unit first', () => {
    expect(draftOf(attribute({ units: ['inches', 'centimeters'] })).unit).toBe('centimeters');
    expect(draftOf(attribute({ units: ['carats'] })).unit).toBe('carats');
  });

  it('lists what blocks products first, keeping what was solved on this visit, and the rest apart', () => {
    const attributes = [
      { ...attribute({ name: 'color' }), blocking: 31 },
      { ...attribute({ name: 'department' }), blocking: 0 },
      { ...attribute({ name: 'target_gender' }), blocking: 0 },
    ];

    const lists = splitAttributes(attributes, ['target_gender']);

    expect(lists.blocking.map((a) => a.name)).toEqual(['color', 'target_gender']);
    expect(lists.others.map((a) => a.name)).toEqual(['department']);
  });

  it('types a default as the schema wants it', () => {
    expect(typedDefault('2,5', 'number')).toBe(2.5);
    expect(typedDefault('sim', 'boolean')).toBe(true);
    expect(typedDefault('  ', 'string')).toBeNull();
    expect(typedDefault('BR', 'string')).toBe('BR');
  });

  it('turns a draft into the contract row, dropping empty value-map entries and units the attribute has none of', () => {
    const attr = attribute({ units: [] });
    const draft = { ...draftOf(attr), characteristic: 'Gênero', valueMap: { Feminino: 'female', Outro: '' }, unit: 'grams' };

    expect(toMappingInput('BR1', 'SHIRT', attr, draft)).toEqual({
      marketplaceId: 'BR1',
      productType: 'SHIRT',
      attribute: 'target_gender',
      characteristic: 'Gênero',
      valueMap: { Feminino: 'female' },
      unit: null,
      defaultValue: null,
    });
  });

  it('starts a measure attribute on its first unit', () => {
    expect(draftOf(attribute({ units: ['grams', 'kilograms'] })).unit).toBe('grams');
  });
});

describe('selection store', () => {
  it('ticks one row, and "tick all" toggles the whole page', () => {
    const items = [1, 2].map((id) => ({ id }) as SelectionItem);
    const state = { ...initialSelectionState, page: ready({ total: 2, items }) };

    const one = ticked(state, 1);
    const all = allTicked(one);
    const none = allTicked(all);

    expect([...one.ticked]).toEqual([1]);
    expect([...all.ticked].sort()).toEqual([1, 2]);
    expect(none.ticked.size).toBe(0);
  });
});
