import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  accountConnected,
  accountRemoved,
  accountSelected,
  accountUpdated,
  actionFailed,
  actionStarted,
  initialAccountsState,
  listFailed,
  listLoaded,
  loadAccounts,
  marketplaceSelected,
  removeAccount,
  saveMarketplaces,
  selectAccounts,
  selectActionError,
  selectBusyAccountId,
  selectEnabledMarketplaces,
  selectSelectedAccount,
  selectSelectedMarketplaceId,
  useAccountsStore,
} from '../../../../../renderer/features/accounts/accounts-store';
import { installFakeBridge } from '../../fake-bridge';

const mp = (marketplaceId: string, countryCode: string, enabled = true, participating = true) => ({
  marketplaceId,
  countryCode,
  name: countryCode,
  currency: 'BRL',
  language: 'pt_BR',
  participating,
  enabled,
});

const demo: AccountSummary = {
  id: 'demo',
  label: 'Demo — offline simulator',
  simulated: true,
  environment: 'simulator',
  region: 'NA',
  sellerId: 'A1SIMDEMOSELLR',
  storeName: 'Loja Demo',
  marketplaces: [mp('BR1', 'BR'), mp('US1', 'US')],
  reminders: [],
  health: { state: 'ok' },
  lwaClientId: 'amzn1.application-oa2-client.demo',
  canUpdateCredentials: false,
};
const real: AccountSummary = {
  ...demo,
  id: 'acc_1',
  label: 'Minha loja',
  simulated: false,
  environment: 'production',
  marketplaces: [mp('BR1', 'BR'), mp('US1', 'US', false)],
};
const failure = new ApiError({ code: 'ACCOUNT_NOT_FOUND', message: 'Conta não existe' });

describe('accounts state transitions', () => {
  it('selects the first account and its first enabled marketplace on load', () => {
    const s = listLoaded(initialAccountsState, [demo, real]);
    expect(selectSelectedAccount(s)?.id).toBe('demo');
    expect(selectSelectedMarketplaceId(s)).toBe('BR1');
  });

  it('keeps a still-valid selection across reloads and drops a vanished one', () => {
    const s = marketplaceSelected(accountSelected(listLoaded(initialAccountsState, [demo, real]), 'demo'), 'US1');
    expect(selectSelectedMarketplaceId(listLoaded(s, [demo, real]))).toBe('US1');
    const gone = listLoaded(s, [real]);
    expect(selectSelectedAccount(gone)?.id).toBe('acc_1');
    expect(selectSelectedMarketplaceId(gone)).toBe('BR1');
  });

  it('offers only enabled marketplaces and ignores a disabled pick', () => {
    const s = accountSelected(listLoaded(initialAccountsState, [demo, real]), 'acc_1');
    expect(selectEnabledMarketplaces(s).map((m) => m.marketplaceId)).toEqual(['BR1']);
    expect(marketplaceSelected(s, 'US1')).toBe(s);
  });

  it('has no selection without accounts', () => {
    const s = listLoaded(initialAccountsState, []);
    expect(selectSelectedAccount(s)).toBeNull();
    expect(selectSelectedMarketplaceId(s)).toBeNull();
    expect(selectEnabledMarketplaces(s)).toEqual([]);
  });

  it('selects a newly connected account', () => {
    const s = accountConnected(listLoaded(initialAccountsState, [demo]), real);
    expect(selectAccounts(s).map((a) => a.id)).toEqual(['demo', 'acc_1']);
    expect(selectSelectedAccount(s)?.id).toBe('acc_1');
  });

  it('tracks an action from start to update, removal or failure', () => {
    const loaded = listLoaded(initialAccountsState, [demo, real]);
    const busy = actionStarted(loaded, 'acc_1');
    expect(selectBusyAccountId(busy)).toBe('acc_1');
    const updated = accountUpdated(busy, { ...real, marketplaces: [mp('BR1', 'BR'), mp('US1', 'US')] });
    expect(selectBusyAccountId(updated)).toBeNull();
    expect(selectAccounts(updated)[1]?.marketplaces.every((m) => m.enabled)).toBe(true);
    expect(selectAccounts(accountRemoved(busy, 'acc_1')).map((a) => a.id)).toEqual(['demo']);
    const broken = actionFailed(busy, failure);
    expect(selectActionError(broken)).toBe(failure);
    expect(selectActionError(actionStarted(broken, 'demo'))).toBeNull();
  });

  it('keeps the last list when reloading fails', () => {
    const s = listFailed(listLoaded(initialAccountsState, [demo]), failure);
    expect(selectAccounts(s)).toEqual([demo]);
  });
});

describe('accounts actions', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useAccountsStore.setState(initialAccountsState, true));
  afterEach(() => bridge.remove());

  it('loads, saves marketplaces and removes through the contract', async () => {
    const updated = { ...real, marketplaces: [mp('BR1', 'BR'), mp('US1', 'US')] };
    bridge = installFakeBridge({
      accountsList: { ok: true, value: [demo, real] },
      accountsSetMarketplaces: { ok: true, value: updated },
      accountsRemove: { ok: true, value: { removed: true } },
    });
    await loadAccounts();
    expect(selectAccounts(useAccountsStore.getState())).toHaveLength(2);
    expect(await saveMarketplaces('acc_1', ['BR1', 'US1'])).toBe(true);
    expect(bridge.calls[1]).toEqual({ name: 'accountsSetMarketplaces', input: { accountId: 'acc_1', marketplaceIds: ['BR1', 'US1'] } });
    expect(await removeAccount('demo')).toBe(true);
    expect(selectAccounts(useAccountsStore.getState()).map((a) => a.id)).toEqual(['acc_1']);
  });

  it('keeps a failed action as a typed error', async () => {
    bridge = installFakeBridge({ accountsRemove: { ok: false, error: { code: 'ACCOUNT_NOT_FOUND', message: 'x' } } });
    expect(await removeAccount('nope')).toBe(false);
    expect(selectActionError(useAccountsStore.getState())?.code).toBe('ACCOUNT_NOT_FOUND');
  });
});
