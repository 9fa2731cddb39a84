import { createHash } from 'node:crypto';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { createLogger } from '../log/logger';
import { timeSlice, type TimeSlice } from '../background/yield';
import { addAmazonVocabulary } from './amazon-vocabulary';
import { checkAgainstMetaSchemaOffThread } from './meta-check';
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

/**
 * A schema compiled for checking listings: the check itself, and the pieces it compiles on first
 * use (so they can be compiled ahead, a piece at a time, see prepareListingValidator).
 */
interface Compiled {
  readonly check: AttributesCheck;
  /** Each compiles one piece of the schema if it is not compiled yet (a few milliseconds each). */
  readonly pieces: readonly (() => void)[];
}

/** Compiling a real product type schema (~1 MB) takes about a second in all; do it once per schema. */
const byIdentity = new WeakMap<object, Compiled>();
const byContent = new Map<string, Compiled>();
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
    // Checked once for the whole schema (checkAgainstMetaSchema), not again for each part compiled from it.
    validateSchema: false,
    // The pieces are small functions: ajv's optimisation passes cost more than they save.
    code: { optimize: false },
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

/** A condition's errors as if it had been checked inside the whole schema's `allOf`. */
function underCondition(index: number, errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.map((e) => ({ ...e, schemaPath: `#/allOf/${index}${e.schemaPath.slice(1)}` }));
}

/** The whole document against Amazon's meta-schema: an invalid one is refused before anything compiles. */
function checkAgainstMetaSchema(ajv: Ajv2019, schema: SchemaJson): void {
  if (!ajv.validateSchema(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(ajv.errors)}`);
}

/** Compiled on first call, once. */
function once<T>(make: () => T): { get: () => T; readonly piece: () => void } {
  let value: T | undefined;
  let made = false;
  const get = () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
  return { get, piece: () => void get() };
}

/** A `$ref` that points into the document outside `$defs` (another attribute, a condition): such a part cannot be compiled on its own. */
function refersOutsideDefs(part: unknown): boolean {
  return /"\$ref":"#(?!\/\$defs\/)/.test(JSON.stringify(part ?? {}));
}

/**
 * A product type schema is one object whose `properties` hold every attribute and whose `allOf`
 * holds a hundred-odd conditions ("if this attribute is given, that one is required"): compiled
 * whole, ajv makes one function of half a megabyte that V8 never optimizes (~90 µs per listing)
 * and spends about half a second on it in one go. The `properties` keyword only applies each
 * attribute's subschema to that attribute's value, and `allOf` applies each condition to the whole
 * document, so the same verdict comes from a root schema whose attributes accept anything and
 * that has no conditions (it keeps `required`, `additionalProperties`), plus one small function
 * per attribute present and one per condition — about four times faster, and each piece compiled
 * in a few milliseconds, on first use or ahead of it. The errors are the same errors, their paths
 * put back under the attribute or the condition.
 */
function splitCheck(ajv: Ajv2019, schema: SchemaJson): Compiled {
  // A part that refers into the document outside `$defs` (an attribute, a condition naming another
  // attribute's subschema) cannot be compiled apart from what it names: such a schema is compiled whole.
  const { $defs: defs, allOf: conditionList, ...rest } = schema;
  if (refersOutsideDefs(schema)) return wholeCheck(ajv, schema);
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const withDefs = (part: unknown) => (isRecord(part) ? { ...(defs === undefined ? {} : { $defs: defs }), ...part } : (part as boolean));
  const allOf = Array.isArray(conditionList) ? (conditionList as unknown[]) : [];
  const root = once(() =>
    ajv.compile({
      ...rest,
      ...(defs === undefined ? {} : { $defs: defs }),
      properties: Object.fromEntries(Object.keys(properties).map((name) => [name, true])),
    }),
  );
  const conditions = allOf.map((condition) => once(() => ajv.compile(withDefs(condition))));
  const attributes = new Map(Object.keys(properties).map((name) => [name, once(() => ajv.compile(withDefs(properties[name])))]));
  const check: AttributesCheck = (data) => {
    const validateRoot = root.get();
    const rootErrors = validateRoot(data) ? [] : [...(validateRoot.errors ?? [])];
    const attributeErrors: ErrorObject[] = [];
    // In the schema's order, as the whole schema would report them.
    for (const [name, compiled] of attributes) {
      if (!(name in data)) continue;
      const validate = compiled.get();
      if (!validate(data[name])) attributeErrors.push(...underAttribute(name, validate.errors ?? []));
    }
    const conditionErrors: ErrorObject[] = [];
    conditions.forEach((compiled, i) => {
      const validate = compiled.get();
      if (!validate(data)) conditionErrors.push(...underCondition(i, validate.errors ?? []));
    });
    // ajv checks an object's `required` before its `properties`, `allOf` before the rest (additionalProperties).
    const first = rootErrors.filter((e) => e.keyword === 'required' && e.instancePath === '');
    return [...first, ...attributeErrors, ...conditionErrors, ...rootErrors.filter((e) => !first.includes(e))];
  };
  return { check, pieces: [root.piece, ...conditions.map((c) => c.piece), ...[...attributes.values()].map((a) => a.piece)] };
}

/** The whole schema as one function: for documents the split cannot handle. */
function wholeCheck(ajv: Ajv2019, schema: SchemaJson): Compiled {
  const validate = once(() => ajv.compile(schema as Record<string, unknown>));
  return {
    check: (data) => {
      const fn = validate.get();
      return fn(data) ? [] : [...(fn.errors ?? [])];
    },
    pieces: [validate.piece],
  };
}

function contentKey(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

function remember(schema: SchemaJson, key: string, compiled: Compiled): Compiled {
  if (byContent.size >= MAX_CACHED) {
    const oldest = byContent.keys().next().value;
    if (oldest !== undefined) byContent.delete(oldest);
  }
  byContent.set(key, compiled);
  byIdentity.set(schema, compiled);
  return compiled;
}

function compile(schema: SchemaJson): Compiled {
  const known = byIdentity.get(schema);
  if (known) return known;
  const key = contentKey(JSON.stringify(schema));
  const same = byContent.get(key);
  if (same) {
    byIdentity.set(schema, same);
    return same;
  }
  // One Ajv per schema: two versions of one product type share an `$id`, which a single
  // instance would refuse to hold.
  const ajv = newAjv();
  // The whole document is checked against the meta-schema once, here: its parts compile later.
  checkAgainstMetaSchema(ajv, schema);
  return remember(schema, key, splitCheck(ajv, schema));
}

/**
 * Compiles a schema's checks ahead of use, a piece at a time, pausing whenever the slice is spent:
 * a real product type schema takes about a second to compile in all, which must not hold the
 * core's thread in one go. The meta-schema check of the whole document (a tenth of a second on
 * its own) runs on a worker thread. Afterwards `createListingValidator` on the same schema (the
 * same object, or equal content) compiles nothing. Throws what createListingValidator would throw.
 */
export async function prepareListingValidator(schema: SchemaJson, slice: TimeSlice = timeSlice()): Promise<void> {
  let compiled = byIdentity.get(schema);
  if (!compiled) {
    const json = JSON.stringify(schema);
    const key = contentKey(json);
    compiled = byContent.get(key);
    if (compiled) byIdentity.set(schema, compiled);
    else {
      await checkAgainstMetaSchemaOffThread(json);
      // Compiled by then by another caller: use that one.
      compiled = byContent.get(key) ?? remember(schema, key, splitCheck(newAjv(), schema));
    }
  }
  for (const piece of compiled.pieces) {
    piece();
    if (slice.spent()) await slice.next();
  }
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
  const { check } = compile(schemaJson);
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
