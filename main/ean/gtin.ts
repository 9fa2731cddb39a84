import { computeCheckDigit, hasValidCheckDigit } from './check-digit';
import { normalizeGtin } from './normalize';
import { prefixKind, prefixProblems } from './prefixes';
import { hasError, problem, type GtinProblem, type ProblemCode } from './problems';

export { computeCheckDigit, hasValidCheckDigit } from './check-digit';
export { normalizeGtin, type NormalizedGtin } from './normalize';
export { PROBLEM_CODES, PROBLEM_SEVERITY, type GtinProblem, type ProblemCode, type Severity } from './problems';

export type GtinKind = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14' | 'ISBN' | 'ISSN';

export interface GtinCheck {
  /** What the seller gave us, as text (a number is printed without any change). */
  readonly input: string;
  /** True when Amazon should accept the code: no problem of severity `error`. */
  readonly valid: boolean;
  /**
   * The 14-digit form, whenever the digits form a well-formed GTIN (right length, right check
   * digit) — even a restricted or coupon one, so duplicates can still be found. `null` otherwise.
   */
  readonly gtin14: string | null;
  /** The kind by the length given (after recovery); ISBN/ISSN by prefix. `null` for a bad length. */
  readonly kind: GtinKind | null;
  readonly problems: readonly GtinProblem[];
}

const KIND_BY_LENGTH: ReadonlyMap<number, GtinKind> = new Map<number, GtinKind>([
  [8, 'GTIN-8'],
  [12, 'GTIN-12'],
  [13, 'GTIN-13'],
  [14, 'GTIN-14'],
]);

/** True for a string of 8, 12, 13 or 14 digits with a correct check digit. */
export function isWellFormedGtin(digits: string): boolean {
  return /^\d+$/.test(digits) && KIND_BY_LENGTH.has(digits.length) && hasValidCheckDigit(digits);
}

/** The 14-digit form of a well-formed GTIN; throws on anything else (a caller bug, not seller input). */
export function toGtin14(gtin: string): string {
  if (!isWellFormedGtin(gtin)) throw new RangeError(`not a well-formed GTIN: "${gtin}"`);
  return gtin.padStart(14, '0');
}

/** Appends the check digit to a GTIN body (7, 11, 12 or 13 digits). */
export function withCheckDigit(body: string): string {
  return `${body}${computeCheckDigit(body)}`;
}

/**
 * Everything Vitrine knows about one EAN/UPC/GTIN/ISBN as typed or imported: normalization
 * (separators, lost zeros, ISBN-10), length, check digit and GS1 prefix rules.
 */
function finish(input: string, problems: readonly GtinProblem[], gtin14: string | null, kind: GtinKind | null, extra: readonly ProblemCode[] = []): GtinCheck {
  const all = extra.length ? [...problems, ...extra.map(problem)] : [...problems];
  return { input, valid: !hasError(all), gtin14, kind, problems: all };
}

export function checkGtin(input: string | number): GtinCheck {
  const text = typeof input === 'number' ? String(input) : input;
  const { digits, problems } = normalizeGtin(input);
  if (digits === null) return finish(text, problems, null, null);
  const lengthKind = KIND_BY_LENGTH.get(digits.length);
  if (lengthKind === undefined) return finish(text, problems, null, null, ['LENGTH']);
  if (!hasValidCheckDigit(digits)) return finish(text, problems, null, lengthKind, ['CHECK_DIGIT']);
  // Zeros pass the check digit, but they are a spreadsheet's placeholder, not a code: no GTIN-14,
  // so a catalog full of them reads as missing codes rather than one giant duplicate.
  if (/^0+$/.test(digits)) return finish(text, problems, null, lengthKind, ['ALL_ZEROS']);

  const gtin14 = digits.padStart(14, '0');
  const kind = prefixKind(gtin14) ?? lengthKind;
  return finish(text, problems, gtin14, kind, prefixProblems(gtin14));
}
