import { badRequest } from './api-errors';
import { decodePageToken, encodePageToken, fingerprint } from './pagination';
import type { SimStore } from './state';
import type { FbaStockRecord } from './state-types';
import { csv, isoTime, json, type OperationContext, type OperationHandlers, type SimResponse } from './types';
import { requiringRole } from './roles';

/**
 * FBA Inventory v1 on the simulator: what Amazon's warehouses hold for the seller's FBA offers,
 * 50 summaries per page, `startDateTime` for what changed since. FBA orders take units from here.
 */
const MODEL = 'fbaInventory';
const PAGE_SIZE = 50;

export function fbaStockOf(store: SimStore, sellerId: string): Record<string, FbaStockRecord> {
  store.data.fbaStock ??= {};
  return (store.data.fbaStock[sellerId] ??= {});
}

function view(r: FbaStockRecord, details: boolean): Record<string, unknown> {
  return {
    asin: r.asin,
    fnSku: r.fnSku,
    sellerSku: r.sku,
    condition: 'NewItem',
    ...(details
      ? {
          inventoryDetails: {
            fulfillableQuantity: r.fulfillable,
            inboundWorkingQuantity: 0,
            inboundShippedQuantity: r.inbound,
            inboundReceivingQuantity: 0,
            reservedQuantity: {
              totalReservedQuantity: r.reserved,
              pendingCustomerOrderQuantity: r.reserved,
              pendingTransshipmentQuantity: 0,
              fcProcessingQuantity: 0,
            },
            unfulfillableQuantity: { totalUnfulfillableQuantity: r.unfulfillable },
          },
        }
      : {}),
    lastUpdatedTime: isoTime(r.lastUpdatedAt),
    productName: r.productName,
    totalQuantity: r.fulfillable + r.inbound + r.reserved + r.unfulfillable,
  };
}

function getInventorySummaries(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  const markets = csv(q.marketplaceIds);
  const marketplaceId = markets[0] ?? '';
  if (q.granularityId !== marketplaceId) return badRequest(MODEL, 'Invalid Input', 'granularityId must be the marketplace given in marketplaceIds.');
  if (!ctx.store.data.sellers[ctx.sellerId]?.marketplaceIds.includes(marketplaceId))
    return badRequest(MODEL, 'Invalid Input', `The seller does not participate in marketplace ${marketplaceId}.`);
  const print = fingerprint(q, ['nextToken']);
  let offset = 0;
  if (q.nextToken) {
    const decoded = decodePageToken(q.nextToken, print);
    if (decoded === undefined) return badRequest(MODEL, 'Invalid Input', 'The nextToken is invalid or does not match the other parameters.');
    offset = decoded;
  }
  const since = q.startDateTime ? Date.parse(q.startDateTime) : undefined;
  const skus = since === undefined ? (q.sellerSkus ? csv(q.sellerSkus) : q.sellerSku ? [q.sellerSku] : []) : [];
  const all = Object.values(fbaStockOf(ctx.store, ctx.sellerId))
    .filter((r) => r.marketplaceId === marketplaceId)
    .filter((r) => since === undefined || r.lastUpdatedAt >= since)
    .filter((r) => skus.length === 0 || skus.includes(r.sku))
    .sort((a, b) => (a.sku < b.sku ? -1 : 1));
  const body: Record<string, unknown> = {
    payload: {
      granularity: { granularityType: 'Marketplace', granularityId: marketplaceId },
      inventorySummaries: all.slice(offset, offset + PAGE_SIZE).map((r) => view(r, q.details === 'true')),
    },
  };
  if (offset + PAGE_SIZE < all.length) body.pagination = { nextToken: encodePageToken(offset + PAGE_SIZE, print) };
  return json(200, body);
}

/** An FBA order takes its units from Amazon's stock (never from the seller's). */
export function takeFbaUnits(store: SimStore, sellerId: string, sku: string, quantity: number, now: number): void {
  const record = fbaStockOf(store, sellerId)[sku];
  if (!record) return;
  const taken = Math.min(record.fulfillable, quantity);
  record.fulfillable -= taken;
  record.reserved += taken;
  record.lastUpdatedAt = now;
  store.markDirty();
}

export const fbaInventoryHandlers: OperationHandlers = requiringRole('fbaInventory', { getInventorySummaries });
