import { createHash } from 'node:crypto';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
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

/** Checks one listing's attributes; answers ajv's errors (empty when valid). */
type AttributesCheck = (attributes: Readonly<Record<string, unknown>>) => readonly ErrorObject[];

/** Compiling a real product type schema (~1 MB) takes about a second; do it once per schema. */
const byIdentity = new WeakMap<object, AttributesCheck>();
const byContent = new Map<string, AttributesCheck>();
const MAX_CACHED = 64;

function newAjv(): Ajv2019 {
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
    // Checked once for the whole schema (splitCheck), not again for each part compiled from it.
    validateSchema: false,
  });
  addFormats(ajv);
  addAmazonVocabulary(ajv);
  return ajv;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An attribute's errors as if its value had been checked inside the whole document. */
function underAttribute(name: string, errors: readonly ErrorObject[]): ErrorObject[] {
  const pointer = `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return errors.map((e) => ({ ...e, instancePath: `${pointer}${e.instancePath}`, schemaPath: `#/properties${pointer}${e.schemaPath.slice(1)}` }));
}

/**
 * A product type schema is one object whose `properties` hold every attribute: compiled whole,
 * ajv makes one function of half a megabyte that V8 never optimizes (~90 µs per listing). The
 * `properties` keyword only applies each attribute's subschema to that attribute's value, so the
 * same verdict comes from a root schema whose attributes accept anything (it keeps `required`,
 * `additionalProperties` and the `allOf` conditions) plus one small function per attribute
 * present, compiled on first use — about four times faster. The errors are the same errors,
 * their paths put back under the attribute.
 */
function splitCheck(ajv: Ajv2019, schema: SchemaJson): AttributesCheck {
  // The whole document is checked against the meta-schema once, here: its parts compile later.
  if (!ajv.validateSchema(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(ajv.errors)}`);
  // An attribute that refers to another one (not to `$defs`) cannot be compiled on its own.
  if (JSON.stringify(schema['properties'] ?? {}).includes('"$ref":"#/properties')) return wholeCheck(ajv, schema);
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const root = ajv.compile({ ...schema, properties: Object.fromEntries(Object.keys(properties).map((name) => [name, true])) });
  const defs = schema['$defs'];
  const attributes = new Map<string, ValidateFunction>();
  const attribute = (name: string): ValidateFunction => {
    let validate = attributes.get(name);
    if (!validate) {
      const sub = properties[name];
      validate = ajv.compile(isRecord(sub) ? { ...(defs === undefined ? {} : { $defs: defs }), ...sub } : (sub as boolean));
      attributes.set(name, validate);
    }
    return validate;
  };
  const names = Object.keys(properties);
  return (data) => {
    const rootValid = root(data);
    const rootErrors = rootValid ? [] : [...(root.errors ?? [])];
    const attributeErrors: ErrorObject[] = [];
    // In the schema's order, as the whole schema would report them.
    for (const name of names) {
      if (!(name in data)) continue;
      const validate = attribute(name);
      if (!validate(data[name])) attributeErrors.push(...underAttribute(name, validate.errors ?? []));
    }
    if (rootErrors.length === 0) return attributeErrors;
    // ajv checks an object's `required` before its `properties`, the rest (additionalProperties, allOf) after.
    const first = rootErrors.filter((e) => e.keyword === 'required' && e.instancePath === '');
    return [...first, ...attributeErrors, ...rootErrors.filter((e) => !first.includes(e))];
  };
}

/** The whole schema as one function: for documents the split cannot handle. */
function wholeCheck(ajv: Ajv2019, schema: SchemaJson): AttributesCheck {
  const validate = ajv.compile(schema as Record<string, unknown>);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

function compile(schema: SchemaJson): AttributesCheck {
  const known = byIdentity.get(schema);
  if (known) return known;
  const hash = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  let check = byContent.get(hash);
  if (!check) {
    // One Ajv per schema: two versions of one product type share an `$id`, which a single
    // instance would refuse to hold.
    check = splitCheck(newAjv(), schema);
    if (byContent.size >= MAX_CACHED) {
      const oldest = byContent.keys().next().value;
      if (oldest !== undefined) byContent.delete(oldest);
    }
    byContent.set(hash, check);
  }
  byIdentity.set(schema, check);
  return check;
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
  const check = compile(schemaJson);
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
      const errors = check(listing.attributes);
      if (errors.length > 0) {
        const found = toIssues(errors, ctx).filter((i) => relevant(i, listing.requirements));
        issues.push(...withoutDuplicateIdentifierIssue(found));
      }
      return { valid: issues.length === 0, issues };
    },
  };
}
