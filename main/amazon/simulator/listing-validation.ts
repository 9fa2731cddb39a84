import type { ProductTypeRegistry } from './product-types';
import type { Attributes, ListingIssue } from './state-types';

/**
 * Amazon-style issues for a listing's attributes against its product type schema. Codes follow
 * what Amazon returns (sandbox cases in listingsItems_2021-08-01.json): 90220 for a missing
 * required attribute, 90000900 for attributes the product type does not define or malformed values.
 */
export type Requirements = 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';

/** Attributes that make up an offer; LISTING_OFFER_ONLY submissions need only these. */
const OFFER_REQUIRED = new Set(['condition_type']);

export function missingAttributeIssue(name: string): ListingIssue {
  return {
    code: '90220',
    message: `'${name}' is required but not supplied.`,
    severity: 'ERROR',
    attributeNames: [name],
    categories: ['MISSING_ATTRIBUTE'],
  };
}

export function invalidAttributeIssue(name: string, why = 'The attributes are invalid.'): ListingIssue {
  return { code: '90000900', message: why, severity: 'ERROR', attributeNames: [name], categories: ['INVALID_ATTRIBUTE'] };
}

export function unknownProductTypeIssue(productType: string): ListingIssue {
  return {
    code: '4000001',
    message: `The provided product type '${productType}' is not valid for this marketplace.`,
    severity: 'ERROR',
    categories: ['INVALID_ATTRIBUTE'],
  };
}

function shapeIssues(attributes: Attributes): ListingIssue[] {
  const issues: ListingIssue[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const ok = Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    if (!ok) issues.push(invalidAttributeIssue(name, `The value of '${name}' must be a non-empty array of objects.`));
  }
  return issues;
}

export interface AttributeCheck {
  readonly productType: string;
  readonly attributes: Attributes;
  readonly requirements?: Requirements;
  /** PATCH/PARTIAL_UPDATE check only the attributes they touch; a full PUT/UPDATE checks the whole set. */
  readonly partial?: boolean;
}

export function validateListingAttributes(registry: ProductTypeRegistry, check: AttributeCheck): ListingIssue[] {
  const entry = registry.get(check.productType);
  if (!entry) return [unknownProductTypeIssue(check.productType)];
  const issues = shapeIssues(check.attributes);
  const properties = (entry.schema.properties ?? {}) as Record<string, unknown>;
  const closed = entry.schema.additionalProperties === false;
  for (const name of Object.keys(check.attributes)) {
    if (closed && !(name in properties)) issues.push(invalidAttributeIssue(name));
  }
  if (!check.partial) {
    const required = Array.isArray(entry.schema.required) ? (entry.schema.required as string[]) : [];
    const needed = check.requirements === 'LISTING_OFFER_ONLY' ? required.filter((r) => OFFER_REQUIRED.has(r)) : required;
    for (const name of needed) if (!(name in check.attributes)) issues.push(missingAttributeIssue(name));
  }
  return issues;
}
