import type { Db } from '../db/connection';
import { listAttributeMappings, storeCharacteristicNames } from '../db/tables/attribute-mappings';
import { listCategories } from '../db/tables/categories';
import { characteristicNamesIn, characteristicValuesIn, listCategoryMappings, productIdsInCategories } from '../db/tables/category-mappings';
import type { SelectionScope } from '../db/tables/listing-selections';
import type { Services } from '../services';
import { describeAttributes, type AttributeInfo } from './attributes';
import { resolveCategoryMappings } from './category-tree';
import { describeCondition } from './conditions';
import { loadSchema } from './service';
import type { SchemaOutcome } from './schemas';
import { schemaThemes } from './themes';

/** Products checked per call of the send engine's readiness check. */
const CHUNK = 500;
/** Beyond this many products the counts come from the first ones (the screen says so). */
const MAX_CHECKED = 5000;
const MAX_VALUES = 500;

/** The categories (id, path) whose products get this product type in the marketplace, optionally within one category's subtree. */
export function categoriesOfProductType(db: Db, marketplaceId: string, productType: string, within?: number): { id: number; path: string }[] {
  const categories = listCategories(db);
  const effective = resolveCategoryMappings(categories, listCategoryMappings(db, marketplaceId));
  const root = within === undefined ? undefined : categories.find((c) => c.id === within);
  return categories
    .filter((c) => effective.get(c.id)?.productType === productType)
    .filter((c) => root === undefined || c.id === root.id || c.path.startsWith(`${root.path} > `))
    .map((c) => ({ id: c.id, path: c.path }));
}

/** What the readiness check says of one product, as far as the counts below read it. */
export interface ProductReadiness {
  readonly status: 'ready' | 'invalid' | 'blocked';
  readonly skus: readonly { readonly issues: readonly { readonly attribute: string }[] }[];
}

/**
 * The send engine's own readiness check (selection/product-checks.ts, the verdict "Incluir produtos"
 * shows), handed in by the caller: mapping/ sits below the send engine and does not import it.
 */
export type ReadinessCheck = (scope: SelectionScope, productIds: readonly number[]) => readonly ProductReadiness[];

export interface AttributeNeeds {
  /** Products looked at (at most MAX_CHECKED). */
  readonly checked: number;
  /** Products in those categories in all. */
  readonly total: number;
  /** Products the send engine would send as they are. */
  readonly ready: number;
  /** Per attribute, how many products it keeps from being ready. */
  readonly blocking: ReadonlyMap<string, number>;
}

/**
 * How many of the seller's products each attribute keeps from being sent, from the send engine's
 * own readiness check: a product counts once per attribute however many of its SKUs miss it. Products on an existing ASIN are
 * checked as offers, so the product facts only a new ASIN needs never count against them.
 */
export function attributeNeeds(services: Services, scope: SelectionScope, categoryIds: readonly number[], check: ReadinessCheck): AttributeNeeds {
  const ids = productIdsInCategories(services.db, categoryIds, MAX_CHECKED + 1);
  const checkedIds = ids.slice(0, MAX_CHECKED);
  const blocking = new Map<string, number>();
  let ready = 0;
  for (let i = 0; i < checkedIds.length; i += CHUNK) {
    for (const product of check(scope, checkedIds.slice(i, i + CHUNK))) {
      if (product.status === 'ready') ready += 1;
      const attributes = new Set(product.skus.flatMap((s) => s.issues.map((issue) => issue.attribute)).filter((a) => a !== ''));
      for (const a of attributes) blocking.set(a, (blocking.get(a) ?? 0) + 1);
    }
  }
  const total = ids.length > MAX_CHECKED ? countProducts(services.db, categoryIds) : ids.length;
  return { checked: checkedIds.length, total, ready, blocking };
}

function countProducts(db: Db, categoryIds: readonly number[]): number {
  return productIdsInCategories(db, categoryIds, Number.MAX_SAFE_INTEGER).length;
}

export interface CharacteristicsView {
  readonly productType: string;
  readonly displayName: string;
  readonly version: string;
  readonly checkedAt: number;
  readonly schemaOutcome: SchemaOutcome;
  readonly variationThemes: readonly string[];
  /** Categories using this product type (within the chosen one, if any). */
  readonly categories: readonly { readonly id: number; readonly path: string }[];
  readonly products: { readonly total: number; readonly checked: number; readonly ready: number };
  /** Most blocking first; then required, conditional and optional ones, by title. */
  readonly attributes: readonly (AttributeInfo & { readonly blocking: number; readonly condition: string | null })[];
  /** Characteristics the categories' products have, most used first (all of the store's when none). */
  readonly characteristics: readonly string[];
}

/**
 * The "Relacionar características" screen for one product type (optionally one category): each
 * attribute in the marketplace's language with how many of the seller's products it blocks and,
 * for a conditional one, when it applies, worded from the schema's rules.
 */
export async function characteristicsView(
  services: Services,
  scope: SelectionScope,
  productType: string,
  check: ReadinessCheck,
  options: { readonly categoryId?: number | undefined; readonly refresh?: boolean | undefined } = {},
): Promise<CharacteristicsView> {
  const { schema, outcome } = await loadSchema(services, scope, productType, options.refresh === true);
  const categories = categoriesOfProductType(services.db, scope.marketplaceId, productType, options.categoryId);
  const ids = categories.map((c) => c.id);
  const needs = attributeNeeds(services, scope, ids, check);
  const used = characteristicNamesIn(services.db, ids);
  const rank = { required: 0, conditional: 1, optional: 2 } as const;
  const attributes = describeAttributes(schema.schema, listAttributeMappings(services.db, scope.marketplaceId, productType))
    .map((a) => ({
      ...a,
      blocking: needs.blocking.get(a.name) ?? 0,
      condition: a.requirement === 'conditional' ? describeCondition(schema.schema, a.name, services.translator) : null,
    }))
    .sort((a, b) => b.blocking - a.blocking || rank[a.requirement] - rank[b.requirement] || a.title.localeCompare(b.title));
  return {
    productType,
    displayName: schema.displayName,
    version: schema.version,
    checkedAt: schema.checkedAt,
    schemaOutcome: outcome,
    variationThemes: schemaThemes(schema.schema),
    categories,
    products: { total: needs.total, checked: needs.checked, ready: needs.ready },
    attributes,
    characteristics: used.length > 0 ? used : storeCharacteristicNames(services.db),
  };
}

/** The values of a characteristic among the products of a product type's categories (a value map translates only these). */
export function characteristicValuesFor(
  services: Services,
  marketplaceId: string,
  productType: string,
  characteristic: string,
  categoryId?: number,
): { value: string; products: number }[] {
  const ids = categoriesOfProductType(services.db, marketplaceId, productType, categoryId).map((c) => c.id);
  return characteristicValuesIn(services.db, characteristic, ids, MAX_VALUES);
}
