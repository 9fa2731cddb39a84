import { create } from 'zustand';
import type { CategoryRow, ProductTypeSuggestion } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import type { MappingScope } from './mapping-scope';

export interface CategoryEditor {
  readonly categoryId: number;
  readonly suggestions: Load<readonly ProductTypeSuggestion[]>;
  readonly search: Load<readonly { readonly productType: string; readonly displayName: string }[]>;
  readonly productType: string | null;
  readonly variationTheme: string | null;
  /** Themes of the chosen product type, read from its schema. */
  readonly themes: Load<readonly string[]>;
}

export interface CategoriesState {
  readonly list: Load<{ readonly items: readonly CategoryRow[]; readonly unmapped: number }>;
  readonly onlyUnmapped: boolean;
  readonly editor: CategoryEditor | null;
  readonly saveError: ApiError | null;
  readonly saving: boolean;
}

export const initialCategoriesState: CategoriesState = { list: idle, onlyUnmapped: false, editor: null, saveError: null, saving: false };

/** Tree order with depth, for indentation: `path` sorts parents before their children. */
export function visibleCategories(items: readonly CategoryRow[], onlyUnmapped: boolean): { row: CategoryRow; depth: number }[] {
  return [...items]
    .sort((a, b) => a.path.localeCompare(b.path))
    .filter((c) => !onlyUnmapped || c.effectiveProductType === null)
    .map((row) => ({ row, depth: row.path.split(' > ').length - 1 }));
}

export function editorOpened(state: CategoriesState, row: CategoryRow): CategoriesState {
  return {
    ...state,
    saveError: null,
    editor: { categoryId: row.id, suggestions: loading(idle), search: idle, productType: row.productType, variationTheme: row.variationTheme, themes: idle },
  };
}

export function productTypeChosen(state: CategoriesState, productType: string): CategoriesState {
  if (!state.editor) return state;
  return { ...state, editor: { ...state.editor, productType, variationTheme: null, themes: loading(idle) } };
}

export const selectCategories = (s: CategoriesState) => valueOf(s.list);
export const selectCategoriesError = (s: CategoriesState) => errorOf(s.list);
export const useCategoriesStore = create<CategoriesState>(() => initialCategoriesState);

const set = useCategoriesStore.setState;
const editorPatch = (categoryId: number, patch: Partial<CategoryEditor>) =>
  set((s) => (s.editor?.categoryId === categoryId ? { editor: { ...s.editor, ...patch } } : s));

export async function loadCategories(scope: MappingScope): Promise<void> {
  set((s) => ({ list: loading(s.list) }));
  const outcome = await request('mapping:categories', { marketplaceId: scope.marketplaceId });
  set((s) => ({ list: outcome.ok ? ready(outcome.value) : failed(s.list, outcome.error) }));
}

export async function openEditor(scope: MappingScope, row: CategoryRow): Promise<void> {
  set((s) => editorOpened(s, row));
  if (row.productType) void loadThemes(scope, row.id, row.productType, row.variationTheme);
  const outcome = await request('mapping:suggest', { ...scope, categoryId: row.id });
  editorPatch(row.id, { suggestions: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) });
}

export async function searchTypes(scope: MappingScope, categoryId: number, keywords: string): Promise<void> {
  editorPatch(categoryId, { search: loading(idle) });
  const outcome = await request('mapping:search-product-types', { ...scope, keywords });
  editorPatch(categoryId, { search: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) });
}

async function loadThemes(scope: MappingScope, categoryId: number, productType: string, keep: string | null): Promise<void> {
  const outcome = await request('mapping:attributes', { ...scope, productType });
  editorPatch(categoryId, { themes: outcome.ok ? ready(outcome.value.variationThemes) : failed(idle, outcome.error), variationTheme: keep });
}

export function chooseProductType(scope: MappingScope, productType: string): void {
  const editor = useCategoriesStore.getState().editor;
  if (!editor) return;
  set((s) => productTypeChosen(s, productType));
  void loadThemes(scope, editor.categoryId, productType, null);
}

export function chooseTheme(theme: string | null): void {
  set((s) => (s.editor ? { editor: { ...s.editor, variationTheme: theme } } : s));
}

export function closeEditor(): void {
  set({ editor: null, saveError: null });
}

export async function saveEditor(scope: MappingScope): Promise<void> {
  const editor = useCategoriesStore.getState().editor;
  if (!editor?.productType) return;
  set({ saving: true, saveError: null });
  const outcome = await request('mapping:map-category', {
    ...scope,
    categoryId: editor.categoryId,
    productType: editor.productType,
    variationTheme: editor.variationTheme,
  });
  set({ saving: false, ...(outcome.ok ? { editor: null } : { saveError: outcome.error }) });
  if (outcome.ok) await loadCategories(scope);
}

export async function unmap(scope: MappingScope, categoryId: number): Promise<void> {
  const outcome = await request('mapping:unmap-category', { marketplaceId: scope.marketplaceId, categoryId });
  if (!outcome.ok) set({ saveError: outcome.error });
  await loadCategories(scope);
}

export function toggleOnlyUnmapped(): void {
  set((s) => ({ onlyUnmapped: !s.onlyUnmapped }));
}
