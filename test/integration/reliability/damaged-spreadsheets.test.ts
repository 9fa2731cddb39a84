import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateCatalogSheet } from '../../../bench/lib/catalog-sheet';
import { importProducts, type ImportReport } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { AppError } from '../../../main/errors';
import { bomb, part, readParts, reorder, SHEET_HEAD, SHEET_TAIL, textCell, withPart, writeZip, type ZipPart } from '../../unit/spreadsheet/zip-surgery';
import { snapshot, tempDir, tPt, writeXlsx } from '../catalog/helpers';

/**
 * Damaged spreadsheets through the whole import, as the app and the CLI run it: each fails with
 * its localized error, quickly, with nothing written and the database free for other writers at
 * once; or it imports exactly what the intact file imports.
 */
const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

let dir: string;
let db: Db;
let before: Record<string, unknown[]>;
/** A catalog sheet past the size that reads on a worker thread (1 MB), and a small one that reads in this thread. */
let large: string;
let largeParts: ZipPart[];
let small: string;
let smallParts: ZipPart[];
let tinyParts: ZipPart[];

beforeAll(async () => {
  dir = tempDir();
  db = openDatabase(join(dir, 'damaged.db'));
  await importProducts(
    db,
    await writeXlsx(join(dir, 'seed.xlsx'), [
      ['SKU', 'Título', 'Preço'],
      ['SEED-1', 'Produto que já existia', 10],
    ]),
    { dryRun: false, t: tPt },
  );
  before = snapshot(db);
  large = join(dir, 'catalog-24k.xlsx');
  await generateCatalogSheet(large, 24_000);
  largeParts = await readParts(large);
  // Under 1 MB, yet with a worksheet large enough that exceljs's own reader hung on it when cut.
  small = join(dir, 'catalog-9000.xlsx');
  await generateCatalogSheet(small, 9_000);
  smallParts = await readParts(small);
  const tiny = join(dir, 'catalog-12.xlsx');
  await generateCatalogSheet(tiny, 12);
  tinyParts = await readParts(tiny);
}, 120_000);
afterAll(() => db.close());

async function failure(file: string): Promise<{ code: string; message: string; ms: number }> {
  const started = performance.now();
  const err = await importProducts(db, file, { dryRun: false, t: tPt }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  expect(err).toBeInstanceOf(AppError);
  const appError = err as AppError;
  return { code: appError.code, message: tPt(`errors.${appError.code}`, { ...appError.params }), ms };
}

/** Nothing written, and the write lock released: another connection writes at once. */
function expectUntouched(): void {
  expect(snapshot(db)).toEqual(before);
  const other = openDatabase(db.name);
  try {
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    other.exec('ROLLBACK');
  } finally {
    other.close();
  }
}

describe('a truncated xlsx', () => {
  it('small or large, cut anywhere: SPREADSHEET_CORRUPT within seconds, nothing written', async () => {
    expect(statSync(small).size).toBeLessThan(1024 * 1024);
    expect(statSync(large).size).toBeGreaterThan(1024 * 1024);
    for (const whole of [small, large]) {
      const bytes = readFileSync(whole);
      for (const fraction of [0.1, 0.5, 0.6, 0.75, 0.9, 0.999]) {
        const file = join(dir, `truncated-${fraction}.xlsx`);
        writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
        const { code, message, ms } = await failure(file);
        expect([whole, fraction, code]).toEqual([whole, fraction, 'SPREADSHEET_CORRUPT']);
        expect(message).toBe(`O arquivo ${file} está danificado ou incompleto e não pôde ser lido (talvez tenha sido cortado ao copiar). Nada foi importado.`);
        expect(ms).toBeLessThan(10_000);
        expectUntouched();
      }
    }
  }, 120_000);

  it('the CLI says so and exits 1, instead of exiting 0 with nothing printed', async () => {
    const file = join(dir, 'cli-truncated.xlsx');
    const bytes = readFileSync(small);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(join('node_modules', '.bin', 'tsx'), ['main/cli.ts', 'import-products', file, '--db', join(dir, 'cli.db')], {
        env: { ...process.env, VITRINE_LOCALE: 'pt-BR', VITRINE_LOG_DIR: dir },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('está danificado ou incompleto');
  }, 60_000);
});

describe('a worksheet whose XML stops mid-way (the zip itself is sound)', () => {
  it('a 24,000-row sheet cut at row 12,000 imports nothing and says the file is damaged, on the worker thread and in this thread', async () => {
    for (const [name, parts] of [
      ['large', largeParts],
      ['small', smallParts],
    ] as const) {
      const xml = part(parts, SHEET).data.toString('utf8');
      const half = xml.indexOf(name === 'large' ? '<row r="12001"' : '<row r="4501"');
      const file = join(dir, `cut-sheet-${name}.xlsx`);
      writeZip(file, withPart(parts, SHEET, xml.slice(0, half)));
      const { code } = await failure(file);
      expect([name, code]).toEqual([name, 'SPREADSHEET_CORRUPT']);
      expectUntouched();
    }
  }, 120_000);

  it('so does a cut shared-string table', async () => {
    const xml = part(largeParts, STRINGS).data.toString('utf8');
    const file = join(dir, 'cut-strings.xlsx');
    writeZip(file, withPart(largeParts, STRINGS, xml.slice(0, Math.floor(xml.length * 0.6))));
    expect((await failure(file)).code).toBe('SPREADSHEET_CORRUPT');
    expectUntouched();
  });
});

describe('parts stored in any order', () => {
  const content = (d: Db) => {
    const { products, skus, categories, characteristics, product_characteristics } = snapshot(d);
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), created_at: undefined, updated_at: undefined }));
    return { products: strip(products ?? []), skus: strip(skus ?? []), categories, characteristics, product_characteristics };
  };

  it('imports the same catalog whichever part comes first, tiny, small or large, however deep the temp folder', async () => {
    // exceljs's own reader spooled a worksheet stored first to a temporary file, and lost the text cells of tiny files when its path was deep.
    const deep = join(dir, ...Array.from({ length: 40 }, (_, i) => `pasta-temporaria-${i}`));
    mkdirSync(deep, { recursive: true });
    process.env.TMPDIR = deep;
    onTestFinished(() => {
      delete process.env.TMPDIR;
    });
    for (const [n, parts] of [tinyParts, smallParts, largeParts].entries()) {
      const reference = openDatabase(join(dir, `order-reference-${n}.db`));
      const intact = join(dir, 'order-intact.xlsx');
      writeZip(intact, parts);
      const expected = await importProducts(reference, intact, { dryRun: false, t: tPt });
      expect(expected).toMatchObject({ rejected: 0 });
      const orders = [reorder(parts, [SHEET], 'first'), reorder(parts, [STRINGS, STYLES], 'last'), [...parts].reverse()];
      for (const [i, order] of orders.entries()) {
        const other = openDatabase(join(dir, `order-${n}-${i}.db`));
        const file = join(dir, `order-${i}.xlsx`);
        writeZip(file, order);
        const report = await importProducts(other, file, { dryRun: false, t: tPt });
        expect(report).toMatchObject({ imported: expected.imported, rejected: 0 });
        expect(content(other)).toEqual(content(reference));
        other.close();
      }
      reference.close();
    }
  }, 180_000);

  it('a price cell formatted as a date is refused for its row even when the styles come after the sheet', async () => {
    // Excel shows 45296 formatted dd/mm/aaaa as 04/01/2024: the cell holds a date, not a price of R$ 45.296,00.
    const data = `${SHEET_HEAD}<row r="1">${textCell('A1', 'SKU')}${textCell('B1', 'Título')}${textCell('C1', 'Preço')}</row><row r="2">${textCell('A2', 'DATA-1')}${textCell('B2', 'Caneca')}<c r="C2" s="1"><v>45296</v></c></row>${SHEET_TAIL}`;
    const styles = part(smallParts, STYLES).data.toString('utf8');
    const dated = styles.replace(
      /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/,
      (_, xfs: string) =>
        `<cellXfs count="2">${/<xf [^>]*\/>|<xf [\s\S]*?<\/xf>/.exec(xfs)?.[0] ?? ''}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
    );
    expect(dated).not.toBe(styles);
    const file = join(dir, 'date-price.xlsx');
    // Relationships, workbook and shared strings before the sheet, so a front-to-back reader parses the sheet as it comes, before the styles.
    const parts = reorder(withPart(withPart(smallParts, SHEET, data), STYLES, dated), [STYLES], 'last');
    writeZip(file, reorder(parts, ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', STRINGS], 'first'));
    const report = await importProducts(db, file, { dryRun: true, t: tPt });
    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual(['2:Preço:UNEXPECTED_DATE']);
    expect(report).toMatchObject({ imported: 0, rejected: 1 });
  });
});

describe('limits', () => {
  it("a 3 MB file whose worksheet inflates to 3 GB: refused at once in the seller's language, the database free", async () => {
    const bomber = bomb(
      SHEET,
      `${SHEET_HEAD}<row r="1">${textCell('A1', 'SKU')}</row>`,
      `<row r="2">${textCell('A2', 'x'.repeat(1024 * 1024 - 50))}</row>`,
      3 * 1024,
      SHEET_TAIL,
    );
    const file = join(dir, 'bomb.xlsx');
    const bytes = writeZip(file, withPart(smallParts, SHEET, bomber));
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const { code, message, ms } = await failure(file);
    expect(code).toBe('SPREADSHEET_TOO_LARGE');
    expect(message).toBe(
      `O arquivo ${file} é grande demais: o conteúdo dele passa de 640 MB quando aberto (uma planilha .xlsx é compactada e pode crescer muito), o limite da Vitrine para uma planilha. Divida os produtos em arquivos menores e importe um de cada vez. Nada foi importado.`,
    );
    expect(ms).toBeLessThan(5_000);
    expectUntouched();
  });
});

/** Rows of a CSV joined by the given line endings, one per row (cycled). */
function mixedCsv(file: string, rows: readonly string[], endings: readonly string[]): string {
  writeFileSync(file, rows.map((r, i) => `${r}${endings[i % endings.length]}`).join(''));
  return file;
}

describe('CSV line endings', () => {
  it('CRLF, LF and CR mixed in one file: every row read as its own row, none merged or dropped', async () => {
    const rows = ['SKU;Título;Preço', ...Array.from({ length: 30 }, (_, i) => `MIX-${i};"Produto ${i}";${10 + i}`)];
    for (const endings of [['\r\n', '\n', '\r'], ['\n', '\r\n'], ['\r', '\n'], ['\r']]) {
      const file = mixedCsv(join(dir, `mixed-${endings.length}.csv`), rows, endings);
      const report: ImportReport = await importProducts(db, file, { dryRun: true, t: tPt });
      expect([endings, report.rows, report.imported, report.errors]).toEqual([endings, 30, 30, []]);
      expect(report.sample[19]).toEqual(['MIX-19', 'Produto 19', '29']);
    }
  });

  it("a line break inside a quoted cell stays in the cell, whatever the file's line endings", async () => {
    const file = join(dir, 'quoted-break.csv');
    writeFileSync(file, 'SKU;Título;Descrição\r\nQ-1;Caneca;"linha um\rlinha dois\nlinha três"\nQ-2;Prato;simples\r');
    const report = await importProducts(db, file, { dryRun: true, t: tPt });
    expect(report).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
    expect(report.sample[0]).toEqual(['Q-1', 'Caneca', 'linha um\rlinha dois\nlinha três']);
  });
});
