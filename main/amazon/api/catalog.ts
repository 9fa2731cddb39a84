import { z } from 'zod';
import type { Invoke } from './invoke';
import { paginationSchema, requireCount } from './common';
import { InvalidRequestError } from '../errors';

/** Catalog Items 2022-04-01 (models/catalogItems_2022-04-01.json): EAN/UPC/GTIN → ASIN. */
const itemIdentifiersByMarketplaceSchema = z.looseObject({
  marketplaceId: z.string(),
  identifiers: z.array(z.looseObject({ identifierType: z.string(), identifier: z.string() })),
});

const itemProductTypeByMarketplaceSchema = z.looseObject({
  marketplaceId: z.string().optional(),
  productType: z.string().optional(),
});

const itemSummaryByMarketplaceSchema = z.looseObject({
  marketplaceId: z.string(),
  brand: z.string().optional(),
  itemName: z.string().optional(),
  manufacturer: z.string().optional(),
  modelNumber: z.string().optional(),
  itemClassification: z.string().optional(),
  color: z.string().optional(),
  size: z.string().optional(),
});

const itemImagesByMarketplaceSchema = z.looseObject({
  marketplaceId: z.string(),
  images: z.array(z.looseObject({ variant: z.string(), link: z.string(), height: z.number(), width: z.number() })),
});

export const catalogItemSchema = z.looseObject({
  asin: z.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  identifiers: z.array(itemIdentifiersByMarketplaceSchema).optional(),
  images: z.array(itemImagesByMarketplaceSchema).optional(),
  productTypes: z.array(itemProductTypeByMarketplaceSchema).optional(),
  summaries: z.array(itemSummaryByMarketplaceSchema).optional(),
});

const itemSearchResultsSchema = z.looseObject({
  numberOfResults: z.number().int(),
  pagination: paginationSchema.optional(),
  refinements: z.unknown().optional(),
  items: z.array(catalogItemSchema),
});

export type CatalogItem = z.infer<typeof catalogItemSchema>;
export type ItemSearchResults = z.infer<typeof itemSearchResultsSchema>;

export type CatalogIdentifierType = 'ASIN' | 'EAN' | 'GTIN' | 'ISBN' | 'JAN' | 'MINSAN' | 'SKU' | 'UPC';
export type CatalogIncludedData =
  'attributes' | 'classifications' | 'dimensions' | 'identifiers' | 'images' | 'productTypes' | 'relationships' | 'salesRanks' | 'summaries' | 'vendorDetails';

interface SearchCommon {
  /** The API accepts exactly one marketplace per call. */
  readonly marketplaceId: string;
  readonly includedData?: readonly CatalogIncludedData[];
  readonly locale?: string;
  readonly pageSize?: number;
  readonly pageToken?: string;
  readonly signal?: AbortSignal;
}

export type SearchCatalogItemsParams = SearchCommon &
  (
    | { readonly identifiers: readonly string[]; readonly identifiersType: CatalogIdentifierType; readonly sellerId?: string; readonly keywords?: never }
    | { readonly keywords: readonly string[]; readonly identifiers?: never }
  );

const OPERATION = 'searchCatalogItems';

export function catalogApi(invoke: Invoke) {
  return {
    /** Identifier lookups (up to 20 EAN/UPC/GTIN per call) or keyword search; never both. */
    async searchCatalogItems(params: SearchCatalogItemsParams): Promise<ItemSearchResults> {
      if (params.identifiers) {
        requireCount(OPERATION, 'identifiers', params.identifiers, 1, 20);
        if (params.identifiersType === 'SKU' && !params.sellerId) {
          throw new InvalidRequestError(OPERATION, 'sellerId is required when identifiersType is SKU');
        }
      } else {
        requireCount(OPERATION, 'keywords', params.keywords, 1, 20);
      }
      if (params.pageSize !== undefined && (params.pageSize < 1 || params.pageSize > 20)) {
        throw new InvalidRequestError(OPERATION, 'pageSize must be 1 to 20');
      }
      return invoke(OPERATION, {
        schema: itemSearchResultsSchema,
        signal: params.signal,
        query: {
          marketplaceIds: [params.marketplaceId],
          identifiers: params.identifiers,
          identifiersType: params.identifiers ? params.identifiersType : undefined,
          sellerId: params.identifiers ? params.sellerId : undefined,
          keywords: params.keywords,
          includedData: params.includedData,
          locale: params.locale,
          pageSize: params.pageSize,
          pageToken: params.pageToken,
        },
      });
    },
  };
}
