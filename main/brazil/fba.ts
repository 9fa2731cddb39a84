import type { InventorySummariesPage } from '../amazon/api/fba-inventory';
import type { Db } from '../db/connection';
import { saveFbaStock } from '../db/tables/fba-inventory';

export interface FbaInventoryApi {
  getInventorySummaries(params: { marketplaceId: string; startDateTime?: string; nextToken?: string }): Promise<InventorySummariesPage>;
}

/**
 * Reads the units Amazon holds for the seller (getInventorySummaries, every page; the client's
 * bucket keeps it within 2 calls/s, burst 2) and stores them per SKU. Read only: Vitrine never
 * sends a quantity for an offer Amazon fulfils.
 */
export async function readFbaStock(
  db: Db,
  api: FbaInventoryApi,
  scope: { accountId: string; marketplaceId: string },
): Promise<{ skus: number; calls: number }> {
  let nextToken: string | undefined;
  let skus = 0;
  let calls = 0;
  do {
    const page = await api.getInventorySummaries({ marketplaceId: scope.marketplaceId, ...(nextToken ? { nextToken } : {}) });
    calls += 1;
    const rows = (page.payload?.inventorySummaries ?? [])
      .filter((s) => s.sellerSku)
      .map((s) => {
        const d = s.inventoryDetails;
        const fulfillable = d?.fulfillableQuantity ?? 0;
        const inbound = (d?.inboundWorkingQuantity ?? 0) + (d?.inboundShippedQuantity ?? 0) + (d?.inboundReceivingQuantity ?? 0);
        const reserved = d?.reservedQuantity?.totalReservedQuantity ?? 0;
        const unfulfillable = d?.unfulfillableQuantity?.totalUnfulfillableQuantity ?? 0;
        return {
          accountId: scope.accountId,
          marketplaceId: scope.marketplaceId,
          sku: s.sellerSku ?? '',
          asin: s.asin ?? null,
          fnSku: s.fnSku ?? null,
          fulfillable,
          inbound,
          reserved,
          unfulfillable,
          total: s.totalQuantity ?? fulfillable + inbound + reserved + unfulfillable,
          amazonUpdated: s.lastUpdatedTime ?? null,
        };
      });
    saveFbaStock(db, rows);
    skus += rows.length;
    nextToken = page.pagination?.nextToken;
  } while (nextToken);
  return { skus, calls };
}
