import { create } from 'zustand';
import {
  SYNC_STATUSES,
  type ChannelOutput,
  type SyncCause,
  type SyncOverview,
  type SyncProductRow,
  type SyncStatus,
  type TaskProgress,
} from '../../../preload/contract';
import { request, subscribe, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { pageStart } from '../../app/paging';

/** One screen of rows at 1366×768; the pager moves through the rest. */
/** Rows per page of the status table: with the causes above, the page stays about two screens tall at 1366×768. */
export const PAGE_SIZE = 10;
export const ACTIVITY_PAGE_SIZE = 10;
/** A cycle pushes a change per feed step: one re-read after the burst settles is enough. */
export const REFRESH_DELAY_MS = 400;
/** Typing in the search box: ask main after a pause. */
export const SEARCH_DELAY_MS = 300;

export type SyncTab = 'products' | 'activity';
export type StatusCounts = Readonly<Record<SyncStatus, number>>;
export type RunSummary = ChannelOutput<'sync:run-now'>;
export type ProductsPage = ChannelOutput<'sync:products'>;
export type ActivityPage = ChannelOutput<'sync:activity'>;
export type SyncRun = ActivityPage['items'][number];
export type SyncFeed = SyncRun['feeds'][number];

/** The account and marketplace chosen in the header: the screen shows that marketplace only. */
export interface SyncScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

/** The cause the list is narrowed to ("Falta preencher: Cor"), with its label for the filter chip. */
export interface CauseFilter {
  readonly cause: SyncCause;
  readonly label: string;
}

export interface SyncState {
  readonly scope: SyncScope | null;
  readonly tab: SyncTab;
  readonly overview: Load<SyncOverview>;
  /** "Send now" in flight; its summary (or failure) once it ends. */
  readonly running: boolean;
  /** Main's task progress for the cycle, when it reports one (`sync:*` tasks). */
  readonly progress: { readonly done: number; readonly total: number | null } | null;
  readonly summary: RunSummary | null;
  readonly runError: ApiError | null;
  /** Status chips ticked; empty means every status. */
  readonly statuses: readonly SyncStatus[];
  readonly cause: CauseFilter | null;
  readonly search: string;
  readonly offset: number;
  readonly page: Load<ProductsPage>;
  /** Rows opened to show Amazon's issues, by SKU. */
  readonly expanded: ReadonlySet<string>;
  readonly activityOffset: number;
  readonly activity: Load<ActivityPage>;
  /** The feed whose uploaded document is open, with its text. */
  readonly document: { readonly id: number; readonly label: string; readonly content: Load<string> } | null;
}

const NOTHING: ReadonlySet<string> = new Set();

export const initialSyncState: SyncState = {
  scope: null,
  tab: 'products',
  overview: idle,
  running: false,
  progress: null,
  summary: null,
  runError: null,
  statuses: [],
  cause: null,
  search: '',
  offset: 0,
  page: idle,
  expanded: NOTHING,
  activityOffset: 0,
  activity: idle,
  document: null,
};

export const rowKey = (row: Pick<SyncProductRow, 'sku'>): string => row.sku;

export function isSyncStatus(value: unknown): value is SyncStatus {
  return typeof value === 'string' && (SYNC_STATUSES as readonly string[]).includes(value);
}

/** Every status with a number: main leaves out the statuses no SKU has. */
export function countsOf(partial: Partial<Record<SyncStatus, number>>): StatusCounts {
  return Object.fromEntries(SYNC_STATUSES.map((s) => [s, partial[s] ?? 0])) as Record<SyncStatus, number>;
}

export const sameScope = (a: SyncScope | null, b: SyncScope | null): boolean => a?.accountId === b?.accountId && a?.marketplaceId === b?.marketplaceId;

/**
 * Another marketplace in the header is another list: counts, causes, rows and the cause filter
 * start over (a cause of one marketplace means nothing in another). The status chips stay;
 * a new account also drops its activity.
 */
export function scopeChanged(state: SyncState, scope: SyncScope | null): SyncState {
  if (sameScope(state.scope, scope)) return state;
  const sameAccount = state.scope?.accountId === scope?.accountId;
  const base = sameAccount ? state : { ...initialSyncState, tab: state.tab, statuses: state.statuses, running: state.running };
  return { ...base, scope, overview: idle, cause: null, offset: 0, page: idle, expanded: NOTHING };
}

export const tabChanged = (state: SyncState, tab: SyncTab): SyncState => (tab === state.tab ? state : { ...state, tab });

/** Ticks or unticks one chip; `null` is the "All" chip and clears them. */
export function statusToggled(state: SyncState, status: SyncStatus | null): SyncState {
  const statuses =
    status === null
      ? []
      : state.statuses.includes(status)
        ? state.statuses.filter((s) => s !== status)
        : SYNC_STATUSES.filter((s) => s === status || state.statuses.includes(s));
  return { ...state, statuses, offset: 0, expanded: NOTHING };
}

/** A link such as the failure notification's (`/sync?status=error`) shows just that status. */
export function statusLinked(state: SyncState, status: SyncStatus): SyncState {
  return { ...state, tab: 'products', statuses: [status], cause: null, offset: 0, expanded: NOTHING };
}

/** "Ver produtos" on a cause: the list shows those rows only, whatever their status chip. */
export function causeChosen(state: SyncState, cause: CauseFilter | null): SyncState {
  return { ...state, tab: 'products', cause, statuses: cause ? [] : state.statuses, offset: 0, expanded: NOTHING };
}

export const searchChanged = (state: SyncState, search: string): SyncState =>
  search === state.search ? state : { ...state, search, offset: 0, expanded: NOTHING };

export function pageMoved(state: SyncState, offset: number): SyncState {
  return { ...state, offset: pageStart(offset, valueOf(state.page)?.total ?? 0, PAGE_SIZE), expanded: NOTHING };
}

export function activityMoved(state: SyncState, offset: number): SyncState {
  return { ...state, activityOffset: pageStart(offset, valueOf(state.activity)?.total ?? 0, ACTIVITY_PAGE_SIZE) };
}

export function rowToggled(state: SyncState, key: string): SyncState {
  const expanded = new Set(state.expanded);
  if (!expanded.delete(key)) expanded.add(key);
  return { ...state, expanded };
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

export const selectOverview = (s: SyncState): SyncOverview | null => valueOf(s.overview);
export const selectOverviewError = (s: SyncState): ApiError | null => errorOf(s.overview);
export const selectCounts = (s: SyncState): StatusCounts | null => {
  const overview = valueOf(s.overview);
  return overview ? countsOf(overview.counts) : null;
};
export const selectPage = (s: SyncState): ProductsPage | null => valueOf(s.page);
export const selectPageError = (s: SyncState): ApiError | null => errorOf(s.page);
export const selectActivity = (s: SyncState): ActivityPage | null => valueOf(s.activity);
export const selectActivityError = (s: SyncState): ApiError | null => errorOf(s.activity);
/** SKUs of this marketplace the running cycle still has in hand (built or at Amazon), for the progress line. */
export const selectInFlight = (s: SyncState): number => {
  const counts = valueOf(s.overview)?.counts;
  return counts ? (counts.sending ?? 0) + (counts.waiting ?? 0) : 0;
};

export const useSyncStore = create<SyncState>(() => initialSyncState);
const set = (fn: (s: SyncState) => SyncState) => useSyncStore.setState(fn, true);
const get = useSyncStore.getState;

// Answers can arrive out of order (chips clicked quickly, a live re-read): only the newest one counts.
let pageRequest = 0;
let overviewRequest = 0;
let activityRequest = 0;

export async function loadStatusPage(): Promise<void> {
  const { scope, statuses, cause, search, offset } = get();
  if (!scope) return;
  const mine = ++pageRequest;
  set((s) => ({ ...s, page: loading(s.page) }));
  const outcome = await request('sync:products', {
    ...scope,
    ...(statuses.length > 0 ? { statuses: [...statuses] } : {}),
    ...(cause ? { cause: cause.cause } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
    offset,
    limit: PAGE_SIZE,
  });
  if (mine !== pageRequest) return;
  set((s) => ({ ...s, page: outcome.ok ? ready(outcome.value) : failed(s.page, outcome.error) }));
}

/** Counts, causes and cycle times of the header's marketplace. */
export async function loadOverview(): Promise<void> {
  const { scope } = get();
  if (!scope) return;
  const mine = ++overviewRequest;
  set((s) => ({ ...s, overview: loading(s.overview) }));
  const outcome = await request('sync:overview', scope);
  if (mine !== overviewRequest) return;
  set((s) => ({ ...s, overview: outcome.ok ? ready(outcome.value) : failed(s.overview, outcome.error) }));
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
  await Promise.all([loadOverview(), loadStatusPage(), get().tab === 'activity' ? loadActivity() : undefined]);
}

export function setScope(scope: SyncScope | null): void {
  set((s) => scopeChanged(s, scope));
}

export function changeTab(tab: SyncTab): void {
  set((s) => tabChanged(s, tab));
  if (tab === 'activity') void loadActivity();
}

export function toggleStatus(status: SyncStatus | null): Promise<void> {
  set((s) => statusToggled(s, status));
  return loadStatusPage();
}

export function showStatus(status: SyncStatus): Promise<void> {
  set((s) => statusLinked(s, status));
  return loadStatusPage();
}

export function showCause(cause: CauseFilter | null): Promise<void> {
  set((s) => causeChosen(s, cause));
  return loadStatusPage();
}

export function searchFor(search: string): Promise<void> {
  set((s) => searchChanged(s, search));
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

/** "Sincronizar agora": one full cycle (main joins one already running); then everything is re-read. */
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
 * Follows main's `sync:status-changed` pushes while the screen is open. The push counts the whole
 * account, so the marketplace's counters, causes and visible page (and activity) are re-read once
 * the burst settles. Returns the stop function.
 */
export function watchSync(delayMs = REFRESH_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = subscribe('sync:status-changed', (change) => {
    if (change.accountId !== get().scope?.accountId) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void loadOverview();
      void loadStatusPage();
      if (get().tab === 'activity') void loadActivity();
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
