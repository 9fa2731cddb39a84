import { create } from 'zustand';
import type { AmazonCheck, IncludeAllResult, ListingPreview, SelectionItem, TaskProgress } from '../../../preload/contract';
import { request, type ApiError, type Outcome } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { pageStart } from '../../app/paging';
import type { MappingScope } from '../categories/mapping-scope';

/** One screen of products at 1366×768 (each row may carry a reason or two). */
export const SELECTION_PAGE = 20;
/** Reasons shown on a row before "more": a product with 13 missing attributes stays a few lines tall. */
export const PROBLEMS_SHOWN = 2;
/** The progress kind main reports an "include all" under (main/selection/bulk-selection.ts). */
export const INCLUDE_ALL_TASK = 'mapping:include-all';

export interface IncludeResult {
  readonly included: number;
  readonly rejected: number;
}

/** A bulk change over every product matching the filter, not just the ticked ones. */
export type BulkState =
  | { readonly status: 'idle' }
  | { readonly status: 'confirming-exclude' }
  | { readonly status: 'including'; readonly progress: TaskProgress | null }
  | { readonly status: 'excluding' }
  | { readonly status: 'included'; readonly result: IncludeAllResult }
  | { readonly status: 'excluded'; readonly removed: number };

export interface CategoryOption {
  readonly id: number;
  readonly path: string;
}

export interface SelectionState {
  readonly page: Load<{ readonly total: number; readonly items: readonly SelectionItem[] }>;
  readonly offset: number;
  readonly search: string;
  /** Only products of this category (not its subcategories), as `mapping:selection` filters. */
  readonly categoryId: number | null;
  readonly categories: readonly CategoryOption[];
  readonly bulk: BulkState;
  /** Ticked rows (product ids) for the bulk buttons. */
  readonly ticked: ReadonlySet<number>;
  readonly lastInclude: IncludeResult | null;
  readonly actionError: ApiError | null;
  readonly previewId: number | null;
  readonly preview: Load<ListingPreview>;
  readonly amazon: Load<AmazonCheck>;
}

export const initialSelectionState: SelectionState = {
  page: idle,
  offset: 0,
  search: '',
  categoryId: null,
  categories: [],
  bulk: { status: 'idle' },
  ticked: new Set(),
  lastInclude: null,
  actionError: null,
  previewId: null,
  preview: idle,
  amazon: idle,
};

export function ticked(state: SelectionState, productId: number): SelectionState {
  const next = new Set(state.ticked);
  if (next.has(productId)) next.delete(productId);
  else next.add(productId);
  return { ...state, ticked: next };
}

export function allTicked(state: SelectionState): SelectionState {
  const items = valueOf(state.page)?.items ?? [];
  const all = items.length > 0 && items.every((i) => state.ticked.has(i.id));
  return { ...state, ticked: all ? new Set() : new Set(items.map((i) => i.id)) };
}

/** The list's filter as main takes it; the bulk actions send the same one. */
export function filterOf(state: SelectionState): { search?: string; categoryId?: number } {
  const search = state.search.trim();
  return { ...(search ? { search } : {}), ...(state.categoryId !== null ? { categoryId: state.categoryId } : {}) };
}

export const bulkBusy = (state: SelectionState): boolean => state.bulk.status === 'including' || state.bulk.status === 'excluding';

export function bulkStarted(state: SelectionState, kind: 'include' | 'exclude'): SelectionState {
  if (bulkBusy(state)) return state;
  return { ...state, bulk: kind === 'include' ? { status: 'including', progress: null } : { status: 'excluding' }, lastInclude: null, actionError: null };
}

/** Progress of the running "include all"; other tasks' reports and the final one are not this bar's. */
export function bulkProgressed(state: SelectionState, progress: TaskProgress): SelectionState {
  if (state.bulk.status !== 'including' || progress.kind !== INCLUDE_ALL_TASK || progress.finished) return state;
  return { ...state, bulk: { status: 'including', progress } };
}

export function includeAllFinished(state: SelectionState, outcome: Outcome<IncludeAllResult>): SelectionState {
  if (!outcome.ok) return { ...state, bulk: { status: 'idle' }, actionError: outcome.error };
  return { ...state, bulk: { status: 'included', result: outcome.value }, ticked: new Set() };
}

export function excludeAllFinished(state: SelectionState, outcome: Outcome<number>): SelectionState {
  if (!outcome.ok) return { ...state, bulk: { status: 'idle' }, actionError: outcome.error };
  return { ...state, bulk: { status: 'excluded', removed: outcome.value }, ticked: new Set() };
}

/** Asking before removing: only from a resting state, never while a bulk change runs. */
export function excludeAllAsked(state: SelectionState, asking: boolean): SelectionState {
  if (bulkBusy(state)) return state;
  return { ...state, bulk: asking ? { status: 'confirming-exclude' } : { status: 'idle' } };
}

export function categoryChosen(state: SelectionState, categoryId: number | null): SelectionState {
  return { ...state, categoryId, offset: 0, ticked: new Set() };
}

/** The filter's choices in path order; a chosen category that no longer exists is dropped. */
export function categoriesLoaded(state: SelectionState, rows: readonly { readonly id: number; readonly path: string }[]): SelectionState {
  const categories = rows.map((c) => ({ id: c.id, path: c.path })).sort((a, b) => a.path.localeCompare(b.path));
  const gone = state.categoryId !== null && !categories.some((c) => c.id === state.categoryId);
  return { ...(gone ? categoryChosen(state, null) : state), categories };
}

/** One reason a product is not ready, with the SKUs it applies to (all of them: an empty list). */
export interface ProblemGroup {
  readonly message: string;
  readonly skus: readonly string[];
}

/**
 * A product's reasons, each message once: a family whose 3 SKUs all lack "Cor" says it once, not
 * three times; a reason of only some SKUs names them.
 */
export function problemGroups(item: Pick<SelectionItem, 'problems' | 'skuCount'>): ProblemGroup[] {
  const bySku = new Map<string, Set<string>>();
  for (const p of item.problems) {
    const skus = bySku.get(p.message) ?? new Set<string>();
    skus.add(p.sku);
    bySku.set(p.message, skus);
  }
  return [...bySku].map(([message, skus]) => ({ message, skus: item.skuCount > 1 && skus.size < item.skuCount ? [...skus] : [] }));
}

export const selectPage = (s: SelectionState) => valueOf(s.page);
export const selectPageError = (s: SelectionState) => errorOf(s.page);
export const useSelectionStore = create<SelectionState>(() => initialSelectionState);
const set = useSelectionStore.setState;

export async function loadSelection(scope: MappingScope): Promise<void> {
  const state = useSelectionStore.getState();
  set((s) => ({ page: loading(s.page) }));
  const outcome = await request('mapping:selection', { ...scope, offset: state.offset, limit: SELECTION_PAGE, ...filterOf(state) });
  set((s) => ({ page: outcome.ok ? ready(outcome.value) : failed(s.page, outcome.error) }));
}

export function searchChanged(search: string): void {
  set({ search, offset: 0 });
}

export function chooseCategory(categoryId: number | null): void {
  set((s) => categoryChosen(s, categoryId));
}

/** The catalog's categories for the filter; a failure leaves the filter without them (the list still works). */
export async function loadCategoryOptions(scope: MappingScope): Promise<void> {
  const outcome = await request('mapping:categories', { marketplaceId: scope.marketplaceId });
  if (!outcome.ok) return;
  set((s) => categoriesLoaded(s, outcome.value.items));
}

/** Includes every ready product matching the filter (all pages); the summary says what stayed out and why. */
export async function includeAll(scope: MappingScope): Promise<void> {
  const state = useSelectionStore.getState();
  if (bulkBusy(state)) return;
  set(bulkStarted(state, 'include'));
  const outcome = await request('mapping:include-all', { ...scope, ...filterOf(state) });
  set((s) => includeAllFinished(s, outcome));
  await loadSelection(scope);
}

export function askExcludeAll(asking: boolean): void {
  set((s) => excludeAllAsked(s, asking));
}

/** After the seller confirmed: their choices among the filtered products go; listing rules still apply. */
export async function excludeAll(scope: MappingScope): Promise<void> {
  const state = useSelectionStore.getState();
  if (state.bulk.status !== 'confirming-exclude') return;
  set(bulkStarted(state, 'exclude'));
  const outcome = await request('mapping:exclude-all', { ...scope, ...filterOf(state) });
  set((s) => excludeAllFinished(s, outcome));
  await loadSelection(scope);
}

export function movePage(delta: number): void {
  set((s) => ({ offset: pageStart(s.offset + delta * SELECTION_PAGE, valueOf(s.page)?.total ?? 0, SELECTION_PAGE) }));
}

export function toggleTick(productId: number): void {
  set((s) => ticked(s, productId));
}

export function toggleAll(): void {
  set(allTicked);
}

export async function includeTicked(scope: MappingScope, productIds: readonly number[]): Promise<void> {
  if (productIds.length === 0) return;
  const outcome = await request('mapping:include', { ...scope, productIds: [...productIds] });
  set(
    outcome.ok
      ? {
          lastInclude: { included: outcome.value.included.length, rejected: outcome.value.rejected.length },
          actionError: null,
          ticked: new Set(),
          bulk: { status: 'idle' },
        }
      : { actionError: outcome.error },
  );
  await loadSelection(scope);
}

export async function excludeTicked(scope: MappingScope, productIds: readonly number[]): Promise<void> {
  if (productIds.length === 0) return;
  const outcome = await request('mapping:exclude', { ...scope, productIds: [...productIds] });
  set(outcome.ok ? { lastInclude: null, actionError: null, ticked: new Set(), bulk: { status: 'idle' } } : { actionError: outcome.error });
  await loadSelection(scope);
}

export async function openPreview(scope: MappingScope, productId: number): Promise<void> {
  set({ previewId: productId, preview: loading(idle), amazon: idle });
  const outcome = await request('mapping:preview', { ...scope, productId });
  set((s) => (s.previewId === productId ? { preview: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) } : s));
}

export function closePreview(): void {
  set({ previewId: null, preview: idle, amazon: idle });
}

export async function checkWithAmazon(scope: MappingScope, productId: number): Promise<void> {
  set({ amazon: loading(idle) });
  const outcome = await request('mapping:check-amazon', { ...scope, productId });
  set((s) => (s.previewId === productId ? { amazon: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) } : s));
}
