import type { Attributes, ListingIssue } from './state-types';

/**
 * Amazon checks a listing's product id (`externally_assigned_product_identifier`) before it takes
 * the submission: the digits must be as many as the id type has and end in the right GS1 check
 * digit. The simulator does its own arithmetic rather than the app's GTIN module, so the two stay
 * independent referees. 8106 is Amazon's code for an invalid standard product id; its message
 * names the SKU, as Amazon's does.
 */
export const INVALID_PRODUCT_ID_CODE = '8106';
const ATTRIBUTE = 'externally_assigned_product_identifier';

/** Lengths each id type may have (the Listings API spells types in lower case). */
const LENGTHS: Readonly<Record<string, readonly number[]>> = {
  ean: [8, 13],
  upc: [12],
  gtin: [8, 12, 13, 14],
  jan: [8, 13],
  isbn: [10, 13],
};

/** GS1 mod-10: from the right, the digits before the check digit weigh 3, 1, 3, 1… */
function gs1CheckDigitOk(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i -= 1, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/** ISBN-10: weights 10 down to 1, the last may be X (10); the sum is a multiple of 11. */
function isbn10Ok(value: string): boolean {
  if (!/^\d{9}[\dX]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (value[i] === 'X' ? 10 : Number(value[i])) * (10 - i);
  return sum % 11 === 0;
}

/** Why `value` is not a valid id of `type`, or undefined when it is (or the type is one Amazon checks otherwise). */
function problemOf(type: string, value: string): string | undefined {
  const lengths = LENGTHS[type];
  if (!lengths) return undefined;
  const name = type.toUpperCase();
  if (type === 'isbn' && value.length === 10) return isbn10Ok(value) ? undefined : `'${value}' is not a valid ISBN-10.`;
  if (!/^\d+$/.test(value)) return `'${value}' is not a valid ${name}: it must contain digits only.`;
  if (!lengths.includes(value.length)) return `'${value}' is not a valid ${name}: it must have ${lengths.join(' or ')} digits.`;
  return gs1CheckDigitOk(value) ? undefined : `'${value}' is not a valid ${name}: the check digit is wrong.`;
}

/** An ERROR issue for each product id of the listing that Amazon would refuse. */
export function invalidProductIdIssues(sku: string, attributes: Attributes): ListingIssue[] {
  const issues: ListingIssue[] = [];
  for (const entry of attributes[ATTRIBUTE] ?? []) {
    const { type, value } = (entry ?? {}) as { type?: unknown; value?: unknown };
    if (typeof type !== 'string' || typeof value !== 'string') continue;
    const problem = problemOf(type.toLowerCase(), value);
    if (!problem) continue;
    issues.push({
      code: INVALID_PRODUCT_ID_CODE,
      message: `Invalid StandardProductID value for SKU [${sku}]. ${problem}`,
      severity: 'ERROR',
      attributeNames: [ATTRIBUTE],
      categories: ['INVALID_ATTRIBUTE'],
    });
  }
  return issues;
}
