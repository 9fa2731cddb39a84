import { describe, expect, it } from 'vitest';
import { applyPatches } from '../../../../main/amazon/simulator/listing-ops';
import { withCheckDigit, seedCatalog } from '../../../../main/amazon/simulator/seed';

const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';
const base = {
  item_name: [
    { value: 'Pulseira', language_tag: 'pt_BR', marketplace_id: BR },
    { value: 'Bracelet', language_tag: 'en_US', marketplace_id: US },
  ],
  brand: [{ value: 'Marca', marketplace_id: BR }],
};

describe('applyPatches', () => {
  it('replace and add set the whole attribute', () => {
    const { attributes, issues } = applyPatches(base, [
      { op: 'replace', path: '/attributes/brand', value: [{ value: 'Outra', marketplace_id: BR }] },
      { op: 'add', path: '/attributes/color', value: [{ value: 'azul' }] },
    ]);
    expect(issues).toEqual([]);
    expect(attributes.brand).toEqual([{ value: 'Outra', marketplace_id: BR }]);
    expect(attributes.color).toEqual([{ value: 'azul' }]);
    expect(base.brand).toEqual([{ value: 'Marca', marketplace_id: BR }]);
  });

  it('merge updates the entry with the same selectors and keeps the others', () => {
    const { attributes } = applyPatches(base, [
      { op: 'merge', path: '/attributes/item_name', value: [{ value: 'Pulseira nova', language_tag: 'pt_BR', marketplace_id: BR }] },
    ]);
    expect(attributes.item_name).toEqual([
      { value: 'Pulseira nova', language_tag: 'pt_BR', marketplace_id: BR },
      { value: 'Bracelet', language_tag: 'en_US', marketplace_id: US },
    ]);
  });

  it('delete removes matching entries, or the whole attribute without a value', () => {
    const partial = applyPatches(base, [{ op: 'delete', path: '/attributes/item_name', value: [{ language_tag: 'en_US', marketplace_id: US }] }]);
    expect(partial.attributes.item_name).toHaveLength(1);
    const whole = applyPatches(base, [{ op: 'delete', path: '/attributes/brand' }]);
    expect('brand' in whole.attributes).toBe(false);
  });

  it('reports a path below the top level as an issue', () => {
    const { issues } = applyPatches(base, [{ op: 'replace', path: '/attributes/item_name/0/value', value: ['x'] }]);
    expect(issues[0]?.code).toBe('90000900');
  });
});

describe('seed catalog', () => {
  it('computes GS1 check digits', () => {
    expect(withCheckDigit('400638133393')).toBe('4006381333931');
    expect(withCheckDigit('789100000001')).toBe('7891000000014');
  });

  it('gives every catalog item a unique ASIN and a 13-digit EAN', () => {
    const catalog = seedCatalog();
    expect(new Set(catalog.map((c) => c.asin)).size).toBe(catalog.length);
    expect(catalog.every((c) => /^\d{13}$/.test(c.ean))).toBe(true);
  });
});
