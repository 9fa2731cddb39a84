/**
 * SP-API regions, their production and static-sandbox hosts, and the marketplaces Vitrine sells
 * in (REFERENCE.md §2). A refresh token only works in the region where the seller authorized the
 * app, so an account is bound to one region and the client to one base URL.
 */
export type Region = 'NA' | 'EU' | 'FE';

export const REGIONS: readonly Region[] = ['NA', 'EU', 'FE'];

export interface RegionHosts {
  readonly production: string;
  readonly sandbox: string;
}

export const REGION_HOSTS: Readonly<Record<Region, RegionHosts>> = {
  NA: { production: 'https://sellingpartnerapi-na.amazon.com', sandbox: 'https://sandbox.sellingpartnerapi-na.amazon.com' },
  EU: { production: 'https://sellingpartnerapi-eu.amazon.com', sandbox: 'https://sandbox.sellingpartnerapi-eu.amazon.com' },
  FE: { production: 'https://sellingpartnerapi-fe.amazon.com', sandbox: 'https://sandbox.sellingpartnerapi-fe.amazon.com' },
};

/** One LWA host serves every region; sandbox calls use production LWA tokens too. */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export function regionBaseUrl(region: Region, sandbox = false): string {
  const hosts = REGION_HOSTS[region];
  return sandbox ? hosts.sandbox : hosts.production;
}

export interface MarketplaceInfo {
  readonly id: string;
  /** ISO 3166 alpha-2 as the Sellers API reports it (GB, not the docs' UK). */
  readonly countryCode: string;
  readonly name: string;
  /** ISO 4217. A fallback only: at runtime prefer getMarketplaceParticipations' defaultCurrencyCode. */
  readonly currency: string;
  /** Amazon locale tag (language_tag / issueLocale format). Fallback for defaultLanguageCode. */
  readonly language: string;
  readonly region: Region;
}

export const MARKETPLACES: readonly MarketplaceInfo[] = [
  { id: 'ATVPDKIKX0DER', countryCode: 'US', name: 'United States', currency: 'USD', language: 'en_US', region: 'NA' },
  { id: 'A2EUQ1WTGCTBG2', countryCode: 'CA', name: 'Canada', currency: 'CAD', language: 'en_CA', region: 'NA' },
  { id: 'A1AM78C64UM0Y8', countryCode: 'MX', name: 'Mexico', currency: 'MXN', language: 'es_MX', region: 'NA' },
  { id: 'A2Q3Y263D00KWC', countryCode: 'BR', name: 'Brazil', currency: 'BRL', language: 'pt_BR', region: 'NA' },
  { id: 'A1F83G8C2ARO7P', countryCode: 'GB', name: 'United Kingdom', currency: 'GBP', language: 'en_GB', region: 'EU' },
  { id: 'A1PA6795UKMFR9', countryCode: 'DE', name: 'Germany', currency: 'EUR', language: 'de_DE', region: 'EU' },
  { id: 'A13V1IB3VIYZZH', countryCode: 'FR', name: 'France', currency: 'EUR', language: 'fr_FR', region: 'EU' },
  { id: 'APJ6JRA9NG5V4', countryCode: 'IT', name: 'Italy', currency: 'EUR', language: 'it_IT', region: 'EU' },
  { id: 'A1RKKUPIHCS9HS', countryCode: 'ES', name: 'Spain', currency: 'EUR', language: 'es_ES', region: 'EU' },
  { id: 'A2NODRKZP88ZB9', countryCode: 'SE', name: 'Sweden', currency: 'SEK', language: 'sv_SE', region: 'EU' },
  { id: 'A1805IZSGTT6HS', countryCode: 'NL', name: 'Netherlands', currency: 'EUR', language: 'nl_NL', region: 'EU' },
  { id: 'A1C3SOZRARQ6R3', countryCode: 'PL', name: 'Poland', currency: 'PLN', language: 'pl_PL', region: 'EU' },
  { id: 'AMEN7PMS3EDWL', countryCode: 'BE', name: 'Belgium', currency: 'EUR', language: 'fr_BE', region: 'EU' },
  { id: 'A28R8C7NBKEWEA', countryCode: 'IE', name: 'Ireland', currency: 'EUR', language: 'en_IE', region: 'EU' },
  { id: 'A1VC38T7YXB528', countryCode: 'JP', name: 'Japan', currency: 'JPY', language: 'ja_JP', region: 'FE' },
  { id: 'A39IBJ37TRP1C6', countryCode: 'AU', name: 'Australia', currency: 'AUD', language: 'en_AU', region: 'FE' },
];

const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));
const byCountry = new Map(MARKETPLACES.map((m) => [m.countryCode, m]));

export function marketplaceById(id: string): MarketplaceInfo | undefined {
  return byId.get(id);
}

/** Accepts Amazon's documentation code `UK` as well as ISO `GB`. */
export function marketplaceByCountry(countryCode: string): MarketplaceInfo | undefined {
  const code = countryCode.toUpperCase();
  return byCountry.get(code === 'UK' ? 'GB' : code);
}

export function marketplacesInRegion(region: Region): readonly MarketplaceInfo[] {
  return MARKETPLACES.filter((m) => m.region === region);
}
