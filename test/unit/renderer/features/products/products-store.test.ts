import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProductListItem } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  PAGE_SIZE,
  emptyQuery,
  ensureRows,
  initialProductsState,
  loadedRows,
  pageFailed,
  pageLoaded,
  pageRequested,
  pagesWanted,
  queryChanged,
  reloaded,
  rowAt,
  selectFiltered,
  selectionCleared,
  selectionSet,
  selectionToggled,
  setQuery,
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
  });
});
