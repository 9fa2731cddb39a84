/**
 * Generates the simulator's product type schemas (<PRODUCT_TYPE>.schema.json + index.json) in
 * this folder from Amazon's BRACELET schema and the category specs in categories.ts.
 *
 *   npx tsx main/amazon/simulator/product-types/build-product-types.ts
 *
 * The output is committed; a unit test fails when it no longer matches this generator.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AMAZON_META_SCHEMA_ID } from '../../../listings/amazon-vocabulary';
import { lift, marketplaceDefs, type JsonObject } from './attribute-templates';
import { CATEGORIES, SHARED_REQUIRED, type CategorySpec, type ExampleValue } from './categories';
import { batteryRule, dangerousGoodsRule, identifierRules, offerRules, requiredUnlessParent, themeRules, variationRules } from './rules';

const SCHEMA_ID_PREFIX = 'https://schemas.amazon.com/selling-partners/definitions/product-types/schema/v1/';

/** Attributes every generated product type has, lifted verbatim (after clean-up) from BRACELET. */
const SHARED_LIFTED = [
  'parentage_level',
  'child_parent_sku_relationship',
  'variation_theme',
  'item_name',
  'brand',
  'supplier_declared_has_product_identifier_exemption',
  'externally_assigned_product_identifier',
  'merchant_suggested_asin',
  'item_type_keyword',
  'model_number',
  'model_name',
  'manufacturer',
  'main_product_image_locator',
  ...Array.from({ length: 8 }, (_, i) => `other_product_image_locator_${i + 1}`),
  'product_description',
  'bullet_point',
  'generic_keyword',
  'style',
  'material',
  'number_of_items',
  'color',
  'size',
  'part_number',
  'skip_offer',
  'fulfillment_availability',
  'purchasable_offer',
  'condition_type',
  'condition_note',
  'list_price',
  'merchant_shipping_group',
  'item_package_dimensions',
  'item_package_weight',
  'country_of_origin',
  'batteries_required',
  'batteries_included',
  'supplier_declared_dg_hz_regulation',
  'item_weight',
] as const;

export interface ProductTypeIndexEntry {
  readonly productType: string;
  readonly version: string;
  readonly displayName: CategorySpec['displayName'];
  readonly file: string;
  readonly variationThemes: readonly string[];
  /** Attribute behind each theme token (`SIZE` → `footwear_size` for SHOES). */
  readonly themeAttributes: Readonly<Record<string, string>>;
  readonly examples: readonly ExampleValue[];
}

/** BRACELET's descriptions say "bracelet"/"jewelry item"; other categories get neutral wording. */
function neutralize(node: unknown): void {
  if (Array.isArray(node)) node.forEach(neutralize);
  else if (typeof node === 'object' && node !== null) {
    const obj = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if ((k === 'description' || k === 'title') && typeof v === 'string') obj[k] = v.replace(/jewelry item|bracelet/gi, 'item');
      else neutralize(v);
    }
  }
}

function setNested(root: JsonObject, path: readonly string[], value: JsonObject[keyof JsonObject]): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as JsonObject;
  node[path.at(-1) as string] = value;
}

export function buildProductTypeSchema(bracelet: JsonObject, spec: CategorySpec): JsonObject {
  const properties: JsonObject = {};
  for (const attribute of [...SHARED_LIFTED, ...spec.lifted]) properties[attribute] = lift(bracelet, attribute);
  if (spec.productType !== 'JEWELRY') neutralize(properties);
  Object.assign(properties, spec.authored);

  const theme = properties['variation_theme'] as JsonObject;
  setNested(theme, ['items', 'properties', 'name', 'enum'], [...spec.themes]);
  setNested(theme, ['items', 'properties', 'name', 'enumNames'], [...spec.themes]);
  const keyword = properties['item_type_keyword'] as JsonObject;
  setNested(keyword, ['items', 'properties', 'value', 'anyOf'], [{ type: 'string' }, { type: 'string', enum: [...spec.itemTypeKeywords], enumNames: [...spec.itemTypeKeywords] }]);

  // A variation parent has no single color or size, so attributes that vary within a family are
  // required through "unless parent" rules (as BRACELET does for color) instead of the root list.
  const varying = new Set(Object.values(spec.themeTokens));
  const required = [...new Set([...SHARED_REQUIRED, ...spec.required])].filter((a) => !varying.has(a)).sort();
  const unlessParent = [...new Set([...spec.requiredUnlessParent, ...spec.required.filter((a) => varying.has(a))])].sort();
  const allOf = [
    ...variationRules(),
    ...identifierRules(),
    ...themeRules(spec.themes, spec.themeTokens),
    ...requiredUnlessParent(unlessParent),
    ...offerRules(),
    dangerousGoodsRule(),
    ...(spec.batteries ? [batteryRule()] : []),
  ];
  return {
    $schema: AMAZON_META_SCHEMA_ID,
    $id: `${SCHEMA_ID_PREFIX}${spec.productType}`,
    $comment: `Vitrine simulator product type ${spec.productType}, version ${spec.version}. Not an Amazon document: shared attributes are lifted from Amazon's BRACELET schema (MIT-0, see SOURCE.md), category attributes are written in the same shape.`,
    $defs: marketplaceDefs(),
    type: 'object',
    required,
    properties,
    additionalProperties: false,
    allOf,
  };
}

export function buildAll(bracelet: JsonObject): { schemas: Record<string, JsonObject>; index: ProductTypeIndexEntry[] } {
  const schemas: Record<string, JsonObject> = {};
  const index: ProductTypeIndexEntry[] = [];
  for (const spec of CATEGORIES) {
    schemas[spec.productType] = buildProductTypeSchema(bracelet, spec);
    index.push({
      productType: spec.productType,
      version: spec.version,
      displayName: spec.displayName,
      file: `${spec.productType}.schema.json`,
      variationThemes: spec.themes,
      themeAttributes: spec.themeTokens,
      examples: spec.examples,
    });
  }
  return { schemas, index };
}

export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function main(): void {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const bracelet = JSON.parse(readFileSync(`${dir}BRACELET.schema.json`, 'utf8')) as JsonObject;
  const { schemas, index } = buildAll(bracelet);
  for (const [productType, schema] of Object.entries(schemas)) writeFileSync(`${dir}${productType}.schema.json`, serialize(schema));
  writeFileSync(`${dir}index.json`, serialize(index));
  process.stdout.write(`wrote ${index.length} product types to ${dir}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
