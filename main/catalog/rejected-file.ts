import { createSheetWriter, formatFromPath } from '../spreadsheet/write-rows';
import type { RowIssue } from './row-mapper';

export interface RejectedRow {
  readonly cells: readonly string[];
  readonly issues: readonly RowIssue[];
}

/**
 * The rows an import refused, as the seller sent them plus an "errors" column, so they can fix
 * the cells and import just this file again (the header row is kept for that).
 */
export async function writeRejectedFile(
  file: string,
  headers: readonly string[],
  rows: readonly RejectedRow[],
  message: (issue: RowIssue) => string,
  errorsHeader: string,
): Promise<void> {
  const format = formatFromPath(file);
  const writer = createSheetWriter(file, format, { sheetName: errorsHeader, csv: { delimiter: ';', decimalComma: false } });
  await writer.write([...headers, errorsHeader]);
  for (const row of rows) {
    const cells = headers.map((_, i) => row.cells[i] ?? '');
    await writer.write([...cells, row.issues.map(message).join('\n')]);
  }
  await writer.close();
}
