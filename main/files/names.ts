import { basename, dirname, extname, join } from 'node:path';

export type SheetFormat = 'xlsx' | 'csv';

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.csv']);
const MAX_NAME = 120;

/** Only spreadsheets go through the Open dialog's door (its filter can be switched off by the seller). */
export function isSpreadsheetPath(path: string): boolean {
  return SPREADSHEET_EXTENSIONS.has(extname(path).toLowerCase());
}

/**
 * The Save dialog may return a name without an extension (Linux dialogs do): add the format's.
 * A name the seller ended in .xlsx or .csv keeps it, and the file is written in that format.
 */
export function withSpreadsheetExtension(path: string, format: SheetFormat): string {
  return isSpreadsheetPath(path) ? path : `${path}.${format}`;
}

/** The format a spreadsheet path is written in (its extension; anything but .csv is xlsx). */
export function formatOf(path: string): SheetFormat {
  return extname(path).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
}

/**
 * A name the renderer suggests for the Save dialog, reduced to a plain file name: no folders,
 * no characters Windows refuses, no control characters; the format's extension at the end.
 */
export function safeFileName(suggested: string, format: SheetFormat, fallback: string): string {
  const plain = basename(suggested.replaceAll('\\', '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '')
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '')
    .slice(0, MAX_NAME);
  const name = plain === '' ? fallback : plain;
  return withSpreadsheetExtension(name, format);
}

/** `/a/b/produtos.csv` → `/a/b/produtos-erros.csv`: same folder, csv stays csv, anything else xlsx. */
export function besideWithSuffix(path: string, suffix: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}-${suffix}.${formatOf(path)}`);
}
