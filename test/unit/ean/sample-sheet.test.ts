import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../../main/amazon/simulator/demo-catalog';
import { seedCatalog } from '../../../main/amazon/simulator/seed';
import { sampleSheetPath } from '../../../main/catalog-match/sample-sheet';
import { checkGtin } from '../../../main/ean/gtin';
import { sampleSheetRows } from '../../../resources/demo/build-sample-sheet';

async function committedRows(width: number): Promise<unknown[][]> {
  const file = sampleSheetPath();
  if (file === null) throw new Error('resources/demo has no sample sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: width }, (_, i) => values[i + 1] ?? null));
  });
  return rows;
}

describe('the sample spreadsheet (resources/demo)', () => {
  it('is what its generator writes (run npx tsx resources/demo/build-sample-sheet.ts after changing the demo store)', async () => {
    const expected = sampleSheetRows();
    expect(await committedRows(expected[0]?.length ?? 0)).toEqual(expected);
  });

  it('looks like a Brazilian store export: ~200 products, R$ prices as text, categories and characteristics', () => {
    const [header, ...rows] = sampleSheetRows();
    const column = (name: string) => (header ?? []).indexOf(name);
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(190);
    expect(DEMO_PRODUCTS.length).toBeLessThanOrEqual(220);
    expect(header).toEqual(expect.arrayContaining(['SKU pai', 'Categoria', 'EAN', 'Preço', 'Característica: Cor', 'Variação: Tamanho']));
    const prices = rows.map((r) => r[column('Preço')]);
    expect(prices.some((p) => typeof p === 'string' && /^R\$ \d{1,3}(\.\d{3})+,\d{2}$/.test(p))).toBe(true);
    expect(prices.some((p) => typeof p === 'string' && /^\d+,\d{2}$/.test(p))).toBe(true);
    expect(rows.filter((r) => r[column('Categoria')] === 'Joias > Pulseiras').length).toBeGreaterThanOrEqual(30);
    expect(rows.filter((r) => r[column('SKU pai')] !== null).length).toBeGreaterThan(50);
    const skus = rows.map((r) => r[column('SKU')]);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it('has wrong, missing and repeated EANs, and about 70 % of its valid codes on the demo Amazon catalog', () => {
    const codes = DEMO_PRODUCTS.flatMap((p) => p.skus.map((s) => s.ean));
    const valid = codes.filter((c): c is string => c !== null && checkGtin(c).valid);
    const onAmazon = new Set(seedCatalog().map((c) => c.ean));

    expect(codes.filter((c) => c === null).length).toBeGreaterThan(5);
    expect(codes.filter((c) => c !== null && !checkGtin(c).valid).length).toBeGreaterThan(5);
    expect(valid.length - new Set(valid).size).toBe(1);
    const share = valid.filter((c) => onAmazon.has(c)).length / valid.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
  });
});
