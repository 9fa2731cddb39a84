import type { Attributes, ListingRecord, SellerListings, SimData } from './state-types';

/**
 * The seller's listings, per SKU × marketplace. Every read and write names the marketplace: a SKU
 * listed on Amazon.com.br has no listing on Amazon.com until one is written there.
 */
export function sellerListings(data: SimData, sellerId: string): SellerListings {
  return (data.listings[sellerId] ??= {});
}

export function listingIn(data: SimData, sellerId: string, sku: string, marketplaceId: string): ListingRecord | undefined {
  return data.listings[sellerId]?.[sku]?.[marketplaceId];
}

/** The SKU's listings in the given marketplaces (all of them when none is given), in that order. */
export function listingsOfSku(data: SimData, sellerId: string, sku: string, marketplaceIds?: readonly string[]): ListingRecord[] {
  const bySku = data.listings[sellerId]?.[sku];
  if (!bySku) return [];
  if (!marketplaceIds) return Object.values(bySku);
  return marketplaceIds.flatMap((m) => bySku[m] ?? []);
}

export function saveListing(data: SimData, sellerId: string, listing: ListingRecord): void {
  (sellerListings(data, sellerId)[listing.sku] ??= {})[listing.marketplaceId] = listing;
}

/** Forgets the SKU's listing in one marketplace (its listings elsewhere stay). */
export function removeListing(data: SimData, sellerId: string, sku: string, marketplaceId: string): boolean {
  const bySku = data.listings[sellerId]?.[sku];
  if (!bySku?.[marketplaceId]) return false;
  delete bySku[marketplaceId];
  if (Object.keys(bySku).length === 0) delete data.listings[sellerId]?.[sku];
  return true;
}

/** Every listing of the seller, one per SKU × marketplace, optionally only in `marketplaceIds`. */
export function allListings(data: SimData, sellerId: string, marketplaceIds?: readonly string[]): ListingRecord[] {
  const out: ListingRecord[] = [];
  const wanted = marketplaceIds ? new Set(marketplaceIds) : undefined;
  for (const bySku of Object.values(data.listings[sellerId] ?? {})) {
    for (const listing of Object.values(bySku)) if (!wanted || wanted.has(listing.marketplaceId)) out.push(listing);
  }
  return out;
}

/** Puts ready-made listings (seeds, tests) into a state, each in its own marketplace. */
export function withListings(data: SimData, sellerId: string, listings: readonly ListingRecord[]): SimData {
  for (const listing of listings) saveListing(data, sellerId, listing);
  return data;
}

/**
 * The values of each attribute that apply in `marketplaceId`: those tagged with it and those
 * tagged with none (fulfillment_availability carries no marketplace). A value tagged for another
 * marketplace does not belong to this listing; an attribute left without values is absent.
 */
export function attributesFor(attributes: Attributes, marketplaceId: string): Attributes {
  let scoped: Attributes | undefined;
  for (const [name, values] of Object.entries(attributes)) {
    const kept = values.filter((v) => {
      const tag = (v as { marketplace_id?: unknown } | null)?.marketplace_id;
      return tag === undefined || tag === marketplaceId;
    });
    if (kept.length === values.length) continue;
    scoped ??= { ...attributes };
    if (kept.length > 0) scoped[name] = kept;
    else delete scoped[name];
  }
  // Untouched attributes are shared, not copied: a 25,000-message feed pays nothing when all is in place.
  return scoped ?? attributes;
}
