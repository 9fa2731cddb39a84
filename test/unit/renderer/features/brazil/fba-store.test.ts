import { afterEach, describe, expect, it } from 'vitest';
import { initialFbaState, listLoaded, loadFbaList, resetFbaList, useFbaStore } from '../../../../../renderer/features/brazil/fba-store';
import { installFakeBridge } from '../../fake-bridge';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  bridge?.remove();
  bridge = undefined;
  useFbaStore.setState(initialFbaState, true);
});

describe('FBA stock of the products list', () => {
  it('remembers the products Amazon holds none of, so they are not asked again', () => {
    const state = listLoaded({ ...initialFbaState, listMarketplaceId: 'BR' }, 'BR', [1, 2, 3], [{ productId: 2, fulfillable: 41, total: 54 }]);
    expect(state.list).toEqual({ 1: null, 2: { fulfillable: 41, total: 54 }, 3: null });
  });

  it('drops an answer for a marketplace the header has left', () => {
    const state = { ...initialFbaState, listMarketplaceId: 'MX' };
    expect(listLoaded(state, 'BR', [2], [{ productId: 2, fulfillable: 41, total: 54 }])).toBe(state);
  });

  it('asks once for the visible products in the header marketplace, and again only after the list is reset', async () => {
    bridge = installFakeBridge({ fbaStock: { ok: true, value: [{ productId: 7, fulfillable: 3, total: 5, readAt: '2026-12-07T10:00:00.000Z' }] } });
    resetFbaList('A2Q3Y263D00KWC');
    await loadFbaList([7, 8]);
    await loadFbaList([7, 8]);
    expect(bridge.calls).toEqual([{ name: 'fbaStock', input: { productIds: [7, 8], marketplaceId: 'A2Q3Y263D00KWC' } }]);
    expect(useFbaStore.getState().list).toEqual({ 7: { fulfillable: 3, total: 5 }, 8: null });
    resetFbaList('A2Q3Y263D00KWC');
    await loadFbaList([8]);
    expect(bridge.calls).toHaveLength(2);
  });
});
