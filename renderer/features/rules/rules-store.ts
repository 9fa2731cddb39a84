import { create } from 'zustand';
import { ruleConditionSchema, type Rule, type RuleCondition, type RuleConditionKind, type RuleDraft, type RulePreview } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { pageStart } from '../../app/paging';

export const PREVIEW_PAGE = 20;

export interface Scope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

export interface Choices {
  readonly categories: readonly { readonly id: number; readonly path: string }[];
  readonly brands: readonly string[];
  readonly characteristics: readonly { readonly name: string; readonly values: readonly string[] }[];
}

export interface Editing {
  /** undefined: a new rule. */
  readonly id: number | undefined;
  readonly draft: RuleDraft;
}

export interface RulesState {
  readonly scope: Scope | null;
  readonly rules: Load<readonly Rule[]>;
  readonly choices: Choices;
  readonly editing: Editing | null;
  readonly preview: Load<RulePreview>;
  readonly previewOffset: number;
  readonly busy: 'save' | 'delete' | null;
  readonly actionError: ApiError | null;
  readonly notice: { readonly key: string; readonly values: Readonly<Record<string, string | number>> } | null;
}

const NO_CHOICES: Choices = { categories: [], brands: [], characteristics: [] };

export const initialRulesState: RulesState = {
  scope: null,
  rules: idle,
  choices: NO_CHOICES,
  editing: null,
  preview: idle,
  previewOffset: 0,
  busy: null,
  actionError: null,
  notice: null,
};

/** A new condition of a kind, with the first sensible value so the seller edits rather than fills in. */
export function newCondition(kind: RuleConditionKind, choices: Choices): RuleCondition {
  switch (kind) {
    case 'category':
      return { kind, categoryIds: choices.categories[0] ? [choices.categories[0].id] : [], includeSubcategories: true };
    case 'brand':
      return { kind, brands: choices.brands[0] ? [choices.brands[0]] : [] };
    case 'characteristic': {
      const first = choices.characteristics[0];
      return { kind, name: first?.name ?? '', values: first?.values[0] ? [first.values[0]] : [] };
    }
    case 'price':
      return { kind, minCents: null, maxCents: null };
    case 'stock':
      return { kind, min: 1 };
    case 'valid-ean':
      return { kind };
  }
}

export const NEW_RULE: RuleDraft = { name: '', enabled: true, conditions: [{ kind: 'stock', min: 1 }], onExit: 'zero-quantity' };

export function editStarted(state: RulesState, rule: Rule | null): RulesState {
  const editing = rule
    ? { id: rule.id, draft: { name: rule.name, enabled: rule.enabled, conditions: rule.conditions, onExit: rule.onExit } }
    : { id: undefined, draft: NEW_RULE };
  return { ...state, editing, preview: idle, previewOffset: 0, notice: null, actionError: null };
}

export function draftChanged(state: RulesState, patch: Partial<RuleDraft>): RulesState {
  if (!state.editing) return state;
  return { ...state, editing: { ...state.editing, draft: { ...state.editing.draft, ...patch } }, previewOffset: patch.conditions ? 0 : state.previewOffset };
}

export function conditionAdded(state: RulesState, kind: RuleConditionKind): RulesState {
  if (!state.editing) return state;
  return draftChanged(state, { conditions: [...state.editing.draft.conditions, newCondition(kind, state.choices)] });
}

export function conditionChanged(state: RulesState, index: number, condition: RuleCondition): RulesState {
  if (!state.editing) return state;
  return draftChanged(state, { conditions: state.editing.draft.conditions.map((c, i) => (i === index ? condition : c)) });
}

export function conditionRemoved(state: RulesState, index: number): RulesState {
  if (!state.editing) return state;
  return draftChanged(state, { conditions: state.editing.draft.conditions.filter((_, i) => i !== index) });
}

/** Conditions the preview can run: every one complete (a category chosen, a price bound…). */
export function previewableConditions(state: RulesState): RuleCondition[] | null {
  const conditions = state.editing?.draft.conditions ?? [];
  if (conditions.length === 0) return null;
  return conditions.every((c) => ruleConditionSchema.safeParse(c).success) ? conditions : null;
}

export const selectRules = (s: RulesState): readonly Rule[] | null => valueOf(s.rules);
export const selectRulesError = (s: RulesState): ApiError | null => errorOf(s.rules);
export const selectPreview = (s: RulesState): RulePreview | null => valueOf(s.preview);
export const selectPreviewError = (s: RulesState): ApiError | null => errorOf(s.preview);
export const selectCanSave = (s: RulesState): boolean =>
  s.busy === null && !!s.editing && s.editing.draft.name.trim() !== '' && previewableConditions(s) !== null;

export const useRulesStore = create<RulesState>(() => initialRulesState);
const set = (fn: (s: RulesState) => RulesState) => useRulesStore.setState(fn, true);

export function setScope(scope: Scope | null): void {
  set((s) =>
    s.scope?.accountId === scope?.accountId && s.scope?.marketplaceId === scope?.marketplaceId ? s : { ...initialRulesState, scope, choices: s.choices },
  );
}

export async function loadRules(): Promise<void> {
  const { scope } = useRulesStore.getState();
  if (!scope) return;
  set((s) => ({ ...s, rules: loading(s.rules) }));
  const outcome = await request('rules:list', scope);
  set((s) => ({ ...s, rules: outcome.ok ? ready(outcome.value) : failed(s.rules, outcome.error) }));
}

/** What the condition editors offer: the catalog's own categories, brands and characteristic values. */
export async function loadChoices(): Promise<void> {
  const [categories, brands, characteristics] = await Promise.all([request('catalog:categories'), request('rules:brands'), request('rules:characteristics')]);
  set((s) => ({
    ...s,
    choices: {
      categories: categories.ok ? categories.value.map((c) => ({ id: c.id, path: c.path })) : [],
      brands: brands.ok ? brands.value : [],
      characteristics: characteristics.ok ? characteristics.value : [],
    },
  }));
}

let previewSeq = 0;

/** Previews the draft; an older answer arriving after a newer request is dropped. */
export async function loadPreview(): Promise<void> {
  const state = useRulesStore.getState();
  const conditions = previewableConditions(state);
  if (!conditions) return set((s) => ({ ...s, preview: idle }));
  const seq = ++previewSeq;
  set((s) => ({ ...s, preview: loading(s.preview) }));
  // With the header's marketplace, each included product says whether it would really be sent.
  const outcome = await request('rules:preview', { conditions, offset: state.previewOffset, limit: PREVIEW_PAGE, ...(state.scope ?? {}) });
  if (seq !== previewSeq) return;
  set((s) => ({ ...s, preview: outcome.ok ? ready(outcome.value) : failed(s.preview, outcome.error) }));
}

export async function saveRule(): Promise<void> {
  const { scope, editing } = useRulesStore.getState();
  if (!scope || !editing) return;
  set((s) => ({ ...s, busy: 'save', actionError: null }));
  const outcome = await request('rules:save', {
    ...scope,
    ...(editing.id !== undefined ? { id: editing.id } : {}),
    rule: { ...editing.draft, name: editing.draft.name.trim() },
  });
  if (!outcome.ok) return set((s) => ({ ...s, busy: null, actionError: outcome.error }));
  set((s) => ({
    ...s,
    busy: null,
    editing: null,
    preview: idle,
    notice: { key: 'saved', values: { name: outcome.value.name, count: outcome.value.matched } },
  }));
  await loadRules();
}

export async function deleteRule(id: number): Promise<void> {
  set((s) => ({ ...s, busy: 'delete', actionError: null }));
  const outcome = await request('rules:delete', { id });
  if (!outcome.ok) return set((s) => ({ ...s, busy: null, actionError: outcome.error }));
  set((s) => ({ ...s, busy: null, editing: s.editing?.id === id ? null : s.editing, notice: { key: 'deleted', values: { count: outcome.value.exited } } }));
  await loadRules();
}

export function edit(rule: Rule | null): void {
  set((s) => editStarted(s, rule));
  void loadPreview();
}

export function changeDraft(fn: (s: RulesState) => RulesState): void {
  set(fn);
}

export function movePreview(offset: number): void {
  set((s) => ({ ...s, previewOffset: pageStart(offset, valueOf(s.preview)?.total ?? 0, PREVIEW_PAGE) }));
  void loadPreview();
}
