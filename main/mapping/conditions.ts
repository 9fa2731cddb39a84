import type { Translator } from '../i18n';

type Node = Readonly<Record<string, unknown>>;

/**
 * When a conditional attribute is required, in the seller's words: "Obrigatório quando o item
 * tem oferta e não é o produto pai de uma família de variações." Read from the product type's
 * `allOf` rules (`if` … `then: { required: [...] }`), whose conditions come in a handful of shapes
 * (a value is one of a list, a value is filled, a nested field has a value, and/or/not of those).
 * Attribute names are shown by their titles and values by their labels, both from the schema (so
 * in the marketplace's language); a shape not recognized is described as such, never guessed.
 */

function node(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === 'string');
}

/** A recognized condition, before wording: what a rule's `if` tests. */
type Clause =
  | { readonly kind: 'is'; readonly attribute: string; readonly field: string; readonly values: readonly unknown[]; readonly negated: boolean }
  | { readonly kind: 'filled'; readonly attribute: string; readonly field: string; readonly negated: boolean }
  | { readonly kind: 'all' | 'any'; readonly parts: readonly Clause[] }
  | { readonly kind: 'unknown' };

function negate(c: Clause): Clause {
  switch (c.kind) {
    case 'is':
    case 'filled':
      return { ...c, negated: !c.negated };
    case 'all':
      return { kind: 'any', parts: c.parts.map(negate) };
    case 'any':
      return { kind: 'all', parts: c.parts.map(negate) };
    case 'unknown':
      return c;
  }
}

/** `{required:[a], properties:{a:{contains|items: …}}}` → what it says about attribute `a`. */
function attributeClause(n: Node): Clause | null {
  const required = strings(n['required']);
  const props = node(n['properties']);
  const names = Object.keys(props ?? {});
  if (names.length !== 1 || (required.length > 0 && required[0] !== names[0])) return null;
  const attribute = names[0] as string;
  const body = node(props?.[attribute]);
  const inner = node(body?.['contains']) ?? node(body?.['items']);
  if (!inner) return required.length > 0 ? { kind: 'filled', attribute, field: 'value', negated: false } : null;
  const innerProps = node(inner['properties']) ?? {};
  const [field] = Object.keys(innerProps);
  if (field !== undefined) {
    const values = list(node(innerProps[field])?.['enum']);
    if (values.length > 0) return { kind: 'is', attribute, field, values, negated: false };
  }
  const innerRequired = strings(inner['required']);
  if (innerRequired.length === 1) return { kind: 'filled', attribute, field: innerRequired[0] as string, negated: false };
  const not = node(inner['not']);
  const notRequired = strings(not?.['required']);
  if (notRequired.length === 1) return { kind: 'filled', attribute, field: notRequired[0] as string, negated: true };
  return null;
}

function parse(n: Node | undefined, depth = 0): Clause {
  if (!n || depth > 8) return { kind: 'unknown' };
  if (node(n['not'])) return negate(parse(node(n['not']), depth + 1));
  if (Array.isArray(n['allOf'])) return { kind: 'all', parts: n['allOf'].map((p) => parse(node(p), depth + 1)) };
  if (Array.isArray(n['anyOf'])) return { kind: 'any', parts: n['anyOf'].map((p) => parse(node(p), depth + 1)) };
  return attributeClause(n) ?? { kind: 'unknown' };
}

/** Every rule of the schema that makes `attribute` required, with its condition. */
function rulesRequiring(schema: Node, attribute: string): Clause[] {
  const out: Clause[] = [];
  const walk = (rule: Node | undefined, within: Clause[]): void => {
    if (!rule) return;
    const condition = node(rule['if']);
    const then = node(rule['then']);
    const elseBranch = node(rule['else']);
    if (condition) {
      const c = parse(condition);
      if (then && strings(then['required']).includes(attribute)) out.push(within.length ? { kind: 'all', parts: [...within, c] } : c);
      if (elseBranch && strings(elseBranch['required']).includes(attribute))
        out.push(within.length ? { kind: 'all', parts: [...within, negate(c)] } : negate(c));
      walk(then, [...within, c]);
      walk(elseBranch, [...within, negate(c)]);
    }
    for (const sub of list(rule['allOf'])) walk(node(sub), within);
  };
  for (const rule of list(schema['allOf'])) walk(node(rule), []);
  return out;
}

interface Wording {
  readonly t: Translator['t'];
  readonly titleOf: (attribute: string, field: string) => string;
  readonly labelOf: (attribute: string, field: string, value: unknown) => string;
}

const MAX_VALUES = 3;

/** The phrases of a condition that must all hold ("a and b and c"); a single one for anything else. */
function conjuncts(c: Clause, w: Wording): string[] {
  if (c.kind !== 'all') return [phrase(c, w)];
  const parts = [...new Set(c.parts.flatMap((p) => conjuncts(p, w)))];
  // A variation is never the family's parent: saying both is noise.
  const child = w.t('mapping.conditions.child');
  return parts.includes(child) ? parts.filter((p) => p !== w.t('mapping.conditions.notParent')) : parts;
}

function phrase(c: Clause, w: Wording): string {
  switch (c.kind) {
    case 'is': {
      // The variation family, the offer and the GTIN exemption are worded for what they mean to a seller.
      const [only] = c.values;
      if (c.attribute === 'parentage_level' && c.values.length === 1 && only === 'parent')
        return w.t(c.negated ? 'mapping.conditions.notParent' : 'mapping.conditions.parent');
      if (c.attribute === 'parentage_level' && c.values.length === 1 && only === 'child')
        return w.t(c.negated ? 'mapping.conditions.notChild' : 'mapping.conditions.child');
      if (c.attribute === 'skip_offer' && c.values.length === 1 && only === true)
        return w.t(c.negated ? 'mapping.conditions.offer' : 'mapping.conditions.noOffer');
      if (c.attribute === 'supplier_declared_has_product_identifier_exemption' && c.values.length === 1 && typeof only === 'boolean') {
        return w.t(only !== c.negated ? 'mapping.conditions.gtinExempt' : 'mapping.conditions.notGtinExempt');
      }
      if (c.attribute === 'variation_theme') {
        const themes =
          c.values
            .slice(0, MAX_VALUES)
            .map((v) => `“${String(v)}”`)
            .join(w.t('mapping.conditions.orWord')) + (c.values.length > MAX_VALUES ? '…' : '');
        return w.t(c.negated ? 'mapping.conditions.themeIsNot' : 'mapping.conditions.themeIs', { themes });
      }
      const shown = c.values.slice(0, MAX_VALUES).map((v) => `“${w.labelOf(c.attribute, c.field, v)}”`);
      const values = shown.join(w.t('mapping.conditions.orWord')) + (c.values.length > MAX_VALUES ? '…' : '');
      return w.t(c.negated ? 'mapping.conditions.isNot' : 'mapping.conditions.is', { attribute: w.titleOf(c.attribute, c.field), values });
    }
    case 'filled':
      if (c.attribute === 'parentage_level' && c.field === 'value') return w.t(c.negated ? 'mapping.conditions.notInFamily' : 'mapping.conditions.inFamily');
      if (c.attribute === 'child_parent_sku_relationship' && c.field === 'parent_sku')
        return w.t(c.negated ? 'mapping.conditions.notChild' : 'mapping.conditions.child');
      // No exemption declared means none: the same as declaring "no".
      if (c.attribute === 'supplier_declared_has_product_identifier_exemption' && c.negated) return w.t('mapping.conditions.notGtinExempt');
      return w.t(c.negated ? 'mapping.conditions.empty' : 'mapping.conditions.filled', { attribute: w.titleOf(c.attribute, c.field) });
    case 'all':
      return conjuncts(c, w).join(w.t('mapping.conditions.andWord'));
    case 'any': {
      const parts = [...new Set(c.parts.map((p) => phrase(p, w)))];
      // "not in a family, or not its parent" is simply "not the parent".
      const notParent = w.t('mapping.conditions.notParent');
      if (parts.includes(notParent) && parts.every((p) => p === notParent || p === w.t('mapping.conditions.notInFamily'))) return notParent;
      const joined = parts.join(w.t('mapping.conditions.orWord'));
      return parts.length > 1 ? `(${joined})` : joined;
    }
    case 'unknown':
      return w.t('mapping.conditions.other');
  }
}

function titleLookup(schema: Node): Wording['titleOf'] {
  const props = node(schema['properties']) ?? {};
  return (attribute, field) => {
    const attr = node(props[attribute]);
    const own = typeof attr?.['title'] === 'string' ? attr['title'] : attribute;
    if (field === 'value') return own;
    const sub = node(node(node(attr?.['items'])?.['properties'])?.[field]);
    const subTitle = typeof sub?.['title'] === 'string' ? sub['title'] : field;
    return `${own}: ${subTitle}`;
  };
}

function labelLookup(schema: Node): Wording['labelOf'] {
  const props = node(schema['properties']) ?? {};
  return (attribute, field, value) => {
    const valueSchema = node(node(node(node(props[attribute])?.['items'])?.['properties'])?.[field]);
    const options = [valueSchema, ...list(valueSchema?.['anyOf']).map(node)];
    for (const o of options) {
      const i = list(o?.['enum']).indexOf(value);
      const name = list(o?.['enumNames'])[i];
      if (i >= 0 && typeof name === 'string') return name;
    }
    return String(value);
  };
}

/**
 * The sentence saying when `attribute` is required, or null when no rule requires it (always
 * required, or optional). Several rules are joined with "or".
 */
export function describeCondition(schema: Node, attribute: string, translator: Pick<Translator, 't'>): string | null {
  const rules = rulesRequiring(schema, attribute);
  if (rules.length === 0) return null;
  const wording: Wording = { t: translator.t, titleOf: titleLookup(schema), labelOf: labelLookup(schema) };
  // A rule whose conditions include all of another's adds nothing to "or": keep the broader one.
  const sets = rules.map((r) => conjuncts(r, wording));
  const kept = sets.filter((set, i) => !sets.some((other, j) => j !== i && other.every((p) => set.includes(p)) && (other.length < set.length || j < i)));
  const when = [...new Set([...kept].sort((a, b) => a.length - b.length).map((set) => set.join(translator.t('mapping.conditions.andWord'))))].join(
    translator.t('mapping.conditions.orWhen'),
  );
  return translator.t('mapping.conditions.requiredWhen', { when });
}
