import { describe, expect, it } from 'vitest';
import { autoMap } from '../../../main/catalog/columns';
import { compilePlan, mapRow, parseKit, type RowPlan } from '../../../main/catalog/row-mapper';
import { FieldProblem } from '../../../main/catalog/values';

function plan(headers: string[]): RowPlan {
  const compiled = compilePlan(autoMap(headers));
  if (!compiled) throw new Error('no SKU column');
  return compiled;
}

describe('row mapping', () => {
  it('builds a record from pt-BR columns, lists and named columns', () => {
    const p = plan([
      'SKU',
      'SKU pai',
      'Título',
      'Tópicos',
      'Tópico 2',
      'Imagens',
      'Peso (g)',
      'Largura (cm)',
      'Isento de GTIN',
      'Característica: Cor',
      'Variação: Tamanho',
    ]);
    const { record, issues } = mapRow(p, 7, [
      'A-1',
      'A',
      'Caneca',
      'Alça grande | Lava-louças',
      'Microondas',
      'https://img/a.jpg https://img/b.jpg',
      '350',
      '8,5',
      'sim',
      'Azul',
      'G',
    ]);
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      row: 7,
      sku: 'A-1',
      productKey: 'A',
      title: 'Caneca',
      bulletPoints: ['Alça grande', 'Lava-louças', 'Microondas'],
      imageUrls: ['https://img/a.jpg', 'https://img/b.jpg'],
      weightG: 350,
      widthMm: 85,
      gtinExempt: true,
      gtinStatus: 'exempt',
      characteristics: [['Cor', 'Azul']],
      variation: { Tamanho: 'G' },
    });
  });

  it('reports every problem of a row at once, each with its column header', () => {
    const p = plan(['SKU', 'Preço', 'Preço promocional', 'Imagem 1', 'Estoque']);
    const { record, issues } = mapRow(p, 3, ['', '10', '12', 'ftp://x', '-1']);
    expect(record).toBeUndefined();
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['SKU', 'MISSING_SKU'],
      ['Preço promocional', 'SALE_PRICE_ABOVE_PRICE'],
      ['Imagem 1', 'INVALID_URL'],
      ['Estoque', 'NEGATIVE'],
    ]);
  });

  it('a SKU equal to its parent stands alone; short rows read as empty cells', () => {
    const p = plan(['SKU', 'SKU pai', 'Título', 'Marca']);
    expect(mapRow(p, 2, ['X', 'X']).record).toMatchObject({ productKey: 'X', title: null, brand: null });
  });

  it('parses kit components and refuses malformed ones', () => {
    expect(parseKit('A x2; B | C*3 ; BOX2')).toEqual([
      { sku: 'A', quantity: 2, text: 'A x2' },
      { sku: 'B', quantity: 1, text: 'B' },
      { sku: 'C', quantity: 3, text: 'C*3' },
      { sku: 'BOX2', quantity: 1, text: 'BOX2' },
    ]);
    expect(() => parseKit('A x0')).toThrow(FieldProblem);
    expect(() => parseKit('A; A x2')).toThrow(FieldProblem);
  });
});
