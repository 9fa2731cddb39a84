import { checkGtin } from '../ean/gtin';
import { CATALOG_PROBLEM_SEVERITY, type CatalogProblemCode } from '../ean/report';

export interface GtinFacts {
  /** The code as stored for the SKU (digits), or null. */
  readonly gtin: string | null;
  /** Amazon approved the brand without barcodes: no code is sent, so none is judged. */
  readonly exempt: boolean;
  /** Another SKU of the catalog carries the same code (any length of the same GTIN-14). */
  readonly shared: boolean;
  /** An offer on an existing ASIN needs no code of its own. */
  readonly hasAsin: boolean;
}

/**
 * Why a SKU's product code stops it from being sent: the error-severity problems of `check-ean`
 * and the EAN panel (main/ean: length, check digit, GS1 restricted-circulation and coupon
 * prefixes, all zeros…), plus the two that only the catalog shows — no code at all, and the same
 * code on another SKU (Amazon would put both on one product page, or attach this SKU to the other
 * product's ASIN). Empty when the code may go. The send engine, the readiness checks of
 * "Incluir produtos" and its product list all ask this one function, and show its codes with the
 * EAN panel's own words (`ean.problems.<code>`).
 */
export function gtinVerdict(facts: GtinFacts): CatalogProblemCode[] {
  if (facts.exempt) return [];
  const gtin = facts.gtin?.trim() ?? '';
  if (gtin === '') return facts.hasAsin ? [] : ['MISSING'];
  const check = checkGtin(gtin);
  const codes: CatalogProblemCode[] = check.problems.map((p) => p.code);
  if (facts.shared && check.gtin14 !== null) codes.push('DUPLICATE');
  return codes.filter((code) => CATALOG_PROBLEM_SEVERITY[code] === 'error');
}
