import { z } from 'zod';
import type { Invoke } from './invoke';
import { followPages, moneySchema, openEnum, paginationSchema, requireCount } from './common';

/** Listings Items 2021-08-01 (models/listingsItems_2021-08-01.json). */
export const issueSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  attributeNames: z.array(z.string()).optional(),
  categories: z.array(z.string()),
  enforcements: z.unknown().optional(),
  marketplaceIds: z.array(z.string()).optional(),
});

const itemSummarySchema = z.looseObject({
  marketplaceId: z.string(),
  asin: z.string().optional(),
  productType: z.string(),
  conditionType: z.string().optional(),
  status: z.array(openEnum(['BUYABLE', 'DISCOVERABLE'])),
  fnSku: z.string().optional(),
  itemName: z.string().optional(),
  createdDate: z.string(),
  lastUpdatedDate: z.string(),
  mainImage: z.looseObject({ link: z.string(), height: z.number(), width: z.number() }).optional(),
});

const itemOfferSchema = z.looseObject({
  marketplaceId: z.string(),
  offerType: openEnum(['B2C', 'B2B']),
  price: moneySchema,
});

export const listingsItemSchema = z.looseObject({
  sku: z.string(),
  summaries: z.array(itemSummarySchema).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  issues: z.array(issueSchema).optional(),
  offers: z.array(itemOfferSchema).optional(),
  fulfillmentAvailability: z.array(z.looseObject({ fulfillmentChannelCode: z.string(), quantity: z.number().int().optional() })).optional(),
  procurement: z.array(z.unknown()).optional(),
  relationships: z.array(z.unknown()).optional(),
  productTypes: z.array(z.looseObject({ marketplaceId: z.string(), productType: z.string() })).optional(),
});

const submissionResponseSchema = z.looseObject({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  submissionId: z.string(),
  issues: z.array(issueSchema).optional(),
  identifiers: z.array(z.looseObject({ marketplaceId: z.string().optional(), asin: z.string().optional() })).optional(),
});

const itemSearchResultsSchema = z.looseObject({
  numberOfResults: z.number().int(),
  pagination: paginationSchema.optional(),
  items: z.array(listingsItemSchema),
});

export type ListingsIssue = z.infer<typeof issueSchema>;
export type ListingsItem = z.infer<typeof listingsItemSchema>;
export type ListingsItemSubmissionResponse = z.infer<typeof submissionResponseSchema>;
export type ListingsItemSearchResults = z.infer<typeof itemSearchResultsSchema>;

export type Requirements = 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';
export type ListingsIncludedData =
  'summaries' | 'attributes' | 'issues' | 'offers' | 'fulfillmentAvailability' | 'procurement' | 'relationships' | 'productTypes';

export interface ListingsItemPutRequest {
  readonly productType: string;
  readonly requirements?: Requirements;
  /** Product-type attributes: each an array of `{value…, marketplace_id, language_tag?}` objects. */
  readonly attributes: Readonly<Record<string, unknown>>;
}

export interface PatchOperation {
  readonly op: 'add' | 'replace' | 'merge' | 'delete';
  /** `/attributes/<name>`: only top-level attributes can be patched. */
  readonly path: string;
  readonly value?: readonly unknown[];
}

export interface ListingsItemPatchRequest {
  readonly productType: string;
  readonly patches: readonly PatchOperation[];
}

export interface ListingsItemRef {
  readonly sellerId: string;
  readonly sku: string;
  readonly signal?: AbortSignal;
}

export interface ListingsWriteParams extends ListingsItemRef {
  /** The write operations accept exactly one marketplace per call. */
  readonly marketplaceId: string;
  readonly issueLocale?: string;
}

export interface ListingsSubmitParams extends ListingsWriteParams {
  readonly includedData?: readonly ('identifiers' | 'issues')[];
  /** `VALIDATION_PREVIEW` checks the submission against Amazon without saving it. */
  readonly mode?: 'VALIDATION_PREVIEW';
}

export interface SearchListingsItemsParams {
  readonly sellerId: string;
  readonly marketplaceIds: readonly string[];
  readonly identifiers?: readonly string[];
  readonly identifiersType?: 'ASIN' | 'EAN' | 'FNSKU' | 'GTIN' | 'ISBN' | 'JAN' | 'MINSAN' | 'SKU' | 'UPC';
  readonly includedData?: readonly ListingsIncludedData[];
  readonly issueLocale?: string;
  readonly variationParentSku?: string;
  readonly createdAfter?: string;
  readonly createdBefore?: string;
  readonly lastUpdatedAfter?: string;
  readonly lastUpdatedBefore?: string;
  readonly withStatus?: readonly ('BUYABLE' | 'DISCOVERABLE')[];
  readonly withoutStatus?: readonly ('BUYABLE' | 'DISCOVERABLE')[];
  readonly withIssueSeverity?: readonly ('WARNING' | 'ERROR')[];
  readonly sortBy?: 'sku' | 'createdDate' | 'lastUpdatedDate';
  readonly sortOrder?: 'ASC' | 'DESC';
  readonly pageSize?: number;
  readonly pageToken?: string;
  readonly signal?: AbortSignal;
}

function itemPath(ref: ListingsItemRef): Record<string, string> {
  return { sellerId: ref.sellerId, sku: ref.sku };
}

export function listingsApi(invoke: Invoke) {
  const api = {
    async getListingsItem(
      params: ListingsItemRef & { marketplaceIds: readonly string[]; includedData?: readonly ListingsIncludedData[]; issueLocale?: string },
    ): Promise<ListingsItem> {
      requireCount('getListingsItem', 'marketplaceIds', params.marketplaceIds, 1, Number.MAX_SAFE_INTEGER);
      return invoke('getListingsItem', {
        schema: listingsItemSchema,
        signal: params.signal,
        pathParams: itemPath(params),
        query: { marketplaceIds: params.marketplaceIds, includedData: params.includedData, issueLocale: params.issueLocale },
      });
    },

    /** Create or fully replace: attributes missing from `body` are deleted. `ACCEPTED` ≠ live. */
    async putListingsItem(params: ListingsSubmitParams & { body: ListingsItemPutRequest }): Promise<ListingsItemSubmissionResponse> {
      return invoke('putListingsItem', {
        schema: submissionResponseSchema,
        signal: params.signal,
        pathParams: itemPath(params),
        query: submitQuery(params),
        body: params.body,
      });
    },

    async patchListingsItem(params: ListingsSubmitParams & { body: ListingsItemPatchRequest }): Promise<ListingsItemSubmissionResponse> {
      requireCount('patchListingsItem', 'patches', params.body.patches, 1, Number.MAX_SAFE_INTEGER);
      return invoke('patchListingsItem', {
        schema: submissionResponseSchema,
        signal: params.signal,
        pathParams: itemPath(params),
        query: submitQuery(params),
        body: params.body,
        // replace/delete converge to the same listing when repeated; add/merge may not.
        idempotent: params.body.patches.every((p) => p.op === 'replace' || p.op === 'delete'),
      });
    },

    async deleteListingsItem(params: ListingsWriteParams): Promise<ListingsItemSubmissionResponse> {
      return invoke('deleteListingsItem', {
        schema: submissionResponseSchema,
        signal: params.signal,
        pathParams: itemPath(params),
        query: { marketplaceIds: [params.marketplaceId], issueLocale: params.issueLocale },
      });
    },

    async searchListingsItems(params: SearchListingsItemsParams): Promise<ListingsItemSearchResults> {
      if (params.identifiers) requireCount('searchListingsItems', 'identifiers', params.identifiers, 1, 20);
      const { sellerId, signal, ...query } = params;
      return invoke('searchListingsItems', { schema: itemSearchResultsSchema, signal, pathParams: { sellerId }, query });
    },

    searchListingsItemsPages(params: Omit<SearchListingsItemsParams, 'pageToken'>): AsyncGenerator<ListingsItemSearchResults, void, undefined> {
      return followPages(
        (pageToken) => api.searchListingsItems({ ...params, pageToken }),
        (page) => page.pagination?.nextToken,
      );
    },
  };
  return api;
}

function submitQuery(params: ListingsSubmitParams) {
  return {
    marketplaceIds: [params.marketplaceId],
    includedData: params.includedData,
    mode: params.mode,
    issueLocale: params.issueLocale,
  };
}
