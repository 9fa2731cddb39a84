import { describe, expect, it } from 'vitest';
import { describeField, fieldOptions } from '../../../../../renderer/features/products/field-options';

describe('field options', () => {
  it('describes numbered and named fields with their parameters', () => {
    expect(describeField('bullet:2')).toEqual({ value: 'bullet:2', labelKey: 'bullet', params: { n: 2 } });
    expect(describeField('characteristic:Cor')).toEqual({ value: 'characteristic:Cor', labelKey: 'characteristic', params: { name: 'Cor' } });
    expect(describeField('price')).toEqual({ value: 'price', labelKey: 'price' });
  });

  it('offers the column as a characteristic or a variation, and keeps what main guessed', () => {
    const values = fieldOptions('Característica: Voltagem', 'image:9').map((o) => o.value);
    expect(values).toContain('characteristic:Voltagem');
    expect(values).toContain('variation:Voltagem');
    expect(values).toContain('image:9');
    expect(new Set(values).size).toBe(values.length);
  });
});
