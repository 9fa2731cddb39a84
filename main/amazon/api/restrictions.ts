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

/** The model's `conditionType` values (a listing's `condition_type`). */
export const CONDITION_TYPES = [
  'new_new',
  'new_open_box',
  'new_oem',
  'refurbished_refurbished',
  'used_like_new',
  'used_very_good',
  'used_good',
  'used_acceptable',
  'collectible_like_new',
  'collectible_very_good',
  'collectible_good',
  'collectible_acceptable',
  'club_club',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

export interface GetListingsRestrictionsParams {
  readonly asin: string;
  readonly sellerId: string;
  readonly marketplaceIds: readonly string[];
  readonly conditionType?: ConditionType;
  readonly productType?: string;
  /** `pt_BR`, `en_US`…: the language of `reasons[].message` (Amazon falls back to en_US). */
  readonly reasonLocale?: string;
  readonly signal?: AbortSignal;
}

export function restrictionsApi(invoke: Invoke) {
  return {
    /**
     * An empty `restrictions` list means the seller may list this ASIN in that condition. A 400
     * (an ASIN Amazon refuses) comes as a bare error array, which the client reads too.
     */
    async getListingsRestrictions(params: GetListingsRestrictionsParams): Promise<RestrictionList> {
      const { signal, ...query } = params;
      return invoke('getListingsRestrictions', { schema: restrictionListSchema, signal, query });
    },
  };
}
