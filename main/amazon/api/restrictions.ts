import { z } from 'zod';
import type { Invoke } from './invoke';
import { openEnum } from './common';

/** Listings Restrictions 2021-08-01 (models/listingsRestrictions_2021-08-01.json). */
const restrictionListSchema = z.looseObject({
  restrictions: z.array(
    z.looseObject({
      marketplaceId: z.string(),
      conditionType: z.string().optional(),
      reasons: z
        .array(
          z.looseObject({
            message: z.string(),
            reasonCode: openEnum(['APPROVAL_REQUIRED', 'ASIN_NOT_FOUND', 'NOT_ELIGIBLE']).optional(),
            links: z.array(z.looseObject({ resource: z.string(), verb: z.string(), title: z.string().optional(), type: z.string().optional() })).optional(),
          }),
        )
        .optional(),
    }),
  ),
});

export type RestrictionList = z.infer<typeof restrictionListSchema>;

export interface GetListingsRestrictionsParams {
  readonly asin: string;
  readonly sellerId: string;
  readonly marketplaceIds: readonly string[];
  readonly conditionType?: string;
  readonly productType?: string;
  readonly reasonLocale?: string;
  readonly signal?: AbortSignal;
}

export function restrictionsApi(invoke: Invoke) {
  return {
    /** An empty `restrictions` list means the seller may list this ASIN in that condition. */
    async getListingsRestrictions(params: GetListingsRestrictionsParams): Promise<RestrictionList> {
      const { signal, ...query } = params;
      return invoke('getListingsRestrictions', { schema: restrictionListSchema, signal, query });
    },
  };
}
