import { z } from 'zod';
import type { Invoke } from './invoke';
import { requireCount } from './common';

/** Product Type Definitions 2020-09-01 (models/definitionsProductTypes_2020-09-01.json). */
const productTypeListSchema = z.looseObject({
  productTypes: z.array(z.looseObject({ name: z.string(), displayName: z.string(), marketplaceIds: z.array(z.string()) })),
  productTypeVersion: z.string(),
});

const schemaLinkSchema = z.looseObject({
  link: z.looseObject({ resource: z.string(), verb: z.string() }),
  checksum: z.string(),
});

const productTypeDefinitionSchema = z.looseObject({
  metaSchema: schemaLinkSchema.optional(),
  schema: schemaLinkSchema,
  requirements: z.enum(['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY']),
  requirementsEnforced: z.enum(['ENFORCED', 'NOT_ENFORCED']),
  propertyGroups: z.record(
    z.string(),
    z.looseObject({ title: z.string().optional(), description: z.string().optional(), propertyNames: z.array(z.string()).optional() }),
  ),
  locale: z.string(),
  marketplaceIds: z.array(z.string()),
  productType: z.string(),
  displayName: z.string(),
  productTypeVersion: z.looseObject({ version: z.string(), latest: z.boolean(), releaseCandidate: z.boolean().optional() }),
});

export type ProductTypeList = z.infer<typeof productTypeListSchema>;
export type ProductTypeDefinition = z.infer<typeof productTypeDefinitionSchema>;
export type SchemaLink = z.infer<typeof schemaLinkSchema>;

export interface SearchDefinitionsProductTypesParams {
  readonly marketplaceIds: readonly string[];
  /** Either keywords or itemName (title-based recommendation). */
  readonly keywords?: readonly string[];
  readonly itemName?: string;
  readonly locale?: string;
  readonly searchLocale?: string;
  readonly signal?: AbortSignal;
}

export interface GetDefinitionsProductTypeParams {
  readonly productType: string;
  /** The API accepts exactly one marketplace per call. */
  readonly marketplaceId: string;
  /** Fills seller-specific enums (brands, shipping templates). */
  readonly sellerId?: string;
  readonly productTypeVersion?: string;
  readonly requirements?: 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';
  readonly requirementsEnforced?: 'ENFORCED' | 'NOT_ENFORCED';
  readonly locale?: string;
  readonly parentageLevel?: 'NONE' | 'CHILD' | 'PARENT';
  readonly signal?: AbortSignal;
}

export function definitionsApi(invoke: Invoke) {
  return {
    async searchDefinitionsProductTypes(params: SearchDefinitionsProductTypesParams): Promise<ProductTypeList> {
      requireCount('searchDefinitionsProductTypes', 'marketplaceIds', params.marketplaceIds, 1, Number.MAX_SAFE_INTEGER);
      return invoke('searchDefinitionsProductTypes', {
        schema: productTypeListSchema,
        signal: params.signal,
        query: {
          marketplaceIds: params.marketplaceIds,
          keywords: params.keywords,
          itemName: params.itemName,
          locale: params.locale,
          searchLocale: params.searchLocale,
        },
      });
    },

    /** The response's `schema.link.resource` is fetched with `downloadProductTypeSchema`. */
    async getDefinitionsProductType(params: GetDefinitionsProductTypeParams): Promise<ProductTypeDefinition> {
      return invoke('getDefinitionsProductType', {
        schema: productTypeDefinitionSchema,
        signal: params.signal,
        pathParams: { productType: params.productType },
        query: {
          marketplaceIds: [params.marketplaceId],
          sellerId: params.sellerId,
          productTypeVersion: params.productTypeVersion,
          requirements: params.requirements,
          requirementsEnforced: params.requirementsEnforced,
          locale: params.locale,
          parentageLevel: params.parentageLevel,
        },
      });
    },
  };
}
