import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../renderer/app/api';
import {
  initialDashboardState,
  loadDashboard,
  selectSummary,
  selectSummaryError,
  selectSummaryLoading,
  summaryFailed,
  summaryLoaded,
  summaryRequested,
  useDashboardStore,
} from '../../../../../renderer/features/dashboard/dashboard-store';
import { installFakeBridge } from '../../fake-bridge';

const summary = {
  products: 1200,
  ordersToShip: 3,
  categoriesUnmapped: 7,
  characteristics: 12,
  accounts: 1,
  listingsLive: 40,
  listingsWithErrors: 2,
  listingsWaiting: 5,
  linksUnconfirmed: 0,
  lastSendAt: null,
  nextSendAt: null,
  ordersByDay: { days: ['2026-11-22'], orders: [1], sales: [{ currency: 'BRL', cents: [8990] }] },
};

describe('dashboard state transitions', () => {
  it('is loading before the first answer, with no counters (never a fake 0)', () => {
    expect(selectSummaryLoading(initialDashboardState)).toBe(true);
    expect(selectSummary(summaryRequested(initialDashboardState))).toBeNull();
  });

  it('keeps the last counters while refreshing and after a failure', () => {
    const loaded = summaryLoaded(initialDashboardState, summary);
    expect(selectSummary(summaryRequested(loaded))).toEqual(summary);
    const error = new ApiError({ code: 'INTERNAL', message: 'x' });
    const broken = summaryFailed(summaryRequested(loaded), error);
    expect(selectSummary(broken)).toEqual(summary);
    expect(selectSummaryError(broken)).toBe(error);
    expect(selectSummaryError(summaryLoaded(broken, summary))).toBeNull();
  });
});

describe('loadDashboard', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useDashboardStore.setState(initialDashboardState, true));
  afterEach(() => bridge.remove());

  it('stores the summary and shares one request between concurrent callers', async () => {
    bridge = installFakeBridge({ dashboardSummary: { ok: true, value: summary } });
    await Promise.all([loadDashboard(), loadDashboard()]);
    expect(bridge.calls).toHaveLength(1);
    expect(selectSummary(useDashboardStore.getState())).toEqual(summary);
    await loadDashboard();
    expect(bridge.calls).toHaveLength(2);
  });

  it('stores a typed failure', async () => {
    bridge = installFakeBridge({ dashboardSummary: { ok: false, error: { code: 'INTERNAL', message: 'Falhou' } } });
    await loadDashboard();
    expect(selectSummaryError(useDashboardStore.getState())?.message).toBe('Falhou');
  });
});
