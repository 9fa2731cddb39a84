import { describe, expect, it } from 'vitest';
import type { DefinitionsClient } from '../../../main/mapping/schemas';
import { suggestProductTypes } from '../../../main/mapping/suggestions';

const BR = 'A2Q3Y263D00KWC';

/** Amazon's search: JEWELRY for the category words, BRACELET and JEWELRY for titles. */
function client(calls: unknown[]): DefinitionsClient {
  return {
    searchDefinitionsProductTypes: async (params: { keywords?: readonly string[] }) => {
      calls.push(params);
      const names = params.keywords ? ['JEWELRY'] : ['BRACELET', 'JEWELRY'];
      return {
        productTypes: names.map((name) => ({ name, displayName: name === 'JEWELRY' ? 'Jewelry' : 'Bracelet', marketplaceIds: [BR] })),
        productTypeVersion: 'LATEST',
      };
    },
  } as unknown as DefinitionsClient;
}

describe('suggestProductTypes', () => {
  it('puts what the category products are on Amazon first, with how many, then the searches', async () => {
    const calls: unknown[] = [];
    const names: Record<string, string> = { BRACELET: 'Pulseira', JEWELRY: 'Joias e bijuterias' };

    const suggestions = await suggestProductTypes(client(calls), {
      marketplaceId: BR,
      categoryName: 'Pulseiras',
      sampleTitles: ['Pulseira de prata'],
      locale: 'pt_BR',
      evidence: { products: 15, byProductType: [{ productType: 'BRACELET', products: 12 }] },
      displayName: (p) => names[p] ?? null,
    });

    expect(suggestions).toEqual([
      { productType: 'BRACELET', displayName: 'Pulseira', matchedBy: ['catalog', 'title'], hits: 1, evidence: { products: 12, of: 15 } },
      { productType: 'JEWELRY', displayName: 'Joias e bijuterias', matchedBy: ['category', 'title'], hits: 2, evidence: null },
    ]);
    expect(calls[0]).toMatchObject({ keywords: ['pulseiras'], locale: 'pt_BR', searchLocale: 'pt_BR' });
  });
});
