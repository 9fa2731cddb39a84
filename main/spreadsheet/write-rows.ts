import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

export type SheetFileFormat = 'xlsx' | 'csv';
export type OutCell = string | number | null;

export interface SheetWriter {
  write(values: readonly OutCell[]): Promise<void>;
  /** Flushes and closes the file; the file is complete only after this resolves. */
  close(): Promise<void>;
}

export interface CsvOptions {
  readonly delimiter: string;
  /** Brazilian Excel reads "19,90" as a number and "19.90" as text or a date. */
  readonly decimalComma: boolean;
}

/**
 * Text a spreadsheet would run as a formula (= + - @, or a leading tab / carriage return some
 * importers strip first). CSV has no text type, so such a cell gets a leading apostrophe (the
 * OWASP CSV-injection defence); the CSV reader removes it again, so exports re-import unchanged.
 * xlsx needs none of this: its string cells are never evaluated.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** "-3", "+5", "-1.234,56": a spreadsheet reads them as the number they are, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;

/** Whether a text cell needs the apostrophe: formula-like, and not simply a signed number. */
export function formulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

function csvField(value: OutCell, options: CsvOptions): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (options.decimalComma ? String(value).replace('.', ',') : String(value)) : formulaLike(value) ? `'${value}` : value;
  const needsQuotes = text.includes(options.delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeChunk(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function csvWriter(file: string, options: CsvOptions): SheetWriter {
  const stream = createWriteStream(file);
  const failed = once(stream, 'error').then(([err]) => Promise.reject(err as Error));
  failed.catch(() => undefined);
  // A UTF-8 BOM is what makes Excel on Windows read accents in a CSV correctly.
  let pending: Promise<void> = writeChunk(stream, '\uFEFF');
  return {
    async write(values) {
      await pending;
      pending = writeChunk(stream, `${values.map((v) => csvField(v, options)).join(options.delimiter)}\r\n`);
      await Promise.race([pending, failed]);
    },
    async close() {
      await pending;
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  };
}

function xlsxWriter(file: string, sheetName: string): SheetWriter {
  // Inline strings and no styles keep memory flat: shared strings would be held until commit.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    async write(values) {
      sheet.addRow(values as OutCell[]).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function createSheetWriter(file: string, format: SheetFileFormat, options: { sheetName: string; csv: CsvOptions }): SheetWriter {
  return format === 'xlsx' ? xlsxWriter(file, options.sheetName) : csvWriter(file, options.csv);
}

export function formatFromPath(file: string): SheetFileFormat {
  return /\.csv$|\.txt$/i.test(file) ? 'csv' : 'xlsx';
}
