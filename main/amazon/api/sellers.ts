import { z } from 'zod';
import type { Invoke } from './invoke';

/** Sellers API v1 (models/sellers.json): which marketplaces the account can sell in. */
export const marketplaceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  countryCode: z.string(),
  defaultCurrencyCode: z.string(),
  defaultLanguageCode: z.string(),
  domainName: z.string(),
});

export const marketplaceParticipationSchema = z.looseObject({
  marketplace: marketplaceSchema,
  participation: z.looseObject({ isParticipating: z.boolean(), hasSuspendedListings: z.boolean() }),
  storeName: z.string(),
});

/** v0-style envelope: the 200 carries `payload`; `errors` may ride along. */
const getMarketplaceParticipationsResponseSchema = z.looseObject({
  payload: z.array(marketplaceParticipationSchema),
});

export type Marketplace = z.infer<typeof marketplaceSchema>;
export type MarketplaceParticipation = z.infer<typeof marketplaceParticipationSchema>;

export function sellersApi(invoke: Invoke) {
  return {
    async getMarketplaceParticipations(options: { signal?: AbortSignal } = {}): Promise<MarketplaceParticipation[]> {
      const response = await invoke('getMarketplaceParticipations', { schema: getMarketplaceParticipationsResponseSchema, signal: options.signal });
      return response.payload;
    },
  };
}
