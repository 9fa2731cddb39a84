import { create } from 'zustand';
import type { BrazilOrderView, BrazilSettingsView, NfeImportResult, NfeView, OrderFacts, PackageSizeInput, TimeSlotView } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { loadActivity } from '../orders/orders-store';

/** The Brazil features on the orders screen: NF-e imports, the open order's NF-e and pickup, list badges. */
export interface BrazilState {
  readonly facts: Readonly<Record<number, OrderFacts>>;
  readonly order: BrazilOrderView | null;
  readonly slots: readonly TimeSlotView[] | null;
  readonly importResults: readonly NfeImportResult[] | null;
  readonly unmatched: {
    readonly notes: readonly NfeView[];
    readonly orders: readonly { id: number; amazonOrderId: string; buyerName: string | null }[];
  } | null;
  readonly busy: 'import' | 'send' | 'slots' | 'schedule' | 'label' | null;
  readonly error: ApiError | null;
  /** The label file just saved (its token serves "show in folder"). */
  readonly savedLabel: { readonly name: string; readonly fileToken: string } | null;
  readonly notice: string | null;
  /** The store's CNPJ and default box (NF-e checks, Easy Ship packages). */
  readonly settings: BrazilSettingsView | null;
  readonly settingsError: ApiError | null;
  readonly settingsSaved: boolean;
}

export const initialBrazilState: BrazilState = {
  facts: {},
  order: null,
  slots: null,
  importResults: null,
  unmatched: null,
  busy: null,
  error: null,
  savedLabel: null,
  notice: null,
  settings: null,
  settingsError: null,
  settingsSaved: false,
};

export const useBrazilStore = create<BrazilState>(() => initialBrazilState);
const set = useBrazilStore.setState;
const get = useBrazilStore.getState;

export const factsLoaded = (s: BrazilState, list: readonly OrderFacts[]): BrazilState => ({
  ...s,
  facts: { ...s.facts, ...Object.fromEntries(list.map((f) => [f.id, f])) },
});

export async function loadFacts(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const outcome = await request('brazil:order-facts', { ids: [...ids] });
  if (outcome.ok) set((s) => factsLoaded(s, outcome.value));
}

export async function loadBrazilOrder(orderId: number | null): Promise<void> {
  if (orderId === null) {
    set({ order: null, slots: null });
    return;
  }
  if (get().order?.orderId !== orderId) set({ order: null, slots: null, savedLabel: null, error: null, notice: null });
  const outcome = await request('brazil:order', { orderId });
  set(outcome.ok ? { order: outcome.value } : { error: outcome.error });
}

async function run(busy: NonNullable<BrazilState['busy']>, work: () => Promise<boolean>): Promise<boolean> {
  if (get().busy) return false;
  set({ busy, error: null, notice: null });
  try {
    return await work();
  } finally {
    set({ busy: null });
  }
}

async function refreshAfter(orderId: number | null): Promise<void> {
  // Every NF-e and pickup action writes to the orders' activity list shown below the list.
  await Promise.all([
    loadUnmatched(),
    loadActivity(),
    orderId === null ? Promise.resolve() : loadBrazilOrder(orderId),
    loadFacts(Object.keys(get().facts).map(Number)),
  ]);
}

export function chooseAndImport(folder: boolean): Promise<boolean> {
  return run('import', async () => {
    const chosen = await request('nfe:choose', { pick: folder ? 'folder' : 'files' });
    if (!chosen.ok) return (void set({ error: chosen.error }), false);
    if (chosen.value.length === 0) return false;
    const outcome = await request('nfe:import', { fileTokens: chosen.value.map((c) => c.fileToken) });
    set(outcome.ok ? { importResults: outcome.value } : { error: outcome.error });
    await refreshAfter(get().order?.orderId ?? null);
    return outcome.ok;
  });
}

/** Files dropped on the page: their text goes to main (never a path). */
export function importDropped(files: readonly { name: string; content: string }[]): Promise<boolean> {
  return run('import', async () => {
    const outcome = await request('nfe:import-dropped', { files: [...files] });
    set(outcome.ok ? { importResults: outcome.value } : { error: outcome.error });
    await refreshAfter(get().order?.orderId ?? null);
    return outcome.ok;
  });
}

export async function loadUnmatched(): Promise<void> {
  const outcome = await request('nfe:unmatched');
  if (outcome.ok) set({ unmatched: outcome.value });
}

export async function assignNote(documentId: number, orderId: number): Promise<void> {
  const outcome = await request('nfe:assign', { documentId, orderId });
  set(outcome.ok ? { error: null } : { error: outcome.error });
  await refreshAfter(get().order?.orderId ?? null);
}

export function sendNote(documentId: number, force = false): Promise<boolean> {
  return run('send', async () => {
    const outcome = await request('nfe:send', force ? { documentId, force } : { documentId });
    if (!outcome.ok) set({ error: outcome.error });
    await refreshAfter(get().order?.orderId ?? null);
    return outcome.ok;
  });
}

export function sendAllPending(): Promise<boolean> {
  return run('send', async () => {
    const outcome = await request('nfe:send-pending');
    if (!outcome.ok) set({ error: outcome.error });
    else set({ importResults: null });
    await refreshAfter(get().order?.orderId ?? null);
    return outcome.ok;
  });
}

export async function refreshInvoice(orderId: number): Promise<void> {
  const outcome = await request('nfe:refresh', { orderId });
  if (!outcome.ok) set({ error: outcome.error });
  await refreshAfter(orderId);
}

export function loadSlots(orderId: number, size: PackageSizeInput): Promise<boolean> {
  return run('slots', async () => {
    const outcome = await request('easyship:slots', { orderId, size });
    set(outcome.ok ? { slots: outcome.value } : { error: outcome.error, slots: null });
    return outcome.ok;
  });
}

export function schedule(orderId: number, slot: TimeSlotView, size: PackageSizeInput, rescheduling: boolean): Promise<boolean> {
  return run('schedule', async () => {
    const outcome = rescheduling ? await request('easyship:reschedule', { orderId, slot }) : await request('easyship:schedule', { orderId, slot, size });
    set(outcome.ok ? { slots: null } : { error: outcome.error });
    await refreshAfter(orderId);
    return outcome.ok;
  });
}

export function saveLabel(orderId: number): Promise<boolean> {
  return run('label', async () => {
    const outcome = await request('easyship:save-label', { orderId });
    if (!outcome.ok) return (void set({ error: outcome.error }), false);
    if (outcome.value) set({ savedLabel: outcome.value });
    return true;
  });
}

export const clearSlots = () => set({ slots: null });

export async function loadBrazilSettings(): Promise<void> {
  const outcome = await request('brazil:get-settings');
  set(outcome.ok ? { settings: outcome.value, settingsError: null } : { settingsError: outcome.error });
}

/** Saves the store's CNPJ (empty: no check) and the default box; main refuses a CNPJ whose digits are wrong. */
export async function saveBrazilSettings(input: { sellerCnpj: string | null; defaultPackage: PackageSizeInput }): Promise<boolean> {
  set({ settingsSaved: false, settingsError: null });
  const outcome = await request('brazil:set-settings', input);
  set(outcome.ok ? { settings: outcome.value, settingsSaved: true } : { settingsError: outcome.error });
  return outcome.ok;
}
