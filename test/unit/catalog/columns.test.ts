import { describe, expect, it } from 'vitest';
import { autoMap, guessField, isField, normalizeHeader } from '../../../main/catalog/columns';

describe('header auto-mapping', () => {
  it.each([
    ['Código de barras', 'gtin'],
    ['EAN', 'gtin'],
    ['GTIN', 'gtin'],
    ['Preço (R$)', 'price'],
    ['Precio', 'price'],
    ['Estoque', 'stock'],
    ['Existencias', 'stock'],
    ['Marca', 'brand'],
    ['SKU pai', 'parentSku'],
    ['Parent SKU', 'parentSku'],
    // A sheet that names the SKU "Referência" names its parent "Referência pai".
    ['Referência', 'sku'],
    ['Referência Pai', 'parentSku'],
    ['Ref. pai', 'parentSku'],
    ['Peso (kg)', 'weightKg'],
    ['Peso (g)', 'weightG'],
    ['Nombre del producto', 'title'],
    ['  título ', 'title'],
    ['Tópico 2', 'bullet:2'],
    ['Image URL 3', 'image:3'],
    ['Característica: Cor', 'characteristic:Cor'],
    ['Characteristic: Color', 'characteristic:Color'],
    ['Variação: Tamanho', 'variation:Tamanho'],
  ])('%s → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('leaves unknown columns unmapped and gives a field to the first of two claimants only', () => {
    const mapping = autoMap(['SKU', 'Cor', 'EAN', 'GTIN', '']);
    expect(mapping.map((m) => m.field)).toEqual(['sku', null, 'gtin', null, null]);
    expect(mapping[1]).toEqual({ column: 1, header: 'Cor', field: null });
  });

  it('normalizes accents, case and punctuation', () => {
    expect(normalizeHeader(' Preço  Promocional (R$) ')).toBe('preco promocional r');
  });

  it('validates field names coming from the manual mapping', () => {
    expect(['sku', 'bullet:1', 'characteristic:Cor', 'variation:Tamanho'].every(isField)).toBe(true);
    expect(['', 'nope', 'bullet:0', 'characteristic:', 'image:x'].some(isField)).toBe(false);
  });
});
