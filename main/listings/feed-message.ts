import Ajv from 'ajv';
import messageSchema from '../amazon/models/spec/listings-feed-message-schema-v2.json';
import { offerPatches, type ListingPatch } from './offer-patches';
import type { Listing, ListingAttributes, ListingRequirements } from './types';

export type FeedOperation = 'UPDATE' | 'PARTIAL_UPDATE' | 'PATCH' | 'DELETE';

/** One message of a JSON_LISTINGS_FEED document (schemas/listings-feed-message-schema-v2.json). */
export interface FeedMessage {
  readonly messageId: number;
  readonly sku: string;
  readonly operationType: FeedOperation;
  readonly productType?: string;
  readonly requirements?: ListingRequirements;
  readonly attributes?: ListingAttributes;
  readonly patches?: readonly ListingPatch[];
}

/** Full replace of the listing (feed equivalent of putListingsItem). */
export function updateMessage(messageId: number, sku: string, listing: Listing): FeedMessage {
  return {
    messageId,
    sku,
    operationType: 'UPDATE',
    productType: listing.productType,
    ...(listing.requirements === undefined ? {} : { requirements: listing.requirements }),
    attributes: listing.attributes,
  };
}

/** Price/stock-only update of an existing listing. */
export function offerPatchMessage(messageId: number, sku: string, listing: Listing): FeedMessage {
  return { messageId, sku, operationType: 'PATCH', productType: listing.productType, patches: offerPatches(listing) };
}

// Amazon's file uses the non-standard `example` annotation inside `patches`; declare it rather
// than turning strict mode off for the whole schema.
// strictRequired off: the oneOf branches require properties declared at the root, which is valid JSON Schema.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addKeyword({ keyword: 'example' });
const validateMessage = ajv.compile(messageSchema);

/** Checks a message against Amazon's own message schema before it goes into a feed. */
export function checkFeedMessage(message: FeedMessage): { valid: boolean; errors: string[] } {
  if (validateMessage(message)) return { valid: true, errors: [] };
  return { valid: false, errors: (validateMessage.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`) };
}
