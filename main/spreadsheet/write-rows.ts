import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { neutralizeFormulaText } from './formula-text';

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

function csvField(value: OutCell, options: CsvOptions): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (options.decimalComma ? String(value).replace('.', ',') : String(value)) : neutralizeFormulaText(value);
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
      sheet.addRow(values.map((v) => (typeof v === 'string' ? neutralizeFormulaText(v) : v))).commit();
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
