import type Ajv from 'ajv';
import { _, str, type AnySchemaObject, type KeywordCxt, type KeywordDefinition } from 'ajv';

/**
 * Amazon's Product Type Definition meta-schema (v1). Its URI is an identifier, not a download, so
 * we register a local meta-schema under that `$id`, written from the documented custom vocabulary
 * (developer-docs.amazon.com/sp-api/docs/product-type-definition-meta-schema): Draft 2019-09 plus
 * `editable`, `hidden`, `enumNames`, `selectors`, `minUniqueItems`, `maxUniqueItems`,
 * `minUtf8ByteLength`, `maxUtf8ByteLength`. `$lifecycle` is not in that list but appears in real
 * schemas (e.g. `enumDeprecated` on variation themes), so it is accepted as an annotation too.
 */
export const AMAZON_META_SCHEMA_ID = 'https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1';
export const AMAZON_VOCABULARY_ID = 'https://schemas.amazon.com/selling-partners/definitions/product-types/vocabulary/v1';

const nonNegativeInteger = { type: 'integer', minimum: 0 } as const;

export const amazonMetaSchema: AnySchemaObject = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  $id: AMAZON_META_SCHEMA_ID,
  $vocabulary: {
    'https://json-schema.org/draft/2019-09/vocab/core': true,
    'https://json-schema.org/draft/2019-09/vocab/applicator': true,
    'https://json-schema.org/draft/2019-09/vocab/validation': true,
    'https://json-schema.org/draft/2019-09/vocab/meta-data': true,
    'https://json-schema.org/draft/2019-09/vocab/format': false,
    'https://json-schema.org/draft/2019-09/vocab/content': true,
    [AMAZON_VOCABULARY_ID]: true,
  },
  // Recursive anchor: nested subschemas are checked against this meta-schema too (via the
  // standard meta-schema's $recursiveRef), so a malformed `selectors` deep inside is caught.
  $recursiveAnchor: true,
  allOf: [{ $ref: 'https://json-schema.org/draft/2019-09/schema' }],
  properties: {
    editable: { type: 'boolean' },
    hidden: { type: 'boolean' },
    enumNames: { type: 'array', items: { type: 'string' } },
    selectors: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    minUniqueItems: nonNegativeInteger,
    maxUniqueItems: nonNegativeInteger,
    minUtf8ByteLength: nonNegativeInteger,
    maxUtf8ByteLength: nonNegativeInteger,
    $lifecycle: { type: 'object' },
  },
};

/** Key that decides whether two array items are "the same" for min/maxUniqueItems. */
export function selectorKey(item: unknown, selectors: readonly string[] | undefined): string {
  if (selectors === undefined || selectors.length === 0 || typeof item !== 'object' || item === null) {
    // Without selectors the spec falls back to JSON Schema's notion: the whole item.
    return JSON.stringify(item);
  }
  const record = item as Record<string, unknown>;
  return JSON.stringify(selectors.map((s) => record[s] ?? null));
}

/** How many array items share each selector combination (Amazon's reference validator counts the same way). */
export function countBySelectors(items: readonly unknown[], selectors: readonly string[] | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = selectorKey(item, selectors);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function selectorsOf(parentSchema: AnySchemaObject): readonly string[] | undefined {
  const s: unknown = parentSchema['selectors'];
  return Array.isArray(s) ? (s as string[]) : undefined;
}

/** The largest number of items sharing one selector combination. */
function largestCount(data: readonly unknown[], selectors: readonly string[] | null): number {
  return Math.max(0, ...countBySelectors(data, selectors ?? undefined).values());
}

/** The smallest number of items sharing one selector combination (0 for an empty array). */
function smallestCount(data: readonly unknown[], selectors: readonly string[] | null): number {
  const counts = countBySelectors(data, selectors ?? undefined);
  return counts.size === 0 ? 0 : Math.min(...counts.values());
}

/**
 * The vocabulary's keywords are generated into the validation code with their common case
 * inline (an array no longer than the limit, a text short enough in any encoding), and call out
 * only when that does not decide: a real product type has a hundred of these keywords, and a
 * function call for each took about a third of every validation.
 */
function countKeyword(keyword: 'maxUniqueItems' | 'minUniqueItems'): KeywordDefinition {
  const isMax = keyword === 'maxUniqueItems';
  return {
    keyword,
    type: 'array',
    schemaType: 'number',
    error: {
      message: ({ schema }) =>
        isMax ? str`must not have more than ${schema} items per selector combination` : str`must have at least ${schema} items per selector combination`,
      params: ({ schema }) => _`{limit: ${schema}}`,
    },
    code(cxt: KeywordCxt) {
      const { data, schema, gen } = cxt;
      const selectors = gen.scopeValue('obj', { ref: selectorsOf(cxt.parentSchema) ?? null });
      const count = gen.scopeValue('func', { ref: isMax ? largestCount : smallestCount });
      // No combination can hold more items than the array has; with a minimum of 1, any item is one.
      if (isMax) cxt.fail(_`${data}.length > ${schema} && ${count}(${data}, ${selectors}) > ${schema}`);
      else cxt.fail(_`!(${schema} <= 1 && ${data}.length > 0) && ${count}(${data}, ${selectors}) < ${schema}`);
    },
  };
}

/**
 * maxUniqueItems: no selector combination (e.g. one marketplace + language) may hold more than N
 * items — so `bullet_point` allows up to 10 bullets per marketplace/language, `item_name` one.
 * This is how Amazon's JavaScript/Java reference implementations read the keyword.
 */
const maxUniqueItems = countKeyword('maxUniqueItems');

/**
 * minUniqueItems: every selector combination present must hold at least N items, and a non-empty
 * requirement fails on an empty array (nothing to count). With N = 1, the only value Amazon
 * publishes in practice, this means "at least one item".
 */
const minUniqueItems = countKeyword('minUniqueItems');

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Amazon limits some text by UTF-8 bytes, not characters: "ção" is 3 characters but 5 bytes. */
function utf8Keyword(keyword: 'maxUtf8ByteLength' | 'minUtf8ByteLength'): KeywordDefinition {
  const isMax = keyword === 'maxUtf8ByteLength';
  return {
    keyword,
    type: 'string',
    schemaType: 'number',
    error: {
      message: ({ schema }) => (isMax ? str`must be at most ${schema} UTF-8 bytes` : str`must be at least ${schema} UTF-8 bytes`),
      params: ({ schema }) => _`{limit: ${schema}}`,
    },
    code(cxt: KeywordCxt) {
      const { data, schema, gen } = cxt;
      const bytes = gen.scopeValue('func', { ref: utf8Bytes });
      // A character takes 1 to 4 bytes: most texts are decided by their length alone.
      if (isMax) cxt.fail(_`${data}.length * 4 > ${schema} && ${bytes}(${data}) > ${schema}`);
      else cxt.fail(_`${data}.length < ${schema} && ${bytes}(${data}) < ${schema}`);
    },
  };
}

/** A finite number as an exact decimal `digits × 10^-scale`, read from its shortest JSON text (what Amazon receives). */
function decimalOf(n: number): { readonly digits: string; readonly scale: number } {
  const text = String(Math.abs(n));
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? '' : mantissa.slice(dot + 1);
  const digits = (dot < 0 ? mantissa : mantissa.slice(0, dot) + fraction).replace(/^0+(?=\d)/, '');
  return { digits, scale: fraction.length - (e < 0 ? 0 : Number(text.slice(e + 1))) };
}

/**
 * True when `value` is a whole multiple of `divisor` in decimal arithmetic, as Amazon checks
 * prices: 276.9 is a multiple of 0.01 although 276.9 / 0.01 is 27689.999999999996 in binary
 * floating point, which is what JSON Schema validators compute by default.
 */
export function isDecimalMultiple(value: number, divisor: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(divisor) || divisor <= 0) return false;
  const v = decimalOf(value);
  const d = decimalOf(divisor);
  // A power of ten (1, 0.01, 1e-5), Amazon's usual divisor: no more decimal places than it has.
  if (d.digits === '1') return v.scale <= d.scale;
  const scale = Math.max(v.scale, d.scale, 0);
  const a = BigInt(v.digits) * 10n ** BigInt(scale - v.scale);
  const b = BigInt(d.digits) * 10n ** BigInt(scale - d.scale);
  return a % b === 0n;
}

/** Replaces the standard multipleOf, whose binary division refuses 19.9, 10.2 or 1234.56 against 0.01. */
const decimalMultipleOf: KeywordDefinition = {
  keyword: 'multipleOf',
  type: 'number',
  schemaType: 'number',
  error: {
    message: ({ schema }) => str`must be multiple of ${schema}`,
    params: ({ schema }) => _`{multipleOf: ${schema}}`,
  },
  code(cxt: KeywordCxt) {
    const multiple = cxt.gen.scopeValue('func', { ref: isDecimalMultiple });
    cxt.fail(_`!${multiple}(${cxt.data}, ${cxt.schema})`);
  },
};

/** Registers the vocabulary on an Ajv 2019 instance: validation keywords plus annotations. */
export function addAmazonVocabulary(ajv: Ajv): void {
  ajv.addMetaSchema(amazonMetaSchema);
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword(decimalMultipleOf);
  ajv.addKeyword(maxUniqueItems);
  ajv.addKeyword(minUniqueItems);
  ajv.addKeyword(utf8Keyword('maxUtf8ByteLength'));
  ajv.addKeyword(utf8Keyword('minUtf8ByteLength'));
  // Annotations only: read by the UI and by issue messages (enumNames), never asserted.
  for (const keyword of ['editable', 'hidden', 'enumNames', 'selectors', '$lifecycle']) ajv.addKeyword({ keyword });
}
