import type { Listing } from './types';

export interface ListingPatch {
  readonly op: 'replace';
  readonly path: string;
  readonly value: readonly Readonly<Record<string, unknown>>[];
}

/** The only attributes the sync engine pushes on a routine price/stock update. */
const PRICE_AND_QUANTITY = ['purchasable_offer', 'fulfillment_availability'] as const;

/**
 * JSON Patch operations for a price/stock-only update (patchListingsItem or a feed PATCH
 * message). A PUT or feed UPDATE would replace every attribute, so routine syncs send only
 * these. Empty for a variation parent, which has no offer.
 */
export function offerPatches(listing: Listing): ListingPatch[] {
  const patches: ListingPatch[] = [];
  for (const attribute of PRICE_AND_QUANTITY) {
    const value = listing.attributes[attribute];
    if (value !== undefined && value.length > 0) patches.push({ op: 'replace', path: `/attributes/${attribute}`, value });
  }
  return patches;
}
