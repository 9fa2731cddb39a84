import { create } from 'zustand';
import type { ChannelOutput } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

/** The account and marketplace chosen in the header: settings are kept per pair. */
export interface SettingsScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

const sameScope = (a: SettingsScope | null, b: SettingsScope | null): boolean => a?.accountId === b?.accountId && a?.marketplaceId === b?.marketplaceId;

export type SyncSettings = ChannelOutput<'sync:get-settings'>;
export type Rounding = NonNullable<SyncSettings['priceRule']['rounding']>;
export const ROUNDINGS: readonly Rounding[] = ['none', 'cents_90', 'cents_99'];
export const HANDLING_DAYS_MAX = 30;

/**
 * What the form edits, as typed: numbers stay text until they validate, so a half-typed value
 * can be shown with its message instead of being lost.
 */
export interface SettingsDraft {
  readonly safetyStock: string;
  readonly sendPrice: boolean;
  readonly multiplier: string;
  readonly fixedAmount: string;
  readonly rounding: Rounding;
  readonly currency: string;
  readonly handlingTimeDays: string;
  readonly handlingTimeCharacteristic: string;
  readonly shippingTemplate: string;
  readonly sendVariations: boolean;
  readonly sendKits: boolean;
  readonly deselected: SyncSettings['deselected'];
  /** The fallback product type's code; empty: none (products without a matched category are not sent). */
  readonly defaultProductType: string;
}

export type DraftProblem = 'wholeNumber' | 'handlingRange' | 'positive' | 'number' | 'currency';
export type DraftErrors = Partial<Record<keyof SettingsDraft, DraftProblem>>;

export function draftOf(settings: SyncSettings): SettingsDraft {
  const rule = settings.priceRule;
  return {
    safetyStock: String(settings.safetyStock),
    sendPrice: settings.sendPrice,
    multiplier: rule.multiplier === undefined ? '' : String(rule.multiplier),
    fixedAmount: rule.fixedAmount === undefined ? '' : String(rule.fixedAmount),
    rounding: rule.rounding ?? 'none',
    currency: settings.currency ?? '',
    handlingTimeDays: String(settings.handlingTimeDays),
    handlingTimeCharacteristic: settings.handlingTimeCharacteristic ?? '',
    shippingTemplate: settings.shippingTemplate ?? '',
    sendVariations: settings.sendVariations,
    sendKits: settings.sendKits,
    deselected: settings.deselected,
    defaultProductType: settings.defaultProductType ?? '',
  };
}

/** `"1,5"` (as Brazilians type it) and `"1.5"` are both 1.5; empty or junk is NaN. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
}

const wholeNumber = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** The same bounds as the contract's schema, found before main has to refuse them. */
export function validateDraft(draft: SettingsDraft): DraftErrors {
  const errors: { -readonly [K in keyof SettingsDraft]?: DraftProblem } = {};
  if (Number.isNaN(wholeNumber(draft.safetyStock))) errors.safetyStock = 'wholeNumber';
  const days = wholeNumber(draft.handlingTimeDays);
  if (Number.isNaN(days) || days > HANDLING_DAYS_MAX) errors.handlingTimeDays = 'handlingRange';
  if (draft.multiplier.trim() !== '' && !(parseDecimal(draft.multiplier) > 0)) errors.multiplier = 'positive';
  if (draft.fixedAmount.trim() !== '' && Number.isNaN(parseDecimal(draft.fixedAmount))) errors.fixedAmount = 'number';
  if (draft.currency.trim() !== '' && !/^[A-Za-z]{3}$/.test(draft.currency.trim())) errors.currency = 'currency';
  return errors;
}

/**
 * The settings to save: the stored ones (product type defaults and attribute maps this form does
 * not show pass through untouched) with the form's fields on top. Empty optional fields are left
 * out, and "no rounding" stays unset if it was, so saving an unchanged form resends nothing.
 */
export function settingsFrom(saved: SyncSettings, draft: SettingsDraft): SyncSettings {
  const { handlingTimeCharacteristic: _h, shippingTemplate: _s, currency: _c, defaultProductType: _d, ...rest } = saved;
  const text = (value: string) => value.trim();
  const multiplier = parseDecimal(draft.multiplier);
  const fixedAmount = parseDecimal(draft.fixedAmount);
  const keepRounding = draft.rounding !== 'none' || saved.priceRule.rounding === 'none';
  return {
    ...rest,
    safetyStock: wholeNumber(draft.safetyStock),
    sendPrice: draft.sendPrice,
    priceRule: {
      ...(Number.isNaN(multiplier) ? {} : { multiplier }),
      ...(Number.isNaN(fixedAmount) ? {} : { fixedAmount }),
      ...(keepRounding ? { rounding: draft.rounding } : {}),
    },
    handlingTimeDays: wholeNumber(draft.handlingTimeDays),
    sendVariations: draft.sendVariations,
    sendKits: draft.sendKits,
    deselected: draft.deselected,
    ...(text(draft.currency) ? { currency: text(draft.currency).toUpperCase() } : {}),
    ...(text(draft.handlingTimeCharacteristic) ? { handlingTimeCharacteristic: text(draft.handlingTimeCharacteristic) } : {}),
    ...(text(draft.shippingTemplate) ? { shippingTemplate: text(draft.shippingTemplate) } : {}),
    ...(text(draft.defaultProductType) ? { defaultProductType: text(draft.defaultProductType) } : {}),
  };
}

export const draftChanged = (saved: SyncSettings, draft: SettingsDraft): boolean => JSON.stringify(draftOf(saved)) !== JSON.stringify(draft);

export interface SettingsState {
  readonly scope: SettingsScope | null;
  readonly saved: Load<SyncSettings>;
  readonly saving: boolean;
  /** The outcome of the last save, for the message under the form. */
  readonly saveResult: { readonly ok: true } | { readonly ok: false; readonly error: ApiError } | null;
}

export const initialSettingsState: SettingsState = { scope: null, saved: idle, saving: false, saveResult: null };

export function settingsScoped(state: SettingsState, scope: SettingsScope | null): SettingsState {
  return sameScope(state.scope, scope) ? state : { ...initialSettingsState, scope };
}

export const saveStarted = (state: SettingsState): SettingsState => ({ ...state, saving: true, saveResult: null });
export const saveSucceeded = (state: SettingsState, settings: SyncSettings): SettingsState => ({
  ...state,
  saved: ready(settings),
  saving: false,
  saveResult: { ok: true },
});
export const saveFailed = (state: SettingsState, error: ApiError): SettingsState => ({ ...state, saving: false, saveResult: { ok: false, error } });
/** Editing again hides the last save's message. */
export const draftEdited = (state: SettingsState): SettingsState => (state.saveResult ? { ...state, saveResult: null } : state);

export const selectSavedSettings = (s: SettingsState): SyncSettings | null => valueOf(s.saved);
export const selectSettingsError = (s: SettingsState): ApiError | null => errorOf(s.saved);

export const useSettingsStore = create<SettingsState>(() => initialSettingsState);
const set = (fn: (s: SettingsState) => SettingsState) => useSettingsStore.setState(fn, true);
const get = useSettingsStore.getState;

export async function loadSettings(scope: SettingsScope | null): Promise<void> {
  set((s) => settingsScoped(s, scope));
  if (!scope) return;
  set((s) => ({ ...s, saved: loading(s.saved) }));
  const outcome = await request('sync:get-settings', scope);
  if (!sameScope(get().scope, scope)) return;
  set((s) => ({ ...s, saved: outcome.ok ? ready(outcome.value) : failed(s.saved, outcome.error) }));
}

export async function saveSettings(draft: SettingsDraft): Promise<boolean> {
  const { scope } = get();
  const saved = selectSavedSettings(get());
  if (!scope || !saved || get().saving) return false;
  set(saveStarted);
  const outcome = await request('sync:set-settings', { ...scope, settings: settingsFrom(saved, draft) });
  if (!sameScope(get().scope, scope)) return false;
  set((s) => (outcome.ok ? saveSucceeded(s, outcome.value) : saveFailed(s, outcome.error)));
  return outcome.ok;
}
