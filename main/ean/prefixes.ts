import type { ProblemCode } from './problems';

/**
 * What the GS1 prefix of a well-formed GTIN says about it. Our reading of the GS1 General
 * Specifications (prefix table, §1.4) and how it applies per length:
 *
 * - GS1 prefixes are defined on the GTIN-13 form. Every GTIN pads left with zeros to 14 digits,
 *   so we read them from the GTIN-14 form, digits 2–4 (the first digit is the GTIN-14 packaging
 *   indicator; 0 for GTIN-8/12/13). A UPC-A (GTIN-12) is therefore the GTIN-13 `0` + UPC: a UPC
 *   starting with 2 is prefix 02x and one starting with 4 is 04x, i.e. UPC number systems 2
 *   (random weight) and 4 (in-store) are exactly the GS1 ranges 020–029 and 040–049.
 * - 020–029, 040–049 and 200–299: restricted circulation (a region's variable-weight codes, a
 *   company's in-store codes). They are only unique inside the issuer, so Amazon rejects them.
 * - 977 ISSN, 978–979 ISBN ("Bookland"; 979-0 is the ISMN for printed music).
 * - 980 refund receipts, 981–984 coupons in common currency areas, 990–999 coupons; GS1 keeps the
 *   whole 980–999 block for these, none of them is a trade item.
 * - A GTIN-8 has its own GS1-8 prefixes and must not be read as a GTIN-13 (padded it would look like
 *   prefix 000, a GS1 US range). In 14-digit form a GTIN-8 is six zeros + 8 digits, and GS1 never
 *   allocates GTIN-13 company prefixes starting 00000 for that reason, so six leading zeros means
 *   "GTIN-8". GS1-8 prefixes 100–139 and 300–969 are allocated; a GTIN-8 starting with 0 or 2 is a
 *   restricted-circulation number (RCN-8, formerly "velocity code"); anything else is unallocated.
 * - GTIN-14 indicator 9 marks a variable-measure trade item (sold by weight or length).
 */
export type PrefixKind = 'ISBN' | 'ISSN' | null;

function within(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}

function gtin8Problems(gtin8: string): ProblemCode[] {
  if (gtin8.startsWith('0') || gtin8.startsWith('2')) return ['RESTRICTED_CIRCULATION'];
  const prefix = Number(gtin8.slice(0, 3));
  return within(prefix, 100, 139) || within(prefix, 300, 969) ? [] : ['UNASSIGNED_PREFIX'];
}

/** GTIN-13-form prefix of a GTIN-14 (3 digits, as a number). */
function gs1Prefix(gtin14: string): number {
  return Number(gtin14.slice(1, 4));
}

/** True when a 14-digit form is a padded GTIN-8 (see the note above). */
export function isGtin8Form(gtin14: string): boolean {
  return gtin14.startsWith('000000');
}

/** Problems implied by the prefix of a well-formed GTIN-14 (length and check digit already verified). */
export function prefixProblems(gtin14: string): ProblemCode[] {
  if (isGtin8Form(gtin14)) return gtin8Problems(gtin14.slice(6));
  const out: ProblemCode[] = [];
  if (gtin14.startsWith('9')) out.push('VARIABLE_MEASURE');
  const prefix = gs1Prefix(gtin14);
  if (within(prefix, 20, 29) || within(prefix, 40, 49) || within(prefix, 200, 299)) out.push('RESTRICTED_CIRCULATION');
  else if (prefix >= 980) out.push('COUPON');
  else if (prefix === 977) out.push('ISSN');
  else if (prefix === 979 && gtin14[4] === '0') out.push('ISMN');
  else if (prefix === 978 || prefix === 979) out.push('ISBN');
  return out;
}

/**
 * Book and serial numbers are EAN-13s; we name them so the seller sees "ISBN" rather than a
 * generic GTIN-13. A GTIN-14 with a packaging indicator is a case of books, still a GTIN-14.
 */
export function prefixKind(gtin14: string): PrefixKind {
  if (!gtin14.startsWith('0') || isGtin8Form(gtin14)) return null;
  const prefix = gs1Prefix(gtin14);
  if (prefix === 977) return 'ISSN';
  if (prefix === 978 || prefix === 979) return 'ISBN';
  return null;
}
