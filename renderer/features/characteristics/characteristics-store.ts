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

export interface CharacteristicsState {
  readonly productTypes: Load<readonly string[]>;
  readonly view: Load<AttributesView>;
  readonly drafts: Readonly<Record<string, AttributeDraft>>;
  /** Distinct store values per characteristic, for the value-mapping table. */
  readonly values: Readonly<Record<string, Load<readonly { readonly value: string; readonly products: number }[]>>>;
  readonly showOptional: boolean;
  readonly saveError: ApiError | null;
  readonly saved: string | null;
}

export const initialCharacteristicsState: CharacteristicsState = {
  productTypes: idle,
  view: idle,
  drafts: {},
  values: {},
  showOptional: false,
  saveError: null,
  saved: null,
};

export function draftOf(attribute: AttributeInfo): AttributeDraft {
  const m = attribute.mapping;
  return {
    characteristic: m?.characteristic ?? null,
    valueMap: m?.valueMap ?? {},
    unit: m?.unit ?? attribute.units[0] ?? null,
    defaultValue: m?.defaultValue === null || m?.defaultValue === undefined ? '' : String(m.defaultValue),
  };
}

/** The default typed as text becomes the schema's JSON type ("2,5" → 2.5, "sim" → true). */
export function typedDefault(text: string, valueType: string): string | number | boolean | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (valueType === 'boolean') return ['true', 'sim', 'yes', '1'].includes(trimmed.toLowerCase());
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
  return { ...state, saved: null, drafts: { ...state.drafts, [attribute]: { ...(state.drafts[attribute] ?? base), ...patch } } };
}

export const selectView = (s: CharacteristicsState) => valueOf(s.view);
export const selectViewError = (s: CharacteristicsState) => errorOf(s.view);
export const useCharacteristicsStore = create<CharacteristicsState>(() => initialCharacteristicsState);
const set = useCharacteristicsStore.setState;

export async function loadProductTypes(scope: MappingScope): Promise<void> {
  set((s) => ({ productTypes: loading(s.productTypes) }));
  const outcome = await request('mapping:categories', { marketplaceId: scope.marketplaceId });
  set((s) => ({
    productTypes: outcome.ok
      ? ready([...new Set(outcome.value.items.map((c) => c.productType).filter((p): p is string => p !== null))].sort())
      : failed(s.productTypes, outcome.error),
  }));
}

export async function loadAttributes(scope: MappingScope, productType: string, refresh = false): Promise<void> {
  set((s) => ({ view: loading(s.view), drafts: {}, saved: null, saveError: null }));
  const outcome = await request('mapping:attributes', { ...scope, productType, refresh });
  set((s) => ({ view: outcome.ok ? ready(outcome.value) : failed(s.view, outcome.error) }));
}

export async function loadValues(characteristic: string): Promise<void> {
  set((s) => ({ values: { ...s.values, [characteristic]: loading(s.values[characteristic] ?? idle) } }));
  const outcome = await request('mapping:values', { characteristic });
  set((s) => ({ values: { ...s.values, [characteristic]: outcome.ok ? ready(outcome.value) : failed(idle, outcome.error) } }));
}

export function editDraft(attribute: AttributeInfo, patch: Partial<AttributeDraft>): void {
  set((s) => draftChanged(s, attribute.name, draftOf(attribute), patch));
  if (patch.characteristic) void loadValues(patch.characteristic);
}

export async function saveAttribute(scope: MappingScope, productType: string, attribute: AttributeInfo): Promise<void> {
  const draft = useCharacteristicsStore.getState().drafts[attribute.name] ?? draftOf(attribute);
  const outcome = await request('mapping:save-attribute', toMappingInput(scope.marketplaceId, productType, attribute, draft));
  if (!outcome.ok) {
    set({ saveError: outcome.error });
    return;
  }
  await loadAttributes(scope, productType);
  set({ saved: attribute.name });
}

export function toggleOptional(): void {
  set((s) => ({ showOptional: !s.showOptional }));
}
