import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, RestrictionItem } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { failed, idle, loading, ready, type Load } from '../../app/load';

export type RestrictionsQuery = ChannelInput<'sync:restrictions'>;
export type RecheckResult = ChannelOutput<'sync:recheck-restrictions'>;

/** A "Verificar de novo" in flight or done, per SKU × marketplace. */
export type Recheck =
  { readonly kind: 'running' } | { readonly kind: 'done'; readonly result: RecheckResult } | { readonly kind: 'failed'; readonly error: ApiError };

export interface RestrictionsState {
  /** Loaded lists by query (Sincronização's cause, a product's card). */
  readonly lists: Readonly<Record<string, Load<{ readonly total: number; readonly items: readonly RestrictionItem[] }>>>;
  readonly rechecks: Readonly<Record<string, Recheck>>;
}

export const initialRestrictionsState: RestrictionsState = { lists: {}, rechecks: {} };

export const queryKey = (query: RestrictionsQuery): string => JSON.stringify(query);
export const recheckKey = (item: Pick<RestrictionItem, 'marketplaceId' | 'sku'>): string => `${item.marketplaceId} ${item.sku}`;

export function listRequested(state: RestrictionsState, key: string): RestrictionsState {
  return { ...state, lists: { ...state.lists, [key]: loading(state.lists[key] ?? idle) } };
}

export function listLoaded(
  state: RestrictionsState,
  key: string,
  page: { readonly total: number; readonly items: readonly RestrictionItem[] },
): RestrictionsState {
  return { ...state, lists: { ...state.lists, [key]: ready(page) } };
}

export function listFailed(state: RestrictionsState, key: string, error: ApiError): RestrictionsState {
  return { ...state, lists: { ...state.lists, [key]: failed(state.lists[key] ?? idle, error) } };
}

export function recheckChanged(state: RestrictionsState, key: string, recheck: Recheck): RestrictionsState {
  return { ...state, rechecks: { ...state.rechecks, [key]: recheck } };
}

export const useRestrictionsStore = create<RestrictionsState>(() => initialRestrictionsState);

export async function loadRestrictions(query: RestrictionsQuery): Promise<void> {
  const key = queryKey(query);
  useRestrictionsStore.setState((s) => listRequested(s, key));
  const outcome = await request('sync:restrictions', query);
  useRestrictionsStore.setState((s) => (outcome.ok ? listLoaded(s, key, outcome.value) : listFailed(s, key, outcome.error)));
}

/** Asks Amazon again about one SKU, then re-reads the list it was shown in. */
export async function recheckRestriction(accountId: string, item: Pick<RestrictionItem, 'marketplaceId' | 'sku'>, reload: RestrictionsQuery): Promise<void> {
  const key = recheckKey(item);
  useRestrictionsStore.setState((s) => recheckChanged(s, key, { kind: 'running' }));
  const outcome = await request('sync:recheck-restrictions', { accountId, marketplaceId: item.marketplaceId, skus: [item.sku] });
  useRestrictionsStore.setState((s) => recheckChanged(s, key, outcome.ok ? { kind: 'done', result: outcome.value } : { kind: 'failed', error: outcome.error }));
  await loadRestrictions(reload);
}
