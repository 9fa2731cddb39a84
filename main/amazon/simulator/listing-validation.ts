import { Translator } from '../../i18n';
import { createListingValidator, type ListingValidator } from '../../listings/validator';
import type { ListingIssue as AppIssue } from '../../listings/types';
import type { ProductTypeEntry, ProductTypeRegistry } from './product-types';
import type { Attributes, ListingIssue } from './state-types';

/**
 * Amazon-style issues for a listing's attributes, checked with the app's own product type
 * validator (main/listings/validator.ts: ajv + Amazon's meta-schema keywords) so the simulator
 * and the app agree on what is valid. Codes follow Amazon's (sandbox cases in
 * listingsItems_2021-08-01.json and the processing report example): 90220 missing attribute,
 * 90000900 attribute the product type does not define, 99022 too few/many values; other value
 * problems use 4000001, Amazon's generic "invalid value" code.
 */
export type Requirements = 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';

export function missingAttributeIssue(name: string, message = `'${name}' is required but not supplied.`): ListingIssue {
  return { code: '90220', message, severity: 'ERROR', attributeNames: [name], categories: ['MISSING_ATTRIBUTE'] };
}

export function unknownProductTypeIssue(productType: string): ListingIssue {
  return {
    code: '4000001',
    message: `The provided product type '${productType}' is not valid for this marketplace.`,
    severity: 'ERROR',
    categories: ['INVALID_ATTRIBUTE'],
  };
}

/**
 * Amazon's wording for the two commonest issues; for value problems the app validator's English
 * text (which names the field and the limit) stands in for Amazon's message.
 */
function toAmazonIssue(issue: AppIssue): ListingIssue {
  const attributeNames = issue.attribute ? [issue.attribute] : undefined;
  const base = { message: issue.message, severity: 'ERROR' as const, ...(attributeNames ? { attributeNames } : {}) };
  switch (issue.code) {
    case 'missing':
      return missingAttributeIssue(issue.attribute);
    case 'missing_field':
      return { ...base, code: '90220', categories: ['MISSING_ATTRIBUTE'] };
    case 'unknown_attribute':
      return { ...base, message: 'The attributes are invalid.', code: '90000900', categories: ['INVALID_ATTRIBUTE'] };
    case 'too_few':
    case 'too_many':
      return { ...base, code: '99022', categories: ['INVALID_ATTRIBUTE'] };
    default:
      return { ...base, code: '4000001', categories: ['INVALID_ATTRIBUTE'] };
  }
}

/**
 * Issues come back in English whatever the issueLocale: the simulator does not pretend to have
 * Amazon's translations, and the app localizes by code anyway.
 */
let english: Translator | undefined;
const validators = new WeakMap<ProductTypeEntry, ListingValidator>();
function validatorFor(entry: ProductTypeEntry): ListingValidator {
  let v = validators.get(entry);
  if (!v) {
    english ??= new Translator('en');
    v = createListingValidator(entry.schema, english);
    validators.set(entry, v);
  }
  return v;
}

export interface AttributeCheck {
  readonly productType: string;
  readonly attributes: Attributes;
  readonly requirements?: Requirements;
  /**
   * PATCH/PARTIAL_UPDATE: `attributes` is the whole listing after the change, `touched` the
   * attributes the submission changed; only problems in those are reported, as a partial
   * submission cannot be blamed for what it did not touch.
   */
  readonly touched?: ReadonlySet<string>;
}

export function validateListingAttributes(registry: ProductTypeRegistry, check: AttributeCheck): ListingIssue[] {
  const entry = registry.get(check.productType);
  if (!entry) return [unknownProductTypeIssue(check.productType)];
  const validator = validatorFor(entry);
  const result = validator.validate({
    productType: check.productType,
    ...(check.requirements ? { requirements: check.requirements } : {}),
    attributes: check.attributes as Record<string, readonly Record<string, unknown>[]>,
  });
  const issues = check.touched ? result.issues.filter((i) => i.attribute !== '' && check.touched?.has(i.attribute)) : result.issues;
  return issues.map(toAmazonIssue);
}
