import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../preload/contract';
import * as appStore from '../../../renderer/app/app-store';
import * as routeStore from '../../../renderer/app/route-store';
import * as accountsStore from '../../../renderer/features/accounts/accounts-store';
import * as wizardStore from '../../../renderer/features/accounts/connect-wizard-store';
import * as dashboardStore from '../../../renderer/features/dashboard/dashboard-store';
import * as exportStore from '../../../renderer/features/products/export-store';
import * as importStore from '../../../renderer/features/products/import-store';
import * as detailStore from '../../../renderer/features/products/product-detail-store';
import * as productsStore from '../../../renderer/features/products/products-store';

/** Selectors documented as building a new value on purpose; components read them through useShallow. */
const DERIVED = new Set(['selectEnabledMarketplaces']);

const info = {
  name: 'Vitrine',
  version: '1',
  platform: 'linux',
  locale: 'pt-BR',
  localeFollowsSystem: false,
  openAtLogin: true,
  openAtLoginSupported: true,
} as const;
const marketplace = { marketplaceId: 'BR1', countryCode: 'BR', name: 'Brasil', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true };
const account: AccountSummary = {
  id: 'demo',
  label: 'Demo',
  simulated: true,
  environment: 'simulator',
  region: 'NA',
  sellerId: 'A1',
  storeName: null,
  marketplaces: [marketplace],
  reminders: [],
  health: { state: 'ok' },
  lwaClientId: 'amzn1.application-oa2-client.demo',
  canUpdateCredentials: false,
};

/** Each store's initial state, plus a loaded one where loading changes what selectors return. */
const stores = [
  ['app', appStore, [appStore.initialAppState, appStore.infoLoaded(appStore.initialAppState, info)]],
  ['route', routeStore, [routeStore.useRouteStore.getState()]],
  ['accounts', accountsStore, [accountsStore.initialAccountsState, accountsStore.listLoaded(accountsStore.initialAccountsState, [account])]],
  ['wizard', wizardStore, [wizardStore.wizardStart(), wizardStore.testSucceeded(wizardStore.wizardStart(), { storeName: null, marketplaces: [marketplace] })]],
  ['dashboard', dashboardStore, [dashboardStore.initialDashboardState]],
  ['export', exportStore, [exportStore.initialExportState]],
  ['import', importStore, [importStore.initialImportState]],
  ['detail', detailStore, [detailStore.initialProductDetailState]],
  ['products', productsStore, [productsStore.initialProductsState]],
] as const;

// zustand hooks re-render when a selector's result is not Object.is-equal to the last one: a
// selector that builds a fresh object or array on every call makes React loop (error #185).
describe('store selectors are stable', () => {
  for (const [name, module, states] of stores) {
    const selectors = Object.entries(module).filter(([key, value]) => /^select[A-Z]/.test(key) && typeof value === 'function' && !DERIVED.has(key));
    it.each(selectors.map(([key, fn]) => [key, fn] as const))(`${name}: %s returns the same value twice for one state`, (_key, fn) => {
      const select = fn as (s: unknown) => unknown;
      for (const state of states) expect(Object.is(select(state), select(state))).toBe(true);
    });
  }
});
