import { create } from 'zustand';
import { SYNC_STATUSES, type ChannelOutput, type EventPayload, type SyncStatusName, type SyncStatusRow, type TaskProgress } from '../../../preload/contract';
import { request, subscribe, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

export const PAGE_SIZE = 50;
export const ACTIVITY_PAGE_SIZE = 20;
/** A cycle pushes a change per feed step: one re-read after the burst settles is enough. */
export const REFRESH_DELAY_MS = 400;

export type SyncTab = 'status' | 'activity' | 'settings';
export type StatusCounts = Readonly<Record<SyncStatusName, number>>;
export type RunSummary = ChannelOutput<'sync:run-now'>;
export type StatusPage = ChannelOutput<'sync:status'>;
export type ActivityPage = ChannelOutput<'sync:activity'>;
export type SyncRun = ActivityPage['items'][number];
export type SyncFeed = SyncRun['feeds'][number];

/** The account and marketplace chosen in the header. */
export interface SyncScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

export interface SyncState {
  readonly scope: SyncScope | null;
  readonly tab: SyncTab;
  readonly counts: Load<StatusCounts>;
  readonly last: number | null;
  readonly next: number | null;
  /** "Send now" in flight; its summary (or failure) once it ends. */
  readonly running: boolean;
  /** Main's task progress for the cycle, when it reports one (`sync:*` tasks); the live counters otherwise. */
  readonly progress: { readonly done: number; readonly total: number | null } | null;
  readonly summary: RunSummary | null;
  readonly runError: ApiError | null;
  /** Status chips ticked; empty means every status. */
  readonly statuses: readonly SyncStatusName[];
  /** The table's marketplace (the header's by default); null means every marketplace of the account. */
  readonly marketplaceId: string | null;
  readonly offset: number;
  readonly page: Load<StatusPage>;
  /** Rows opened to show Amazon's issues, by `rowKey`. */
  readonly expanded: ReadonlySet<string>;
  readonly activityOffset: number;
  readonly activity: Load<ActivityPage>;
  /** The feed whose uploaded document is open, with its text. */
  readonly document: { readonly id: number; readonly label: string; readonly content: Load<string> } | null;
}

const NOTHING: ReadonlySet<string> = new Set();

export const initialSyncState: SyncState = {
  scope: null,
  tab: 'status',
  counts: idle,
  last: null,
  next: null,
  running: false,
  progress: null,
  summary: null,
  runError: null,
  statuses: [],
  marketplaceId: null,
  offset: 0,
  page: idle,
  expanded: NOTHING,
  activityOffset: 0,
  activity: idle,
  document: null,
};

export const rowKey = (row: Pick<SyncStatusRow, 'marketplaceId' | 'sku'>): string => `${row.marketplaceId} ${row.sku}`;

export function isSyncStatus(value: unknown): value is SyncStatusName {
  return typeof value === 'string' && (SYNC_STATUSES as readonly string[]).includes(value);
}

/** Every status with a number: main leaves out the statuses no SKU has. */
export function countsOf(partial: Partial<Record<SyncStatusName, number>>): StatusCounts {
  return Object.fromEntries(SYNC_STATUSES.map((s) => [s, partial[s] ?? 0])) as Record<SyncStatusName, number>;
}

export const sameScope = (a: SyncScope | null, b: SyncScope | null): boolean => a?.accountId === b?.accountId && a?.marketplaceId === b?.marketplaceId;

/** A new account starts over; a new header marketplace moves the table to it. The status filter stays. */
export function scopeChanged(state: SyncState, scope: SyncScope | null): SyncState {
  if (sameScope(state.scope, scope)) return state;
  const base = state.scope?.accountId === scope?.accountId ? state : { ...initialSyncState, tab: state.tab, statuses: state.statuses, running: state.running };
  return { ...base, scope, marketplaceId: scope?.marketplaceId ?? null, offset: 0, page: idle, expanded: NOTHING };
}

export const tabChanged = (state: SyncState, tab: SyncTab): SyncState => (tab === state.tab ? state : { ...state, tab });

/** Ticks or unticks one chip; `null` is the "All" chip and clears them. */
export function statusToggled(state: SyncState, status: SyncStatusName | null): SyncState {
  const statuses = status === null ? [] : state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : SYNC_STATUSES.filter((s) => s === status || state.statuses.includes(s));
  return { ...state, statuses, offset: 0, expanded: NOTHING };
}

/** A link such as the failure notification's (`/sync?status=error`) shows just that status. */
export function statusLinked(state: SyncState, status: SyncStatusName): SyncState {
  return { ...state, tab: 'status', statuses: [status], offset: 0, expanded: NOTHING };
}

export const marketplaceFiltered = (state: SyncState, marketplaceId: string | null): SyncState => ({ ...state, marketplaceId, offset: 0, expanded: NOTHING });

export function pageMoved(state: SyncState, offset: number): SyncState {
  const total = valueOf(state.page)?.total ?? 0;
  const clamped = Math.max(0, Math.min(offset, Math.max(0, total - 1)));
  return { ...state, offset: clamped - (clamped % PAGE_SIZE), expanded: NOTHING };
}

export function activityMoved(state: SyncState, offset: number): SyncState {
  const total = valueOf(state.activity)?.total ?? 0;
  const clamped = Math.max(0, Math.min(offset, Math.max(0, total - 1)));
  return { ...state, activityOffset: clamped - (clamped % ACTIVITY_PAGE_SIZE) };
}

export function rowToggled(state: SyncState, key: string): SyncState {
  const expanded = new Set(state.expanded);
  if (!expanded.delete(key)) expanded.add(key);
  return { ...state, expanded };
}

/** Main's push after every step of a cycle: counters and times now, rows on the debounced re-read. */
export function statusChanged(state: SyncState, change: EventPayload<'sync:status-changed'>): SyncState {
  if (change.accountId !== state.scope?.accountId) return state;
  return { ...state, counts: ready(countsOf(change.counts)), last: change.last, next: change.next };
}

export const runStarted = (state: SyncState): SyncState => ({ ...state, running: true, progress: null, summary: null, runError: null });
export const runFinished = (state: SyncState, summary: RunSummary): SyncState => ({ ...state, running: false, progress: null, summary });
export const runFailed = (state: SyncState, error: ApiError): SyncState => ({ ...state, running: false, progress: null, runError: error });
export function runProgressed(state: SyncState, p: TaskProgress): SyncState {
  return state.running && p.kind.startsWith('sync:') && !p.finished ? { ...state, progress: { done: p.done, total: p.total } } : state;
}

/** `label` names the document in the dialog: Amazon's feed id, or ours before it was submitted. */
export const documentOpened = (state: SyncState, id: number, label: string): SyncState => ({ ...state, document: { id, label, content: loading(idle) } });
export function documentLoaded(state: SyncState, id: number, content: Load<string>): SyncState {
  return state.document?.id === id ? { ...state, document: { ...state.document, content } } : state;
}
export const documentClosed = (state: SyncState): SyncState => (state.document ? { ...state, document: null } : state);

export const selectCounts = (s: SyncState): StatusCounts | null => valueOf(s.counts);
export const selectPage = (s: SyncState): StatusPage | null => valueOf(s.page);
export const selectPageError = (s: SyncState): ApiError | null => errorOf(s.page);
export const selectActivity = (s: SyncState): ActivityPage | null => valueOf(s.activity);
export const selectActivityError = (s: SyncState): ApiError | null => errorOf(s.activity);
/** SKUs the running cycle still has in hand (built or at Amazon), for the progress line. */
export const selectInFlight = (s: SyncState): number => {
  const counts = valueOf(s.counts);
  return counts ? counts.sending + counts.waiting : 0;
};

export const useSyncStore = create<SyncState>(() => initialSyncState);
const set = (fn: (s: SyncState) => SyncState) => useSyncStore.setState(fn, true);
const get = useSyncStore.getState;

// Answers can arrive out of order (chips clicked quickly, a live re-read): only the newest one counts.
let pageRequest = 0;
let activityRequest = 0;

export async function loadStatusPage(): Promise<void> {
  const { scope, statuses, marketplaceId, offset } = get();
  if (!scope) return;
  const mine = ++pageRequest;
  set((s) => ({ ...s, page: loading(s.page) }));
  const outcome = await request('sync:status', {
    accountId: scope.accountId,
    ...(marketplaceId ? { marketplaceId } : {}),
    ...(statuses.length > 0 ? { statuses: [...statuses] } : {}),
    offset,
    limit: PAGE_SIZE,
  });
  if (mine !== pageRequest) return;
  set((s) => ({ ...s, page: outcome.ok ? ready(outcome.value) : failed(s.page, outcome.error) }));
}

/** The counters before the first push: one count per status (a page of one row each). */
export async function loadCounts(): Promise<void> {
  const accountId = get().scope?.accountId;
  if (!accountId) return;
  set((s) => ({ ...s, counts: loading(s.counts) }));
  const outcomes = await Promise.all(SYNC_STATUSES.map((status) => request('sync:status', { accountId, statuses: [status], offset: 0, limit: 1 })));
  if (get().scope?.accountId !== accountId) return;
  const error = outcomes.find((o) => !o.ok)?.error;
  if (error) return set((s) => ({ ...s, counts: failed(s.counts, error) }));
  const counts = Object.fromEntries(SYNC_STATUSES.map((status, i) => [status, outcomes[i]?.ok ? outcomes[i].value.total : 0]));
  set((s) => ({ ...s, counts: ready(countsOf(counts)) }));
}

/** Last and next cycle before the first push, as the dashboard shows them. */
export async function loadTimes(): Promise<void> {
  const outcome = await request('dashboard:summary');
  if (outcome.ok) set((s) => ({ ...s, last: outcome.value.lastSendAt, next: outcome.value.nextSendAt }));
}

export async function loadActivity(): Promise<void> {
  const { scope, activityOffset } = get();
  if (!scope) return;
  const mine = ++activityRequest;
  set((s) => ({ ...s, activity: loading(s.activity) }));
  const outcome = await request('sync:activity', { accountId: scope.accountId, offset: activityOffset, limit: ACTIVITY_PAGE_SIZE });
  if (mine !== activityRequest) return;
  set((s) => ({ ...s, activity: outcome.ok ? ready(outcome.value) : failed(s.activity, outcome.error) }));
}

export async function refresh(): Promise<void> {
  await Promise.all([loadCounts(), loadTimes(), loadStatusPage(), get().tab === 'activity' ? loadActivity() : undefined]);
}

export function setScope(scope: SyncScope | null): void {
  set((s) => scopeChanged(s, scope));
}

export function changeTab(tab: SyncTab): void {
  set((s) => tabChanged(s, tab));
  if (tab === 'activity') void loadActivity();
}

export function toggleStatus(status: SyncStatusName | null): Promise<void> {
  set((s) => statusToggled(s, status));
  return loadStatusPage();
}

export function showStatus(status: SyncStatusName): Promise<void> {
  set((s) => statusLinked(s, status));
  return loadStatusPage();
}

export function filterMarketplace(marketplaceId: string | null): Promise<void> {
  set((s) => marketplaceFiltered(s, marketplaceId));
  return loadStatusPage();
}

export function movePage(offset: number): Promise<void> {
  set((s) => pageMoved(s, offset));
  return loadStatusPage();
}

export function moveActivity(offset: number): Promise<void> {
  set((s) => activityMoved(s, offset));
  return loadActivity();
}

export function toggleRow(key: string): void {
  set((s) => rowToggled(s, key));
}

/** "Send now": one full cycle (main joins one already running); then everything is re-read. */
export async function sendNow(): Promise<void> {
  if (get().running) return;
  set(runStarted);
  const stop = subscribe('task:progress', (p) => set((s) => runProgressed(s, p)));
  const outcome = await request('sync:run-now');
  stop();
  set((s) => (outcome.ok ? runFinished(s, outcome.value) : runFailed(s, outcome.error)));
  await Promise.all([refresh(), loadActivity()]);
}

export async function openDocument(id: number, label: string): Promise<void> {
  set((s) => documentOpened(s, id, label));
  const outcome = await request('sync:feed-document', { id });
  set((s) => documentLoaded(s, id, outcome.ok ? ready(outcome.value.content) : failed(idle, outcome.error)));
}

export function closeDocument(): void {
  set(documentClosed);
}

/**
 * Follows main's `sync:status-changed` pushes while the screen is open: counters at once, the
 * visible page (and activity) re-read once the burst settles. Returns the stop function.
 */
export function watchSync(delayMs = REFRESH_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = subscribe('sync:status-changed', (change) => {
    if (change.accountId !== get().scope?.accountId) return;
    set((s) => statusChanged(s, change));
    clearTimeout(timer);
    timer = setTimeout(() => {
      void loadStatusPage();
      if (get().tab === 'activity') void loadActivity();
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
