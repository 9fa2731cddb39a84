/**
 * Listings: turning store products into Amazon listing documents and proving them valid against
 * the product type schema before anything is sent. Electron-free, so the simulator and the CLI
 * use it as well.
 */
export { createListingValidator, productTypeOf, type ListingValidator, type ValidateOptions } from './validator';
export { requiredAttributes, type RequiredAttributes } from './required-attributes';
export { buildListing, buildOfferOnlyListing, identifierType } from './builder';
export { fieldLabelsFor } from './mapped-attributes';
export { offerPatches, type ListingPatch } from './offer-patches';
export { canonicalJson } from './canonical-json';
export { checkFeedMessage, offerPatchMessage, updateMessage, type FeedMessage, type FeedOperation } from './feed-message';
export { applyPriceRule, kitQuantity, quantityToSend } from './pricing';
export type * from './builder-types';
export type * from './types';
