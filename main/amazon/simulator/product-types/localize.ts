import { CURRENCIES, marketplaceDefs, MARKETPLACES, type Json, type JsonObject } from './attribute-templates';
import { DESCRIPTIONS, ENUM_NAMES, PATH_SEGMENTS, TITLES } from './pt-br';

/**
 * A product type schema as Amazon serves it for one marketplace and locale: the marketplace's own
 * currency and marketplace/language tags (Amazon's BRACELET was fetched for amazon.com, in USD),
 * and — for Portuguese — titles, descriptions and value labels in pt_BR. Shapes stay exactly
 * Amazon's: only strings and enumerations of currencies, marketplaces and languages change.
 */

type Visitor = (node: JsonObject, key: string | undefined, path: readonly string[]) => void;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visit(node: Json, fn: Visitor, key?: string, path: readonly string[] = []): void {
  if (Array.isArray(node)) node.forEach((n) => visit(n, fn, undefined, path));
  else if (isObject(node)) {
    fn(node, key, path);
    for (const [k, v] of Object.entries(node)) visit(v, fn, k, [...path, k]);
  }
}

function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A `$defs` entry for a value the marketplace fixes (its id, its language): hidden, not editable, one named choice. */
function fixedValueDef(value: string, name: string): JsonObject {
  return {
    default: value,
    editable: false,
    hidden: true,
    examples: [name],
    type: 'string',
    anyOf: [{ type: 'string' }, { type: 'string', enum: [value], enumNames: [name] }],
  };
}

function setCurrencies(node: JsonObject, currencies: readonly string[]): void {
  delete node['default'];
  delete node['anyOf'];
  node['enum'] = [...currencies];
  node['enumNames'] = [...currencies];
}

/**
 * The schema valid in every marketplace of the simulator: what a schema fetched for one
 * marketplace says only for it (USD, amazon.com, the fetching seller's shipping templates and
 * supply sources) widened or removed, as the generated product types already are.
 */
export function widenSchema(schema: JsonObject): JsonObject {
  const copy = clone(schema);
  // Only attribute definitions: the allOf rules name codes in their conditions ("if the channel is
  // AMAZON_NA…"), which must stay as they are.
  visit(copy['properties'] ?? {}, (n, key) => {
    delete n['$lifecycle'];
    if (key === 'currency') setCurrencies(n, CURRENCIES);
    if (key === 'unit' && Array.isArray(n['enum'])) addMetricUnits(n);
    if (key === 'fulfillment_channel_code') {
      n['enum'] = ['AMAZON_EU', 'AMAZON_NA', 'DEFAULT', 'MLF'];
      n['enumNames'] = ['Amazon (EU)', 'Amazon (North America)', 'Merchant fulfilled', 'Multi-location fulfillment'];
    }
  });
  const shipping = (copy['properties'] as JsonObject | undefined)?.['merchant_shipping_group'];
  const value = isObject(shipping) ? (((shipping['items'] as JsonObject)['properties'] as JsonObject)['value'] as JsonObject) : undefined;
  if (value) {
    delete value['enum'];
    delete value['enumNames'];
  }
  copy['$defs'] = { ...(isObject(copy['$defs']) ? copy['$defs'] : {}), ...marketplaceDefs() };
  // A rule conditioned on the fetching seller's own supply sources (their UUIDs, in BRACELET: "a
  // shipping template is required when shipped from one of my warehouses") is that seller's.
  if (Array.isArray(copy['allOf'])) copy['allOf'] = copy['allOf'].filter((rule) => !(isObject(rule) && SUPPLY_SOURCE.test(JSON.stringify(rule['if'] ?? null))));
  return copy;
}

const SUPPLY_SOURCE = /"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/;

/** Metric units beside the imperial ones a schema fetched for amazon.com lists alone (BRACELET's item length is in inches only). */
const METRIC: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  inches: [['centimeters', 'Centimeters'], ['millimeters', 'Millimeters']],
  feet: [['meters', 'Meters']],
  pounds: [['kilograms', 'Kilograms'], ['grams', 'Grams']],
  ounces: [['grams', 'Grams']],
};

function addMetricUnits(n: JsonObject): void {
  const values = (n['enum'] as Json[]).filter((v): v is string => typeof v === 'string');
  const names = Array.isArray(n['enumNames']) ? [...n['enumNames']] : [...values];
  const lower = new Set(values.map((v) => v.toLowerCase()));
  const added: [string, string][] = [];
  for (const v of values) {
    for (const [metric, label] of METRIC[v.toLowerCase()] ?? []) {
      if (!lower.has(metric) && !added.some(([m]) => m === metric)) added.push([metric, label]);
    }
  }
  if (added.length === 0) return;
  n['enum'] = [...values, ...added.map(([m]) => m)];
  n['enumNames'] = [...names, ...added.map(([, l]) => l)];
}

const regionNames = new Intl.DisplayNames(['pt-BR'], { type: 'region', fallback: 'none' });
const languageNames = new Intl.DisplayNames(['pt-BR'], { type: 'language', fallback: 'none' });

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Item Weight Unit" without its own entry → "Unidade de peso do item" from "Item Weight". */
function ptTitle(title: string): string {
  const known = TITLES[title] ?? TITLES[title.trim()];
  if (known !== undefined) return known;
  const unit = / Unit$/.exec(title);
  if (unit) {
    const of = TITLES[title.slice(0, -5)];
    if (of !== undefined) return `Unidade de ${of.charAt(0).toLowerCase()}${of.slice(1)}`;
  }
  return title;
}

function ptEnumName(name: string, value: Json | undefined, path: readonly string[]): string {
  const known = ENUM_NAMES[name];
  if (known !== undefined) return known;
  if (name.includes(' > ')) return name.split(' > ').map((segment) => PATH_SEGMENTS[segment] ?? segment).join(' > ');
  if (typeof value === 'string' && path.includes('country_of_origin') && /^[A-Z]{2}$/.test(value)) return regionNames.of(value) ?? name;
  if (typeof value === 'string' && /^[a-z]{2}_[A-Z]{2}$/.test(value)) return capitalize(languageNames.of(value.replace('_', '-')) ?? name);
  return name;
}

const GENERIC_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Select the corresponding unit': 'Selecione a unidade correspondente',
  'Select the corresponding currency': 'Selecione a moeda correspondente',
};

function localizeStrings(schema: JsonObject): void {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  for (const [attribute, raw] of Object.entries(properties)) {
    if (!isObject(raw)) continue;
    const own = DESCRIPTIONS[attribute];
    visit(raw, (n, key, path) => {
      const title = typeof n['title'] === 'string' ? n['title'] : undefined;
      const depth = path.length;
      // The attribute itself and its `value` field share the attribute's description.
      const isMain = depth === 0 || (key === 'value' && path.at(-2) === 'properties' && path.length === 3);
      if (title !== undefined) n['title'] = ptTitle(title);
      if (typeof n['description'] === 'string') {
        const generic = GENERIC_DESCRIPTIONS[n['description']];
        n['description'] =
          generic ?? (isMain && own !== undefined ? own : `Preencha “${title !== undefined ? ptTitle(title) : attribute}” quando se aplicar ao produto.`);
      }
      if (Array.isArray(n['enumNames'])) {
        const values = Array.isArray(n['enum']) ? n['enum'] : [];
        n['enumNames'] = n['enumNames'].map((name, i) => (typeof name === 'string' ? ptEnumName(name, values[i], [attribute, ...path]) : name));
      }
    });
  }
  const defs = isObject(schema['$defs']) ? schema['$defs'] : {};
  visit(defs, (n) => {
    if (!Array.isArray(n['enumNames'])) return;
    const values = Array.isArray(n['enum']) ? n['enum'] : [];
    n['enumNames'] = n['enumNames'].map((name, i) => (typeof name === 'string' ? ptEnumName(name, values[i], ['$defs']) : name));
  });
}

/**
 * The document `getDefinitionsProductType` links to for this marketplace and locale: currencies
 * and marketplace/language tags of that marketplace only, and Portuguese wording for `pt_*`
 * locales. Other locales keep Amazon's English (the simulator has no other translations).
 */
export function schemaForMarketplace(widened: JsonObject, marketplaceId: string, locale: string | undefined): JsonObject {
  const copy = clone(widened);
  const marketplace = MARKETPLACES.find((m) => m.id === marketplaceId);
  if (marketplace) {
    visit(copy['properties'] ?? {}, (n, key) => {
      if (key === 'currency' && Array.isArray(n['enum'])) setCurrencies(n, [marketplace.currency]);
    });
    copy['$defs'] = {
      ...(isObject(copy['$defs']) ? copy['$defs'] : {}),
      marketplace_id: fixedValueDef(marketplace.id, marketplace.name),
      language_tag: fixedValueDef(marketplace.language, marketplace.languageName),
    };
  }
  if (locale?.toLowerCase().startsWith('pt')) localizeStrings(copy);
  return copy;
}
