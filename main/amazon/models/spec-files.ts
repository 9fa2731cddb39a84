/**
 * The official SP-API models bundled with the app (copied unchanged from
 * amzn/selling-partner-api-models, Apache-2.0; LICENSE and NOTICE sit beside them in spec/).
 * Static imports so the bundler ships them: nothing is read from disk at runtime.
 */
import catalogItems from './spec/catalogItems_2022-04-01.json';
import definitionsProductTypes from './spec/definitionsProductTypes_2020-09-01.json';
import feeds from './spec/feeds_2021-06-30.json';
import listingsItems from './spec/listingsItems_2021-08-01.json';
import listingsRestrictions from './spec/listingsRestrictions_2021-08-01.json';
import ordersV0 from './spec/ordersV0.json';
import orders2026 from './spec/orders_2026-01-01.json';
import reports from './spec/reports_2021-06-30.json';
import sellers from './spec/sellers.json';
import deliveryShipmentInvoice from './spec/deliveryShipmentInvoiceV2022-07-01.json';
import easyShip from './spec/easyShip_2022-03-23.json';
import fbaInventory from './spec/fbaInventory.json';
import listingsFeed from './spec/listings-feed-schema-v2.json';
import listingsFeedMessage from './spec/listings-feed-message-schema-v2.json';
import listingsFeedProcessingReport from './spec/listings-feed-processing-report-schema-v2.json';
import type { JsonSchema, SwaggerDoc } from './swagger';

/** Model name (the file name without `.json`) → Swagger document. */
export const MODELS: Readonly<Record<string, SwaggerDoc>> = {
  sellers: sellers as unknown as SwaggerDoc,
  'catalogItems_2022-04-01': catalogItems as unknown as SwaggerDoc,
  'definitionsProductTypes_2020-09-01': definitionsProductTypes as unknown as SwaggerDoc,
  'listingsItems_2021-08-01': listingsItems as unknown as SwaggerDoc,
  'listingsRestrictions_2021-08-01': listingsRestrictions as unknown as SwaggerDoc,
  'feeds_2021-06-30': feeds as unknown as SwaggerDoc,
  'reports_2021-06-30': reports as unknown as SwaggerDoc,
  ordersV0: ordersV0 as unknown as SwaggerDoc,
  'orders_2026-01-01': orders2026 as unknown as SwaggerDoc,
  'deliveryShipmentInvoiceV2022-07-01': deliveryShipmentInvoice as unknown as SwaggerDoc,
  'easyShip_2022-03-23': easyShip as unknown as SwaggerDoc,
  fbaInventory: fbaInventory as unknown as SwaggerDoc,
};

/** JSON_LISTINGS_FEED document, message and processing report schemas (JSON Schema draft-07). */
export const FEED_SCHEMAS = {
  listingsFeed: listingsFeed as unknown as JsonSchema,
  listingsFeedMessage: listingsFeedMessage as unknown as JsonSchema,
  listingsFeedProcessingReport: listingsFeedProcessingReport as unknown as JsonSchema,
} as const;
