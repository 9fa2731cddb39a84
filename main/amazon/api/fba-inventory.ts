import { z } from 'zod';
import type { Invoke } from './invoke';

/** FBA Inventory v1 (models/fbaInventory.json): the units Amazon holds for the seller. */
const inventorySummarySchema = z.looseObject({
  asin: z.string().optional(),
  fnSku: z.string().optional(),
  sellerSku: z.string().optional(),
  condition: z.string().optional(),
  inventoryDetails: z
    .looseObject({
      fulfillableQuantity: z.number().int().optional(),
      inboundWorkingQuantity: z.number().int().optional(),
      inboundShippedQuantity: z.number().int().optional(),
      inboundReceivingQuantity: z.number().int().optional(),
      reservedQuantity: z.looseObject({ totalReservedQuantity: z.number().int().optional() }).optional(),
      unfulfillableQuantity: z.looseObject({ totalUnfulfillableQuantity: z.number().int().optional() }).optional(),
    })
    .optional(),
  lastUpdatedTime: z.string().optional(),
  productName: z.string().optional(),
  totalQuantity: z.number().int().optional(),
});
export type InventorySummary = z.infer<typeof inventorySummarySchema>;

const responseSchema = z.looseObject({
  payload: z.looseObject({ inventorySummaries: z.array(inventorySummarySchema) }).optional(),
  pagination: z.looseObject({ nextToken: z.string().optional() }).optional(),
});
export type InventorySummariesPage = z.infer<typeof responseSchema>;

export function fbaInventoryApi(invoke: Invoke) {
  return {
    /** One page; `startDateTime` asks only for what changed since (then sellerSkus is ignored by Amazon). */
    async getInventorySummaries(params: {
      marketplaceId: string;
      startDateTime?: string;
      nextToken?: string;
      signal?: AbortSignal;
    }): Promise<InventorySummariesPage> {
      return invoke('getInventorySummaries', {
        schema: responseSchema,
        signal: params.signal,
        query: {
          details: true,
          granularityType: 'Marketplace',
          granularityId: params.marketplaceId,
          marketplaceIds: [params.marketplaceId],
          ...(params.startDateTime ? { startDateTime: params.startDateTime } : {}),
          ...(params.nextToken ? { nextToken: params.nextToken } : {}),
        },
      });
    },
  };
}
