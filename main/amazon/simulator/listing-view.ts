import { listingPrice, listingStatus, listingTitle } from './listing-ops';
import type { ListingRecord } from './state-types';
import { isoTime } from './types';

/** Data sets getListingsItem / searchListingsItems / feed reports can include. */
export type IncludedData =
  | 'summaries'
  | 'attributes'
  | 'issues'
  | 'offers'
  | 'fulfillmentAvailability'
  | 'procurement'
  | 'relationships'
  | 'productTypes';

function conditionOf(listing: ListingRecord): string | undefined {
  const v = (listing.attributes.condition_type?.[0] as { value?: unknown } | undefined)?.value;
  return typeof v === 'string' ? v : undefined;
}

/** A stored listing rendered as the Listings Items API `Item`, with only the requested data sets. */
export function listingItemView(listing: ListingRecord, included: readonly string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { sku: listing.sku };
  const marketplaceId = listing.marketplaceId;
  for (const data of new Set(included)) {
    switch (data) {
      case 'summaries': {
        const summary: Record<string, unknown> = {
          marketplaceId,
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
        item.summaries = [summary];
        break;
      }
      case 'attributes':
        item.attributes = listing.attributes;
        break;
      case 'issues':
        item.issues = listing.issues.map((i) => ({ ...i, marketplaceIds: [marketplaceId] }));
        break;
      case 'offers': {
        const price = listingPrice(listing);
        item.offers = price ? [{ marketplaceId, offerType: 'B2C', price: { currencyCode: price.currency, amount: price.amount.toFixed(2) } }] : [];
        break;
      }
      case 'fulfillmentAvailability':
        item.fulfillmentAvailability = (listing.attributes.fulfillment_availability ?? []).map((f) => {
          const entry = f as { fulfillment_channel_code?: string; quantity?: number };
          return { fulfillmentChannelCode: entry.fulfillment_channel_code ?? 'DEFAULT', ...(typeof entry.quantity === 'number' ? { quantity: entry.quantity } : {}) };
        });
        break;
      case 'procurement':
        item.procurement = [];
        break;
      case 'relationships':
        item.relationships = [{ marketplaceId, relationships: relationshipsOf(listing) }];
        break;
      case 'productTypes':
        item.productTypes = [{ marketplaceId, productType: listing.productType }];
        break;
    }
  }
  return item;
}

function relationshipsOf(listing: ListingRecord): Record<string, unknown>[] {
  const link = listing.attributes.child_parent_sku_relationship?.[0] as { parent_sku?: string } | undefined;
  return link?.parent_sku ? [{ type: 'VARIATION', parentSkus: [link.parent_sku] }] : [];
}
