import type { ErrorObject } from 'ajv';
import type { Translator } from '../i18n';
import type { IssueCode, ListingIssue } from './types';

export type IssueTranslator = Pick<Translator, 't' | 'has'>;

export interface IssueContext {
  readonly translator: IssueTranslator;
  /** Root of the product type schema, for attribute titles. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly fieldLabels: Readonly<Record<string, string>>;
}

const MAX_LISTED_VALUES = 12;

/** Wrapper keywords whose own error only says "a branch failed"; the branch errors say why. */
const WRAPPERS = new Set(['if', 'allOf']);
/** Keywords whose inner errors are noise: we report the combinator once instead. */
const COMBINATORS = new Set(['anyOf', 'oneOf']);

function splitPointer(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function attributeTitle(attribute: string, ctx: IssueContext): string {
  const key = `listings.labels.${attribute}.name`;
  if (ctx.translator.has(key)) return ctx.translator.t(key);
  // Amazon localises schema titles per marketplace/locale, so this is the next best label.
  const title = record(record(ctx.schema['properties'])?.[attribute])?.['title'];
  return typeof title === 'string' ? title : attribute;
}

function attributeGender(attribute: string, ctx: IssueContext): string {
  const key = `listings.labels.${attribute}.gender`;
  return ctx.translator.has(key) ? ctx.translator.t(key) : 'none';
}

/** Allowed values for display: enumNames when the schema has them ("Novo"), else the raw values. */
function allowedValues(parentSchema: Readonly<Record<string, unknown>> | undefined, fallback: readonly unknown[]): string {
  const names = parentSchema?.['enumNames'];
  const values = Array.isArray(names) && names.length > 0 ? names : fallback;
  const shown = values.slice(0, MAX_LISTED_VALUES).map((v) => String(v));
  return values.length > MAX_LISTED_VALUES ? `${shown.join(', ')}, …` : shown.join(', ');
}

function fieldTitle(parentSchema: Readonly<Record<string, unknown>> | undefined, field: string): string {
  const title = record(record(parentSchema?.['properties'])?.[field])?.['title'];
  return typeof title === 'string' ? title : field;
}

interface Classified {
  readonly code: IssueCode;
  readonly attribute: string;
  readonly path: string;
  readonly params: Record<string, string | number>;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Maps one ajv error to our code and parameters; undefined drops it (wrapper noise). */
function classify(error: ErrorObject): Classified | undefined {
  const segments = splitPointer(error.instancePath);
  const parent = record(error.parentSchema);
  const at = (code: IssueCode, params: Record<string, string | number> = {}, extra?: string): Classified => {
    const path = extra === undefined ? error.instancePath : `${error.instancePath}/${extra}`;
    return { code, attribute: segments[0] ?? extra ?? '', path, params };
  };
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(p['missingProperty']);
      return segments.length === 0 ? at('missing', {}, missing) : at('missing_field', { field: fieldTitle(parent, missing) }, missing);
    }
    case 'enum':
      return at('not_allowed', { value: String(error.data), allowed: allowedValues(parent, (p['allowedValues'] as unknown[]) ?? []) });
    case 'const':
      return at('not_allowed', { value: String(error.data), allowed: String(p['allowedValue']) });
    case 'minLength':
    case 'minUtf8ByteLength':
      // An empty required text is, to the seller, simply "not filled in".
      if (error.data !== '') return at('too_short', { limit: num(p['limit']) });
      return segments.at(-1) === 'value'
        ? at('missing')
        : at('missing_field', { field: typeof parent?.['title'] === 'string' ? parent['title'] : (segments.at(-1) ?? '') });
    case 'maxLength':
    case 'maxUtf8ByteLength':
      return at('too_long', { limit: num(p['limit']), length: typeof error.data === 'string' ? error.data.length : 0 });
    case 'minItems':
    case 'minUniqueItems':
      return Array.isArray(error.data) && error.data.length === 0 && segments.length === 1 ? at('missing') : at('too_few', { limit: num(p['limit']) });
    case 'maxItems':
    case 'maxUniqueItems':
      return at('too_many', { limit: num(p['limit']) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return at('out_of_range', { comparison: String(p['comparison'] ?? 'multipleOf'), limit: num(p['limit'] ?? p['multipleOf']), value: String(error.data) });
    case 'type':
      return at('wrong_type', { expected: String(p['type']) });
    case 'format':
    case 'pattern':
      return at('wrong_format', { value: String(error.data) });
    case 'additionalProperties': {
      const extra = String(p['additionalProperty']);
      return segments.length === 0 ? at('unknown_attribute', {}, extra) : at('invalid', {}, extra);
    }
    default:
      if (WRAPPERS.has(error.keyword)) return undefined;
      return at('invalid');
  }
}

/** Drops errors nested inside an anyOf/oneOf that itself failed: the branches are alternatives. */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const failedCombinators = errors.filter((e) => COMBINATORS.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !failedCombinators.some((prefix) => e.schemaPath.startsWith(prefix)));
}

function messageFor(c: Classified, ctx: IssueContext): { message: string; storeField?: string } {
  const storeField = ctx.fieldLabels[c.attribute];
  const params = { ...c.params, label: attributeTitle(c.attribute, ctx), attribute: c.attribute, storeField: storeField ?? '' };
  const context = attributeGender(c.attribute, ctx);
  const base = storeField === undefined ? `listings.issues.${c.code}` : `listings.issuesWithStoreField.${c.code}`;
  const message = ctx.translator.t(base, { ...params, context });
  return storeField === undefined ? { message } : { message, storeField };
}

/** ajv errors → one localized issue per distinct (code, path), in schema order. */
export function toIssues(errors: readonly ErrorObject[], ctx: IssueContext): ListingIssue[] {
  const seen = new Set<string>();
  const issues: ListingIssue[] = [];
  for (const error of withoutBranchNoise(errors)) {
    const c = classify(error);
    if (c === undefined) continue;
    const key = `${c.code} ${c.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { message, storeField } = messageFor(c, ctx);
    issues.push({ attribute: c.attribute, code: c.code, message, path: c.path, params: c.params, ...(storeField === undefined ? {} : { storeField }) });
  }
  return issues;
}
