import { SheetError, type Cell } from '../spreadsheet/cell';
import { checkGtin, normalizeGtin, type GtinKind } from '../ean/gtin';
import type { GtinStatus } from '../db/tables/skus';

/**
 * A cell that cannot become the field's value. Thrown (not returned) so the happy path of a
 * 100k-row import allocates nothing; the row mapper catches it per field.
 */
export class FieldProblem extends Error {
  override name = 'FieldProblem';
  constructor(
    readonly code: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
  }
}

function rejectSpecial(cell: Cell): asserts cell is Exclude<Cell, SheetError> {
  if (cell instanceof SheetError) throw new FieldProblem(cell.text === '#NO_VALUE' ? 'FORMULA_WITHOUT_VALUE' : 'CELL_ERROR', { value: cell.text });
}

/** Leading/trailing blanks, doubled blanks, any blank other than a plain space, or a control character. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MESSY_SPACE = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\x00-\x08\x0e-\x1f\x7f]/;

/**
 * C0 controls other than the blanks (tab, line breaks, VT, FF) and DEL. Never product text: an
 * ERP's binary garbage or a terminal escape. Amazon refuses them much later and less clearly, and
 * silently dropping one could merge two SKUs, so the field is refused here.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function rejectControl(text: string): void {
  const found = CONTROL.exec(text);
  if (found) throw new FieldProblem('CONTROL_CHARACTER', { char: codePoint(found[0]) });
}

/** Single-line text: trimmed, no-break spaces and runs of spaces collapsed. Empty → null. */
export function lineText(cell: Cell, max: number): string | null {
  rejectSpecial(cell);
  if (cell === null) return null;
  const raw = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  // Most cells are already clean; test before building a new string.
  if (raw.length <= max && raw.length > 0 && !MESSY_SPACE.test(raw)) return raw;
  if (raw.length > max * 4) throw new FieldProblem('TOO_LONG', { max, length: raw.length });
  rejectControl(raw);
  const text = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (text.length > max) throw new FieldProblem('TOO_LONG', { max, length: text.length });
  return text === '' ? null : text;
}

/** Multi-line text (descriptions): line breaks kept, outer blanks trimmed. */
export function longText(cell: Cell, max: number): string | null {
  rejectSpecial(cell);
  if (cell === null) return null;
  const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).replace(/\r\n?/g, '\n').trim();
  if (text.length > max) throw new FieldProblem('TOO_LONG', { max, length: text.length });
  rejectControl(text);
  return text === '' ? null : text;
}

/** A code of printable ASCII without spaces: nearly every SKU, accepted as it is. */
const PLAIN_CODE = /^[!-~]+$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_C1 = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/;
/**
 * Characters that show nothing (zero-width space and joiners, the BOM, soft hyphen, bidi
 * controls, variation selectors, tags…) and halves of broken surrogate pairs.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cs}]/u;

/**
 * A name that identifies something: a SKU, a parent SKU, a kit component, a characteristic or a
 * category. Two that look the same must be the same, or a look-alike would become a second SKU
 * (and a second Amazon offer). So it is trimmed and its blanks collapsed, put in Unicode NFC (an
 * "ã" typed as "a" plus a combining tilde is the same "ã"), and refused with the character's code
 * and position when it holds a control or an invisible character, which cannot be normalized
 * away without guessing. Empty → null.
 */
export function identifier(raw: string, max: number): string | null {
  if (raw.length <= max && PLAIN_CODE.test(raw)) return raw;
  const control = CONTROL_OR_C1.exec(raw);
  if (control) throw new FieldProblem('CONTROL_CHARACTER', { char: codePoint(control[0]) });
  const invisible = INVISIBLE.exec(raw);
  if (invisible) throw new FieldProblem('INVISIBLE_CHARACTER', { char: codePoint(invisible[0]), position: [...raw.slice(0, invisible.index)].length + 1 });
  if (raw.length > max * 4) throw new FieldProblem('TOO_LONG', { max, length: raw.length });
  const text = raw
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .normalize('NFC');
  if (text.length > max) throw new FieldProblem('TOO_LONG', { max, length: text.length });
  return text === '' ? null : text;
}

/**
 * An identifier in a cell. A date here means Excel converted the code ("3-10" → 10 March), which
 * cannot be undone reliably, so it is rejected rather than guessed.
 */
export function codeText(cell: Cell, max: number): string | null {
  rejectSpecial(cell);
  if (cell === null) return null;
  if (cell instanceof Date) throw new FieldProblem('UNEXPECTED_DATE');
  if (typeof cell === 'number' && !Number.isSafeInteger(cell) && Number.isInteger(cell)) throw new FieldProblem('NUMBER_PRECISION_LOST');
  return identifier(String(cell), max);
}

const PLAIN_DECIMAL = /^(\d{1,15})[.,](\d{1,2})$/;
const CURRENCY = /^(?:R\$|US\$|CA\$|MX\$|\$|€|£|BRL|USD|CAD|MXN|EUR|GBP)|(?:R\$|\$|€|£|BRL|USD|CAD|MXN|EUR|GBP)$/gi;

/**
 * Reads "1.234,56", "1,234.56", "R$ 19,90", "1 234,5". With both separators the last one is the
 * decimal mark. With a single separator followed by exactly three digits the meaning is
 * ambiguous ("1.234"): money and counts read it as thousands, weights and sizes as decimals
 * ("1,250" kg is 1.25 kg far more often than 1250 kg).
 */
export function decimalFromText(input: string, threeDigits: 'thousands' | 'decimal'): number {
  if (/^\d{1,15}$/.test(input)) return Number(input);
  // "19,90", "0.5": one mark followed by one or two digits can only be the decimal mark.
  const plain = PLAIN_DECIMAL.exec(input);
  if (plain) return Number(`${plain[1]}.${plain[2]}`);
  const text = input.replace(/[\s\u00a0']/g, '').replace(CURRENCY, '');
  if (!/^[+-]?(?:\d|[.,]\d)[\d.,]*$/.test(text)) throw new FieldProblem('NOT_A_NUMBER', { value: input.slice(0, 40) });
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = text.split(mark);
    const intPart = (parts[0] ?? '').replace(/^[+-]/, '');
    const fraction = parts[1] ?? '';
    if (parts.length > 2) decimalMark = null;
    else if (fraction.length === 3 && intPart !== '' && intPart !== '0' && threeDigits === 'thousands') decimalMark = null;
    else decimalMark = mark;
  }
  const cut = decimalMark === null ? text.length : text.lastIndexOf(decimalMark);
  const intRaw = text.slice(0, cut);
  const fraction = text.slice(cut + 1);
  if (decimalMark !== null && intRaw.includes(decimalMark)) throw new FieldProblem('NOT_A_NUMBER', { value: input.slice(0, 40) });
  const value = Number(`${intRaw.replace(/[.,]/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) throw new FieldProblem('NOT_A_NUMBER', { value: input.slice(0, 40) });
  return value;
}

function numberOf(cell: Cell, threeDigits: 'thousands' | 'decimal'): number | null {
  rejectSpecial(cell);
  if (cell === null) return null;
  if (cell instanceof Date) throw new FieldProblem('UNEXPECTED_DATE');
  if (typeof cell === 'boolean') throw new FieldProblem('NOT_A_NUMBER', { value: String(cell) });
  if (typeof cell === 'number') return cell;
  const text = cell.trim();
  return text === '' ? null : decimalFromText(text, threeDigits);
}

/** Money as integer cents. Negative prices are rejected; a zero price is the seller's choice. */
export function cents(cell: Cell): number | null {
  const value = numberOf(cell, 'thousands');
  if (value === null) return null;
  if (value < 0) throw new FieldProblem('NEGATIVE');
  const result = Math.round(value * 100);
  if (!Number.isSafeInteger(result)) throw new FieldProblem('NOT_A_NUMBER', { value: String(value) });
  return result;
}

export function count(cell: Cell): number | null {
  const value = numberOf(cell, 'thousands');
  if (value === null) return null;
  if (value < 0) throw new FieldProblem('NEGATIVE');
  // Spreadsheets store 5 as 4.9999999999 after arithmetic; anything further off is a real fraction.
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) > 1e-6 || !Number.isSafeInteger(rounded)) throw new FieldProblem('NOT_AN_INTEGER', { value: String(value) });
  return rounded;
}

/** A weight or size scaled to integer units (kg → g is ×1000, cm → mm is ×10). */
export function measure(cell: Cell, scale: number): number | null {
  const value = numberOf(cell, 'decimal');
  if (value === null) return null;
  if (value < 0) throw new FieldProblem('NEGATIVE');
  const scaled = Math.round(value * scale);
  // The database keeps whole grams and millimetres: a number past what it holds exactly is no measure.
  if (!Number.isSafeInteger(scaled)) throw new FieldProblem('NUMBER_TOO_LARGE', { value: String(value).slice(0, 40) });
  return scaled;
}

const TRUE_WORDS = new Set(['1', 'sim', 's', 'yes', 'y', 'true', 'verdadeiro', 'x', 'ativo', 'active', 'si', 'sí', 'activo', 'v', 'ja', 'j', 'aktiv', 'sant']);
const FALSE_WORDS = new Set(['0', 'nao', 'não', 'n', 'no', 'false', 'falso', 'inativo', 'inactive', 'inactivo', 'f', 'nej', 'inaktiv', 'falskt']);

export function flag(cell: Cell): boolean | null {
  rejectSpecial(cell);
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return cell === 1;
  const word = String(cell).trim().toLowerCase();
  if (word === '') return null;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new FieldProblem('NOT_A_BOOLEAN', { value: word.slice(0, 40) });
}

/** ISBN and ISSN codes are always in their 13-digit (978/979/977) form. */
const KIND_LENGTH: Readonly<Record<GtinKind, number>> = { 'GTIN-8': 8, 'GTIN-12': 12, 'GTIN-13': 13, 'GTIN-14': 14, ISBN: 13, ISSN: 13 };

export interface GtinValue {
  readonly gtin: string;
  readonly status: GtinStatus;
}

/**
 * The EAN column, through the EAN module's normalization. Codes whose digits are gone
 * (`7.89123E+12`) or that are not digits are rejected; a wrong check digit or length is kept
 * as `invalid`, so the product still imports and the EAN screen can show what to fix.
 */
export function gtinValue(cell: Cell): GtinValue | null {
  rejectSpecial(cell);
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  if (cell instanceof Date) throw new FieldProblem('UNEXPECTED_DATE');
  if (typeof cell === 'boolean') throw new FieldProblem('GTIN_NOT_DIGITS', { value: String(cell) });
  // The common case in one pass: a well-formed code; its digits are the GTIN-14 minus padding.
  const check = checkGtin(cell);
  if (check.gtin14 !== null && check.kind !== null) {
    return { gtin: check.gtin14.slice(14 - KIND_LENGTH[check.kind]), status: check.valid ? 'valid' : 'invalid' };
  }
  const normalized = normalizeGtin(cell);
  const codes = normalized.problems.map((p) => p.code);
  if (codes.includes('SCIENTIFIC_NOTATION')) throw new FieldProblem('GTIN_SCIENTIFIC', { value: String(cell).slice(0, 40) });
  if (normalized.digits === null) throw new FieldProblem('GTIN_NOT_DIGITS', { value: String(cell).slice(0, 40) });
  if (normalized.digits.length > 14) throw new FieldProblem('GTIN_NOT_DIGITS', { value: normalized.digits.slice(0, 40) });
  return { gtin: normalized.digits, status: 'invalid' };
}
