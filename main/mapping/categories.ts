import { explained } from '../amazon/explain';
import type { Db } from '../db/connection';
import { listAccounts } from '../db/tables/accounts';
import { productTypeEvidence, productTypeEvidenceByCategory } from '../db/tables/catalog-matches';
import { getCategory, listCategories, type Category } from '../db/tables/categories';
import { listCategoryMappings, productCountsByCategory, sampleTitles, variationNamesOf } from '../db/tables/category-mappings';
import { AppError } from '../errors';
import type { SelectionScope } from '../db/tables/listing-selections';
import type { Services } from '../services';
import { resolveCategoryMappings } from './category-tree';
import { displayNameLookup, productTypeNames, searchNames } from './product-type-names';
import { schemaLocale } from './schemas';
import { suggestProductTypes, type ProductTypeSuggestion } from './suggestions';
import { loadSchema, marketplaceOf } from './service';
import { schemaThemes, themeForVariations } from './themes';

/** Sample titles sent to the title-based product type search. */
const SAMPLE_TITLES = 3;
/** Enough choices to scan; the seller narrows the words for more. */
const MAX_SEARCH_RESULTS = 30;

/** The first account selling in the marketplace, and the marketplace's language as Amazon names it (`pt_BR`). */
export function marketplaceLocale(db: Db, marketplaceId: string): { readonly accountId: string | null; readonly locale: string } {
  for (const account of listAccounts(db)) {
    const m = account.marketplaces.find((x) => x.marketplaceId === marketplaceId);
    if (m) return { accountId: account.id, locale: schemaLocale(m.language) };
  }
  return { accountId: null, locale: 'DEFAULT' };
}

/**
 * Makes sure the product type names of the marketplace are stored (asked once a day), so lists
 * show "Pulseira" instead of BRACELET. Best effort: offline, the codes stand in until next time.
 */
async function refreshNames(services: Services, marketplaceId: string): Promise<string> {
  const { accountId, locale } = marketplaceLocale(services.db, marketplaceId);
  if (accountId === null) return locale;
  try {
    const client = await services.amazon.forAccount(accountId);
    await productTypeNames(services.db, client, { marketplaceId, locale, now: Date.now() });
  } catch {
    // productTypeNames logs Amazon's failures; a client that cannot be built (secrets gone) shows elsewhere.
  }
  return locale;
}

/** Each category's id with the ids of its whole subtree. */
function subtrees(categories: readonly Pick<Category, 'id' | 'parentId'>[]): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const c of categories) {
    if (c.parentId === null) continue;
    children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  }
  const out = new Map<number, number[]>();
  const collect = (id: number, seen: Set<number>): number[] => {
    const known = out.get(id);
    if (known) return known;
    seen.add(id);
    const ids = [id, ...(children.get(id) ?? []).filter((c) => !seen.has(c)).flatMap((c) => collect(c, seen))];
    out.set(id, ids);
    return ids;
  };
  for (const c of categories) collect(c.id, new Set());
  return out;
}

/**
 * The category tree for the "Relacionar categorias" screen: each node's own and effective
 * (inherited) product type with its display name in the marketplace's language, its own products
 * and those of its subtree, and — from what Amazon's catalog said about its products — the
 * product type most of them have there. Only categories with products of their own need a
 * product type: an empty parent is not counted as unmapped.
 */
export async function categoryOverview(services: Services, marketplaceId: string) {
  const { db } = services;
  const locale = await refreshNames(services, marketplaceId);
  const nameOf = displayNameLookup(db, marketplaceId, locale);
  const categories = listCategories(db);
  const direct = listCategoryMappings(db, marketplaceId);
  const own = new Map(direct.map((m) => [m.categoryId, m]));
  const effective = resolveCategoryMappings(categories, direct);
  const counts = productCountsByCategory(db);
  const trees = subtrees(categories);
  const evidence = productTypeEvidenceByCategory(db, marketplaceId);
  const items = categories.map((c) => {
    const e = effective.get(c.id);
    const products = counts.get(c.id) ?? 0;
    const productType = own.get(c.id)?.productType ?? null;
    const effectiveProductType = e?.productType ?? null;
    const best = evidence.get(c.id)?.[0];
    return {
      id: c.id,
      parentId: c.parentId,
      name: c.name,
      path: c.path,
      products,
      subtreeProducts: (trees.get(c.id) ?? [c.id]).reduce((n, id) => n + (counts.get(id) ?? 0), 0),
      productType,
      productTypeName: productType === null ? null : nameOf(productType),
      variationTheme: own.get(c.id)?.variationTheme ?? null,
      effectiveProductType,
      effectiveProductTypeName: effectiveProductType === null ? null : nameOf(effectiveProductType),
      inheritedFrom: e?.inherited ? e.fromCategoryId : null,
      needsMapping: products > 0 && effectiveProductType === null,
      suggestion: best
        ? { productType: best.productType, displayName: nameOf(best.productType) ?? best.productType, products: best.products, of: products }
        : null,
    };
  });
  return { items, unmapped: items.filter((i) => i.needsMapping).length };
}

/** Product types for one category: what its products are on Amazon first, then Amazon's searches. */
export async function suggestForCategory(services: Services, scope: SelectionScope, categoryId: number): Promise<ProductTypeSuggestion[]> {
  const { db } = services;
  const category = getCategory(db, categoryId);
  if (!category) throw new AppError('MAPPING_CATEGORY_NOT_FOUND', { categoryId });
  const { locale } = marketplaceOf(services, scope);
  const client = await services.amazon.forAccount(scope.accountId);
  // The names list is also what makes the display names Portuguese; a failure leaves Amazon's own.
  await productTypeNames(db, client, { marketplaceId: scope.marketplaceId, locale, now: Date.now() });
  const nameOf = displayNameLookup(db, scope.marketplaceId, locale);
  const tree = subtrees(listCategories(db)).get(categoryId) ?? [categoryId];
  return suggestProductTypes(client, {
    marketplaceId: scope.marketplaceId,
    categoryName: category.name,
    sampleTitles: sampleTitles(db, categoryId, SAMPLE_TITLES),
    evidence: productTypeEvidence(db, scope.marketplaceId, tree),
    displayName: nameOf,
    ...(locale !== 'DEFAULT' ? { locale } : {}),
  });
}

/**
 * The product type search of the category editor: the marketplace's product types whose name in
 * its language (or code) contains the words typed, accent- and case-insensitively — the list is
 * kept locally, so this works offline once fetched — followed by what Amazon's own keyword search
 * adds (it also knows types by words that are not in their names: "decoração" → Casa).
 */
export async function searchProductTypes(services: Services, scope: SelectionScope, keywords: string) {
  const { db } = services;
  const { locale } = marketplaceOf(services, scope);
  const client = await services.amazon.forAccount(scope.accountId);
  const names = await productTypeNames(db, client, { marketplaceId: scope.marketplaceId, locale, now: Date.now() });
  const local = searchNames(names, keywords);
  const words = keywords.split(/[\s,]+/).filter((w) => w !== '');
  let remote: readonly { name: string; displayName: string }[] = [];
  if (words.length > 0) {
    const lang = locale !== 'DEFAULT' ? { locale, searchLocale: locale } : {};
    try {
      remote = (await explained(() => client.searchDefinitionsProductTypes({ marketplaceIds: [scope.marketplaceId], keywords: words, ...lang }))).productTypes;
    } catch (err) {
      // Offline, the local list still answers; with nothing local either, the seller sees why.
      if (local.length === 0) throw err;
    }
  }
  const nameOf = new Map(names.map((n) => [n.productType, n.displayName]));
  const seen = new Set<string>();
  const out: { productType: string; displayName: string }[] = [];
  for (const p of [...local.map((n) => ({ name: n.productType, displayName: n.displayName })), ...remote]) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    out.push({ productType: p.name, displayName: nameOf.get(p.name) ?? p.displayName });
  }
  return out.slice(0, MAX_SEARCH_RESULTS);
}

/**
 * The variation theme that fits a category's products for a product type: what varies among
 * them in the store ("Cor", "Tamanho") named in Amazon's terms (SIZE/COLOR). Null when they do not
 * vary or no theme of the product type fits; the seller then picks one or none.
 */
export async function suggestVariationTheme(services: Services, scope: SelectionScope, categoryId: number, productType: string): Promise<string | null> {
  if (!getCategory(services.db, categoryId)) throw new AppError('MAPPING_CATEGORY_NOT_FOUND', { categoryId });
  const tree = subtrees(listCategories(services.db)).get(categoryId) ?? [categoryId];
  const names = variationNamesOf(services.db, tree);
  if (names.length === 0) return null;
  const { schema } = await loadSchema(services, scope, productType);
  return themeForVariations(schemaThemes(schema.schema), names);
}
