import { explained } from '../amazon/explain';
import type { Db } from '../db/connection';
import { getSchemaInfo } from '../db/tables/product-type-schemas';
import { productTypeNamesOf, saveProductTypeNames, type ProductTypeName } from '../db/tables/product-type-names';
import { createLogger } from '../log/logger';
import type { DefinitionsClient } from './schemas';

const logger = createLogger('mapping/product-type-names');

/** Amazon adds product types rarely; the list is asked again once a day. */
export const NAMES_RECHECK_MS = 24 * 3600_000;

/** Lower case, accents removed: "Decoração" and "decoracao" meet. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * Every product type of the marketplace with its display name in the marketplace's language,
 * from the local cache when fresh, else from Amazon (searchDefinitionsProductTypes without
 * keywords lists them all). When Amazon cannot be asked, the cached list is used (possibly empty).
 */
export async function productTypeNames(
  db: Db,
  client: Pick<DefinitionsClient, 'searchDefinitionsProductTypes'>,
  input: { readonly marketplaceId: string; readonly locale: string; readonly now: number },
): Promise<readonly ProductTypeName[]> {
  const cached = productTypeNamesOf(db, input.marketplaceId, input.locale);
  if (cached.fetchedAt !== null && input.now - cached.fetchedAt < NAMES_RECHECK_MS) return cached.names;
  try {
    const res = await explained(() =>
      client.searchDefinitionsProductTypes({ marketplaceIds: [input.marketplaceId], ...(input.locale !== 'DEFAULT' ? { locale: input.locale } : {}) }),
    );
    const names = res.productTypes.map((p) => ({
      productType: p.name,
      displayName: p.displayName,
      searchText: foldText(`${p.displayName} ${p.name.replace(/_/g, ' ')}`),
    }));
    saveProductTypeNames(db, input.marketplaceId, input.locale, names, input.now);
    return names;
  } catch (err) {
    logger.warn(`could not list the product types of ${input.marketplaceId} (${input.locale}); using ${cached.names.length} cached`, err);
    return cached.names;
  }
}

/** A product type's display name in the marketplace's language, from what is stored; null when unknown. */
export function storedDisplayName(db: Db, marketplaceId: string, locale: string, productType: string): string | null {
  const fromList = productTypeNamesOf(db, marketplaceId, locale).names.find((n) => n.productType === productType);
  if (fromList) return fromList.displayName;
  return getSchemaInfo(db, { marketplaceId, productType, locale })?.displayName ?? null;
}

/** Names by product type, for lists showing many (one query). */
export function displayNameLookup(db: Db, marketplaceId: string, locale: string): (productType: string) => string | null {
  const names = new Map(productTypeNamesOf(db, marketplaceId, locale).names.map((n) => [n.productType, n.displayName]));
  return (productType) => names.get(productType) ?? getSchemaInfo(db, { marketplaceId, productType, locale })?.displayName ?? null;
}

/**
 * Product types whose display name or code contains every word typed, accent- and
 * case-insensitively, best first: names starting with the words, then containing them.
 * Plural words also find the singular ("pulseiras" → "Pulseira").
 */
export function searchNames(names: readonly ProductTypeName[], query: string): ProductTypeName[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 4 ? w.replace(/(es|s)$/, '') : w));
  if (words.length === 0) return [];
  const scored = names
    .filter((n) => words.every((w) => n.searchText.includes(w)))
    .map((n) => ({ n, score: (n.searchText.startsWith(words[0] ?? '') ? 0 : 1) + (foldText(n.displayName).includes(words[0] ?? '') ? 0 : 1) }));
  return scored.sort((a, b) => a.score - b.score || a.n.displayName.localeCompare(b.n.displayName)).map((s) => s.n);
}
