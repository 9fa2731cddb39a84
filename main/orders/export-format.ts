/**
 * Cell values for spreadsheets the seller opens in Excel or LibreOffice.
 */

import { neutralizeFormulaText } from '../spreadsheet/formula-text';

/**
 * Buyer names come from strangers: "=HYPERLINK(…)" must stay text. Every export follows the one
 * rule of spreadsheet/formula-text.ts (a leading apostrophe; plain signed numbers stay as they are).
 */
export const neutralizeFormula = neutralizeFormulaText;

/** Excel number formats per currency (symbol placement as sellers in each market expect). */
const CURRENCY_FORMATS: Readonly<Record<string, string>> = {
  BRL: '"R$" #,##0.00',
  USD: '"$"#,##0.00',
  CAD: '"CA$"#,##0.00',
  MXN: '"MX$"#,##0.00',
  GBP: '"£"#,##0.00',
  EUR: '#,##0.00 "€"',
  JPY: '"¥"#,##0',
};

export function currencyFormat(currency: string | null): string {
  if (!currency) return '#,##0.00';
  return CURRENCY_FORMATS[currency] ?? `#,##0.00 "${currency.replace(/"/g, '')}"`;
}

/**
 * Excel dates carry no time zone and exceljs writes a Date's UTC fields. Shifting by the local
 * offset makes the cell show the seller's wall-clock time, which is what they compare with.
 */
export function excelLocalDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/**
 * One CSV field: quoted when it holds the delimiter, a quote or a line break (RFC 4180). `raw`
 * marks text Vitrine formatted itself (a negative amount), which must not get the apostrophe.
 */
export function csvField(value: string | number | null, delimiter: string, raw = false): string {
  if (value === null) return '';
  const text = typeof value === 'number' || raw ? String(value) : neutralizeFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Local wall-clock time as "2026-11-20 09:30:00" (CSV has no date type). */
export function csvDate(iso: string | null): string {
  const d = excelLocalDate(iso);
  return d ? d.toISOString().slice(0, 19).replace('T', ' ') : '';
}

/** Money for CSV with the locale's decimal mark (Brazilian Excel reads "89,90"). */
export function csvMoney(cents: number | null, decimalMark: string): string {
  if (cents === null) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}${decimalMark}${String(abs % 100).padStart(2, '0')}`;
}

/**
 * An NF-e access key for CSV, in the DANFE's groups of four digits ("3526 1111 …"): Excel reads a
 * bare 44-digit field as a number and keeps 15 significant digits, destroying the key; the
 * grouped form stays text and is how the seller sees the key printed on the DANFE.
 */
export function csvAccessKey(digits: string): string {
  return /^\d{44}$/.test(digits) ? (digits.match(/\d{4}/g) ?? []).join(' ') : digits;
}
