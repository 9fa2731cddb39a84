/**
 * Sellers already on Amazon: read their offers, link them to the catalog, and gate sending.
 *
 * For the send engine (main/sync/):
 * - `linkTreatment(db, skuId, marketplaceId)` → null when the SKU has no existing offer linked
 *   (send as usual), `'unconfirmed'` (send nothing yet), `'keep-amazon'` (send nothing: the
 *   seller keeps Amazon's values) or `'vitrine-manages'` (send, under the Amazon SKU).
 * - `linksByCatalogSku(db, accountId, marketplaceId)` → the same for a whole cycle in one query,
 *   with `amazonSku`: an offer linked by EAN/ASIN has another SKU on Amazon, and sending under
 *   the catalog SKU would create a second offer for the same product.
 * - `linkGate(catalogSku, link)` → send (under which SKU) or not (with a reason to show).
 */
export { linkTreatment, linksByCatalogSku, type SendLink } from '../db/tables/listing-links';
export type { LinkTreatment } from '../../preload/contract/linking';
export { linkGate, type LinkGate } from './gate';
export { readAndLinkListings, type LinkRunSummary, type LinkingClient } from './read-and-link';
export { importAmazonOnlyListings, type ImportSummary } from './import';
export { LinkingRunner, linkingRunnerFor } from './runner';
export { setupLinking } from './setup';
