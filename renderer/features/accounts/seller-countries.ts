import type { AccountSummary } from '../../../preload/contract';

export type Region = AccountSummary['region'];

/**
 * Where the seller sells decides the SP-API region (a refresh token only works in the region
 * where the app was authorized) and which Seller Central the guide points to.
 */
export const sellerCountries = [
  { code: 'BR', region: 'NA', sellerCentral: 'https://sellercentral.amazon.com.br' },
  { code: 'US', region: 'NA', sellerCentral: 'https://sellercentral.amazon.com' },
  { code: 'CA', region: 'NA', sellerCentral: 'https://sellercentral.amazon.ca' },
  { code: 'MX', region: 'NA', sellerCentral: 'https://sellercentral.amazon.com.mx' },
  { code: 'GB', region: 'EU', sellerCentral: 'https://sellercentral.amazon.co.uk' },
  { code: 'DE', region: 'EU', sellerCentral: 'https://sellercentral-europe.amazon.com' },
  { code: 'FR', region: 'EU', sellerCentral: 'https://sellercentral-europe.amazon.com' },
  { code: 'IT', region: 'EU', sellerCentral: 'https://sellercentral-europe.amazon.com' },
  { code: 'ES', region: 'EU', sellerCentral: 'https://sellercentral-europe.amazon.com' },
  { code: 'NL', region: 'EU', sellerCentral: 'https://sellercentral-europe.amazon.com' },
  { code: 'SE', region: 'EU', sellerCentral: 'https://sellercentral-europe.amazon.com' },
] as const satisfies readonly { code: string; region: Region; sellerCentral: string }[];

export type SellerCountry = (typeof sellerCountries)[number]['code'];

export function countryInfo(code: SellerCountry): (typeof sellerCountries)[number] {
  return sellerCountries.find((c) => c.code === code) ?? sellerCountries[0];
}
