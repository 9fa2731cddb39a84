import { z } from 'zod';
import type { Invoke } from './invoke';
import { InvalidRequestError } from '../errors';
import { followPages, requireCount } from './common';

/**
 * Orders 2026-01-01 (models/orders_2026-01-01.json) for reading, Orders v0 (models/ordersV0.json)
 * only for confirmShipment: v0 reads are deprecated, confirmShipment is not.
 */
export const FULFILLMENT_STATUSES = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE'] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

const moneySchema = z.looseObject({ amount: z.string().or(z.number()), currencyCode: z.string() });

const orderItemSchema = z.looseObject({
  orderItemId: z.string(),
  quantityOrdered: z.number().int(),
  product: z.looseObject({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    condition: z.unknown().optional(),
    price: z.looseObject({ unitPrice: moneySchema.optional(), priceDesignation: z.string().optional() }).optional(),
  }),
  proceeds: z.unknown().optional(),
  fulfillment: z.unknown().optional(),
});

export const orderSchema = z.looseObject({
  orderId: z.string(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  salesChannel: z.looseObject({ channelName: z.string(), marketplaceId: z.string().optional(), marketplaceName: z.string().optional() }),
  buyer: z.looseObject({ buyerName: z.string().optional(), buyerEmail: z.string().optional() }).optional(),
  recipient: z.looseObject({ deliveryAddress: z.record(z.string(), z.unknown()).optional() }).optional(),
  fulfillment: z
    .looseObject({
      // Closed: the order importer maps every status (main/orders), so an unknown one must surface.
      fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
      fulfilledBy: z.string().optional(),
    })
    .optional(),
  orderItems: z.array(orderItemSchema),
});

const searchOrdersResponseSchema = z.looseObject({
  orders: z.array(orderSchema),
  pagination: z.looseObject({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: z.string().optional(),
  createdBefore: z.string().optional(),
});

const getOrderResponseSchema = z.looseObject({ order: orderSchema });

export type Order = z.infer<typeof orderSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;
export type SearchOrdersResponse = z.infer<typeof searchOrdersResponseSchema>;

export type OrdersIncludedData =
  'BUYER' | 'RECIPIENT' | 'PROCEEDS' | 'EXPENSE' | 'PROMOTION' | 'CANCELLATION' | 'FULFILLMENT' | 'PACKAGES' | 'TAX' | 'PAYMENT' | 'FULFILLMENT_ORDERS';

export interface SearchOrdersParams {
  /** Exactly one of createdAfter / lastUpdatedAfter; the two families cannot be mixed. */
  readonly createdAfter?: string;
  readonly createdBefore?: string;
  readonly lastUpdatedAfter?: string;
  readonly lastUpdatedBefore?: string;
  readonly marketplaceIds?: readonly string[];
  readonly fulfillmentStatuses?: readonly FulfillmentStatus[];
  readonly fulfilledBy?: readonly ('MERCHANT' | 'AMAZON')[];
  readonly maxResultsPerPage?: number;
  /** The previous page's pagination.nextToken; repeat the other filters with it. */
  readonly paginationToken?: string;
  readonly includedData?: readonly OrdersIncludedData[];
  readonly signal?: AbortSignal;
}

export interface ConfirmShipmentRequest {
  readonly marketplaceId: string;
  readonly packageDetail: {
    /** A positive numeric string, unique per order. */
    readonly packageReferenceId: string;
    readonly carrierCode: string;
    readonly carrierName?: string;
    readonly shippingMethod?: string;
    readonly trackingNumber: string;
    /** ISO 8601 date-time. */
    readonly shipDate: string;
    readonly shipFromSupplySourceId?: string;
    readonly orderItems: readonly { readonly orderItemId: string; readonly quantity: number; readonly transparencyCodes?: readonly string[] }[];
  };
  readonly codCollectionMethod?: 'DirectPayment';
}

export function ordersApi(invoke: Invoke) {
  const api = {
    async searchOrders(params: SearchOrdersParams): Promise<SearchOrdersResponse> {
      const created = params.createdAfter !== undefined || params.createdBefore !== undefined;
      const updated = params.lastUpdatedAfter !== undefined || params.lastUpdatedBefore !== undefined;
      if (created === updated || (params.createdAfter === undefined && params.lastUpdatedAfter === undefined)) {
        throw new InvalidRequestError('searchOrders', 'give exactly one of createdAfter or lastUpdatedAfter, without mixing the two families');
      }
      if (params.marketplaceIds) requireCount('searchOrders', 'marketplaceIds', params.marketplaceIds, 1, 50);
      const { signal, ...query } = params;
      return invoke('searchOrders', { schema: searchOrdersResponseSchema, signal, query });
    },

    /** Every page of a search: the same filters go with each paginationToken, as Amazon requires. */
    searchOrdersPages(params: Omit<SearchOrdersParams, 'paginationToken'>): AsyncGenerator<SearchOrdersResponse, void, undefined> {
      return followPages(
        (paginationToken) => api.searchOrders({ ...params, paginationToken }),
        (page) => page.pagination?.nextToken,
      );
    },

    async getOrder(params: { orderId: string; includedData?: readonly OrdersIncludedData[]; signal?: AbortSignal }): Promise<Order> {
      const response = await invoke('getOrder', {
        schema: getOrderResponseSchema,
        signal: params.signal,
        pathParams: { orderId: params.orderId },
        query: { includedData: params.includedData },
      });
      return response.order;
    },

    /**
     * 204 on success. Not repeated after an unknown outcome: read the order (getOrder with
     * FULFILLMENT/PACKAGES) to see whether the package was recorded before confirming again.
     */
    async confirmShipment(params: { orderId: string; body: ConfirmShipmentRequest; signal?: AbortSignal }): Promise<void> {
      await invoke('confirmShipment', {
        schema: z.unknown(),
        signal: params.signal,
        pathParams: { orderId: params.orderId },
        body: params.body,
      });
    },
  };
  return api;
}
