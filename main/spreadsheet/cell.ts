/**
 * A cell as the catalog sees it, whatever produced the file. Formulas are replaced by their
 * cached result (Excel and LibreOffice store it), rich text by its plain text, and an error value
 * (`#N/A`) or a formula nobody calculated becomes a SheetError so the row can be rejected.
 */
export type Cell = null | string | number | boolean | Date | SheetError;

export class SheetError {
  /** `#N/A`, `#REF!`… or `#NO_VALUE` when a formula has no cached result. */
  constructor(readonly text: string) {}
}

interface RichText {
  richText: readonly { text: string }[];
}

/** Converts one exceljs cell value (`row.values[i]`) into a Cell. */
export function fromExcelValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : new SheetError('#NUM!');
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? new SheetError('#VALUE!') : value;
  const v = value as Record<string, unknown>;
  if ('error' in v) return new SheetError(String(v.error));
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined) return new SheetError('#NO_VALUE');
    // exceljs parses every non-string cached result with parseFloat, so an error result (#N/A…)
    // arrives as NaN and its text is lost.
    if (typeof v.result === 'number' && Number.isNaN(v.result)) return new SheetError('#ERROR');
    return fromExcelValue(v.result);
  }
  if ('richText' in v) return (v as unknown as RichText).richText.map((r) => r.text).join('');
  if ('text' in v) return fromExcelValue(v.text);
  return null;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A row is skipped when every cell is blank (Excel leaves formatted empty rows behind). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every(isBlank);
}

/** How a cell is shown back to the seller (rejected-rows file, preview). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof SheetError) return cell.text;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
