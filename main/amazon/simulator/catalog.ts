import { badRequest, notFound } from './api-errors';
import { listingIn } from './listing-store';
import { decodePageToken, encodePageToken, fingerprint } from './pagination';
import { seedCatalog } from './seed';
import type { CatalogItemRecord } from './state-types';
import { csv, json, type OperationContext, type OperationHandlers, type SimResponse } from './types';

const MODEL = 'catalogItems_2022-04-01';

const toppedUp = new WeakSet<object>();

/**
 * The catalog, with the seeded products a state saved by an older simulator lacks added once (by
 * ASIN), so a demo that began before the demo store existed still finds its products.
 */
function catalogOf(ctx: OperationContext): CatalogItemRecord[] {
  const data = ctx.store.data;
  if (!toppedUp.has(data)) {
    toppedUp.add(data);
    const known = new Set(data.catalog.map((c) => c.asin));
    const missing = seedCatalog().filter((c) => !known.has(c.asin));
    if (missing.length > 0) {
      data.catalog.push(...missing);
      ctx.store.markDirty();
    }
  }
  return data.catalog;
}

/** EAN-13, UPC-12 and GTIN-14 name the same product when their digits agree after zero-padding. */
function gtin14(code: string): string {
  return code.padStart(14, '0');
}

function matchesIdentifier(item: CatalogItemRecord, type: string, value: string): boolean {
  switch (type) {
    case 'ASIN':
      return item.asin === value;
    case 'EAN':
    case 'UPC':
    case 'GTIN':
    case 'JAN':
    case 'ISBN':
      return /^\d{8,14}$/.test(value) && gtin14(item.ean) === gtin14(value);
    default:
      return false;
  }
}

function itemView(item: CatalogItemRecord, marketplaceId: string, included: readonly string[]): Record<string, unknown> {
  const view: Record<string, unknown> = { asin: item.asin };
  for (const data of new Set(included)) {
    if (data === 'summaries') view.summaries = [{ marketplaceId, itemName: item.title, brand: item.brand, itemClassification: 'BASE_PRODUCT' }];
    if (data === 'identifiers') view.identifiers = [{ marketplaceId, identifiers: [{ identifierType: 'EAN', identifier: item.ean }] }];
    if (data === 'productTypes') view.productTypes = [{ marketplaceId, productType: item.productType }];
    if (data === 'attributes') {
      view.attributes = {
        item_name: [{ value: item.title, marketplace_id: marketplaceId }],
        brand: [{ value: item.brand, marketplace_id: marketplaceId }],
        externally_assigned_product_identifier: [{ type: 'ean', value: item.ean, marketplace_id: marketplaceId }],
      };
    }
  }
  return view;
}

function searchCatalogItems(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  const identifiers = csv(q.identifiers);
  const keywords = csv(q.keywords).map((k) => k.toLowerCase());
  if (identifiers.length > 0 && keywords.length > 0) return badRequest(MODEL, 'Cannot use keywords and identifiers together.');
  if (identifiers.length === 0 && keywords.length === 0) return badRequest(MODEL, 'Either identifiers or keywords must be provided.');
  if (identifiers.length > 0 && !q.identifiersType) return badRequest(MODEL, 'identifiersType is required when identifiers are provided.');
  if (q.identifiersType === 'SKU' && !q.sellerId) return badRequest(MODEL, 'sellerId is required when identifiersType is SKU.');
  const marketplaceId = csv(q.marketplaceIds)[0] ?? '';
  const type = q.identifiersType ?? '';
  const skuAsins =
    type === 'SKU'
      ? identifiers.flatMap((sku) => {
          const asin = listingIn(ctx.store.data, ctx.sellerId, sku, marketplaceId)?.asin;
          return asin ? [asin] : [];
        })
      : [];
  const hits = catalogOf(ctx).filter((item) => {
    if (!item.marketplaceIds.includes(marketplaceId)) return false;
    if (type === 'SKU') return skuAsins.includes(item.asin);
    if (identifiers.length > 0) return identifiers.some((id) => matchesIdentifier(item, type, id));
    const text = `${item.title} ${item.brand}`.toLowerCase();
    return keywords.every((k) => text.includes(k));
  });
  const pageSize = Number(q.pageSize ?? 10);
  const print = fingerprint(q, ['pageToken', 'pageSize', 'includedData', 'locale']);
  const offset = q.pageToken ? decodePageToken(q.pageToken, print) : 0;
  if (offset === undefined) return badRequest(MODEL, 'Invalid pageToken.');
  const included = csv(q.includedData);
  const body: Record<string, unknown> = {
    numberOfResults: hits.length,
    items: hits.slice(offset, offset + pageSize).map((i) => itemView(i, marketplaceId, included.length > 0 ? included : ['summaries'])),
  };
  const pagination: Record<string, string> = {};
  if (offset + pageSize < hits.length) pagination.nextToken = encodePageToken(offset + pageSize, print);
  if (offset > 0) pagination.previousToken = encodePageToken(Math.max(0, offset - pageSize), print);
  if (Object.keys(pagination).length > 0) body.pagination = pagination;
  if (keywords.length > 0) body.refinements = { brands: [], classifications: [] };
  return json(200, body);
}

function getCatalogItem(ctx: OperationContext): SimResponse {
  const marketplaceId = csv(ctx.req.query.marketplaceIds)[0] ?? '';
  const item = catalogOf(ctx).find((c) => c.asin === ctx.pathParams.asin && c.marketplaceIds.includes(marketplaceId));
  if (!item) return notFound(MODEL, `Requested item '${ctx.pathParams.asin ?? ''}' not found in marketplace '${marketplaceId}'.`);
  const included = csv(ctx.req.query.includedData);
  return json(200, itemView(item, marketplaceId, included.length > 0 ? included : ['summaries']));
}

export const catalogHandlers: OperationHandlers = { searchCatalogItems, getCatalogItem };
