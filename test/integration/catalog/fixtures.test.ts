import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getProductCharacteristics } from '../../../main/db/tables/characteristics';
import { getProduct } from '../../../main/db/tables/products';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { snapshot, tEn, tPt } from './helpers';

/** Made by LibreOffice from sources/ with make-fixtures.sh; the CSV sources are fixtures too. */
const FIXTURES = join(import.meta.dirname, '../../fixtures/spreadsheets');

describe('files written by other producers', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('LibreOffice xlsx (pt-BR): formulas by cached value, lost EAN zeros recovered, dates and scientific EANs rejected', async () => {
    const report = await importProducts(db, join(FIXTURES, 'libreoffice-pt.xlsx'), { dryRun: false, t: tPt });
    expect(report).toMatchObject({ rows: 5, imported: 3, rejected: 2 });
    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual(['6:SKU:UNEXPECTED_DATE', '7:EAN:GTIN_SCIENTIFIC']);
    expect(getSkuByCode(db, 'CAM-M')).toMatchObject({
      priceCents: 5490,
      stock: 5,
      gtin: '012345678905',
      gtinStatus: 'valid',
      weightG: 300,
      variation: { Tamanho: 'M' },
    });
    const caneca = getSkuByCode(db, 'CANECA-1');
    expect(caneca).toMatchObject({ priceCents: 123456, weightG: 1000 });
    expect(getProduct(db, caneca!.productId)).toMatchObject({ title: 'Caneca Grande', brand: 'Louças Bahia', categoryPath: 'Casa > Cozinha' });
    expect(getSkuByCode(db, 'CAM-P')?.productId).toBe(getSkuByCode(db, 'CAM-M')?.productId);
  });

  it('the Windows-1252 CSV and the xlsx LibreOffice made from it import identically', async () => {
    const fromXlsx = await importProducts(db, join(FIXTURES, 'libreoffice-en-w1252.xlsx'), { dryRun: false, t: tEn });
    const xlsxState = snapshot(db);
    const other = openDatabase(':memory:');
    const fromCsv = await importProducts(other, join(FIXTURES, 'sources/catalog-en-w1252.csv'), { dryRun: false, t: tEn });
    const csvState = snapshot(other);
    other.close();
    expect(fromXlsx).toMatchObject({ imported: 2, rejected: 0 });
    expect(fromCsv).toMatchObject({ imported: 2, rejected: 0 });
    const strip = (s: Record<string, unknown[]>) =>
      JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'updated_at' || k === 'created_at' ? undefined : v))) as unknown;
    expect(strip(csvState)).toEqual(strip(xlsxState));
    const mug = getSkuByCode(db, 'MUG-01');
    expect(mug).toMatchObject({ priceCents: 123450, stock: 7, gtin: '7891234567895' });
    expect(getProduct(db, mug!.productId)).toMatchObject({ title: 'Caneca Café São Paulo', brand: 'Café & Cia', bulletPoints: ['Microondas: não'] });
    expect(getProductCharacteristics(db, mug!.productId)).toEqual({ Material: 'Cerâmica' });
  });

  it('detects the encodings of the CSV sources', async () => {
    const formats = await Promise.all(
      ['catalog-en-w1252.csv', 'catalog-en-utf8.csv', 'catalogo-pt-bom.csv'].map(async (f) => (await openSheet(join(FIXTURES, 'sources', f))).format),
    );
    expect(formats).toEqual([
      { kind: 'csv', encoding: 'windows-1252', bomBytes: 0, delimiter: ',' },
      { kind: 'csv', encoding: 'utf-8', bomBytes: 0, delimiter: ',' },
      { kind: 'csv', encoding: 'utf-8', bomBytes: 3, delimiter: ';' },
    ]);
  });

  it('a UTF-8 CSV with BOM keeps text as typed: no formulas, no dates, EAN zeros intact', async () => {
    const report = await importProducts(db, join(FIXTURES, 'sources/catalogo-pt-bom.csv'), { dryRun: false, t: tPt });
    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual(['3:Preço:NOT_A_NUMBER', '7:EAN:GTIN_SCIENTIFIC']);
    expect(getSkuByCode(db, '2024-03-10')).toBeDefined();
    expect(getSkuByCode(db, 'CAM-P')).toMatchObject({ priceCents: 4990, gtin: '7891234567895' });
  });
});
