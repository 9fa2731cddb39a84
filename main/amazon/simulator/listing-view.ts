import { listingPrice, listingStatus, listingTitle } from './listing-ops';
import type { ListingRecord } from './state-types';
import { isoTime } from './types';

/** Data sets getListingsItem / searchListingsItems / feed reports can include. */
export type IncludedData = 'summaries' | 'attributes' | 'issues' | 'offers' | 'fulfillmentAvailability' | 'procurement' | 'relationships' | 'productTypes';

function conditionOf(listing: ListingRecord): string | undefined {
  const v = (listing.attributes.condition_type?.[0] as { value?: unknown } | undefined)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** The same value in two marketplaces' listings (one without a marketplace_id) is shown once. */
function mergedAttributes(listings: readonly ListingRecord[]): Record<string, unknown[]> {
  if (listings.length === 1) return listings[0]?.attributes ?? {};
  const merged: Record<string, unknown[]> = {};
  const seen = new Map<string, Set<string>>();
  for (const listing of listings) {
    for (const [name, values] of Object.entries(listing.attributes)) {
      let keys = seen.get(name);
      if (!keys) seen.set(name, (keys = new Set()));
      for (const value of values) {
        const key = JSON.stringify(value);
        if (keys.has(key)) continue;
        keys.add(key);
        (merged[name] ??= []).push(value);
      }
    }
  }
  return merged;
}

/** One entry per issue, listing every marketplace it was raised in. */
function mergedIssues(listings: readonly ListingRecord[]): Record<string, unknown>[] {
  const byKey = new Map<string, Record<string, unknown> & { marketplaceIds: string[] }>();
  for (const listing of listings) {
    for (const issue of listing.issues) {
      const key = JSON.stringify([issue.code, issue.message, issue.severity, issue.attributeNames ?? []]);
      const known = byKey.get(key);
      if (known) known.marketplaceIds.push(listing.marketplaceId);
      else byKey.set(key, { ...issue, marketplaceIds: [listing.marketplaceId] });
    }
  }
  return [...byKey.values()];
}

function summaryOf(listing: ListingRecord): Record<string, unknown> {
  const summary: Record<string, unknown> = {
    marketplaceId: listing.marketplaceId,
    productType: listing.productType,
    status: listingStatus(listing),
    createdDate: isoTime(listing.createdAt),
    lastUpdatedDate: isoTime(listing.updatedAt),
  };
  if (listing.asin) summary.asin = listing.asin;
  const condition = conditionOf(listing);
  if (condition) summary.conditionType = condition;
  const title = listingTitle(listing);
  if (title) summary.itemName = title;
  return summary;
}

/**
 * A SKU's listings, one per requested marketplace, rendered as the Listings Items API `Item` with
 * only the requested data sets: a summary, offer, product type and relationships per marketplace,
 * issues naming the marketplaces they were raised in.
 */
export function listingItemView(listings: readonly ListingRecord[], included: readonly string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { sku: listings[0]?.sku ?? '' };
  for (const data of new Set(included)) {
    switch (data) {
      case 'summaries':
        item.summaries = listings.map(summaryOf);
        break;
      case 'attributes':
        item.attributes = mergedAttributes(listings);
        break;
      case 'issues':
        item.issues = mergedIssues(listings);
        break;
      case 'offers':
        item.offers = listings.flatMap((l) => {
          const price = listingPrice(l);
          return price ? [{ marketplaceId: l.marketplaceId, offerType: 'B2C', price: { currencyCode: price.currency, amount: price.amount.toFixed(2) } }] : [];
        });
        break;
      case 'fulfillmentAvailability': {
        // Fulfillment is per channel, not per marketplace: each channel once.
        const byChannel = new Map<string, Record<string, unknown>>();
        for (const f of listings.flatMap((l) => l.attributes.fulfillment_availability ?? [])) {
          const entry = f as { fulfillment_channel_code?: string; quantity?: number };
          const channel = entry.fulfillment_channel_code ?? 'DEFAULT';
          if (!byChannel.has(channel))
            byChannel.set(channel, { fulfillmentChannelCode: channel, ...(typeof entry.quantity === 'number' ? { quantity: entry.quantity } : {}) });
        }
        item.fulfillmentAvailability = [...byChannel.values()];
        break;
      }
      case 'procurement':
        item.procurement = [];
        break;
      case 'relationships':
        item.relationships = listings.map((l) => ({ marketplaceId: l.marketplaceId, relationships: relationshipsOf(l) }));
        break;
      case 'productTypes':
        item.productTypes = listings.map((l) => ({ marketplaceId: l.marketplaceId, productType: l.productType }));
        break;
    }
  }
  return item;
}

function relationshipsOf(listing: ListingRecord): Record<string, unknown>[] {
  const link = listing.attributes.child_parent_sku_relationship?.[0] as { parent_sku?: string } | undefined;
  return link?.parent_sku ? [{ type: 'VARIATION', parentSkus: [link.parent_sku] }] : [];
}
