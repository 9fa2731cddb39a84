import { create } from 'zustand';
import type {
  OrderActivity,
  OrderFilterInput,
  OrderImportSummary,
  OrderListItem,
  OrderSettingsView,
  OrderView,
  ShipOrderInput,
  TaskProgress,
} from '../../../preload/contract';
import { request, subscribe, type ApiError, type Outcome } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { pageStart } from '../../app/paging';

export const PAGE_SIZE = 50;

export interface OrdersPage {
  readonly total: number;
  readonly items: readonly OrderListItem[];
  readonly marketplaces: readonly string[];
}

export interface OrdersState {
  readonly filter: OrderFilterInput;
  readonly offset: number;
  readonly page: Load<OrdersPage>;
  readonly selectedId: number | null;
  readonly detail: Load<OrderView>;
  /** What the header's buttons are doing; one long action at a time. */
  readonly busy: 'import' | 'export' | 'ship' | null;
  readonly progress: { readonly done: number; readonly total: number | null } | null;
  readonly lastImport: OrderImportSummary | null;
  /** The file written, by name, with its token for "show in folder". */
  readonly lastExport: { readonly name: string; readonly fileToken: string; readonly orders: number } | null;
  readonly actionError: ApiError | null;
  readonly settings: Load<OrderSettingsView>;
  readonly activity: Load<readonly OrderActivity[]>;
}

export const initialOrdersState: OrdersState = {
  filter: {},
  offset: 0,
  page: idle,
  selectedId: null,
  detail: idle,
  busy: null,
  progress: null,
  lastImport: null,
  lastExport: null,
  actionError: null,
  settings: idle,
  activity: idle,
};

/** A changed filter starts again from the first page; empty values mean "any". */
export function filterChanged(state: OrdersState, patch: Partial<OrderFilterInput>): OrdersState {
  const merged: Record<string, unknown> = { ...state.filter, ...patch };
  const filter = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  return { ...state, filter: filter as OrderFilterInput, offset: 0 };
}

export function pageMoved(state: OrdersState, offset: number): OrdersState {
  return { ...state, offset: pageStart(offset, valueOf(state.page)?.total ?? 0, PAGE_SIZE) };
}

export const pageRequested = (state: OrdersState): OrdersState => ({ ...state, page: loading(state.page) });
export const pageLoaded = (state: OrdersState, page: OrdersPage): OrdersState => ({ ...state, page: ready(page) });
export const pageFailed = (state: OrdersState, error: ApiError): OrdersState => ({ ...state, page: failed(state.page, error) });

export function orderSelected(state: OrdersState, id: number | null): OrdersState {
  return id === state.selectedId ? state : { ...state, selectedId: id, detail: idle };
}
export const detailRequested = (state: OrdersState): OrdersState => ({ ...state, detail: loading(state.detail) });
export const detailLoaded = (state: OrdersState, view: OrderView): OrdersState => (view.id === state.selectedId ? { ...state, detail: ready(view) } : state);
export const detailFailed = (state: OrdersState, error: ApiError): OrdersState => ({ ...state, detail: failed(state.detail, error) });

export function actionStarted(state: OrdersState, busy: NonNullable<OrdersState['busy']>): OrdersState {
  return { ...state, busy, progress: null, actionError: null };
}
export function actionFailed(state: OrdersState, error: ApiError): OrdersState {
  return { ...state, busy: null, progress: null, actionError: error };
}
export function progressed(state: OrdersState, p: TaskProgress): OrdersState {
  const kind = state.busy === 'import' ? 'orders:import' : state.busy === 'export' ? 'orders:export' : null;
  return kind === p.kind && !p.finished ? { ...state, progress: { done: p.done, total: p.total } } : state;
}
export const imported = (state: OrdersState, summary: OrderImportSummary): OrdersState => ({ ...state, busy: null, progress: null, lastImport: summary });
export const exported = (state: OrdersState, result: { name: string; fileToken: string; orders: number }): OrdersState => ({
  ...state,
  busy: null,
  progress: null,
  lastExport: { name: result.name, fileToken: result.fileToken, orders: result.orders },
});
export const shipped = (state: OrdersState): OrdersState => ({ ...state, busy: null });

export const settingsLoaded = (state: OrdersState, settings: OrderSettingsView): OrdersState => ({ ...state, settings: ready(settings) });
export const settingsFailed = (state: OrdersState, error: ApiError): OrdersState => ({ ...state, settings: failed(state.settings, error) });

export const selectPage = (s: OrdersState): OrdersPage | null => valueOf(s.page);
export const selectPageError = (s: OrdersState): ApiError | null => errorOf(s.page);
export const selectDetail = (s: OrdersState): OrderView | null => valueOf(s.detail);
export const selectSettings = (s: OrdersState): OrderSettingsView | null => valueOf(s.settings);
export const selectSettingsError = (s: OrdersState): ApiError | null => errorOf(s.settings);
export const selectDetailError = (s: OrdersState): ApiError | null => errorOf(s.detail);

export const useOrdersStore = create<OrdersState>(() => initialOrdersState);
const set = useOrdersStore.setState;
const get = useOrdersStore.getState;

export async function loadOrders(): Promise<void> {
  set(pageRequested);
  const { filter, offset } = get();
  const outcome = await request('orders:list', { ...filter, offset, limit: PAGE_SIZE });
  set((s) => (outcome.ok ? pageLoaded(s, outcome.value) : pageFailed(s, outcome.error)));
}

export async function loadDetail(): Promise<void> {
  const id = get().selectedId;
  if (id === null) return;
  set(detailRequested);
  const outcome = await request('orders:get', { id });
  set((s) => (outcome.ok ? detailLoaded(s, outcome.value) : detailFailed(s, outcome.error)));
}

export function changeFilter(patch: Partial<OrderFilterInput>): Promise<void> {
  set((s) => filterChanged(s, patch));
  return loadOrders();
}

export function movePage(offset: number): Promise<void> {
  set((s) => pageMoved(s, offset));
  return loadOrders();
}

export function selectOrder(id: number | null): Promise<void> {
  set((s) => orderSelected(s, id));
  return loadDetail();
}

/** Runs one long action with its progress events, then refreshes what it changed. */
async function withProgress<T>(
  busy: NonNullable<OrdersState['busy']>,
  work: () => Promise<Outcome<T>>,
  done: (s: OrdersState, value: T) => OrdersState,
): Promise<boolean> {
  if (get().busy) return false;
  set((s) => actionStarted(s, busy));
  const stop = subscribe('task:progress', (p) => set((s) => progressed(s, p)));
  try {
    const outcome = await work();
    set((s) => (outcome.ok ? done(s, outcome.value) : actionFailed(s, outcome.error)));
    return outcome.ok;
  } finally {
    stop();
  }
}

export async function importOrders(): Promise<void> {
  if (await withProgress<OrderImportSummary>('import', () => request('orders:import', {}), imported)) {
    await Promise.all([loadOrders(), loadDetail(), loadActivity()]);
  }
}

/** "Save as…" in the system dialog, then main writes the filtered orders there; a cancelled dialog does nothing. */
export async function exportOrders(format: 'xlsx' | 'csv', suggestedName: string): Promise<void> {
  if (get().busy) return;
  const chosen = await request('files:choose-export', { format, suggestedName });
  if (!chosen.ok) {
    set((s) => actionFailed(s, chosen.error));
    return;
  }
  const fileToken = chosen.value?.fileToken;
  if (!fileToken) return;
  await withProgress('export', () => request('orders:export', { filter: get().filter, format, fileToken }), exported);
}

export async function shipOrder(input: ShipOrderInput): Promise<boolean> {
  const ok = await withProgress<unknown>('ship', () => request('orders:ship', input), shipped);
  if (ok) await Promise.all([loadOrders(), loadDetail(), loadActivity()]);
  return ok;
}

export async function loadOrderSettings(): Promise<void> {
  const outcome = await request('orders:get-settings');
  set((s) => (outcome.ok ? settingsLoaded(s, outcome.value) : settingsFailed(s, outcome.error)));
}

export async function saveOrderSettings(patch: Partial<OrderSettingsView>): Promise<void> {
  const outcome = await request('orders:set-settings', patch);
  set((s) => (outcome.ok ? settingsLoaded(s, outcome.value) : settingsFailed(s, outcome.error)));
}

export async function loadActivity(): Promise<void> {
  const outcome = await request('orders:activity', { limit: 20 });
  set((s) => (outcome.ok ? { ...s, activity: ready(outcome.value) } : { ...s, activity: failed(s.activity, outcome.error) }));
}
