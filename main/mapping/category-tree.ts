import type { Category } from '../db/tables/categories';
import type { CategoryMapping } from '../db/tables/category-mappings';

/** The product type a category resolves to in one marketplace, and where that came from. */
export interface EffectiveCategoryMapping {
  readonly productType: string;
  readonly variationTheme: string | null;
  /** The category holding the mapping: itself, or the nearest mapped ancestor. */
  readonly fromCategoryId: number;
  readonly inherited: boolean;
}

/**
 * Resolves every category's mapping by walking up the tree: "Roupas" → SHIRT covers
 * "Roupas > Camisetas" unless that child has its own row. Runs over the whole tree at once
 * (categories are thousands at most) with memoisation, so it is linear in the tree size; a
 * parent cycle (impossible through the importer, but cheap to guard) resolves to unmapped.
 */
export function resolveCategoryMappings(
  categories: readonly Pick<Category, 'id' | 'parentId'>[],
  direct: readonly Pick<CategoryMapping, 'categoryId' | 'productType' | 'variationTheme'>[],
): Map<number, EffectiveCategoryMapping> {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  const own = new Map(direct.map((m) => [m.categoryId, m]));
  const resolved = new Map<number, EffectiveCategoryMapping | null>();

  const resolve = (id: number, visiting: Set<number>): EffectiveCategoryMapping | null => {
    const known = resolved.get(id);
    if (known !== undefined) return known;
    const mapping = own.get(id);
    let result: EffectiveCategoryMapping | null;
    if (mapping) {
      result = { productType: mapping.productType, variationTheme: mapping.variationTheme, fromCategoryId: id, inherited: false };
    } else {
      const parent = parentOf.get(id) ?? null;
      if (parent === null || visiting.has(parent)) {
        result = null;
      } else {
        visiting.add(id);
        const up = resolve(parent, visiting);
        result = up && { ...up, inherited: true };
      }
    }
    resolved.set(id, result);
    return result;
  };

  const out = new Map<number, EffectiveCategoryMapping>();
  for (const c of categories) {
    const r = resolve(c.id, new Set());
    if (r) out.set(c.id, r);
  }
  return out;
}
