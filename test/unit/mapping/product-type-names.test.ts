import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { foldText, productTypeNames, searchNames } from '../../../main/mapping/product-type-names';
import type { ProductTypeName } from '../../../main/db/tables/product-type-names';

const BR = 'A2Q3Y263D00KWC';
const name = (productType: string, displayName: string): ProductTypeName => ({
  productType,
  displayName,
  searchText: foldText(`${displayName} ${productType.replace(/_/g, ' ')}`),
});
const NAMES = [
  name('BRACELET', 'Pulseira'),
  name('HOME_DECOR', 'Decoração para casa'),
  name('HOME', 'Casa'),
  name('SHOES', 'Calçados'),
  name('WATCH', 'Relógio de pulso'),
];

describe('searchNames', () => {
  it('finds Portuguese names whatever the accents and case, plural or singular', () => {
    expect(searchNames(NAMES, 'pulseira').map((n) => n.productType)).toEqual(['BRACELET']);
    expect(searchNames(NAMES, 'PULSEIRAS').map((n) => n.productType)).toEqual(['BRACELET']);
    expect(searchNames(NAMES, 'decoração').map((n) => n.productType)).toEqual(['HOME_DECOR']);
    expect(searchNames(NAMES, 'decoracao').map((n) => n.productType)).toEqual(['HOME_DECOR']);
    expect(searchNames(NAMES, 'calcados').map((n) => n.productType)).toEqual(['SHOES']);
  });

  it('ranks names that start with the word first, needs every word, and finds codes too', () => {
    expect(searchNames(NAMES, 'casa').map((n) => n.productType)).toEqual(['HOME', 'HOME_DECOR']);
    expect(searchNames(NAMES, 'casa decoracao').map((n) => n.productType)).toEqual(['HOME_DECOR']);
    expect(searchNames(NAMES, 'bracelet').map((n) => n.productType)).toEqual(['BRACELET']);
  });

  it('answers nothing for gibberish or an empty search', () => {
    expect(searchNames(NAMES, 'xyzqw')).toEqual([]);
    expect(searchNames(NAMES, '  ')).toEqual([]);
  });
});

describe('productTypeNames', () => {
  it('keeps the list Amazon sent for a day, and uses the kept list when Amazon cannot be asked', async () => {
    const db = openDatabase(':memory:');
    let calls = 0;
    const online = {
      searchDefinitionsProductTypes: async () => {
        calls += 1;
        return { productTypes: [{ name: 'BRACELET', displayName: 'Pulseira', marketplaceIds: [BR] }], productTypeVersion: 'LATEST' };
      },
    };
    const offline = { searchDefinitionsProductTypes: () => Promise.reject(new Error('offline')) };

    const first = await productTypeNames(db, online, { marketplaceId: BR, locale: 'pt_BR', now: 1 });
    await productTypeNames(db, online, { marketplaceId: BR, locale: 'pt_BR', now: 2 });
    const later = await productTypeNames(db, offline, { marketplaceId: BR, locale: 'pt_BR', now: 2 + 25 * 3600_000 });

    expect(calls).toBe(1);
    expect(first).toEqual([name('BRACELET', 'Pulseira')]);
    expect(later).toEqual(first);
    db.close();
  });
});
