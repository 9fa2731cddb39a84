import { create } from 'zustand';
import type { AccountSummary } from '../../../preload/contract';
import { request, subscribe, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

type Marketplace = AccountSummary['marketplaces'][number];

/** The connected accounts and the account/marketplace the header has selected. */
export interface AccountsState {
  readonly list: Load<readonly AccountSummary[]>;
  readonly selectedAccountId: string | null;
  readonly selectedMarketplaceId: string | null;
  /** The account whose change (marketplaces, removal) is being saved. */
  readonly busyAccountId: string | null;
  readonly actionError: ApiError | null;
}

export const initialAccountsState: AccountsState = {
  list: idle,
  selectedAccountId: null,
  selectedMarketplaceId: null,
  busyAccountId: null,
  actionError: null,
};

const enabledOf = (account: AccountSummary | undefined): Marketplace[] => account?.marketplaces.filter((m) => m.enabled) ?? [];

/** Keeps the selection valid: the chosen account if it still exists, else the first one. */
function reselect(state: AccountsState, accounts: readonly AccountSummary[], preferAccountId?: string): AccountsState {
  const account = accounts.find((a) => a.id === preferAccountId) ?? accounts.find((a) => a.id === state.selectedAccountId) ?? accounts[0];
  const marketplaces = enabledOf(account);
  const marketplace = marketplaces.find((m) => m.marketplaceId === state.selectedMarketplaceId) ?? marketplaces[0];
  return {
    ...state,
    list: ready(accounts),
    selectedAccountId: account?.id ?? null,
    selectedMarketplaceId: marketplace?.marketplaceId ?? null,
  };
}

export function listRequested(state: AccountsState): AccountsState {
  return { ...state, list: loading(state.list) };
}

export function listLoaded(state: AccountsState, accounts: readonly AccountSummary[]): AccountsState {
  return reselect(state, accounts);
}

export function listFailed(state: AccountsState, error: ApiError): AccountsState {
  return { ...state, list: failed(state.list, error) };
}

export function accountSelected(state: AccountsState, accountId: string): AccountsState {
  return reselect({ ...state, selectedMarketplaceId: null }, valueOf(state.list) ?? [], accountId);
}

export function marketplaceSelected(state: AccountsState, marketplaceId: string): AccountsState {
  const account = (valueOf(state.list) ?? []).find((a) => a.id === state.selectedAccountId);
  return enabledOf(account).some((m) => m.marketplaceId === marketplaceId) ? { ...state, selectedMarketplaceId: marketplaceId } : state;
}

/** A newly connected account joins the list and becomes the selected one. */
export function accountConnected(state: AccountsState, account: AccountSummary): AccountsState {
  const others = (valueOf(state.list) ?? []).filter((a) => a.id !== account.id);
  return reselect({ ...state, selectedMarketplaceId: null }, [...others, account], account.id);
}

export function actionStarted(state: AccountsState, accountId: string): AccountsState {
  return { ...state, busyAccountId: accountId, actionError: null };
}

export function accountUpdated(state: AccountsState, account: AccountSummary): AccountsState {
  const accounts = (valueOf(state.list) ?? []).map((a) => (a.id === account.id ? account : a));
  return { ...reselect(state, accounts), busyAccountId: null };
}

export function accountRemoved(state: AccountsState, accountId: string): AccountsState {
  const accounts = (valueOf(state.list) ?? []).filter((a) => a.id !== accountId);
  return { ...reselect(state, accounts), busyAccountId: null };
}

export function actionFailed(state: AccountsState, error: ApiError): AccountsState {
  return { ...state, busyAccountId: null, actionError: error };
}

// Selectors feed useSyncExternalStore: they return stored objects or constants, never fresh arrays
// (a fresh array each render loops forever); derived lists go through useShallow.
const NO_ACCOUNTS: readonly AccountSummary[] = [];

export const selectAccounts = (s: AccountsState): readonly AccountSummary[] => valueOf(s.list) ?? NO_ACCOUNTS;
export const selectAccountsLoaded = (s: AccountsState): boolean => valueOf(s.list) !== null;
export const selectAccountsError = (s: AccountsState): ApiError | null => errorOf(s.list);
export const selectSelectedAccount = (s: AccountsState): AccountSummary | null => selectAccounts(s).find((a) => a.id === s.selectedAccountId) ?? null;
export const selectSelectedMarketplaceId = (s: AccountsState): string | null => s.selectedMarketplaceId;
/** Marketplaces the header offers: the enabled ones of the selected account (a new array: use with useShallow). */
export const selectEnabledMarketplaces = (s: AccountsState): readonly Marketplace[] => enabledOf(selectSelectedAccount(s) ?? undefined);
export const selectBusyAccountId = (s: AccountsState): string | null => s.busyAccountId;
export const selectActionError = (s: AccountsState): ApiError | null => s.actionError;

export const useAccountsStore = create<AccountsState>(() => initialAccountsState);

export async function loadAccounts(): Promise<void> {
  useAccountsStore.setState(listRequested);
  const outcome = await request('accounts:list');
  useAccountsStore.setState((s) => (outcome.ok ? listLoaded(s, outcome.value) : listFailed(s, outcome.error)));
}

export async function saveMarketplaces(accountId: string, marketplaceIds: readonly string[]): Promise<boolean> {
  useAccountsStore.setState((s) => actionStarted(s, accountId));
  const outcome = await request('accounts:set-marketplaces', { accountId, marketplaceIds: [...marketplaceIds] });
  useAccountsStore.setState((s) => (outcome.ok ? accountUpdated(s, outcome.value) : actionFailed(s, outcome.error)));
  return outcome.ok;
}

/**
 * Removes the account. `deleteOrders` is the seller's answer to "its N orders are deleted too";
 * main refuses to delete orders without it.
 */
export async function removeAccount(accountId: string, deleteOrders = false): Promise<boolean> {
  useAccountsStore.setState((s) => actionStarted(s, accountId));
  const outcome = await request('accounts:remove', { accountId, deleteOrders });
  useAccountsStore.setState((s) => (outcome.ok ? accountRemoved(s, accountId) : actionFailed(s, outcome.error)));
  return outcome.ok;
}

/** How many orders removing the account deletes (asked when the seller clicks "Remove"). */
export async function removalImpact(accountId: string): Promise<number | null> {
  const outcome = await request('accounts:removal-impact', { accountId });
  if (!outcome.ok) useAccountsStore.setState((s) => actionFailed(s, outcome.error));
  return outcome.ok ? outcome.value.orders : null;
}

/**
 * Reloads the list when main says an account changed on its own (LWA refused its credentials
 * during a background send). Returns the unsubscribe function.
 */
export function watchAccounts(): () => void {
  return subscribe('accounts:changed', () => void loadAccounts());
}
