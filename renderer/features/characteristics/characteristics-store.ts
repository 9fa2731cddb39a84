import { create } from 'zustand';
import type { AttributeInfo, AttributeMappingInput, AttributesView } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import type { MappingScope } from '../categories/mapping-scope';

/** What the seller is editing for one attribute, before saving. */
export interface AttributeDraft {
  readonly characteristic: string | null;
  readonly valueMap: Readonly<Record<string, string>>;
  readonly unit: string | null;
  readonly defaultValue: string;
}

/** A product type the seller's categories use, by its name in the marketplace's language. */
export interface ProductTypeEntry {
  readonly productType: string;
  readonly displayName: string;
}

/** The screen's subject: a product type, optionally narrowed to one of its categories. */
export interface CharacteristicsSubject {
  readonly productType: string;
  readonly categoryId: number | null;
}

export interface CharacteristicsState {
  readonly productTypes: Load<readonly ProductTypeEntry[]>;
  readonly view: Load<AttributesView>;
  readonly drafts: Readonly<Record<string, AttributeDraft>>;
  /** Distinct values per characteristic among the subject's products, for the value-mapping table. */
  readonly values: Readonly<Record<string, Load<readonly { readonly value: string; readonly products: number }[]>>>;
  readonly showAll: boolean;
  readonly saveError: ApiError | null;
  /** Attributes saved on this visit: they stay in the list (marked solved) after they stop blocking. */
  readonly saved: readonly string[];
  /** The attribute just saved, for its confirmation. */
  readonly lastSaved: string | null;
}

export const initialCharacteristicsState: CharacteristicsState = {
  productTypes: idle,
  view: idle,
  drafts: {},
  values: {},
  showAll: false,
  saveError: null,
  saved: [],
  lastSaved: null,
};

/** Metric first: Brazilian and most other stores measure in centimetres and kilograms. */
const METRIC = ['centimeters', 'millimeters', 'meters', 'kilograms', 'grams'];

export function draftOf(attribute: AttributeInfo): AttributeDraft {
  const m = attribute.mapping;
  return {
    characteristic: m?.characteristic ?? null,
    valueMap: m?.valueMap ?? {},
    unit: m?.unit ?? attribute.units.find((u) => METRIC.includes(u.toLowerCase())) ?? attribute.units[0] ?? null,
    defaultValue: m?.defaultValue === null || m?.defaultValue === undefined ? '' : String(m.defaultValue),
  };
}

/** The default typed as text becomes the schema's JSON type ("2,5" → 2.5, "sim" → true). */
export function typedDefault(text: string, valueType: string): string | number | boolean | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (valueType === 'boolean') return ['true', 'sim', 'yes', '1', 'sí', 'ja'].includes(trimmed.toLowerCase());
  if (valueType === 'number' || valueType === 'integer') {
    const n = Number(trimmed.replace(',', '.'));
    return Number.isFinite(n) ? n : trimmed;
  }
  return trimmed;
}

/** The draft as the contract's mapping row; empty value-map entries are dropped. */
export function toMappingInput(marketplaceId: string, productType: string, attribute: AttributeInfo, draft: AttributeDraft): AttributeMappingInput {
  return {
    marketplaceId,
    productType,
    attribute: attribute.name,
    characteristic: draft.characteristic,
    valueMap: Object.fromEntries(Object.entries(draft.valueMap).filter(([, v]) => v.trim() !== '')),
    unit: attribute.units.length > 0 ? draft.unit : null,
    defaultValue: typedDefault(draft.defaultValue, attribute.valueType),
  };
}

export function draftChanged(state: CharacteristicsState, attribute: string, base: AttributeDraft, patch: Partial<AttributeDraft>): CharacteristicsState {
  return { ...state, lastSaved: null, drafts: { ...state.drafts, [attribute]: { ...(state.drafts[attribute] ?? base), ...patch } } };
}

type ViewAttribute = AttributesView['attributes'][number];

/**
 * The screen's two lists: what blocks the seller's products (most blocking first, and what was
 * solved on this visit), and every other attribute of the product type, required ones first.
 */
export function splitAttributes(attributes: readonly ViewAttribute[], saved: readonly string[]): { blocking: ViewAttribute[]; others: ViewAttribute[] } {
  const blocking = attributes.filter((a) => a.blocking > 0 || saved.includes(a.name));
  const shown = new Set(blocking.map((a) => a.name));
  return { blocking, others: attributes.filter((a) => !shown.has(a.name)) };
}

export const selectView = (s: CharacteristicsState) => valueOf(s.view);
export const selectViewError = (s: CharacteristicsState) => errorOf(s.view);
export const useCharacteristicsStore = create<CharacteristicsState>(() => initialCharacteristicsState);
const set = useCharacteristicsStore.setState;

/** The product types the marketplace's categories use, by name. */
export async function loadProductTypes(scope: MappingScope): Promise<void> {
  set((s) => ({ productTypes: loading(s.productTypes) }));
  const outcome = await request('mapping:categories', { marketplaceId: scope.marketplaceId });
  if (!outcome.ok) {
    set((s) => ({ productTypes: failed(s.productTypes, outcome.error) }));
    return;
  }
  const byType = new Map<string, string>();
  for (const c of outcome.value.items) if (c.productType) byType.set(c.productType, c.productTypeName ?? c.productType);
  const entries = [...byType].map(([productType, displayName]) => ({ productType, displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName));
  set({ productTypes: ready(entries) });
}

/** Loads the subject's attributes; `keepDrafts` after a save, so the other rows keep what the seller typed. */
export async function loadAttributes(
  scope: MappingScope,
  subject: CharacteristicsSubject,
  options: { refresh?: boolean; keepDrafts?: boolean } = {},
): Promise<void> {
  set((s) => ({
    view: loading(s.view),
    saveError: null,
    ...(options.keepDrafts ? {} : { drafts: {}, saved: [], lastSaved: null, values: {} }),
  }));
  const outcome = await request('mapping:attributes', {
    ...scope,
    productType: subject.productType,
    refresh: options.refresh === true,
    ...(subject.categoryId !== null ? { categoryId: subject.categoryId } : {}),
  });
  set((s) => ({ view: outcome.ok ? ready(outcome.value) : failed(s.view, outcome.error) }));
}

export async function loadValues(scope: MappingScope, subject: CharacteristicsSubject, characteristic: string): Promise<void> {
  set((s) => ({ values: { ...s.values, [characteristic]: loading(s.values[characteristic] ?? idle) } }));
  const outcome = await request('mapping:values', {
    characteristic,
    marketplaceId: scope.marketplaceId,
    productType: subject.productType,
    ...(subject.categoryId !== null ? { categoryId: subject.categoryId } : {}),
  });
  set((s) => ({ values: { ...s.values, [characteristic]: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) } }));
}

export function editDraft(attribute: AttributeInfo, patch: Partial<AttributeDraft>): void {
  set((s) => draftChanged(s, attribute.name, draftOf(attribute), patch));
}

export async function saveAttribute(scope: MappingScope, subject: CharacteristicsSubject, attribute: AttributeInfo): Promise<void> {
  const state = useCharacteristicsStore.getState();
  const draft = state.drafts[attribute.name] ?? draftOf(attribute);
  const outcome = await request('mapping:save-attribute', toMappingInput(scope.marketplaceId, subject.productType, attribute, draft));
  if (!outcome.ok) {
    set({ saveError: outcome.error });
    return;
  }
  set((s) => {
    const { [attribute.name]: _saved, ...drafts } = s.drafts;
    return { drafts, saved: s.saved.includes(attribute.name) ? s.saved : [...s.saved, attribute.name] };
  });
  await loadAttributes(scope, subject, { keepDrafts: true });
  set({ lastSaved: attribute.name });
}

export function toggleShowAll(): void {
  set((s) => ({ showAll: !s.showAll }));
}
