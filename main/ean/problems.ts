/**
 * Problem codes reported for one EAN/GTIN. The severity says what Amazon will do with the code:
 * `error` — Amazon rejects it (or the digits cannot be trusted), the listing must not be sent;
 * `warning` — usable, but Vitrine changed or reinterpreted what the seller typed, so they should confirm;
 * `info` — nothing to fix, just what kind of code it is.
 */
export type Severity = 'error' | 'warning' | 'info';

export const PROBLEM_SEVERITY = {
  EMPTY: 'error',
  NOT_DIGITS: 'error',
  /** Excel/LibreOffice turned the code into e.g. `7.89123E+12`: the trailing digits are gone. */
  SCIENTIFIC_NOTATION: 'error',
  LENGTH: 'error',
  CHECK_DIGIT: 'error',
  /** All zeros: a spreadsheet placeholder; it passes the check digit but identifies nothing. */
  ALL_ZEROS: 'error',
  /** GS1 restricted-circulation numbers (in-store / variable weight): not valid outside the issuer. */
  RESTRICTED_CIRCULATION: 'error',
  /** GS1 coupon and refund-receipt numbers: not trade items. */
  COUPON: 'error',
  /** A GTIN-8 whose GS1-8 prefix GS1 does not allocate (only 100–139 and 300–969 are). */
  UNASSIGNED_PREFIX: 'warning',
  /** GTIN-14 indicator 9: a variable-measure trade item (sold by weight), rarely listable. */
  VARIABLE_MEASURE: 'warning',
  /** Leading zeros lost in a spreadsheet were put back; the seller should compare with the package. */
  LEADING_ZEROS_RECOVERED: 'warning',
  /** An 8-digit UPC-E (zero-suppressed, small packages in North America) was expanded to its UPC-A. */
  UPC_E_EXPANDED: 'warning',
  /** A 10-digit ISBN was converted to its ISBN-13 (978…) form, which is what Amazon expects. */
  ISBN10_CONVERTED: 'warning',
  /** Spaces, hyphens, dots or a spreadsheet text marker were removed. */
  FORMATTING_REMOVED: 'info',
  ISBN: 'info',
  /** 979-0: International Standard Music Number (printed music). */
  ISMN: 'info',
  /** 977: serial publications (magazines). */
  ISSN: 'info',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

export interface GtinProblem {
  readonly code: ProblemCode;
  readonly severity: Severity;
}

export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as ProblemCode[];

export function problem(code: ProblemCode): GtinProblem {
  return { code, severity: PROBLEM_SEVERITY[code] };
}

export function hasError(problems: readonly GtinProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
