import { describe, expect, it } from 'vitest';
import { MARKETPLACES, marketplaceByCountry, marketplaceById, marketplacesInRegion, regionBaseUrl } from '../../../main/amazon/regions';

describe('regions', () => {
  it('maps each region to its production and sandbox host', () => {
    expect(regionBaseUrl('NA')).toBe('https://sellingpartnerapi-na.amazon.com');
    expect(regionBaseUrl('EU', true)).toBe('https://sandbox.sellingpartnerapi-eu.amazon.com');
    expect(regionBaseUrl('FE', false)).toBe('https://sellingpartnerapi-fe.amazon.com');
  });

  it('finds Brazil by id and by country, and the UK under both UK and GB', () => {
    const br = marketplaceById('A2Q3Y263D00KWC');
    expect(br).toMatchObject({ countryCode: 'BR', currency: 'BRL', region: 'NA', language: 'pt_BR' });
    expect(marketplaceByCountry('uk')?.id).toBe('A1F83G8C2ARO7P');
    expect(marketplaceByCountry('GB')?.id).toBe('A1F83G8C2ARO7P');
    expect(marketplaceById('NOPE')).toBeUndefined();
  });

  it('has unique ids and puts every marketplace in exactly one region', () => {
    expect(new Set(MARKETPLACES.map((m) => m.id)).size).toBe(MARKETPLACES.length);
    const perRegion = marketplacesInRegion('NA').length + marketplacesInRegion('EU').length + marketplacesInRegion('FE').length;
    expect(perRegion).toBe(MARKETPLACES.length);
    expect(
      marketplacesInRegion('NA')
        .map((m) => m.countryCode)
        .sort(),
    ).toEqual(['BR', 'CA', 'MX', 'US']);
  });
});
