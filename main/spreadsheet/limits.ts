import { AppError } from '../errors';

/**
 * What one spreadsheet may make Vitrine read. A small file can inflate a thousand-fold (an xlsx
 * is a zip) or hold millions of empty rows, and the import keeps the catalog's write lock while
 * it reads; past these limits the file is refused before or while it is read, with a message that
 * names the limit, and nothing is written.
 *
 * Measured on the benchmark's 100,000-row catalog (12 columns, bench/lib/catalog-sheet.ts): a
 * 7 MB file whose worksheet inflates to 46 MB and shared strings to 9.6 MB (about 300,000 of
 * them), 1.2 million cells, longest cell 66 characters. Every limit is at least ten times that
 * file's figure; the cell limit is 32 times Excel's own 32,767 characters per cell.
 */
export interface SheetLimits {
  /** Bytes the parts Vitrine reads (worksheet, shared strings, styles, workbook) may inflate to, together; for CSV, the file's size. */
  readonly inflatedBytes: number;
  /** Bytes one of the small parts (styles, workbook, relationships) may inflate to: they are read whole. */
  readonly smallPartBytes: number;
  /** Rows in the sheet, blank ones included (each costs time even when skipped). */
  readonly rows: number;
  /** Cells in the sheet, counted up to each row's last cell. */
  readonly cells: number;
  /** Entries in the shared-string table. */
  readonly sharedStrings: number;
  /** Characters in one cell (in an xlsx, any run of XML text between two tags). */
  readonly cellChars: number;
  /** Parts in the zip (an Excel workbook has a few dozen, a few hundred with many pictures). */
  readonly zipEntries: number;
  /** XML elements open at once (a spreadsheet part nests about ten deep). */
  readonly xmlDepth: number;
}

export const SHEET_LIMITS: SheetLimits = {
  inflatedBytes: 640 * 1024 * 1024,
  smallPartBytes: 64 * 1024 * 1024,
  rows: 1_000_000,
  cells: 12_000_000,
  sharedStrings: 4_000_000,
  cellChars: 1024 * 1024,
  zipEntries: 10_000,
  xmlDepth: 256,
};

export type SheetLimit = 'inflatedBytes' | 'rows' | 'cells' | 'sharedStrings' | 'cellChars';

const CODES: Readonly<Record<SheetLimit, string>> = {
  inflatedBytes: 'SPREADSHEET_TOO_LARGE',
  rows: 'SPREADSHEET_TOO_MANY_ROWS',
  cells: 'SPREADSHEET_TOO_MANY_CELLS',
  sharedStrings: 'SPREADSHEET_TOO_MANY_TEXTS',
  cellChars: 'SPREADSHEET_CELL_TOO_LONG',
};

/** The file-level error for a limit; `maxMb` is given for byte limits, which the message states in MB. */
export function limitError(file: string, limit: SheetLimit, limits: SheetLimits = SHEET_LIMITS, cause?: string): AppError {
  const max = limits[limit];
  return new AppError(CODES[limit], { file, max, maxMb: Math.floor(max / (1024 * 1024)) }, cause ? { cause } : undefined);
}

export function isSheetLimit(value: unknown): value is SheetLimit {
  return typeof value === 'string' && value in CODES;
}
