import type { AttributeMappingRow } from '../db/tables/attribute-mappings';
import type { Translator } from '../i18n';

type SchemaNode = Readonly<Record<string, unknown>>;

export type Requirement = 'required' | 'conditional' | 'optional';

/**
 * Attributes the listing builder fills from the store's own columns or the offer settings, so
 * the characteristics screen shows them as "from the store" instead of asking for a mapping.
 * Values are the store field keys (translated as mapping.storeFields.<key>).
 */
export const STORE_FILLED: Readonly<Record<string, string>> = {
  item_name: 'title',
  brand: 'brand',
  manufacturer: 'manufacturer',
  bullet_point: 'bullets',
  product_description: 'description',
  main_product_image_locator: 'images',
  item_package_weight: 'weight',
  item_package_dimensions: 'dimensions',
  externally_assigned_product_identifier: 'gtin',
  supplier_declared_has_product_identifier_exemption: 'gtin',
  merchant_suggested_asin: 'asin',
  parentage_level: 'variations',
  child_parent_sku_relationship: 'variations',
  variation_theme: 'variations',
  condition_type: 'offer',
  purchasable_offer: 'price',
  list_price: 'price',
  fulfillment_availability: 'stock',
  merchant_shipping_group: 'offer',
};

/** `mapping.storeFields.<key>` labels per attribute, so issues name the column to fix ("Marca"). */
export function storeColumnLabels(translator: Pick<Translator, 't'>): Record<string, string> {
  return Object.fromEntries(Object.entries(STORE_FILLED).map(([attribute, key]) => [attribute, translator.t(`mapping.storeFields.${key}`)]));
}

export interface AttributeOption {
  readonly value: string;
  readonly label: string;
}

export interface AttributeInfo {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly requirement: Requirement;
  /** Store field key when the builder fills it on its own. */
  readonly storeField: string | null;
  readonly valueType: string;
  /** Allowed values (closed list) or suggested ones (open list, `anyOf` with an enum). */
  readonly options: readonly AttributeOption[];
  readonly closedList: boolean;
  /** Units the schema accepts for a measure attribute. */
  readonly units: readonly string[];
  /** The same units with the schema's labels ("Centímetros"). */
  readonly unitOptions: readonly AttributeOption[];
  /** True when one entry has several fields (`stones`): only a default can fill it whole. */
  readonly structured: boolean;
  readonly mapping: AttributeMappingRow | null;
}

function node(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Enumerated values as text: strings, and numbers (`number_of_wheels`) written out; booleans have their own control. */
function enumValues(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) : [];
}

function options(valueSchema: SchemaNode | undefined): { options: AttributeOption[]; closed: boolean } {
  const direct = enumValues(valueSchema?.['enum']);
  const closed = direct.length > 0;
  let values = direct;
  let names = strings(valueSchema?.['enumNames']);
  if (!closed) {
    for (const alt of Array.isArray(valueSchema?.['anyOf']) ? valueSchema['anyOf'] : []) {
      const e = enumValues(node(alt)?.['enum']);
      if (e.length > 0) {
        values = e;
        names = strings(node(alt)?.['enumNames']);
        break;
      }
    }
  }
  return { options: values.map((v, i) => ({ value: v, label: names[i] ?? v })), closed };
}

/** Every attribute named in a `required` inside the schema's allOf / if-then-else rules. */
export function conditionallyRequired(schema: SchemaNode): Set<string> {
  const out = new Set<string>();
  const walk = (n: SchemaNode | undefined, inBranch: boolean): void => {
    if (n === undefined) return;
    if (inBranch) for (const name of strings(n['required'])) out.add(name);
    for (const key of ['then', 'else']) walk(node(n[key]), true);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      for (const sub of Array.isArray(n[key]) ? n[key] : []) walk(node(sub), inBranch);
    }
  };
  for (const rule of Array.isArray(schema['allOf']) ? schema['allOf'] : []) walk(node(rule), false);
  return out;
}

/**
 * The characteristics screen's rows for one product type: each attribute with whether the
 * schema requires it always, only under conditions (the allOf / if-then rules: a barcode unless
 * exempt, the offer unless a parent…), or never; its allowed values and units; and the current
 * mapping. Required first, then conditional, then optional, each by title.
 */
export function describeAttributes(schema: SchemaNode, mappings: readonly AttributeMappingRow[]): AttributeInfo[] {
  const props = node(schema['properties']) ?? {};
  const required = new Set(strings(schema['required']));
  const conditional = conditionallyRequired(schema);
  const byAttribute = new Map(mappings.map((m) => [m.attribute, m]));
  const rank: Record<Requirement, number> = { required: 0, conditional: 1, optional: 2 };
  return Object.entries(props)
    .map(([name, raw]): AttributeInfo => {
      const attr = node(raw);
      const itemProps = node(node(attr?.['items'])?.['properties']) ?? {};
      const valueSchema = node(itemProps['value']);
      const { options: opts, closed } = options(valueSchema);
      const ownFields = Object.keys(itemProps).filter((k) => k !== 'marketplace_id' && k !== 'language_tag');
      const type = valueSchema?.['type'];
      return {
        name,
        title: typeof attr?.['title'] === 'string' ? attr['title'] : name,
        description: typeof attr?.['description'] === 'string' ? attr['description'] : '',
        requirement: required.has(name) ? 'required' : conditional.has(name) ? 'conditional' : 'optional',
        storeField: STORE_FILLED[name] ?? null,
        valueType: typeof type === 'string' ? type : valueSchema ? 'string' : 'object',
        options: opts,
        closedList: closed,
        units: strings(node(itemProps['unit'])?.['enum']),
        unitOptions: options(node(itemProps['unit'])).options,
        structured: valueSchema === undefined || ownFields.some((k) => k !== 'value' && k !== 'unit'),
        mapping: byAttribute.get(name) ?? null,
      };
    })
    .sort((a, b) => rank[a.requirement] - rank[b.requirement] || a.title.localeCompare(b.title));
}
