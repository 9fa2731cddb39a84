import { create } from 'zustand';
import type { AmazonOnlyItemView, CatalogOnlyItemView, LinkedItemView, LinkingOverview, LinkTreatment } from '../../../preload/contract';
import { request, subscribe, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { pageStart } from '../../app/paging';

export const PAGE_SIZE = 50;

export type LinkingTab = 'linked' | 'amazon-only' | 'catalog-only';

export type LinkingPage =
  | { readonly tab: 'linked'; readonly total: number; readonly items: readonly LinkedItemView[] }
  | { readonly tab: 'amazon-only'; readonly total: number; readonly items: readonly AmazonOnlyItemView[] }
  | { readonly tab: 'catalog-only'; readonly total: number; readonly items: readonly CatalogOnlyItemView[] };

export interface Scope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

export interface LinkingState {
  readonly scope: Scope | null;
  readonly tab: LinkingTab;
  readonly treatment: LinkTreatment | null;
  readonly offset: number;
  readonly overview: Load<LinkingOverview>;
  readonly page: Load<LinkingPage>;
  /** Amazon SKUs ticked in the current tab (linked or Amazon-only). */
  readonly selected: ReadonlySet<string>;
  readonly busy: 'read' | 'confirm' | 'import' | null;
  /** i18n key suffix of the read's current phase (`waiting`, `matching`…). */
  readonly phase: string | null;
  readonly actionError: ApiError | null;
  readonly notice: { readonly key: string; readonly values: Readonly<Record<string, number | string>> } | null;
}

const NOTHING: ReadonlySet<string> = new Set();

export const initialLinkingState: LinkingState = {
  scope: null,
  tab: 'linked',
  treatment: null,
  offset: 0,
  overview: idle,
  page: idle,
  selected: NOTHING,
  busy: null,
  phase: null,
  actionError: null,
  notice: null,
};

export function scopeChanged(state: LinkingState, scope: Scope | null): LinkingState {
  const same = state.scope?.accountId === scope?.accountId && state.scope?.marketplaceId === scope?.marketplaceId;
  return same ? state : { ...initialLinkingState, scope, tab: state.tab };
}

export function tabChanged(state: LinkingState, tab: LinkingTab): LinkingState {
  return tab === state.tab ? state : { ...state, tab, offset: 0, selected: NOTHING, page: idle, notice: null };
}

export function treatmentFiltered(state: LinkingState, treatment: LinkTreatment | null): LinkingState {
  return { ...state, treatment, offset: 0, selected: NOTHING };
}

export function pageMoved(state: LinkingState, offset: number): LinkingState {
  return { ...state, offset: pageStart(offset, valueOf(state.page)?.total ?? 0, PAGE_SIZE), selected: NOTHING };
}

export function toggled(state: LinkingState, sku: string): LinkingState {
  const selected = new Set(state.selected);
  if (selected.has(sku)) selected.delete(sku);
  else selected.add(sku);
  return { ...state, selected };
}

/** Ticks every row of the page, or clears them when all are already ticked. */
export function pageToggled(state: LinkingState, skus: readonly string[]): LinkingState {
  const all = skus.length > 0 && skus.every((s) => state.selected.has(s));
  return { ...state, selected: all ? NOTHING : new Set(skus) };
}

export const overviewLoaded = (state: LinkingState, overview: LinkingOverview): LinkingState => ({ ...state, overview: ready(overview) });
export const pageLoaded = (state: LinkingState, page: LinkingPage): LinkingState => (page.tab === state.tab ? { ...state, page: ready(page) } : state);
export const actionStarted = (state: LinkingState, busy: NonNullable<LinkingState['busy']>): LinkingState => ({
  ...state,
  busy,
  phase: null,
  actionError: null,
  notice: null,
});
export const actionFailed = (state: LinkingState, error: ApiError): LinkingState => ({ ...state, busy: null, phase: null, actionError: error });

export const selectOverview = (s: LinkingState): LinkingOverview | null => valueOf(s.overview);
export const selectOverviewError = (s: LinkingState): ApiError | null => errorOf(s.overview);
export const selectPage = (s: LinkingState): LinkingPage | null => valueOf(s.page);
export const selectPageError = (s: LinkingState): ApiError | null => errorOf(s.page);

export const useLinkingStore = create<LinkingState>(() => initialLinkingState);

const set = (fn: (s: LinkingState) => LinkingState) => useLinkingStore.setState(fn, true);

export async function loadOverview(): Promise<void> {
  const { scope } = useLinkingStore.getState();
  if (!scope) return;
  set((s) => ({ ...s, overview: loading(s.overview) }));
  const outcome = await request('linking:overview', scope);
  set((s) => (outcome.ok ? overviewLoaded(s, outcome.value) : { ...s, overview: failed(s.overview, outcome.error) }));
}

export async function loadPage(): Promise<void> {
  const { scope, tab, offset, treatment } = useLinkingStore.getState();
  if (!scope) return;
  set((s) => ({ ...s, page: loading(s.page) }));
  const input = { ...scope, offset, limit: PAGE_SIZE };
  const outcome =
    tab === 'linked'
      ? await request('linking:linked', { ...input, ...(treatment ? { treatment } : {}) }).then((o) =>
          o.ok ? { ok: true as const, value: { tab, ...o.value } } : o,
        )
      : tab === 'amazon-only'
        ? await request('linking:amazon-only', input).then((o) => (o.ok ? { ok: true as const, value: { tab, ...o.value } } : o))
        : await request('linking:catalog-only', input).then((o) => (o.ok ? { ok: true as const, value: { tab, ...o.value } } : o));
  set((s) => (outcome.ok ? pageLoaded(s, outcome.value) : { ...s, page: failed(s.page, outcome.error) }));
}

export async function refresh(): Promise<void> {
  await Promise.all([loadOverview(), loadPage()]);
}

/** Reads the seller's offers (a minute or more at Amazon); the phase follows main's progress events. */
export async function readOffers(): Promise<void> {
  const { scope } = useLinkingStore.getState();
  if (!scope) return;
  set((s) => actionStarted(s, 'read'));
  const stop = subscribe('task:progress', (p) => {
    if (p.kind === 'linking:read' && !p.finished) set((s) => ({ ...s, phase: p.phase.replace(/^linking\.progress\./, '') }));
  });
  const outcome = await request('linking:read', scope);
  stop();
  if (!outcome.ok) return set((s) => actionFailed(s, outcome.error));
  const { listings, matched, ambiguous } = outcome.value;
  set((s) => ({
    ...overviewLoaded(s, outcome.value.overview),
    busy: null,
    phase: null,
    notice: { key: 'read.done', values: { count: listings, sku: matched.sku, asin: matched.asin, ean: matched.ean, ambiguous } },
  }));
  await loadPage();
}

/** The seller's decision for the ticked offers, or (all) for every one still waiting. */
export async function confirm(treatment: 'keep-amazon' | 'vitrine-manages', all: boolean): Promise<void> {
  const { scope, selected } = useLinkingStore.getState();
  if (!scope) return;
  set((s) => actionStarted(s, 'confirm'));
  const outcome = await request('linking:confirm', { ...scope, amazonSkus: all ? null : [...selected], treatment });
  if (!outcome.ok) return set((s) => actionFailed(s, outcome.error));
  set((s) => ({
    ...overviewLoaded(s, outcome.value.overview),
    busy: null,
    selected: NOTHING,
    notice: { key: `confirmed.${treatment}`, values: { count: outcome.value.changed } },
  }));
  await loadPage();
}

export async function importOffers(all: boolean): Promise<void> {
  const { scope, selected } = useLinkingStore.getState();
  if (!scope) return;
  set((s) => actionStarted(s, 'import'));
  const outcome = await request('linking:import', { ...scope, amazonSkus: all ? null : [...selected] });
  if (!outcome.ok) return set((s) => actionFailed(s, outcome.error));
  const { imported, skipped } = outcome.value;
  set((s) => ({
    ...overviewLoaded(s, outcome.value.overview),
    busy: null,
    selected: NOTHING,
    notice: { key: 'imported', values: { count: imported, skipped: skipped.length } },
  }));
  await loadPage();
}

export function setScope(scope: Scope | null): void {
  set((s) => scopeChanged(s, scope));
}

export function changeTab(tab: LinkingTab): void {
  set((s) => tabChanged(s, tab));
  void loadPage();
}

export function filterTreatment(treatment: LinkTreatment | null): void {
  set((s) => treatmentFiltered(s, treatment));
  void loadPage();
}

export function movePage(offset: number): void {
  set((s) => pageMoved(s, offset));
  void loadPage();
}
