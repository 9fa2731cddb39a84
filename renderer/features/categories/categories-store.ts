import { create } from 'zustand';
import type { CategoryRow, ProductTypeSuggestion } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import type { MappingScope } from './mapping-scope';

/** A product type as the seller sees it: Amazon's name in the marketplace's language, the code kept for saving. */
export interface ProductTypeChoice {
  readonly productType: string;
  readonly displayName: string;
}

export interface CategoryEditor {
  readonly categoryId: number;
  readonly suggestions: Load<readonly ProductTypeSuggestion[]>;
  /** The words searched last, so "nothing found" can name them. */
  readonly searched: string | null;
  readonly search: Load<readonly ProductTypeChoice[]>;
  readonly productType: ProductTypeChoice | null;
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
  /** The category whose suggestion is being accepted. */
  readonly accepting: number | null;
}

export const initialCategoriesState: CategoriesState = { list: idle, onlyUnmapped: false, editor: null, saveError: null, saving: false, accepting: null };

/**
 * Tree order with depth, for indentation: `path` sorts parents before their children. "Only
 * unmapped" keeps the categories that need a product type and the parents leading to them.
 */
export function visibleCategories(items: readonly CategoryRow[], onlyUnmapped: boolean): { row: CategoryRow; depth: number }[] {
  const sorted = [...items].sort((a, b) => a.path.localeCompare(b.path));
  const wanted = onlyUnmapped ? new Set(sorted.filter((c) => c.needsMapping).map((c) => c.id)) : null;
  if (wanted) {
    const parentOf = new Map(items.map((c) => [c.id, c.parentId]));
    for (const id of [...wanted]) {
      for (let p = parentOf.get(id) ?? null; p !== null && !wanted.has(p); p = parentOf.get(p) ?? null) wanted.add(p);
    }
  }
  return sorted.filter((c) => wanted === null || wanted.has(c.id)).map((row) => ({ row, depth: row.path.split(' > ').length - 1 }));
}

export function editorOpened(state: CategoriesState, row: CategoryRow): CategoriesState {
  return {
    ...state,
    saveError: null,
    editor: {
      categoryId: row.id,
      suggestions: loading(idle),
      searched: null,
      search: idle,
      productType: row.productType ? { productType: row.productType, displayName: row.productTypeName ?? row.productType } : null,
      variationTheme: row.variationTheme,
      themes: idle,
    },
  };
}

export function productTypeChosen(state: CategoriesState, choice: ProductTypeChoice): CategoriesState {
  if (!state.editor) return state;
  return { ...state, editor: { ...state.editor, productType: choice, variationTheme: null, themes: loading(idle) } };
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
  editorPatch(categoryId, { search: loading(idle), searched: keywords.trim() });
  const outcome = await request('mapping:search-product-types', { ...scope, keywords });
  editorPatch(categoryId, { search: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) });
}

/** Loads the themes of the chosen product type; with nothing kept, the theme that fits the category's variations is chosen. */
async function loadThemes(scope: MappingScope, categoryId: number, productType: string, keep: string | null): Promise<void> {
  const [attributes, fitting] = await Promise.all([
    request('mapping:attributes', { ...scope, productType }),
    keep === null ? request('mapping:suggest-theme', { ...scope, categoryId, productType }) : Promise.resolve(null),
  ]);
  const theme = keep ?? (fitting?.ok ? fitting.value : null);
  editorPatch(categoryId, { themes: attributes.ok ? ready(attributes.value.variationThemes) : failed(idle, attributes.error), variationTheme: theme });
}

export function chooseProductType(scope: MappingScope, choice: ProductTypeChoice): void {
  const editor = useCategoriesStore.getState().editor;
  if (!editor) return;
  set((s) => productTypeChosen(s, choice));
  void loadThemes(scope, editor.categoryId, choice.productType, null);
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
    productType: editor.productType.productType,
    variationTheme: editor.variationTheme,
  });
  set({ saving: false, ...(outcome.ok ? { editor: null } : { saveError: outcome.error }) });
  if (outcome.ok) await loadCategories(scope);
}

/** One click: relates the category to the product type its products have on Amazon, with the theme that fits its variations. */
export async function acceptSuggestion(scope: MappingScope, row: CategoryRow): Promise<void> {
  const suggestion = row.suggestion;
  if (!suggestion) return;
  set({ accepting: row.id, saveError: null });
  const theme = await request('mapping:suggest-theme', { ...scope, categoryId: row.id, productType: suggestion.productType });
  const outcome = await request('mapping:map-category', {
    ...scope,
    categoryId: row.id,
    productType: suggestion.productType,
    variationTheme: theme.ok ? theme.value : null,
  });
  set({ accepting: null, ...(outcome.ok ? {} : { saveError: outcome.error }) });
  await loadCategories(scope);
}

export async function unmap(scope: MappingScope, categoryId: number): Promise<void> {
  const outcome = await request('mapping:unmap-category', { marketplaceId: scope.marketplaceId, categoryId });
  if (!outcome.ok) set({ saveError: outcome.error });
  await loadCategories(scope);
}

export function toggleOnlyUnmapped(): void {
  set((s) => ({ onlyUnmapped: !s.onlyUnmapped }));
}
