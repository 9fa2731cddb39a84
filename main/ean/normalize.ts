import { expandUpcE, hasValidCheckDigit, isValidIsbn10, isbn10ToIsbn13 } from './check-digit';
import { problem, type GtinProblem, type ProblemCode } from './problems';

/**
 * The digits to validate, after undoing what spreadsheets and people do to codes, or `null` when
 * nothing trustworthy is left. Every change is reported, so the seller can compare with the package.
 */
export interface NormalizedGtin {
  readonly digits: string | null;
  readonly problems: readonly GtinProblem[];
}

/** Zero-width characters and BOMs that survive copy-paste from web pages and CSV files. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Separators people type inside codes: spaces (incl. no-break), hyphens and dashes, dots. */
const SEPARATORS = /[\s\u00A0\u202F\-\u2010-\u2015.]/g;
/** `7.89123E+12`, `7,89123E+12` (comma locales): Excel's display of a long number. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** `7891234567895.0` / `…,00`: a code exported as a decimal number; the integer part is exact. */
const DECIMAL_ARTIFACT = /^(\d{8,14})[.,]0{1,2}$/;

/** Lengths whose lost leading zeros we restore: a UPC-A stored as a number loses 1–3 zeros. */
const RECOVERABLE_LENGTHS = new Set([9, 10, 11]);

function fromNumber(value: number): { text: string | null; code?: ProblemCode } {
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) return { text: null, code: 'NOT_DIGITS' };
  // Above 2^53 the number is no longer exact; it is also longer than any GTIN.
  if (!Number.isSafeInteger(value)) return { text: null, code: 'LENGTH' };
  return { text: String(value) };
}

/**
 * Spreadsheet text markers: a leading apostrophe (Excel's "store as text") and the `="0789…"`
 * formula trick CSV exporters use to keep leading zeros.
 */
function stripTextMarkers(text: string): string {
  return text.replace(/^=?"(.*)"$/, '$1').replace(/^'/, '');
}

/**
 * An 8-digit code starting with 0 or 1 may be a UPC-E rather than a GTIN-8. We read it as UPC-E
 * when its check digit holds for the expanded UPC-A and either it starts with 0 (as a GTIN-8 that
 * would be an in-store RCN-8, never a retail code) or it fails as a GTIN-8. Seven digits are a
 * UPC-E that lost its leading 0 in a numeric cell.
 */
function upcEExpansion(digits: string): string | null {
  const candidate = digits.length === 7 ? `0${digits}` : digits;
  const upcA = expandUpcE(candidate);
  if (upcA === null || !hasValidCheckDigit(upcA)) return null;
  return candidate.startsWith('0') || !hasValidCheckDigit(candidate) ? upcA : null;
}

/** 12 to 14 plain digits: nothing below would change them (UPC-E, ISBN-10 and zero recovery are 7–11 digits). */
const PLAIN_LONG_CODE = /^\d{12,14}$/;

export function normalizeGtin(raw: string | number): NormalizedGtin {
  if (typeof raw === 'string' && PLAIN_LONG_CODE.test(raw)) return { digits: raw, problems: [] };
  const problems: GtinProblem[] = [];
  const add = (code: ProblemCode) => {
    if (!problems.some((p) => p.code === code)) problems.push(problem(code));
  };

  let text: string;
  if (typeof raw === 'number') {
    const converted = fromNumber(raw);
    if (converted.text === null) {
      add(converted.code ?? 'NOT_DIGITS');
      return { digits: null, problems };
    }
    text = converted.text;
  } else {
    // NFKC folds full-width digits (common from Asian suppliers' sheets) into ASCII digits.
    text = raw.normalize('NFKC').replace(INVISIBLE, '').trim();
  }
  if (text === '') {
    add('EMPTY');
    return { digits: null, problems };
  }

  const unmarked = stripTextMarkers(text).trim();
  if (unmarked !== text) add('FORMATTING_REMOVED');
  if (SCIENTIFIC.test(unmarked)) {
    // Digits were rounded away before we saw them; never guess them back.
    add('SCIENTIFIC_NOTATION');
    return { digits: null, problems };
  }
  const decimal = DECIMAL_ARTIFACT.exec(unmarked);
  let digits = decimal?.[1] ?? unmarked.replace(SEPARATORS, '');
  if (digits !== unmarked) add('FORMATTING_REMOVED');
  if (digits === '') {
    add('EMPTY');
    return { digits: null, problems };
  }

  // An ISBN-10 (possibly ending in X) is preferred over a UPC with lost zeros: a 10-digit code that
  // passes mod 11 is far more likely a book than a UPC beginning with two zeros.
  const upper = digits.toUpperCase();
  if (isValidIsbn10(upper)) {
    add('ISBN10_CONVERTED');
    return { digits: isbn10ToIsbn13(upper), problems };
  }
  if (!/^\d+$/.test(digits)) {
    add('NOT_DIGITS');
    return { digits: null, problems };
  }
  const upcA = upcEExpansion(digits);
  if (upcA !== null) {
    if (digits.length === 7) add('LEADING_ZEROS_RECOVERED');
    add('UPC_E_EXPANDED');
    return { digits: upcA, problems };
  }
  if (RECOVERABLE_LENGTHS.has(digits.length)) {
    const padded = digits.padStart(12, '0');
    // Zero padding leaves the mod-10 sum unchanged, so this accepts exactly the codes that were
    // valid before the zeros were dropped; a failing code is left as is and reported as LENGTH.
    if (hasValidCheckDigit(padded)) {
      add('LEADING_ZEROS_RECOVERED');
      digits = padded;
    }
  }
  return { digits, problems };
}
