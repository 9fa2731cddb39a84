import Ajv2019 from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv';
import { addAmazonVocabulary } from './amazon-vocabulary';
import type { ListingAttributes } from './types';

type SchemaNode = Readonly<Record<string, unknown>>;

export interface RequiredAttributes {
  /** Always required by the product type (`required` at the root). */
  readonly required: readonly string[];
  /** Required because of the current values (`allOf` if/then/else rules that apply now). */
  readonly conditional: readonly string[];
}

// Conditions are small sub-schemas; one shared Ajv compiles each once and keeps it per rule object.
// Not strict and no meta-validation: they are fragments of a schema the validator already checked.
let ajv: Ajv2019 | undefined;
const conditions = new WeakMap<object, ValidateFunction>();

function compiler(): Ajv2019 {
  if (ajv === undefined) {
    ajv = new Ajv2019({ strict: false, validateSchema: false, addUsedSchema: false });
    addAmazonVocabulary(ajv);
  }
  return ajv;
}

function node(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function holds(condition: SchemaNode, defs: unknown, attributes: ListingAttributes): boolean {
  let validate = conditions.get(condition);
  if (validate === undefined) {
    // `$defs` travel along in case a condition refers to the shared marketplace/language defs.
    validate = compiler().compile(defs === undefined ? { ...condition } : { ...condition, $defs: defs });
    conditions.set(condition, validate);
  }
  return validate(attributes) === true;
}

/** Walks allOf / if-then-else, collecting the `required` of every branch that applies. */
function collect(schema: SchemaNode, defs: unknown, attributes: ListingAttributes, out: Set<string>): void {
  for (const name of stringList(schema['required'])) out.add(name);
  for (const sub of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    const rule = node(sub);
    if (rule !== undefined) collectRule(rule, defs, attributes, out);
  }
}

function collectRule(rule: SchemaNode, defs: unknown, attributes: ListingAttributes, out: Set<string>): void {
  const condition = node(rule['if']);
  if (condition === undefined) {
    collect(rule, defs, attributes, out);
    return;
  }
  const branch = node(holds(condition, defs, attributes) ? rule['then'] : rule['else']);
  if (branch !== undefined) collect(branch, defs, attributes, out);
}

/**
 * Which attributes the mapping UI must ask for, given the values known so far: the product
 * type's `required` plus those its conditional rules (`allOf` if/then) add for these values —
 * e.g. a barcode until a GTIN exemption is declared, the offer unless the item is a parent.
 */
export function requiredAttributes(schema: SchemaNode, attributes: ListingAttributes): RequiredAttributes {
  const required = stringList(schema['required']);
  const all = new Set<string>();
  const defs = schema['$defs'];
  for (const sub of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    const rule = node(sub);
    if (rule !== undefined) collectRule(rule, defs, attributes, all);
  }
  const conditional = [...all].filter((a) => !required.includes(a) && node(node(schema['properties'])?.[a]) !== undefined);
  return { required: [...required].sort(), conditional: conditional.sort() };
}
