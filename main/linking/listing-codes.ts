import type { SpApiClient } from '../amazon/client';
import { checkGtin } from '../ean/gtin';
import { createLogger } from '../log/logger';

const logger = createLogger('linking/listing-codes');

/** searchCatalogItems takes at most 20 identifiers per call. */
const ASINS_PER_CALL = 20;

export type CodeLookupClient = Pick<SpApiClient, 'searchCatalogItems'>;

/**
 * The listings report names an offer's ASIN, not its EAN. For the offers no SKU or stored ASIN
 * matched, asks the catalog which EAN/UPC each ASIN carries, 20 ASINs per call: the cost grows
 * with the unmatched offers, not with the catalog. Answers ASIN → GTIN-14 for those that have one.
 */
export async function lookUpListingCodes(
  client: CodeLookupClient,
  marketplaceId: string,
  asins: readonly string[],
  options: { readonly signal?: AbortSignal; readonly onCall?: () => void } = {},
): Promise<Map<string, string>> {
  const unique = [...new Set(asins)];
  const codes = new Map<string, string>();
  for (let i = 0; i < unique.length; i += ASINS_PER_CALL) {
    const batch = unique.slice(i, i + ASINS_PER_CALL);
    const result = await client.searchCatalogItems({
      marketplaceId,
      identifiers: batch,
      identifiersType: 'ASIN',
      includedData: ['identifiers'],
      pageSize: ASINS_PER_CALL,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    options.onCall?.();
    for (const item of result.items) {
      const group = item.identifiers?.find((g) => g.marketplaceId === marketplaceId) ?? item.identifiers?.[0];
      const gtin14 = group?.identifiers.map((id) => checkGtin(id.identifier).gtin14).find((g): g is string => g !== null);
      if (gtin14) codes.set(item.asin, gtin14);
    }
  }
  logger.info(`catalog codes: ${codes.size} of ${unique.length} ASINs carry an EAN/UPC`);
  return codes;
}
