import { describe, expect, it } from 'vitest';
import { planCatalogMatch } from '../../../main/catalog-match/plan';
import type { CatalogMatch } from '../../../main/db/tables/catalog-matches';
import type { SkuCodeRow } from '../../../main/db/tables/sku-gtins';

const MARKETPLACE = 'A2Q3Y263D00KWC';

const sku = (id: number, gtin: string | null, gtinStatus: SkuCodeRow['gtinStatus'] = gtin ? 'valid' : 'missing', asin: string | null = null): SkuCodeRow => ({
  id,
  sku: `SKU-${id}`,
  gtin,
  gtinStatus,
  asin,
});

const answer = (skuId: number, gtin: string, extra: Partial<CatalogMatch> = {}): CatalogMatch => ({
  skuId,
  marketplaceId: MARKETPLACE,
  gtin,
  outcome: 'matched',
  asin: 'B0FOUND001',
  title: 'Pulseira',
  brand: null,
  productType: 'BRACELET',
  candidates: [],
  attached: false,
  matchedAt: 1,
  ...extra,
});

describe('planCatalogMatch', () => {
  it('looks up valid codes only, by their GTIN-14', () => {
    const plan = planCatalogMatch([sku(1, '4006381333931'), sku(2, '4006381333932', 'invalid'), sku(3, null), sku(4, '036000291452')], new Map());

    expect(plan.lookups).toEqual([
      { skuId: 1, sku: 'SKU-1', gtin14: '04006381333931' },
      { skuId: 4, sku: 'SKU-4', gtin14: '00036000291452' },
    ]);
    expect(plan.invalid).toBe(1);
  });

  it('never looks up a code two SKUs share, however it is written (both would land on one ASIN)', () => {
    const plan = planCatalogMatch([sku(1, '4006381333931'), sku(2, '04006381333931'), sku(3, '5901234123457')], new Map());

    expect(plan.lookups.map((l) => l.skuId)).toEqual([3]);
    expect(plan.duplicates).toBe(2);
  });

  it('does not ask again about a code already answered, unless forced', () => {
    const stored = new Map([[1, answer(1, '04006381333931', { outcome: 'none', asin: null })]]);

    expect(planCatalogMatch([sku(1, '4006381333931')], stored).lookups).toEqual([]);
    expect(planCatalogMatch([sku(1, '4006381333931')], stored, { force: true }).lookups).toHaveLength(1);
  });

  it('asks again when the code changed, dropping the old answer and the ASIN it attached', () => {
    const stored = new Map([[1, answer(1, '05901234123457', { attached: true })]]);

    const plan = planCatalogMatch([sku(1, '4006381333931', 'valid', 'B0FOUND001')], stored);

    expect(plan.drops).toEqual([{ skuId: 1, detachAsin: 'B0FOUND001' }]);
    expect(plan.lookups.map((l) => l.gtin14)).toEqual(['04006381333931']);
  });

  it('drops the answer of a code that became shared or invalid; an ASIN it did not attach stays', () => {
    const stored = new Map([
      [1, answer(1, '04006381333931', { attached: true })],
      [2, answer(2, '05901234123457', { attached: false })],
    ]);

    const plan = planCatalogMatch([sku(1, '4006381333931'), sku(3, '4006381333931'), sku(2, '5901234123458', 'invalid')], stored);

    expect(plan.lookups).toEqual([]);
    expect(plan.drops).toEqual([
      { skuId: 1, detachAsin: 'B0FOUND001' },
      { skuId: 2, detachAsin: null },
    ]);
  });
});
