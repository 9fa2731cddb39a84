import { explained } from '../amazon/explain';
import type { DefinitionsClient } from './schemas';

export type SuggestionSource = 'catalog' | 'category' | 'title';

export interface ProductTypeSuggestion {
  readonly productType: string;
  /** In the marketplace's language ("Pulseira"). */
  readonly displayName: string;
  /**
   * What found it: `catalog` — the category's products were found on Amazon under this type (the
   * strongest evidence); `category` — the category name's words; `title` — sample product titles.
   */
  readonly matchedBy: readonly SuggestionSource[];
  /** How many searches returned it. */
  readonly hits: number;
  /** For `catalog`: `products` of the category's `of` products are this type on Amazon. */
  readonly evidence: { readonly products: number; readonly of: number } | null;
}

export interface SuggestInput {
  readonly marketplaceId: string;
  readonly categoryName: string;
  readonly sampleTitles: readonly string[];
  readonly locale?: string;
  /** What Amazon's catalog said about the category's products (catalog_matches). */
  readonly evidence?: { readonly products: number; readonly byProductType: readonly { readonly productType: string; readonly products: number }[] };
  /** The stored display name of a product type in the marketplace's language, when known. */
  readonly displayName?: (productType: string) => string | null;
}

/** Short words ("de", "e", "com") match everything and say nothing about the category. */
const MIN_KEYWORD_LENGTH = 3;
const MAX_KEYWORDS = 5;
const MAX_TITLES = 3;

export function categoryKeywords(name: string): string[] {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_KEYWORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_KEYWORDS);
}

/**
 * Product types for a store category, evidence first: the product types Amazon's catalog files
 * the category's own products under ("12 of the 15 products of this category are Bracelet on
 * Amazon"), most products first. Then Amazon's searches: one keyword search on the category
 * name plus one title-based recommendation (`itemName`) per sample title — the API takes either
 * keywords or itemName, never both, and one title per call — in the marketplace's language
 * (`searchLocale`). Among those, types found by several searches rank first.
 */
export async function suggestProductTypes(client: DefinitionsClient, input: SuggestInput): Promise<ProductTypeSuggestion[]> {
  const found = new Map<string, { displayName: string; matchedBy: Set<SuggestionSource>; hits: number }>();
  const add = (list: readonly { name: string; displayName: string }[], by: SuggestionSource) => {
    for (const pt of list) {
      const known = found.get(pt.name) ?? { displayName: input.displayName?.(pt.name) ?? pt.displayName, matchedBy: new Set<SuggestionSource>(), hits: 0 };
      known.matchedBy.add(by);
      known.hits += 1;
      found.set(pt.name, known);
    }
  };
  const base = { marketplaceIds: [input.marketplaceId], ...(input.locale ? { locale: input.locale, searchLocale: input.locale } : {}) };
  const keywords = categoryKeywords(input.categoryName);
  if (keywords.length > 0) {
    const res = await explained(() => client.searchDefinitionsProductTypes({ ...base, keywords }));
    add(res.productTypes, 'category');
  }
  for (const title of input.sampleTitles.filter((t) => t.trim() !== '').slice(0, MAX_TITLES)) {
    const res = await explained(() => client.searchDefinitionsProductTypes({ ...base, itemName: title.trim() }));
    add(res.productTypes, 'title');
  }

  const evidence = input.evidence?.byProductType ?? [];
  const fromCatalog: ProductTypeSuggestion[] = evidence.map((e) => {
    const searched = found.get(e.productType);
    return {
      productType: e.productType,
      displayName: input.displayName?.(e.productType) ?? searched?.displayName ?? e.productType,
      matchedBy: ['catalog', ...[...(searched?.matchedBy ?? [])].sort()],
      hits: searched?.hits ?? 0,
      evidence: { products: e.products, of: input.evidence?.products ?? e.products },
    };
  });
  const withEvidence = new Set(evidence.map((e) => e.productType));
  const fromSearch = [...found.entries()]
    .filter(([productType]) => !withEvidence.has(productType))
    .map(([productType, f]): ProductTypeSuggestion => ({
      productType,
      displayName: f.displayName,
      matchedBy: [...f.matchedBy].sort(),
      hits: f.hits,
      evidence: null,
    }))
    .sort((a, b) => b.hits - a.hits || a.displayName.localeCompare(b.displayName));
  return [...fromCatalog, ...fromSearch];
}
