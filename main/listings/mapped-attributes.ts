import type { AttributeMapping, BuildInput, ProductTypeMapping } from './builder-types';
import type { AttributeValue } from './types';

type SchemaNode = Readonly<Record<string, unknown>>;

/** How one entry of an attribute is laid out (REFERENCE §5). */
export type AttributeShape = 'text' | 'plain' | 'measure';

function node(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

function itemProperties(schema: SchemaNode | undefined, attribute: string): SchemaNode | undefined {
  const attr = node(node(schema?.['properties'])?.[attribute]);
  return node(node(attr?.['items'])?.['properties']);
}

/**
 * Reads the entry shape from the schema: text attributes carry `language_tag`, measures `unit`.
 * Without a schema we assume text, the most common shape for free-form characteristics.
 */
export function attributeShape(schema: SchemaNode | undefined, attribute: string): AttributeShape {
  const props = itemProperties(schema, attribute);
  if (props === undefined) return 'text';
  if ('language_tag' in props) return 'text';
  if ('unit' in props && 'value' in props) return 'measure';
  return 'plain';
}

/** JSON type the schema wants for `value` (Amazon uses string, number, integer and boolean). */
function valueType(schema: SchemaNode | undefined, attribute: string): string {
  const t = node(itemProperties(schema, attribute)?.['value'])?.['type'];
  return typeof t === 'string' ? t : 'string';
}

const TRUE_WORDS = new Set(['true', 'yes', 'sim', 'y', 's', '1', 'si', 'sí', 'oui', 'ja']);

/** Store values are text; turn them into the JSON type the schema expects ("2,5" → 2.5). */
export function coerceValue(raw: string | number | boolean, type: string): string | number | boolean {
  if (type === 'boolean') return typeof raw === 'boolean' ? raw : TRUE_WORDS.has(String(raw).trim().toLowerCase());
  if (type === 'number' || type === 'integer') {
    if (typeof raw === 'number') return raw;
    const parsed = Number(String(raw).trim().replace(',', '.'));
    // Leave unparsable text as is, so validation names the bad value instead of hiding it.
    return Number.isFinite(parsed) ? (type === 'integer' ? Math.trunc(parsed) : parsed) : String(raw);
  }
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

/** "Não  Aplicável" and "nao aplicavel" are the same words to a seller. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('pt-BR');
}

/** The schema's listed values of an attribute (closed, or the list of an open one) with their labels. */
function listedValues(schema: SchemaNode | undefined, attribute: string): { readonly codes: readonly unknown[]; readonly names: readonly unknown[] } {
  const valueSchema = node(itemProperties(schema, attribute)?.['value']);
  const alternatives = [valueSchema, ...(Array.isArray(valueSchema?.['anyOf']) ? valueSchema['anyOf'].map(node) : [])];
  for (const alt of alternatives) {
    const codes = alt?.['enum'];
    if (Array.isArray(codes) && codes.length > 0) return { codes, names: Array.isArray(alt?.['enumNames']) ? alt['enumNames'] : [] };
  }
  return { codes: [], names: [] };
}

/**
 * A store value written as the list's label ("Não aplicável", as Amazon's schema shows it in the
 * seller's language and as a refusal lists the accepted values) or as its code in another case
 * is the code Amazon expects ("not_applicable"). A value matching no single entry is kept, so the
 * validation names it.
 */
export function listCode(schema: SchemaNode | undefined, attribute: string, value: string): string {
  const { codes, names } = listedValues(schema, attribute);
  if (codes.length === 0 || codes.includes(value)) return value;
  const wanted = fold(value);
  const matches = new Set<string>();
  codes.forEach((code, i) => {
    if (typeof code !== 'string') return;
    const name = names[i];
    if (fold(code) === wanted || (typeof name === 'string' && fold(name) === wanted)) matches.add(code);
  });
  return matches.size === 1 ? ([...matches][0] ?? value) : value;
}

function rawValue(mapping: AttributeMapping, input: BuildInput): string | number | boolean | undefined {
  if (mapping.source.kind === 'constant') return mapping.source.value;
  if (mapping.source.kind === 'entries') return undefined;
  const chars = { ...input.product.characteristics, ...input.sku.variationAttributes };
  const value = chars[mapping.source.name];
  if (value === undefined || value.trim() === '') return input.mapping.defaults?.[mapping.attribute];
  const mapped = mapping.valueMap?.[value];
  return mapped ?? listCode(input.schema, mapping.attribute, value);
}

export function entry(shape: AttributeShape, value: unknown, input: BuildInput, unit?: string): AttributeValue {
  const marketplace_id = input.marketplace.id;
  switch (shape) {
    case 'text':
      return { value, language_tag: input.marketplace.languageTag, marketplace_id };
    case 'measure':
      return unit === undefined ? { value, marketplace_id } : { value, unit, marketplace_id };
    case 'plain':
      return { value, marketplace_id };
  }
}

/**
 * Attributes mapped from store characteristics, constants and per-category defaults. Defaults
 * also fill attributes with no mapping at all (a category-wide `item_type_keyword`).
 */
export function mappedAttributes(input: BuildInput): Record<string, AttributeValue[]> {
  const out: Record<string, AttributeValue[]> = {};
  const add = (attribute: string, raw: string | number | boolean, unit?: string): void => {
    const shape = attributeShape(input.schema, attribute);
    out[attribute] = [entry(shape, coerceValue(raw, valueType(input.schema, attribute)), input, unit)];
  };
  for (const mapping of input.mapping.attributes) {
    if (mapping.source.kind === 'entries') {
      const props = itemProperties(input.schema, mapping.attribute);
      const withMarketplace = props === undefined || 'marketplace_id' in props;
      out[mapping.attribute] = mapping.source.entries.map((e) => (withMarketplace ? { ...e, marketplace_id: input.marketplace.id } : { ...e }));
      continue;
    }
    const raw = rawValue(mapping, input);
    if (raw !== undefined) add(mapping.attribute, raw, mapping.unit);
  }
  const mapped = new Set(input.mapping.attributes.map((m) => m.attribute));
  for (const [attribute, value] of Object.entries(input.mapping.defaults ?? {})) {
    if (!mapped.has(attribute)) add(attribute, value);
  }
  return out;
}

/**
 * Store field labels for validation messages: each attribute mapped from a characteristic is
 * named after it ("Cor"); `columns` adds the store's own columns (`brand` → "Marca").
 */
export function fieldLabelsFor(mapping: ProductTypeMapping, columns: Readonly<Record<string, string>> = {}): Record<string, string> {
  const labels: Record<string, string> = { ...columns };
  for (const m of mapping.attributes) {
    if (m.source.kind === 'characteristic') labels[m.attribute] = m.source.name;
  }
  return labels;
}
