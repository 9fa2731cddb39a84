import { create } from 'zustand';
import type { AmazonCheck, ListingPreview, SelectionItem } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import type { MappingScope } from '../categories/mapping-scope';

export const SELECTION_PAGE = 50;

export interface IncludeResult {
  readonly included: number;
  readonly rejected: number;
}

export interface SelectionState {
  readonly page: Load<{ readonly total: number; readonly items: readonly SelectionItem[] }>;
  readonly offset: number;
  readonly search: string;
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

export const selectPage = (s: SelectionState) => valueOf(s.page);
export const selectPageError = (s: SelectionState) => errorOf(s.page);
export const useSelectionStore = create<SelectionState>(() => initialSelectionState);
const set = useSelectionStore.setState;

export async function loadSelection(scope: MappingScope): Promise<void> {
  const { offset, search } = useSelectionStore.getState();
  set((s) => ({ page: loading(s.page) }));
  const outcome = await request('mapping:selection', { ...scope, offset, limit: SELECTION_PAGE, ...(search.trim() ? { search: search.trim() } : {}) });
  set((s) => ({ page: outcome.ok ? ready(outcome.value) : failed(s.page, outcome.error) }));
}

export function searchChanged(search: string): void {
  set({ search, offset: 0 });
}

export function movePage(delta: number): void {
  set((s) => ({ offset: Math.max(0, s.offset + delta * SELECTION_PAGE) }));
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
      ? { lastInclude: { included: outcome.value.included.length, rejected: outcome.value.rejected.length }, actionError: null, ticked: new Set() }
      : { actionError: outcome.error },
  );
  await loadSelection(scope);
}

export async function excludeTicked(scope: MappingScope, productIds: readonly number[]): Promise<void> {
  if (productIds.length === 0) return;
  const outcome = await request('mapping:exclude', { ...scope, productIds: [...productIds] });
  set(outcome.ok ? { lastInclude: null, actionError: null, ticked: new Set() } : { actionError: outcome.error });
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
