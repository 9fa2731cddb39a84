import type Ajv from 'ajv';
import type { AnySchemaObject, KeywordDefinition, SchemaValidateFunction } from 'ajv';

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

/**
 * maxUniqueItems: no selector combination (e.g. one marketplace + language) may hold more than N
 * items — so `bullet_point` allows up to 10 bullets per marketplace/language, `item_name` one.
 * This is how Amazon's JavaScript/Java reference implementations read the keyword.
 */
const maxUniqueItems: KeywordDefinition = {
  keyword: 'maxUniqueItems',
  type: 'array',
  schemaType: 'number',
  errors: true,
  validate: function validateMax(max: number, data: unknown[], parentSchema?: AnySchemaObject) {
    // No combination can hold more items than the array has: most arrays pass without keys.
    if (data.length <= max) return true;
    const self = validateMax as SchemaValidateFunction;
    const counts = countBySelectors(data, parentSchema ? selectorsOf(parentSchema) : undefined);
    const largest = Math.max(0, ...counts.values());
    if (largest <= max) return true;
    self.errors = [{ keyword: 'maxUniqueItems', message: `must not have more than ${max} items per selector combination`, params: { limit: max, count: largest } }];
    return false;
  },
};

/**
 * minUniqueItems: every selector combination present must hold at least N items, and a non-empty
 * requirement fails on an empty array (nothing to count). With N = 1, the only value Amazon
 * publishes in practice, this means "at least one item".
 */
const minUniqueItems: KeywordDefinition = {
  keyword: 'minUniqueItems',
  type: 'array',
  schemaType: 'number',
  errors: true,
  validate: function validateMin(min: number, data: unknown[], parentSchema?: AnySchemaObject) {
    // Every combination present holds at least one item, so N ≤ 1 only fails on an empty array.
    if (min <= 1 && data.length > 0) return true;
    const self = validateMin as SchemaValidateFunction;
    const counts = countBySelectors(data, parentSchema ? selectorsOf(parentSchema) : undefined);
    const smallest = counts.size === 0 ? 0 : Math.min(...counts.values());
    if (smallest >= min) return true;
    self.errors = [{ keyword: 'minUniqueItems', message: `must have at least ${min} items per selector combination`, params: { limit: min, count: smallest } }];
    return false;
  },
};

/** Amazon limits some text by UTF-8 bytes, not characters: "ção" is 3 characters but 5 bytes. */
function utf8Keyword(keyword: 'maxUtf8ByteLength' | 'minUtf8ByteLength'): KeywordDefinition {
  const isMax = keyword === 'maxUtf8ByteLength';
  return {
    keyword,
    type: 'string',
    schemaType: 'number',
    errors: true,
    validate: function validateBytes(limit: number, data: string) {
      const self = validateBytes as SchemaValidateFunction;
      const bytes = Buffer.byteLength(data, 'utf8');
      if (isMax ? bytes <= limit : bytes >= limit) return true;
      self.errors = [{ keyword, message: `must be ${isMax ? 'at most' : 'at least'} ${limit} UTF-8 bytes`, params: { limit, bytes } }];
      return false;
    },
  };
}

/** A finite number as an exact decimal: `digits × 10^-scale`, from its shortest JSON text (what Amazon receives). */
function decimalOf(n: number): { readonly digits: bigint; readonly scale: number } {
  const [mantissa = '0', exponent = '0'] = String(n).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let scale = fraction.length - Number(exponent);
  let digits = BigInt(`${whole}${fraction}`);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
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
  const scale = Math.max(v.scale, d.scale);
  const a = v.digits * 10n ** BigInt(scale - v.scale);
  const b = d.digits * 10n ** BigInt(scale - d.scale);
  return a % b === 0n;
}

/** Replaces the standard multipleOf, whose binary division refuses 19.9, 10.2 or 1234.56 against 0.01. */
const decimalMultipleOf: KeywordDefinition = {
  keyword: 'multipleOf',
  type: 'number',
  schemaType: 'number',
  errors: true,
  validate: function validateMultiple(divisor: number, data: number) {
    if (isDecimalMultiple(data, divisor)) return true;
    (validateMultiple as SchemaValidateFunction).errors = [{ keyword: 'multipleOf', message: `must be multiple of ${divisor}`, params: { multipleOf: divisor } }];
    return false;
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
