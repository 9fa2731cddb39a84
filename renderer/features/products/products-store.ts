import { create } from 'zustand';
import type { CategoryView, ChannelInput, ProductListItem } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';

/** Rows per `catalog:list` call: a screen shows ~15, so one page covers a fast scroll. */
export const PAGE_SIZE = 200;

export type GtinFilter = NonNullable<ChannelInput<'catalog:list'>['gtinStatus']>;
export type StockFilter = NonNullable<ChannelInput<'catalog:list'>['stock']>;

export interface ProductQuery {
  readonly search: string;
  readonly gtinStatus: GtinFilter | null;
  readonly stock: StockFilter | null;
  readonly categoryId: number | null;
}

/**
 * The product list as the virtualized table sees it: a total and the pages loaded so far. A new
 * query bumps `generation`, so answers to an older query are dropped instead of mixed in.
 */
export interface ProductsState {
  readonly query: ProductQuery;
  readonly generation: number;
  /** null until the first page of the current query answers. */
  readonly total: number | null;
  readonly pages: ReadonlyMap<number, readonly ProductListItem[]>;
  readonly pending: ReadonlySet<number>;
  readonly error: ApiError | null;
  readonly selected: ReadonlySet<number>;
  readonly categories: readonly CategoryView[];
}

export const emptyQuery: ProductQuery = { search: '', gtinStatus: null, stock: null, categoryId: null };

export const initialProductsState: ProductsState = {
  query: emptyQuery,
  generation: 0,
  total: null,
  pages: new Map(),
  pending: new Set(),
  error: null,
  selected: new Set(),
  categories: [],
};

export function queryChanged(state: ProductsState, patch: Partial<ProductQuery>): ProductsState {
  const query = { ...state.query, ...patch };
  const same = (Object.keys(query) as (keyof ProductQuery)[]).every((k) => query[k] === state.query[k]);
  if (same) return state;
  return { ...state, query, generation: state.generation + 1, total: null, pages: new Map(), pending: new Set(), error: null };
}

/** Same query, fresh data (after an import): keeps the total so the table does not jump. */
export function reloaded(state: ProductsState): ProductsState {
  return { ...state, generation: state.generation + 1, pages: new Map(), pending: new Set(), error: null };
}

export function pagesWanted(state: ProductsState, firstRow: number, lastRow: number): number[] {
  const last = state.total === null ? 0 : Math.min(lastRow, Math.max(0, state.total - 1));
  const wanted: number[] = [];
  for (let page = Math.floor(Math.max(0, firstRow) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
    if (!state.pages.has(page) && !state.pending.has(page)) wanted.push(page);
  }
  return wanted;
}

export function pageRequested(state: ProductsState, page: number): ProductsState {
  return { ...state, pending: new Set(state.pending).add(page) };
}

export interface PageAnswer {
  readonly generation: number;
  readonly page: number;
  readonly total: number;
  readonly items: readonly ProductListItem[];
}

export function pageLoaded(state: ProductsState, answer: PageAnswer): ProductsState {
  if (answer.generation !== state.generation) return state;
  const pending = new Set(state.pending);
  pending.delete(answer.page);
  return { ...state, total: answer.total, pages: new Map(state.pages).set(answer.page, answer.items), pending, error: null };
}

export function pageFailed(state: ProductsState, answer: { generation: number; page: number; error: ApiError }): ProductsState {
  if (answer.generation !== state.generation) return state;
  const pending = new Set(state.pending);
  pending.delete(answer.page);
  return { ...state, pending, error: answer.error, total: state.total ?? 0 };
}

export function selectionToggled(state: ProductsState, productId: number): ProductsState {
  const selected = new Set(state.selected);
  if (!selected.delete(productId)) selected.add(productId);
  return { ...state, selected };
}

export function selectionSet(state: ProductsState, productIds: readonly number[], on: boolean): ProductsState {
  const selected = new Set(state.selected);
  for (const id of productIds) {
    if (on) selected.add(id);
    else selected.delete(id);
  }
  return { ...state, selected };
}

export function selectionCleared(state: ProductsState): ProductsState {
  return state.selected.size === 0 ? state : { ...state, selected: new Set() };
}

export function categoriesLoaded(state: ProductsState, categories: readonly CategoryView[]): ProductsState {
  return { ...state, categories };
}

export function rowAt(state: ProductsState, index: number): ProductListItem | undefined {
  return state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

export function loadedRows(state: ProductsState): ProductListItem[] {
  return [...state.pages.values()].flat();
}

export const selectQuery = (s: ProductsState): ProductQuery => s.query;
export const selectTotal = (s: ProductsState): number | null => s.total;
export const selectPages = (s: ProductsState): ProductsState['pages'] => s.pages;
export const selectError = (s: ProductsState): ApiError | null => s.error;
export const selectSelected = (s: ProductsState): ReadonlySet<number> => s.selected;
export const selectCategories = (s: ProductsState): readonly CategoryView[] => s.categories;
export const selectFiltered = (s: ProductsState): boolean =>
  s.query.search.trim() !== '' || s.query.gtinStatus !== null || s.query.stock !== null || s.query.categoryId !== null;

export const useProductsStore = create<ProductsState>(() => initialProductsState);

function listInput(query: ProductQuery, page: number): ChannelInput<'catalog:list'> {
  const search = query.search.trim();
  return {
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(query.gtinStatus ? { gtinStatus: query.gtinStatus } : {}),
    ...(query.stock ? { stock: query.stock } : {}),
    ...(query.categoryId !== null ? { categoryId: query.categoryId } : {}),
  };
}

async function fetchPage(page: number): Promise<void> {
  const { query, generation } = useProductsStore.getState();
  useProductsStore.setState((s) => pageRequested(s, page));
  const outcome = await request('catalog:list', listInput(query, page));
  useProductsStore.setState((s) =>
    outcome.ok
      ? pageLoaded(s, { generation, page, total: outcome.value.total, items: outcome.value.items })
      : pageFailed(s, { generation, page, error: outcome.error }),
  );
}

/** Loads the pages covering rows [first, last] that are neither loaded nor on their way. */
export function ensureRows(firstRow: number, lastRow: number): Promise<void> {
  const state = useProductsStore.getState();
  const wanted = state.total === null ? (state.pending.size === 0 ? [0] : []) : pagesWanted(state, firstRow, lastRow);
  return Promise.all(wanted.map(fetchPage)).then(() => undefined);
}

export function setQuery(patch: Partial<ProductQuery>): Promise<void> {
  useProductsStore.setState((s) => queryChanged(s, patch));
  return ensureRows(0, 0);
}

export function reloadProducts(): Promise<void> {
  useProductsStore.setState(reloaded);
  return ensureRows(0, PAGE_SIZE - 1);
}

export async function loadCategories(): Promise<void> {
  const outcome = await request('catalog:categories');
  if (outcome.ok) useProductsStore.setState((s) => categoriesLoaded(s, outcome.value));
}
