import { create } from 'zustand';
import type { CategoryView, ChannelInput, ChannelOutput, ProductAmazonStatus, ProductListItem, ProductView } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';

/** Rows per `catalog:list` call: a screen shows ~15, so one page covers a fast scroll. */
export const PAGE_SIZE = 200;
/** The most products `mapping:include` takes at once. */
const INCLUDE_CHUNK = 500;

export type GtinFilter = NonNullable<ChannelInput<'catalog:list'>['gtinStatus']>;
export type StockFilter = NonNullable<ChannelInput<'catalog:list'>['stock']>;

export interface ProductQuery {
  readonly search: string;
  readonly gtinStatus: GtinFilter | null;
  readonly stock: StockFilter | null;
  readonly categoryId: number | null;
  /** Amazon status in the header's marketplace. */
  readonly amazonStatus: ProductAmazonStatus | null;
}

/** The header's account and marketplace: the list shows each product's status there. */
export interface AmazonScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

/** "Include in the marketplace" for the ticked products: how many went in, and why the others did not. */
export type IncludeState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly result: ChannelOutput<'mapping:include'> }
  | { readonly status: 'failed'; readonly error: ApiError };

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
  readonly scope: AmazonScope | null;
  readonly include: IncludeState;
}

export const emptyQuery: ProductQuery = { search: '', gtinStatus: null, stock: null, categoryId: null, amazonStatus: null };

export const initialProductsState: ProductsState = {
  query: emptyQuery,
  generation: 0,
  total: null,
  pages: new Map(),
  pending: new Set(),
  error: null,
  selected: new Set(),
  categories: [],
  scope: null,
  include: { status: 'idle' },
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

/** Another account or marketplace in the header: statuses are re-read, and a status filter kept. */
export function scopeChanged(state: ProductsState, scope: AmazonScope | null): ProductsState {
  if (state.scope?.accountId === scope?.accountId && state.scope?.marketplaceId === scope?.marketplaceId) return state;
  const query = scope ? state.query : { ...state.query, amazonStatus: null };
  return {
    ...state,
    scope,
    query,
    generation: state.generation + 1,
    total: null,
    pages: new Map(),
    pending: new Set(),
    error: null,
    include: { status: 'idle' },
  };
}

/** A saved inline edit: the row shows the SKU's stock and price as main now has them. */
export function rowEdited(state: ProductsState, product: ProductView): ProductsState {
  let touched = false;
  const pages = new Map(state.pages);
  for (const [page, items] of state.pages) {
    if (!items.some((i) => i.id === product.id)) continue;
    touched = true;
    pages.set(
      page,
      items.map((i) => {
        if (i.id !== product.id) return i;
        const prices = product.skus.map((s) => s.priceCents).filter((c): c is number => c !== null);
        return {
          ...i,
          stock: product.skus.reduce((sum, s) => sum + s.stock, 0),
          minPriceCents: prices.length ? Math.min(...prices) : null,
          maxPriceCents: prices.length ? Math.max(...prices) : null,
        };
      }),
    );
  }
  return touched ? { ...state, pages } : state;
}

export function includeStarted(state: ProductsState): ProductsState {
  return { ...state, include: { status: 'running' } };
}

export function includeFinished(state: ProductsState, result: ChannelOutput<'mapping:include'>): ProductsState {
  // The included products leave the ticked set; those refused stay ticked so the seller sees which.
  const selected = new Set(state.selected);
  for (const id of result.included) selected.delete(id);
  return { ...state, selected, include: { status: 'done', result } };
}

export function includeFailed(state: ProductsState, error: ApiError): ProductsState {
  return { ...state, include: { status: 'failed', error } };
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
  s.query.search.trim() !== '' || s.query.gtinStatus !== null || s.query.stock !== null || s.query.categoryId !== null || s.query.amazonStatus !== null;
export const selectScope = (s: ProductsState): AmazonScope | null => s.scope;
export const selectInclude = (s: ProductsState): IncludeState => s.include;

export const useProductsStore = create<ProductsState>(() => initialProductsState);

/** The list's filter as main takes it (also what a filtered export sends). */
export function filterInput(query: ProductQuery, scope: AmazonScope | null): Omit<ChannelInput<'catalog:list'>, 'offset' | 'limit'> {
  const search = query.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(query.gtinStatus ? { gtinStatus: query.gtinStatus } : {}),
    ...(query.stock ? { stock: query.stock } : {}),
    ...(query.categoryId !== null ? { categoryId: query.categoryId } : {}),
    ...(scope ? { accountId: scope.accountId, marketplaceId: scope.marketplaceId } : {}),
    ...(scope && query.amazonStatus ? { amazonStatus: query.amazonStatus } : {}),
  };
}

function listInput(query: ProductQuery, scope: AmazonScope | null, page: number): ChannelInput<'catalog:list'> {
  return { offset: page * PAGE_SIZE, limit: PAGE_SIZE, ...filterInput(query, scope) };
}

async function fetchPage(page: number): Promise<void> {
  const { query, scope, generation } = useProductsStore.getState();
  useProductsStore.setState((s) => pageRequested(s, page));
  const outcome = await request('catalog:list', listInput(query, scope, page));
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

export function setScope(scope: AmazonScope | null): Promise<void> {
  useProductsStore.setState((s) => scopeChanged(s, scope));
  return ensureRows(0, 0);
}

/** Includes the ticked products in the header's marketplace (the ready ones; the others say why). */
export async function includeSelected(): Promise<void> {
  const { scope, selected } = useProductsStore.getState();
  if (!scope || selected.size === 0) return;
  useProductsStore.setState(includeStarted);
  const ids = [...selected];
  const merged: { included: number[]; rejected: ChannelOutput<'mapping:include'>['rejected'][number][] } = { included: [], rejected: [] };
  for (let i = 0; i < ids.length; i += INCLUDE_CHUNK) {
    const outcome = await request('mapping:include', { ...scope, productIds: ids.slice(i, i + INCLUDE_CHUNK) });
    if (!outcome.ok) {
      useProductsStore.setState((s) => includeFailed(s, outcome.error));
      return;
    }
    merged.included.push(...outcome.value.included);
    merged.rejected.push(...outcome.value.rejected);
  }
  useProductsStore.setState((s) => includeFinished(s, merged));
  await reloadProducts();
}

/** Saves one inline cell (stock or price) of a product with a single SKU; answers the error to show, or null. */
export async function saveCell(skuId: number, field: 'stock' | 'price', text: string): Promise<string | null> {
  const outcome = await request('catalog:update-sku', { skuId, changes: { [field]: text } });
  if (!outcome.ok) return outcome.error.message;
  if (!outcome.value.saved) return outcome.value.errors.map((e) => e.message).join(' ');
  const product = outcome.value.product;
  useProductsStore.setState((s) => rowEdited(s, product));
  return null;
}

export async function loadCategories(): Promise<void> {
  const outcome = await request('catalog:categories');
  if (outcome.ok) useProductsStore.setState((s) => categoriesLoaded(s, outcome.value));
}
