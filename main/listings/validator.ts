import { createHash } from 'node:crypto';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { createLogger } from '../log/logger';
import { addAmazonVocabulary } from './amazon-vocabulary';
import { toIssues, type IssueTranslator } from './issues';
import { OFFER_ATTRIBUTES } from './offer-attributes';
import type { Listing, ListingIssue, ValidationResult } from './types';

export interface ValidateOptions {
  /** Store field label per Amazon attribute (`brand` → "Marca"), named in the messages. */
  readonly fieldLabels?: Readonly<Record<string, string>>;
}

export interface ListingValidator {
  /** The product type the schema describes (`BRACELET`), from its `$id`. */
  readonly productType: string | undefined;
  validate(listing: Listing, options?: ValidateOptions): ValidationResult;
}

type SchemaJson = Readonly<Record<string, unknown>>;

const logger = createLogger('listings/validator');

/** Compiling a real product type schema (~1 MB) takes about a second; do it once per schema. */
const byIdentity = new WeakMap<object, ValidateFunction>();
const byContent = new Map<string, ValidateFunction>();
const MAX_CACHED = 64;

function compile(schema: SchemaJson): ValidateFunction {
  const known = byIdentity.get(schema);
  if (known) return known;
  const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  let validate = byContent.get(hash);
  if (!validate) {
    // One Ajv per schema: two versions of one product type share an `$id`, which a single
    // instance would refuse to hold.
    const ajv = new Ajv2019({
      allErrors: true, // the seller should see every problem at once, not one per attempt
      verbose: true, // issues need parentSchema (enumNames, titles) and the offending data
      // A keyword Amazon adds after this code was written must not stop every listing from
      // being checked: log it and validate the rest.
      strictSchema: 'log',
      logger: { log: () => undefined, warn: (...args: unknown[]) => logger.warn(...args), error: (...args: unknown[]) => logger.error(...args) },
      // Amazon's schemas put `maxLength` on numbers and `required: []` in places; harmless, so
      // do not let those stop compilation.
      strictTypes: false,
      strictRequired: false,
      strictTuples: false,
    });
    addFormats(ajv);
    addAmazonVocabulary(ajv);
    validate = ajv.compile(schema as Record<string, unknown>);
    if (byContent.size >= MAX_CACHED) {
      const oldest = byContent.keys().next().value;
      if (oldest !== undefined) byContent.delete(oldest);
    }
    byContent.set(hash, validate);
  }
  byIdentity.set(schema, validate);
  return validate;
}

export function productTypeOf(schema: SchemaJson): string | undefined {
  const id = schema['$id'];
  return typeof id === 'string' ? id.split('/').at(-1) : undefined;
}

/**
 * Amazon serves one schema per `requirements` value. When only the full LISTING schema is at
 * hand, an offer-only listing must not be told that product facts are missing (the ASIN already
 * has them), and a product-only listing must not be asked for an offer.
 */
function relevant(issue: ListingIssue, requirements: Listing['requirements']): boolean {
  if (issue.code !== 'missing' || issue.path.split('/').length !== 2) return true;
  const isOffer = OFFER_ATTRIBUTES.has(issue.attribute);
  if (requirements === 'LISTING_OFFER_ONLY') return isOffer;
  if (requirements === 'LISTING_PRODUCT_ONLY') return !isOffer;
  return true;
}

/**
 * Amazon's rules ask for "a barcode unless there is an ASIN" and "an ASIN unless there is a
 * barcode"; with neither, both fire. The seller acts on the barcode (the app finds the ASIN from
 * it), so one issue is enough.
 */
function withoutDuplicateIdentifierIssue(issues: ListingIssue[]): ListingIssue[] {
  const missing = (attribute: string) => issues.some((i) => i.code === 'missing' && i.path === `/${attribute}`);
  if (!missing('externally_assigned_product_identifier') || !missing('merchant_suggested_asin')) return issues;
  return issues.filter((i) => !(i.code === 'missing' && i.path === '/merchant_suggested_asin'));
}

/**
 * Validates listings against one Amazon product type schema (meta-schema v1 with its custom
 * keywords). Messages come from the translator passed in — already localized, naming the store
 * field from `fieldLabels` — so callers (UI, simulator, CLI) need no i18n of their own; `code`
 * and `params` stay alongside for re-rendering in another language.
 */
export function createListingValidator(schemaJson: SchemaJson, translator: IssueTranslator): ListingValidator {
  const validateFn = compile(schemaJson);
  const productType = productTypeOf(schemaJson);
  return {
    productType,
    validate(listing, options = {}) {
      const fieldLabels = options.fieldLabels ?? {};
      const ctx = { translator, schema: schemaJson, fieldLabels };
      const issues: ListingIssue[] = [];
      if (productType !== undefined && listing.productType !== productType) {
        issues.push({
          attribute: '',
          code: 'invalid',
          path: '',
          params: { expected: productType, actual: listing.productType },
          message: translator.t('listings.issues.wrong_product_type', { expected: productType, actual: listing.productType }),
        });
      }
      if (!validateFn(listing.attributes)) {
        const found = toIssues(validateFn.errors ?? [], ctx).filter((i) => relevant(i, listing.requirements));
        issues.push(...withoutDuplicateIdentifierIssue(found));
      }
      return { valid: issues.length === 0, issues };
    },
  };
}
