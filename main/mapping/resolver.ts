import type { Db } from '../db/connection';
import { listAttributeMappings } from '../db/tables/attribute-mappings';
import { listCategories } from '../db/tables/categories';
import { listCategoryMappings } from '../db/tables/category-mappings';
import { findCachedSchema } from '../db/tables/product-type-schemas';
import { fieldLabelsFor, type ProductTypeMapping } from '../listings';
import { resolveCategoryMappings } from './category-tree';
import { toProductTypeMapping } from './product-type-mapping';
import { schemaLocale } from './schemas';

export interface ResolvedMapping {
  readonly mapping: ProductTypeMapping;
  /** Attribute → store field ("Cor", "Marca") for validation messages. */
  readonly fieldLabels: Readonly<Record<string, string>>;
}

export interface CachedProductTypeSchema {
  readonly schema: Readonly<Record<string, unknown>>;
  readonly version: string;
}

/**
 * A marketplace's mappings, read once and memoised per product type: what a send cycle needs
 * to turn a store category into the builder's ProductTypeMapping and schema. `mappingFor`
 * answers undefined for a product without category or whose category (and ancestors) is not
 * mapped; `schemaFor` undefined when the schema was never downloaded (see ensureSchema).
 */
export interface MappingResolver {
  mappingFor(categoryId: number | null): ResolvedMapping | undefined;
  productTypeFor(categoryId: number | null): string | undefined;
  schemaFor(productType: string): CachedProductTypeSchema | undefined;
}

/** `languageTag` is the marketplace's (`pt_BR`), which is also the cached schemas' locale. */
export function createMappingResolver(
  db: Db,
  marketplaceId: string,
  languageTag: string,
  columnLabels: Readonly<Record<string, string>> = {},
): MappingResolver {
  const effective = resolveCategoryMappings(listCategories(db), listCategoryMappings(db, marketplaceId));
  const locale = schemaLocale(languageTag);
  const schemas = new Map<string, CachedProductTypeSchema | null>();
  const mappings = new Map<string, ResolvedMapping>();
  return {
    productTypeFor: (categoryId) => (categoryId === null ? undefined : effective.get(categoryId)?.productType),
    mappingFor(categoryId) {
      const category = categoryId === null ? undefined : effective.get(categoryId);
      if (!category) return undefined;
      const key = `${category.productType}\u0000${category.variationTheme ?? ''}`;
      let known = mappings.get(key);
      if (!known) {
        const mapping = toProductTypeMapping(category.productType, listAttributeMappings(db, marketplaceId, category.productType), category.variationTheme);
        known = { mapping, fieldLabels: fieldLabelsFor(mapping, columnLabels) };
        mappings.set(key, known);
      }
      return known;
    },
    schemaFor(productType) {
      if (!schemas.has(productType)) {
        const cached = findCachedSchema(db, marketplaceId, productType, locale);
        schemas.set(productType, cached ? { schema: cached.schema, version: cached.version } : null);
      }
      return schemas.get(productType) ?? undefined;
    },
  };
}
