import { MARKETPLACES } from '../regions';
import { json, type OperationHandlers } from './types';

/** Storefront domains per marketplace (Sellers API `domainName`). */
const DOMAINS: Readonly<Record<string, string>> = {
  US: 'www.amazon.com',
  CA: 'www.amazon.ca',
  MX: 'www.amazon.com.mx',
  BR: 'www.amazon.com.br',
  GB: 'www.amazon.co.uk',
  DE: 'www.amazon.de',
  FR: 'www.amazon.fr',
  IT: 'www.amazon.it',
  ES: 'www.amazon.es',
  SE: 'www.amazon.se',
  NL: 'www.amazon.nl',
  PL: 'www.amazon.pl',
  BE: 'www.amazon.com.be',
  IE: 'www.amazon.ie',
  JP: 'www.amazon.co.jp',
  AU: 'www.amazon.com.au',
};

export const sellersHandlers: OperationHandlers = {
  getMarketplaceParticipations: (ctx) => {
    const seller = ctx.store.data.sellers[ctx.sellerId];
    const payload = (seller?.marketplaceIds ?? []).flatMap((id) => {
      const m = MARKETPLACES.find((x) => x.id === id);
      if (!m) return [];
      return [
        {
          marketplace: {
            id,
            name: m.name,
            countryCode: m.countryCode,
            defaultCurrencyCode: m.currency,
            defaultLanguageCode: m.language,
            domainName: DOMAINS[m.countryCode] ?? 'www.amazon.com',
          },
          participation: { isParticipating: true, hasSuspendedListings: false },
          storeName: seller?.storeName ?? '',
        },
      ];
    });
    return json(200, { payload });
  },
};
