import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { AppError } from '../../../main/errors';
import { snapshot, tempDir, tPt, writeCsv, writeXlsx } from './helpers';

/** A minimal one-entry zip (stored with deflate) that is a valid archive but no workbook. */
function zipWith(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(0, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');

describe('broken files: a clear localized error or localized row errors, and the database unchanged', () => {
  let db: Db;
  let dir: string;
  let before: Record<string, unknown[]>;

  beforeAll(async () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'broken.db'));
    await importProducts(
      db,
      writeCsv(join(dir, 'seed.csv'), [
        ['SKU', 'Título', 'Preço'],
        ['SEED', 'Produto existente', '10'],
      ]),
      { dryRun: false, t: tPt },
    );
    before = snapshot(db);
  });
  afterAll(() => db.close());

  async function failure(file: string): Promise<AppError> {
    const err = await importProducts(db, file, { dryRun: false, t: tPt }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(snapshot(db)).toEqual(before);
    const appError = err as AppError;
    // Every file-level code has a pt-BR and an en message.
    const { Translator } = await import('../../../main/i18n');
    for (const locale of ['pt-BR', 'en'] as const) expect(new Translator(locale).has(`errors.${appError.code}`)).toBe(true);
    return appError;
  }

  it('truncated xlsx (zip cut off while copying)', async () => {
    const rows = [['SKU', 'Título', 'Descrição'], ...Array.from({ length: 3000 }, (_, i) => [`T-${i}`, `Produto ${i}`, `Descrição longa ${i} `.repeat(5)])];
    const whole = readFileSync(await writeXlsx(join(dir, 'whole.xlsx'), rows));
    const file = join(dir, 'truncated.xlsx');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect((await failure(file)).code).toBe('SPREADSHEET_CORRUPT');
  });

  it('a zip that is not a workbook', async () => {
    const file = join(dir, 'archive.xlsx');
    writeFileSync(file, zipWith('readme.txt', 'not a workbook'));
    expect((await failure(file)).code).toBe('SPREADSHEET_CORRUPT');
  });

  it('an image renamed to .xlsx and to .csv', async () => {
    writeFileSync(join(dir, 'photo.xlsx'), PNG);
    writeFileSync(join(dir, 'photo.csv'), PNG);
    expect((await failure(join(dir, 'photo.xlsx'))).code).toBe('NOT_A_SPREADSHEET');
    expect((await failure(join(dir, 'photo.csv'))).code).toBe('NOT_A_SPREADSHEET');
  });

  it('an old binary .xls, an empty file, a missing file', async () => {
    writeFileSync(join(dir, 'old.xls'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'blank.csv'), '\r\n;;\r\n');
    expect((await failure(join(dir, 'old.xls'))).code).toBe('XLS_NOT_SUPPORTED');
    expect((await failure(join(dir, 'empty.csv'))).code).toBe('SPREADSHEET_EMPTY');
    expect((await failure(join(dir, 'blank.csv'))).code).toBe('SPREADSHEET_EMPTY');
    expect((await failure(join(dir, 'nowhere.csv'))).code).toBe('SPREADSHEET_NOT_FOUND');
  });

  it('an HTML table and an Excel 2003 XML file saved as .xls', async () => {
    writeFileSync(join(dir, 'web.xls'), '<html><body><table><tr><td>SKU</td></tr><tr><td>A</td></tr></table></body></html>');
    writeFileSync(join(dir, 'xml.xls'), '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    expect((await failure(join(dir, 'web.xls'))).code).toBe('SPREADSHEET_WEB_FORMAT');
    expect((await failure(join(dir, 'xml.xls'))).code).toBe('SPREADSHEET_WEB_FORMAT');
  });

  it('a CSV whose quote never closes fails as a whole even after valid rows', async () => {
    const file = join(dir, 'quote.csv');
    writeFileSync(file, 'SKU;Título\nOK-1;Bom\nOK-2;"Sem fim\n');
    const err = await failure(file);
    expect(err.code).toBe('CSV_MALFORMED');
    expect(tPt(`errors.${err.code}`, err.params)).toMatch(/linha 3/);
  });

  it('a sheet without a SKU column', async () => {
    const file = writeCsv(join(dir, 'nosku.csv'), [
      ['Nome', 'Valor'],
      ['Caneca', '10'],
    ]);
    const err = await failure(file);
    expect(err.code).toBe('NO_SKU_COLUMN');
    expect(tPt(`errors.${err.code}`, err.params)).toContain('Nome, Valor');
  });

  it('wrong types in every row: each row rejected with its code, nothing written', async () => {
    const file = await writeXlsx(join(dir, 'types.xlsx'), [
      ['SKU', 'Título', 'Preço', 'Estoque', 'EAN', 'Ativo', 'Peso (kg)'],
      ['W-1', 'A', 'dez reais', 1, '', 'sim', 1],
      ['W-2', 'B', 10, 2.5, '', 'sim', 1],
      ['W-3', 'C', 10, 1, 'ABC-DEF', 'sim', 1],
      ['W-4', 'D', 10, 1, '', 'talvez', 1],
      ['W-5', 'E', 10, 1, '', 'sim', new Date(Date.UTC(2024, 0, 1))],
      ['W-6', 'F', true, 1, '', 'sim', 1],
      ['W-7', 'G', -5, 1, '', 'sim', 1],
    ]);
    const report = await importProducts(db, file, { dryRun: false, t: tPt });
    expect(snapshot(db)).toEqual(before);
    expect(report).toMatchObject({ imported: 0, updated: 0, rejected: 7 });
    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '2:Preço:NOT_A_NUMBER',
      '3:Estoque:NOT_AN_INTEGER',
      '4:EAN:GTIN_NOT_DIGITS',
      '5:Ativo:NOT_A_BOOLEAN',
      '6:Peso (kg):UNEXPECTED_DATE',
      '7:Preço:NOT_A_NUMBER',
      '8:Preço:NEGATIVE',
    ]);
    for (const e of report.errors) expect(e.message).toMatch(new RegExp(`^Linha ${e.row}, coluna "${e.field.replace(/[()]/g, '\\$&')}": .+`));
  });

  it('a 1M-character cell, in xlsx and in CSV', async () => {
    const huge = 'x'.repeat(1_000_000);
    const xlsx = await writeXlsx(join(dir, 'huge.xlsx'), [
      ['SKU', 'Título'],
      ['H-1', huge],
    ]);
    const csv = writeCsv(join(dir, 'huge.csv'), [
      ['SKU', 'Título'],
      ['H-2', huge],
    ]);
    for (const file of [xlsx, csv]) {
      const report = await importProducts(db, file, { dryRun: false, t: tPt });
      expect(snapshot(db)).toEqual(before);
      expect(report.errors).toEqual([
        { row: 2, field: 'Título', code: 'TOO_LONG', message: 'Linha 2, coluna "Título": o texto tem 1000000 caracteres; o limite é 500.' },
      ]);
    }
  });
});
