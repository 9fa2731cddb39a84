/**
 * Building blocks for the simulator's authored product type schemas. Shared attributes are
 * lifted from Amazon's real BRACELET schema (so their shapes are Amazon's, not our guess) and
 * stripped of what is seller- or marketplace-specific there; category attributes are written in
 * the same shape with the helpers below.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Marketplaces of REFERENCE §2 with their currencies and primary language tags. */
export const MARKETPLACES: readonly { id: string; name: string; currency: string; language: string; languageName: string }[] = [
  { id: 'ATVPDKIKX0DER', name: 'Amazon.com', currency: 'USD', language: 'en_US', languageName: 'English (United States)' },
  { id: 'A2EUQ1WTGCTBG2', name: 'Amazon.ca', currency: 'CAD', language: 'en_CA', languageName: 'English (Canada)' },
  { id: 'A1AM78C64UM0Y8', name: 'Amazon.com.mx', currency: 'MXN', language: 'es_MX', languageName: 'Spanish (Mexico)' },
  { id: 'A2Q3Y263D00KWC', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', languageName: 'Portuguese (Brazil)' },
  { id: 'A1F83G8C2ARO7P', name: 'Amazon.co.uk', currency: 'GBP', language: 'en_GB', languageName: 'English (United Kingdom)' },
  { id: 'A1PA6795UKMFR9', name: 'Amazon.de', currency: 'EUR', language: 'de_DE', languageName: 'German (Germany)' },
  { id: 'A13V1IB3VIYZZH', name: 'Amazon.fr', currency: 'EUR', language: 'fr_FR', languageName: 'French (France)' },
  { id: 'APJ6JRA9NG5V4', name: 'Amazon.it', currency: 'EUR', language: 'it_IT', languageName: 'Italian (Italy)' },
  { id: 'A1RKKUPIHCS9HS', name: 'Amazon.es', currency: 'EUR', language: 'es_ES', languageName: 'Spanish (Spain)' },
  { id: 'A2NODRKZP88ZB9', name: 'Amazon.se', currency: 'SEK', language: 'sv_SE', languageName: 'Swedish (Sweden)' },
  { id: 'A1805IZSGTT6HS', name: 'Amazon.nl', currency: 'EUR', language: 'nl_NL', languageName: 'Dutch (Netherlands)' },
  { id: 'A1C3SOZRARQ6R3', name: 'Amazon.pl', currency: 'PLN', language: 'pl_PL', languageName: 'Polish (Poland)' },
  { id: 'AMEN7PMS3EDWL', name: 'Amazon.com.be', currency: 'EUR', language: 'fr_BE', languageName: 'French (Belgium)' },
  { id: 'A28R8C7NBKEWEA', name: 'Amazon.ie', currency: 'EUR', language: 'en_IE', languageName: 'English (Ireland)' },
];

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** `$defs` like BRACELET's, but for every marketplace instead of amazon.com only. */
export function marketplaceDefs(): JsonObject {
  const ids = MARKETPLACES.map((m) => m.id);
  const languages = unique(MARKETPLACES.map((m) => m.language));
  const languageNames = languages.map((l) => MARKETPLACES.find((m) => m.language === l)?.languageName ?? l);
  return {
    marketplace_id: {
      editable: false,
      hidden: true,
      examples: ['Amazon.com.br'],
      type: 'string',
      anyOf: [{ type: 'string' }, { type: 'string', enum: ids, enumNames: MARKETPLACES.map((m) => m.name) }],
    },
    language_tag: {
      editable: false,
      hidden: true,
      examples: ['Portuguese (Brazil)'],
      type: 'string',
      anyOf: [{ type: 'string' }, { type: 'string', enum: languages, enumNames: languageNames }],
    },
  };
}

export const CURRENCIES = unique(MARKETPLACES.map((m) => m.currency)).sort();

/** Visits every object node of a JSON tree (depth first) so a rewrite can patch it in place. */
function visit(node: Json, fn: (n: JsonObject, key: string | undefined) => void, key?: string): void {
  if (Array.isArray(node)) node.forEach((n) => visit(n, fn));
  else if (isObject(node)) {
    fn(node, key);
    for (const [k, v] of Object.entries(node)) visit(v, fn, k);
  }
}

/**
 * Copies one attribute from BRACELET and removes what only held for the seller and marketplace
 * that fetched it: USD-only currencies, the seller's shipping templates and supply-source UUIDs,
 * amazon.com defaults, and the deprecated-theme lifecycle notes.
 */
export function lift(bracelet: JsonObject, attribute: string): JsonObject {
  const properties = bracelet['properties'];
  const source = isObject(properties) ? properties[attribute] : undefined;
  if (!isObject(source)) throw new Error(`BRACELET has no attribute ${attribute}`);
  const copy = clone(source);
  visit(copy, (n, key) => {
    delete n['$lifecycle'];
    if (key === 'currency') {
      delete n['default'];
      delete n['anyOf'];
      n['enum'] = [...CURRENCIES];
      n['enumNames'] = [...CURRENCIES];
    }
    if (key === 'fulfillment_channel_code') {
      // AMAZON_EU is inferred (REFERENCE §5); a real seller's schema lists the exact codes.
      n['enum'] = ['AMAZON_EU', 'AMAZON_NA', 'DEFAULT', 'MLF'];
      n['enumNames'] = ['Amazon (EU)', 'Amazon (North America)', 'Merchant fulfilled', 'Multi-location fulfillment'];
    }
  });
  if (attribute === 'merchant_shipping_group') {
    // Template ids are per seller: accept any, as the real schema does for the seller's own list.
    const value = (((copy['items'] as JsonObject)['properties'] as JsonObject)['value'] as JsonObject);
    delete value['enum'];
    delete value['enumNames'];
  }
  return copy;
}

interface Common {
  readonly title: string;
  readonly description: string;
  readonly examples?: readonly string[];
}

function arrayOf(common: Common, selectors: readonly string[], item: JsonObject, maxUniqueItems = 1): JsonObject {
  return {
    title: common.title,
    description: common.description,
    examples: [...(common.examples ?? [])],
    type: 'array',
    minItems: 1,
    minUniqueItems: 1,
    maxUniqueItems,
    selectors: [...selectors],
    items: item,
  };
}

const marketplaceRef = { $ref: '#/$defs/marketplace_id' };
const languageRef = { $ref: '#/$defs/language_tag' };

/** Free text per language; `suggestions` become the anyOf enum Amazon uses for "pick or type". */
export function textAttribute(common: Common, options: { maxLength?: number; suggestions?: readonly string[]; maxUniqueItems?: number } = {}): JsonObject {
  const value: JsonObject = { title: common.title, description: common.description, editable: true, hidden: false, type: 'string', maxLength: options.maxLength ?? 200, maxUtf8ByteLength: (options.maxLength ?? 200) * 4 };
  if (options.suggestions !== undefined) value['anyOf'] = [{ type: 'string' }, { type: 'string', enum: [...options.suggestions], enumNames: [...options.suggestions] }];
  return arrayOf(common, ['marketplace_id', 'language_tag'], {
    type: 'object',
    required: ['language_tag', 'value'],
    properties: { value, language_tag: languageRef, marketplace_id: marketplaceRef },
    additionalProperties: false,
  }, options.maxUniqueItems);
}

/** A closed list of values (strings or integers), shown by their enumNames. */
export function enumAttribute(common: Common, values: readonly (string | number)[], names: readonly string[]): JsonObject {
  const type = typeof values[0] === 'number' ? 'integer' : 'string';
  return arrayOf(common, ['marketplace_id'], {
    type: 'object',
    required: ['value'],
    properties: { value: { title: common.title, description: common.description, editable: true, hidden: false, type, enum: [...values], enumNames: [...names] }, marketplace_id: marketplaceRef },
    additionalProperties: false,
  });
}

export function integerAttribute(common: Common, minimum: number, maximum: number): JsonObject {
  return arrayOf(common, ['marketplace_id'], {
    type: 'object',
    required: ['value'],
    properties: { value: { title: common.title, description: common.description, editable: true, hidden: false, type: 'integer', minimum, maximum }, marketplace_id: marketplaceRef },
    additionalProperties: false,
  });
}

export function booleanAttribute(common: Common): JsonObject {
  return arrayOf(common, ['marketplace_id'], {
    type: 'object',
    required: ['value'],
    properties: { value: { title: common.title, description: common.description, editable: true, hidden: false, type: 'boolean', enum: [false, true], enumNames: ['No', 'Yes'] }, marketplace_id: marketplaceRef },
    additionalProperties: false,
  });
}

/** Number plus unit, like BRACELET's item_weight. */
export function measureAttribute(common: Common, units: readonly string[], unitNames: readonly string[]): JsonObject {
  return arrayOf(common, ['marketplace_id'], {
    type: 'object',
    required: ['unit', 'value'],
    properties: {
      value: { title: common.title, description: common.description, editable: true, hidden: false, type: 'number', minimum: 0 },
      unit: { title: `${common.title} Unit`, description: 'Select the corresponding unit', editable: true, hidden: false, type: 'string', enum: [...units], enumNames: [...unitNames] },
      marketplace_id: marketplaceRef,
    },
    additionalProperties: false,
  });
}
