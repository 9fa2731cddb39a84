import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProductListItem } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  PAGE_SIZE,
  emptyQuery,
  ensureRows,
  includeSelected,
  initialProductsState,
  loadedRows,
  pageFailed,
  pageLoaded,
  pageRequested,
  pagesWanted,
  queryChanged,
  reloaded,
  rowAt,
  rowEdited,
  saveCell,
  scopeChanged,
  selectFiltered,
  selectionCleared,
  selectionSet,
  selectionToggled,
  setQuery,
  setScope,
  useProductsStore,
  type ProductsState,
} from '../../../../../renderer/features/products/products-store';
import { installFakeBridge } from '../../fake-bridge';

const item = (id: number): ProductListItem => ({
  id,
  key: `P${id}`,
  title: `Produto ${id}`,
  brand: null,
  categoryPath: null,
  skuCount: 1,
  firstSku: `S${id}`,
  stock: 1,
  minPriceCents: 100,
  maxPriceCents: 100,
  gtinProblems: 0,
  imageUrl: null,
  singleSkuId: id * 10,
  singleSkuIsKit: false,
  amazonStatus: null,
  amazonMatch: null,
});
const page = (n: number, size = PAGE_SIZE) => Array.from({ length: size }, (_, i) => item(n * PAGE_SIZE + i + 1));

function withTotal(total: number): ProductsState {
  return pageLoaded(initialProductsState, { generation: 0, page: 0, total, items: page(0, Math.min(PAGE_SIZE, total)) });
}

describe('paging', () => {
  it('asks only for pages that are neither loaded nor pending, within the total', () => {
    const s = pageRequested(withTotal(1000), 2);
    expect(pagesWanted(s, 0, 999)).toEqual([1, 3, 4]);
    expect(pagesWanted(s, 900, 5000)).toEqual([4]);
  });

  it('reads a row through its page', () => {
    const s = withTotal(1000);
    expect(rowAt(s, 5)?.id).toBe(6);
    expect(rowAt(s, PAGE_SIZE)).toBeUndefined();
    expect(loadedRows(s)).toHaveLength(PAGE_SIZE);
  });

  it('drops answers to an older query', () => {
    const s = queryChanged(withTotal(1000), { search: 'caneca' });
    expect(s.total).toBeNull();
    expect(pageLoaded(s, { generation: 0, page: 0, total: 1000, items: page(0) })).toBe(s);
    expect(pageFailed(s, { generation: 0, page: 0, error: new ApiError({ code: 'X', message: 'x' }) })).toBe(s);
  });

  it('keeps the total on a reload so the scrollbar does not jump', () => {
    const s = reloaded(withTotal(1000));
    expect(s.total).toBe(1000);
    expect(s.pages.size).toBe(0);
  });

  it('keeps the error and stops waiting when a page fails', () => {
    const error = new ApiError({ code: 'INTERNAL', message: 'x' });
    const s = pageFailed(pageRequested(initialProductsState, 0), { generation: 0, page: 0, error });
    expect(s.error).toBe(error);
    expect(s.pending.size).toBe(0);
    expect(s.total).toBe(0);
  });
});

describe('query', () => {
  it('is unchanged (same object) when nothing changes, and knows when it filters', () => {
    expect(queryChanged(initialProductsState, { search: '' })).toBe(initialProductsState);
    expect(selectFiltered(initialProductsState)).toBe(false);
    expect(selectFiltered(queryChanged(initialProductsState, { stock: 'out-of-stock' }))).toBe(true);
    expect(selectFiltered(queryChanged(initialProductsState, { search: '   ' }))).toBe(false);
  });
});

describe('amazon scope', () => {
  it('re-reads the list for another account or marketplace, and drops the status filter without one', () => {
    const scoped = scopeChanged(withTotal(1000), { accountId: 'demo', marketplaceId: 'BR' });
    expect(scoped.total).toBeNull();
    expect(scopeChanged(scoped, { accountId: 'demo', marketplaceId: 'BR' })).toBe(scoped);
    const filtered = queryChanged(scoped, { amazonStatus: 'error' });
    expect(selectFiltered(filtered)).toBe(true);
    expect(scopeChanged(filtered, null).query.amazonStatus).toBeNull();
  });

  it('shows a saved inline edit in its row', () => {
    const s = withTotal(10);
    const sku = { priceCents: 2590, stock: 7 };
    const edited = rowEdited(s, { id: 3, skus: [sku] } as never);
    expect(rowAt(edited, 2)).toMatchObject({ id: 3, stock: 7, minPriceCents: 2590, maxPriceCents: 2590 });
    expect(rowEdited(s, { id: 999, skus: [sku] } as never)).toBe(s);
  });
});

describe('selection', () => {
  it('toggles one, sets many and clears', () => {
    let s = selectionToggled(initialProductsState, 1);
    s = selectionSet(s, [2, 3], true);
    expect([...s.selected].sort()).toEqual([1, 2, 3]);
    s = selectionToggled(selectionSet(s, [2], false), 1);
    expect([...s.selected]).toEqual([3]);
    expect(selectionCleared(s).selected.size).toBe(0);
    expect(selectionCleared(initialProductsState)).toBe(initialProductsState);
  });
});

describe('actions', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useProductsStore.setState({ ...initialProductsState, query: emptyQuery }, true));
  afterEach(() => bridge.remove());

  it('loads page 0 first, then the pages in view, sending the filters', async () => {
    bridge = installFakeBridge({
      catalogList: (input) => {
        const { offset } = input as { offset: number };
        return { ok: true, value: { total: 1000, items: page(offset / PAGE_SIZE, offset + PAGE_SIZE > 1000 ? 1000 - offset : PAGE_SIZE) } };
      },
    });
    await ensureRows(0, 10);
    expect(bridge.calls).toEqual([{ name: 'catalogList', input: { offset: 0, limit: PAGE_SIZE } }]);
    await ensureRows(950, 999);
    expect(bridge.calls.map((c) => (c.input as { offset: number }).offset)).toEqual([0, 800]);
    expect(rowAt(useProductsStore.getState(), 999)?.id).toBe(1000);

    await setQuery({ search: ' caneca ', gtinStatus: 'missing', categoryId: 4 });
    expect(bridge.calls.at(-1)?.input).toEqual({ offset: 0, limit: PAGE_SIZE, search: 'caneca', gtinStatus: 'missing', categoryId: 4 });

    await setScope({ accountId: 'demo', marketplaceId: 'BR' });
    await setQuery({ amazonStatus: 'error' });
    expect(bridge.calls.at(-1)?.input).toMatchObject({ accountId: 'demo', marketplaceId: 'BR', amazonStatus: 'error' });
  });

  it('includes the ticked products in the header’s marketplace and keeps ticked the ones refused', async () => {
    bridge = installFakeBridge({
      catalogList: () => ({ ok: true, value: { total: 3, items: [item(1), item(2), item(3)] } }),
      mappingInclude: () => ({ ok: true, value: { included: [1, 3], rejected: [{ productId: 2, status: 'invalid', reasons: ['Cor: não preenchida'] }] } }),
    });
    useProductsStore.setState({ scope: { accountId: 'demo', marketplaceId: 'BR' }, selected: new Set([1, 2, 3]) });
    await includeSelected();
    expect(bridge.calls[0]).toEqual({ name: 'mappingInclude', input: { accountId: 'demo', marketplaceId: 'BR', productIds: [1, 2, 3] } });
    expect([...useProductsStore.getState().selected]).toEqual([2]);
    expect(useProductsStore.getState().include).toMatchObject({ status: 'done', result: { included: [1, 3] } });
  });

  it('saves an inline cell, or answers main’s message naming the field', async () => {
    bridge = installFakeBridge({
      catalogUpdateSku: (input) =>
        (input as { changes: { stock?: string } }).changes.stock === 'x'
          ? { ok: true, value: { saved: false, errors: [{ field: 'stock', message: 'Estoque: "x" não é um número.' }] } }
          : { ok: true, value: { saved: true, product: { id: 1, skus: [{ stock: 9, priceCents: 100 }] } } },
    });
    useProductsStore.setState(withTotal(3));
    expect(await saveCell(10, 'stock', 'x')).toBe('Estoque: "x" não é um número.');
    expect(await saveCell(10, 'stock', '9')).toBeNull();
    expect(bridge.calls.at(-1)).toEqual({ name: 'catalogUpdateSku', input: { skuId: 10, changes: { stock: '9' } } });
    expect(rowAt(useProductsStore.getState(), 0)?.stock).toBe(9);
  });
});
