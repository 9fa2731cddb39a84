import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellText, fromExcelValue, isBlankRow, SheetError } from '../../../main/spreadsheet/cell';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { detectDelimiter } from '../../../main/spreadsheet/sniff';
import { createSheetWriter } from '../../../main/spreadsheet/write-rows';
import { SHEET_LIMITS } from '../../../main/spreadsheet/limits';
import { inThreadReader, type XlsxPlan } from '../../../main/spreadsheet/xlsx-reader';
import { BATCH_ROWS, xlsxBatchesFromWorker } from '../../../main/spreadsheet/xlsx-worker';
import { readParts } from './zip-surgery';

const dir = mkdtempSync(join(tmpdir(), 'vitrine-sheet-'));

async function plan(file: string): Promise<XlsxPlan> {
  const { reader, deps } = inThreadReader();
  const xlsx = await reader.openXlsx(deps.yauzl, file, SHEET_LIMITS);
  try {
    return await reader.planWorkbook({ ...deps, options: {} }, xlsx, SHEET_LIMITS);
  } finally {
    xlsx.close();
  }
}

async function readAll(file: string, threaded = false): Promise<{ number: number; cells: string[] }[]> {
  const rows: { number: number; cells: string[] }[] = [];
  for await (const row of (await openSheet(file, { threaded })).rows()) rows.push({ number: row.number, cells: row.cells.map(cellText) });
  return rows;
}

describe('cells from exceljs', () => {
  it('uses cached formula results, flattens rich text and hyperlinks, and flags errors', () => {
    expect(fromExcelValue({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(fromExcelValue({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(fromExcelValue({ formula: 'A1' })).toEqual(new SheetError('#NO_VALUE'));
    expect(fromExcelValue({ error: '#REF!' })).toEqual(new SheetError('#REF!'));
    expect(fromExcelValue({ richText: [{ text: 'Ca' }, { text: 'neca' }] })).toBe('Caneca');
    expect(fromExcelValue({ text: 'site', hyperlink: 'https://x' })).toBe('site');
    expect(fromExcelValue(undefined)).toBeNull();
    expect(isBlankRow([null, '  ', ''])).toBe(true);
    expect(cellText(new Date(Date.UTC(2024, 2, 10)))).toBe('2024-03-10');
  });
});

describe('CSV sniffing', () => {
  it.each([
    ['SKU;Título;Preço', ';'],
    ['SKU,Title,Price', ','],
    ['SKU\tTitle\tPrice', '\t'],
    ['"a;b",c,d', ','],
  ])('%j → %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('CSV encodings', () => {
  it('reads Excel "Unicode text" (UTF-16LE with BOM, tab-separated)', async () => {
    const file = join(dir, 'unicode.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SKU\tTítulo\r\nA-1\tAção\r\n', 'utf16le')]));
    expect((await openSheet(file)).format).toEqual({ kind: 'csv', encoding: 'utf-16le', bomBytes: 2, delimiter: '\t' });
    expect((await readAll(file)).map((r) => r.cells)).toEqual([
      ['SKU', 'Título'],
      ['A-1', 'Ação'],
    ]);
  });
});

describe('writing and reading back', () => {
  const rows = [
    ['SKU', 'Título', 'Preço'],
    ['A;1', 'Caneca "grande"\nazul', 19.9],
    [' B ', 'Ação', null],
  ] as const;

  it('CSV: quotes what needs quoting, writes a BOM and decimal commas for pt-BR', async () => {
    const file = join(dir, 'w.csv');
    const writer = createSheetWriter(file, 'csv', { sheetName: 'x', csv: { delimiter: ';', decimalComma: true } });
    for (const r of rows) await writer.write(r);
    await writer.close();
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('"A;1";"Caneca ""grande""\nazul";19,9\r\n');
    expect((await readAll(file)).map((r) => r.cells)).toEqual([
      ['SKU', 'Título', 'Preço'],
      ['A;1', 'Caneca "grande"\nazul', '19,9'],
      [' B ', 'Ação', ''],
    ]);
  });

  it('xlsx: the worker-thread reader and the in-thread reader yield the same rows and numbers', async () => {
    const file = join(dir, 'w.xlsx');
    const writer = createSheetWriter(file, 'xlsx', { sheetName: 'Produtos', csv: { delimiter: ',', decimalComma: false } });
    for (const r of rows) await writer.write(r);
    for (let i = 0; i < 2500; i += 1) await writer.write([`S-${i}`, `Produto ${i}`, i / 4]);
    await writer.close();
    const inThread = await readAll(file, false);
    const threaded = await readAll(file, true);
    expect(threaded).toEqual(inThread);
    expect(inThread).toHaveLength(2503);
    expect(inThread[1]).toEqual({ number: 2, cells: ['A;1', 'Caneca "grande"\nazul', '19.9'] });
    expect(inThread.at(-1)).toEqual({ number: 2503, cells: ['S-2499', 'Produto 2499', '624.75'] });
  });

  it('xlsx: accented characters split across decompressed chunks stay whole (exceljs decodes chunk by chunk)', async () => {
    // Inline strings (streaming writer) and shared strings (in-memory workbook) take different paths.
    const words = ['não', 'ação', 'São Paulo', 'Açaí', 'coração', '€ 5', 'ñandú', '日本'];
    const data = Array.from({ length: 6000 }, (_, i) => [`SKU-${i}`, `${words[i % words.length]} ${i} ${words[(i * 3) % words.length]}`]);
    const inline = join(dir, 'inline.xlsx');
    const writer = createSheetWriter(inline, 'xlsx', { sheetName: 'x', csv: { delimiter: ',', decimalComma: false } });
    for (const r of data) await writer.write(r);
    await writer.close();
    const shared = join(dir, 'shared.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRows(data);
    await wb.xlsx.writeFile(shared);
    for (const file of [inline, shared]) {
      for (const threaded of [false, true]) {
        const rows = (await readAll(file, threaded)).map((r) => r.cells);
        expect(rows).toEqual(data);
      }
    }
  });

  it('xlsx: shared strings (rich text too), dates, formulas, booleans and errors read the same on both readers, whichever comes first in the zip', async () => {
    const fixtures = join(import.meta.dirname, '../../fixtures/spreadsheets');
    // A streaming writer with shared strings stores the worksheet before the string table. (Its
    // table keys rich text by the first run's text only, so the rich text here is one value.)
    const streamed = join(dir, 'streamed-shared.xlsx');
    const sw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: streamed, useSharedStrings: true, useStyles: true });
    const ws = sw.addWorksheet('Produtos');
    ws.addRow(['SKU', 'Título', 'Preço', 'Lançamento', 'Total', 'Ativo', 'Erro']).commit();
    for (let i = 0; i < 300; i += 1) {
      const row = ws.addRow([
        `SKU-${i}`,
        { richText: [{ text: 'Caneca ', font: { bold: true } }, { text: 'nº 1' }] },
        10 + i,
        new Date(Date.UTC(2024, 0, 1 + (i % 28))),
        { formula: `C${i + 2}*2`, result: 2 * (10 + i) },
        i % 2 === 0,
        { error: '#N/A' },
      ]);
      row.getCell(4).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    ws.commit();
    await sw.commit();
    const names = (await readParts(streamed)).map((p) => p.name);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    for (const file of [streamed, join(fixtures, 'libreoffice-pt.xlsx'), join(fixtures, 'libreoffice-en-w1252.xlsx')]) {
      const inThread = await readAll(file, false);
      expect(await readAll(file, true)).toEqual(inThread);
      expect(inThread.length).toBeGreaterThan(2);
    }
    const rows = await readAll(streamed, true);
    expect(rows[3]).toEqual({ number: 4, cells: ['SKU-2', 'Caneca nº 1', '12', '2024-01-03', '24', 'true', '#N/A'] });
  });

  it('xlsx: the worker thread really parses (it does not fall back to this thread) and hands over every row', async () => {
    const file = join(dir, 'worker.xlsx');
    const writer = createSheetWriter(file, 'xlsx', { sheetName: 'x', csv: { delimiter: ',', decimalComma: false } });
    for (let i = 0; i < 2100; i += 1) await writer.write([`S-${i}`, i]);
    await writer.close();
    let rows = 0;
    let batches = 0;
    for await (const batch of xlsxBatchesFromWorker(file, statSync(file).size, await plan(file), SHEET_LIMITS, () => undefined)) {
      batches += 1;
      rows += batch.shape.length / 2;
    }
    expect(rows).toBe(2100);
    expect(batches).toBe(Math.ceil(2100 / BATCH_ROWS));
  });

  it('xlsx: a truncated file fails with SPREADSHEET_CORRUPT on both readers', async () => {
    const whole = join(dir, 'whole.xlsx');
    const writer = createSheetWriter(whole, 'xlsx', { sheetName: 'x', csv: { delimiter: ',', decimalComma: false } });
    for (let i = 0; i < 4000; i += 1) await writer.write([`S-${i}`, `Produto ${i} `.repeat(4)]);
    await writer.close();
    const cut = join(dir, 'cut.xlsx');
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    for (const threaded of [false, true]) await expect(readAll(cut, threaded)).rejects.toMatchObject({ code: 'SPREADSHEET_CORRUPT' });
  });
});
