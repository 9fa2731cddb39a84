/**
 * Formula injection, one rule for every file Vitrine writes (products, templates, rejected rows,
 * orders; xlsx and CSV alike). Text a spreadsheet could run as a formula — it begins with = + - @,
 * or with a tab or carriage return that some programs strip first — is written with a leading
 * apostrophe (the OWASP CSV-injection defence). An xlsx text cell is not evaluated when the file
 * opens, but it becomes a formula as soon as the seller edits it, or when another program turns
 * the sheet into CSV, so xlsx gets the apostrophe too. A plain signed number ("-5", "+3",
 * "-1.234,56") is a number to every spreadsheet, never a formula, and stays as it is.
 *
 * Vitrine's readers remove the apostrophe again (`restoreFormulaText`), so its own files import
 * back unchanged. Text that already begins with apostrophes before formula-like text gets one
 * more, so the two functions are exact inverses.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;
const QUOTE = 0x27;

/** Whether text could run as a formula: formula-like, and not simply a signed number. */
export function formulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

function escapedFormula(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === QUOTE) i += 1;
  return formulaLike(i === 0 ? text : text.slice(i));
}

/** The text as it is written to a file. */
export function neutralizeFormulaText(text: string): string {
  return escapedFormula(text) ? `'${text}` : text;
}

/** The text as it was before `neutralizeFormulaText`: one leading apostrophe before formula-like text removed. */
export function restoreFormulaText(text: string): string {
  return text.charCodeAt(0) === QUOTE && escapedFormula(text.slice(1)) ? text.slice(1) : text;
}
