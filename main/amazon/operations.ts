/**
 * The SP-API operations Vitrine calls: model, method, path template, default usage plan
 * (REFERENCE.md §4, the rates printed in each model's description) and whether repeating the
 * request after an unknown outcome is harmless.
 */
export type ModelName =
  | 'sellers'
  | 'catalogItems_2022-04-01'
  | 'definitionsProductTypes_2020-09-01'
  | 'listingsItems_2021-08-01'
  | 'listingsRestrictions_2021-08-01'
  | 'feeds_2021-06-30'
  | 'ordersV0'
  | 'orders_2026-01-01'
  | 'reports_2021-06-30'
  | 'deliveryShipmentInvoiceV2022-07-01'
  | 'easyShip_2022-03-23'
  | 'fbaInventory';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface OperationSpec {
  /** The model's operationId, verbatim (two models both have `getOrder`; `model` tells them apart). */
  readonly operationId: string;
  readonly model: ModelName;
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders, as in the model. */
  readonly path: string;
  /** Default restore rate (requests per second) and bucket size. */
  readonly rate: number;
  readonly burst: number;
  /**
   * True when sending the request twice leaves Amazon in the same state as sending it once.
   * Only these are retried after a timeout, reset or 5xx that may have reached Amazon.
   */
  readonly idempotent: boolean;
}

function op(
  model: ModelName,
  operationId: string,
  method: HttpMethod,
  path: string,
  rate: number,
  burst: number,
  idempotent = method !== 'POST',
): OperationSpec {
  return { model, operationId, method, path, rate, burst, idempotent };
}

export const OPERATIONS = {
  getMarketplaceParticipations: op('sellers', 'getMarketplaceParticipations', 'GET', '/sellers/v1/marketplaceParticipations', 0.016, 15),
  searchCatalogItems: op('catalogItems_2022-04-01', 'searchCatalogItems', 'GET', '/catalog/2022-04-01/items', 2, 2),
  searchDefinitionsProductTypes: op(
    'definitionsProductTypes_2020-09-01',
    'searchDefinitionsProductTypes',
    'GET',
    '/definitions/2020-09-01/productTypes',
    5,
    10,
  ),
  getDefinitionsProductType: op(
    'definitionsProductTypes_2020-09-01',
    'getDefinitionsProductType',
    'GET',
    '/definitions/2020-09-01/productTypes/{productType}',
    5,
    10,
  ),
  getListingsItem: op('listingsItems_2021-08-01', 'getListingsItem', 'GET', '/listings/2021-08-01/items/{sellerId}/{sku}', 5, 10),
  // PUT is a full replace: applying the same body twice yields the same listing.
  putListingsItem: op('listingsItems_2021-08-01', 'putListingsItem', 'PUT', '/listings/2021-08-01/items/{sellerId}/{sku}', 5, 10),
  // Idempotent only when every patch is replace/delete; http.ts is told per call (see listings.ts).
  patchListingsItem: op('listingsItems_2021-08-01', 'patchListingsItem', 'PATCH', '/listings/2021-08-01/items/{sellerId}/{sku}', 5, 5),
  deleteListingsItem: op('listingsItems_2021-08-01', 'deleteListingsItem', 'DELETE', '/listings/2021-08-01/items/{sellerId}/{sku}', 5, 5),
  searchListingsItems: op('listingsItems_2021-08-01', 'searchListingsItems', 'GET', '/listings/2021-08-01/items/{sellerId}', 5, 5),
  getListingsRestrictions: op('listingsRestrictions_2021-08-01', 'getListingsRestrictions', 'GET', '/listings/2021-08-01/restrictions', 5, 10),
  // A second document is merely an unused upload slot that expires: safe to repeat.
  createFeedDocument: op('feeds_2021-06-30', 'createFeedDocument', 'POST', '/feeds/2021-06-30/documents', 0.5, 15, true),
  // A second createFeed processes the same document again: never repeated blindly.
  createFeed: op('feeds_2021-06-30', 'createFeed', 'POST', '/feeds/2021-06-30/feeds', 0.0083, 15, false),
  getFeed: op('feeds_2021-06-30', 'getFeed', 'GET', '/feeds/2021-06-30/feeds/{feedId}', 2, 15),
  // Only an IN_QUEUE feed can be cancelled; a repeat finds it CANCELLED and changes nothing.
  cancelFeed: op('feeds_2021-06-30', 'cancelFeed', 'DELETE', '/feeds/2021-06-30/feeds/{feedId}', 2, 15),
  getFeeds: op('feeds_2021-06-30', 'getFeeds', 'GET', '/feeds/2021-06-30/feeds', 0.0222, 10),
  getFeedDocument: op('feeds_2021-06-30', 'getFeedDocument', 'GET', '/feeds/2021-06-30/documents/{feedDocumentId}', 0.0222, 10),
  searchOrders: op('orders_2026-01-01', 'searchOrders', 'GET', '/orders/2026-01-01/orders', 0.0056, 20),
  getOrder: op('orders_2026-01-01', 'getOrder', 'GET', '/orders/2026-01-01/orders/{orderId}', 0.5, 30),
  // Confirming the same package twice is not guaranteed to be harmless: reconcile via getOrder.
  confirmShipment: op('ordersV0', 'confirmShipment', 'POST', '/orders/v0/orders/{orderId}/shipmentConfirmation', 2, 10, false),
  // A duplicate report request only costs quota; the read-only report has no side effect.
  createReport: op('reports_2021-06-30', 'createReport', 'POST', '/reports/2021-06-30/reports', 0.0167, 15, true),
  getReport: op('reports_2021-06-30', 'getReport', 'GET', '/reports/2021-06-30/reports/{reportId}', 2, 15),
  getReportDocument: op('reports_2021-06-30', 'getReportDocument', 'GET', '/reports/2021-06-30/documents/{reportDocumentId}', 0.0167, 15),
  // A second submitInvoice sends the same NF-e again: never repeated blindly (main/brazil reconciles).
  submitInvoice: op('deliveryShipmentInvoiceV2022-07-01', 'submitInvoice', 'POST', '/delivery/2022-07-01/invoice', 1.133, 25, false),
  getInvoiceStatus: op('deliveryShipmentInvoiceV2022-07-01', 'getInvoiceStatus', 'GET', '/delivery/2022-07-01/invoice/status', 1.133, 25),
  // Slots are only read, whatever the POST says.
  listHandoverSlots: op('easyShip_2022-03-23', 'listHandoverSlots', 'POST', '/easyShip/2022-03-23/timeSlot', 1, 5, true),
  getScheduledPackage: op('easyShip_2022-03-23', 'getScheduledPackage', 'GET', '/easyShip/2022-03-23/package', 1, 5),
  createScheduledPackage: op('easyShip_2022-03-23', 'createScheduledPackage', 'POST', '/easyShip/2022-03-23/package', 1, 5, false),
  // Setting the same slot again leaves the package as it was.
  updateScheduledPackages: op('easyShip_2022-03-23', 'updateScheduledPackages', 'PATCH', '/easyShip/2022-03-23/package', 1, 5, true),
  createScheduledPackageBulk: op('easyShip_2022-03-23', 'createScheduledPackageBulk', 'POST', '/easyShip/2022-03-23/packages/bulk', 1, 5, false),
  getInventorySummaries: op('fbaInventory', 'getInventorySummaries', 'GET', '/fba/inventory/v1/summaries', 2, 2),
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;

/**
 * JSON_LISTINGS_FEED has its own cap on top of createFeed's plan: 5 submissions per 5 minutes
 * per region (changelog 2025-05-06). Modelled as one more bucket that createFeed also draws from.
 */
export const JSON_LISTINGS_FEED_BUCKET = { key: 'createFeed:JSON_LISTINGS_FEED', rate: 5 / 300, burst: 5 } as const;
