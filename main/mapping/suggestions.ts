import { explained } from '../amazon/explain';
import type { DefinitionsClient } from './schemas';

export interface ProductTypeSuggestion {
  readonly productType: string;
  readonly displayName: string;
  /** Which hints found it: the category name's words, sample product titles, or both. */
  readonly matchedBy: readonly ('category' | 'title')[];
  /** How many searches returned it; the list is ordered by this. */
  readonly hits: number;
}

export interface SuggestInput {
  readonly marketplaceId: string;
  readonly categoryName: string;
  readonly sampleTitles: readonly string[];
  readonly locale?: string;
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
 * Product types for a store category: one keyword search on the category name plus one
 * title-based recommendation (`itemName`) per sample title — the API takes either keywords or
 * itemName, never both, and one title per call. Results found by several searches rank first.
 */
export async function suggestProductTypes(client: DefinitionsClient, input: SuggestInput): Promise<ProductTypeSuggestion[]> {
  const found = new Map<string, { displayName: string; matchedBy: Set<'category' | 'title'>; hits: number }>();
  const add = (list: readonly { name: string; displayName: string }[], by: 'category' | 'title') => {
    for (const pt of list) {
      const known = found.get(pt.name) ?? { displayName: pt.displayName, matchedBy: new Set<'category' | 'title'>(), hits: 0 };
      known.matchedBy.add(by);
      known.hits += 1;
      found.set(pt.name, known);
    }
  };
  const base = { marketplaceIds: [input.marketplaceId], ...(input.locale ? { locale: input.locale } : {}) };
  const keywords = categoryKeywords(input.categoryName);
  if (keywords.length > 0) {
    const res = await explained(() => client.searchDefinitionsProductTypes({ ...base, keywords }));
    add(res.productTypes, 'category');
  }
  for (const title of input.sampleTitles.filter((t) => t.trim() !== '').slice(0, MAX_TITLES)) {
    const res = await explained(() => client.searchDefinitionsProductTypes({ ...base, itemName: title.trim() }));
    add(res.productTypes, 'title');
  }
  return [...found.entries()]
    .map(([productType, f]) => ({ productType, displayName: f.displayName, matchedBy: [...f.matchedBy].sort(), hits: f.hits }))
    .sort((a, b) => b.hits - a.hits || a.productType.localeCompare(b.productType));
}
