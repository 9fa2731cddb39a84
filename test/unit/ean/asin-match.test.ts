import { describe, expect, it } from 'vitest';
import type { catalogApi } from '../../../main/amazon/api/catalog';
import { SpApiError } from '../../../main/amazon/errors';
import { AppError } from '../../../main/errors';
import {
  catalogIdentifier,
  matchAsins,
  type CatalogSearchClient,
  type CatalogSearchItem,
  type CatalogSearchParams,
  type CatalogSearchResult,
} from '../../../main/ean/asin-match';
import { withCheckDigit } from '../../../main/ean/gtin';

// The real client must fit the structural interface, or this file stops compiling.
const realClientFits: ReturnType<typeof catalogApi> extends CatalogSearchClient ? true : never = true;

const MARKETPLACE = 'A2Q3Y263D00KWC';

const item = (asin: string, ...codes: { type: string; value: string }[]): CatalogSearchItem => ({
  asin,
  identifiers: [{ marketplaceId: MARKETPLACE, identifiers: codes.map((c) => ({ identifierType: c.type, identifier: c.value })) }],
});

/** A fake catalog: answers from `catalog` (code → items), records every call, can fail chosen calls. */
function fakeClient(catalog: ReadonlyMap<string, readonly CatalogSearchItem[]>, options: { failOnCall?: number; pageSize?: number } = {}) {
  const calls: CatalogSearchParams[] = [];
  const client: CatalogSearchClient = {
    async searchCatalogItems(params) {
      calls.push(params);
      if (calls.length === options.failOnCall) {
        throw new SpApiError({
          operationId: 'searchCatalogItems',
          status: 400,
          errors: [{ code: 'InvalidInput', message: 'bad identifiers' }],
          requestId: 'req-1',
          retryable: false,
        });
      }
      const all = params.identifiers.flatMap((id) => catalog.get(id) ?? []);
      const size = options.pageSize ?? all.length;
      const start = Number(params.pageToken ?? 0);
      const page: CatalogSearchResult = {
        items: all.slice(start, start + size),
        pagination: start + size < all.length ? { nextToken: String(start + size) } : {},
      };
      return page;
    },
  };
  return { client, calls };
}

const eans = (n: number) => Array.from({ length: n }, (_, i) => withCheckDigit(`789100000${String(i).padStart(3, '0')}`));

describe('matchAsins', () => {
  it('compiles against the real catalog client', () => {
    expect(realClientFits).toBe(true);
  });

  it('sends 20 distinct codes per call: 45 EANs take 3 calls', async () => {
    const codes = eans(45);
    const { client, calls } = fakeClient(new Map());

    const result = await matchAsins(client, [...codes, ...codes.slice(0, 5)], { marketplaceId: MARKETPLACE });

    expect(calls.map((c) => c.identifiers.length)).toEqual([20, 20, 5]);
    expect(new Set(calls.flatMap((c) => c.identifiers))).toEqual(new Set(codes));
    expect(calls.every((c) => c.identifiersType === 'EAN' && c.marketplaceId === MARKETPLACE)).toBe(true);
    expect(calls[0]?.includedData).toEqual(['summaries', 'identifiers', 'productTypes']);
    expect(result.size).toBe(45);
  });

  it('maps items back to their codes: matched, none and ambiguous', async () => {
    const [one, two, three] = eans(3) as [string, string, string];
    const catalog = new Map([
      [one, [item('B000000001', { type: 'EAN', value: one })]],
      [three, [item('B000000003', { type: 'EAN', value: three }), item('B000000004', { type: 'EAN', value: three })]],
    ]);
    const { client } = fakeClient(catalog);

    const result = await matchAsins(client, [one, two, three], { marketplaceId: MARKETPLACE });

    expect(result.get(one)).toMatchObject({ status: 'matched', asin: 'B000000001' });
    expect(result.get(two)).toEqual({ status: 'none' });
    expect(result.get(three)).toMatchObject({ status: 'ambiguous', asins: ['B000000003', 'B000000004'] });
  });

  it("keeps the product's title, brand and product type in the marketplace asked", async () => {
    const [one] = eans(1) as [string];
    const found: CatalogSearchItem = {
      ...item('B000000001', { type: 'EAN', value: one }),
      summaries: [
        { marketplaceId: 'ATVPDKIKX0DER', itemName: 'Silver bracelet', brand: 'Aurora' },
        { marketplaceId: MARKETPLACE, itemName: 'Pulseira de prata', brand: 'Aurora' },
      ],
      productTypes: [{ marketplaceId: MARKETPLACE, productType: 'BRACELET' }],
    };
    const { client, calls } = fakeClient(new Map([[one, [found]]]));

    const result = await matchAsins(client, [one], { marketplaceId: MARKETPLACE, locale: 'pt_BR' });

    expect(result.get(one)).toEqual({
      status: 'matched',
      asin: 'B000000001',
      item: { asin: 'B000000001', title: 'Pulseira de prata', brand: 'Aurora', productType: 'BRACELET' },
    });
    expect(calls[0]).toMatchObject({ locale: 'pt_BR', includedData: ['summaries', 'identifiers', 'productTypes'] });
  });

  it('recognizes a code Amazon returns in another form (UPC stored as a 13-digit EAN)', async () => {
    const upc = '036000291452';
    const { client, calls } = fakeClient(new Map([[upc, [item('B00UPC0001', { type: 'EAN', value: `0${upc}` })]]]));

    const result = await matchAsins(client, [upc, `0${upc}`, '36000291452'], { marketplaceId: MARKETPLACE });

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ identifiersType: 'UPC', identifiers: [upc] });
    for (const match of result.values()) expect(match).toMatchObject({ status: 'matched', asin: 'B00UPC0001' });
  });

  it('follows pagination so no ASIN of a batch is missed', async () => {
    const codes = eans(3);
    const catalog = new Map(codes.map((c, i) => [c, [item(`B00000000${i}`, { type: 'EAN', value: c })]]));
    const { client, calls } = fakeClient(catalog, { pageSize: 1 });

    const result = await matchAsins(client, codes, { marketplaceId: MARKETPLACE });

    expect(calls.map((c) => c.pageToken)).toEqual([undefined, '1', '2']);
    expect([...result.values()].map((m) => m.status)).toEqual(['matched', 'matched', 'matched']);
  });

  it('reports an Amazon error on one batch for its codes and carries on with the others', async () => {
    const codes = eans(45);
    const catalog = new Map([[codes[44] as string, [item('B000000044', { type: 'EAN', value: codes[44] as string })]]]);
    const { client, calls } = fakeClient(catalog, { failOnCall: 2 });

    const result = await matchAsins(client, codes, { marketplaceId: MARKETPLACE });

    expect(calls).toHaveLength(3);
    const failed = codes.slice(20, 40).map((c) => result.get(c));
    expect(failed.every((m) => m?.status === 'error')).toBe(true);
    const first = failed[0];
    expect(first?.status === 'error' && first.error).toBeInstanceOf(AppError);
    expect(first?.status === 'error' && first.error.details).toMatchObject({ amazon: { code: 'InvalidInput', requestId: 'req-1' } });
    expect(result.get(codes[44] as string)).toMatchObject({ status: 'matched', asin: 'B000000044' });
    expect(result.get(codes[0] as string)).toEqual({ status: 'none' });
  });

  it('throws what is not an Amazon failure instead of hiding it', async () => {
    const client: CatalogSearchClient = {
      searchCatalogItems: () => Promise.reject(new TypeError('bug')),
    };

    await expect(matchAsins(client, eans(1), { marketplaceId: MARKETPLACE })).rejects.toThrow(TypeError);
  });

  it('does not send codes Amazon would reject, and reports progress', async () => {
    const { client, calls } = fakeClient(new Map());
    const progress: [number, number][] = [];

    const result = await matchAsins(client, ['4006381333932', withCheckDigit('200123456789'), ...eans(21)], {
      marketplaceId: MARKETPLACE,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result.get('4006381333932')).toEqual({ status: 'invalid' });
    expect(calls.flatMap((c) => c.identifiers)).toHaveLength(21);
    expect(progress).toEqual([
      [20, 21],
      [21, 21],
    ]);
  });
});

describe('catalogIdentifier', () => {
  it('uses the identifier type Amazon files each length under', () => {
    expect(catalogIdentifier('04006381333931')).toEqual({ type: 'EAN', value: '4006381333931' });
    expect(catalogIdentifier('00036000291452')).toEqual({ type: 'UPC', value: '036000291452' });
    expect(catalogIdentifier('00000096385074')).toEqual({ type: 'EAN', value: '96385074' });
    expect(catalogIdentifier('10012345000017')).toEqual({ type: 'GTIN', value: '10012345000017' });
  });
});
