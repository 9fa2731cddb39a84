/**
 * GS1 mod-10 check digit, shared by GTIN-8/12/13/14 (and SSCC): weights 3,1,3,1… from the digit
 * next to the check digit leftwards. Because weights count from the right, left zero padding never
 * changes the result — which is why every GTIN can be compared in its 14-digit form.
 */
export function computeCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError(`check digit body must be digits, got "${body}"`);
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i -= 1, weight = 4 - weight) {
    sum += Number(body[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the mod-10 check digit of the others. */
export function hasValidCheckDigit(code: string): boolean {
  if (!/^\d{2,}$/.test(code)) return false;
  return computeCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** ISBN-10 (mod 11, weights 10…1, `X` = 10 only as the check character). */
export function isValidIsbn10(code: string): boolean {
  if (!/^\d{9}[\dX]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const ch = code[i] ?? '';
    sum += (10 - i) * (ch === 'X' ? 10 : Number(ch));
  }
  return sum % 11 === 0;
}

/** The ISBN-13 (978 + the first nine digits + a new mod-10 check digit) of a valid ISBN-10. */
export function isbn10ToIsbn13(isbn10: string): string {
  const body = `978${isbn10.slice(0, 9)}`;
  return `${body}${computeCheckDigit(body)}`;
}

/**
 * The UPC-A (GTIN-12) a zero-suppressed UPC-E stands for: number system (0 or 1), six digits, and
 * the UPC-A's check digit. Where the zeros go depends on the sixth digit (GS1 General
 * Specifications, UPC-E). Answers null when the shape is not UPC-E; the check digit is not verified.
 */
export function expandUpcE(upcE: string): string | null {
  const m = /^([01])(\d)(\d)(\d)(\d)(\d)(\d)(\d)$/.exec(upcE);
  if (!m) return null;
  const [, ns, d1, d2, d3, d4, d5, d6, check] = m as unknown as [string, string, string, string, string, string, string, string, string];
  let body: string;
  if (d6 === '0' || d6 === '1' || d6 === '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${ns}${body}${check}`;
}
