import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../renderer/app/api';
import { dayOf, dayStart } from '../../../../../renderer/features/orders/order-filters';
import {
  actionFailed,
  actionStarted,
  exportOrders,
  filterChanged,
  initialOrdersState,
  loadOrders,
  pageLoaded,
  pageMoved,
  progressed,
  useOrdersStore,
} from '../../../../../renderer/features/orders/orders-store';
import { installFakeBridge } from '../../fake-bridge';

const page = (total: number) => ({ total, items: [], marketplaces: ['A2Q3Y263D00KWC'] });

afterEach(() => useOrdersStore.setState(initialOrdersState, true));

describe('orders state transitions', () => {
  it('drops empty filter values and goes back to the first page when the filter changes', () => {
    const moved = pageMoved(pageLoaded(initialOrdersState, page(500)), 100);

    const next = filterChanged(filterChanged(moved, { text: 'Ana', statuses: ['Unshipped'] }), { text: '', marketplaceId: 'A2Q3Y263D00KWC' });

    expect(moved.offset).toBe(100);
    expect(next.filter).toEqual({ statuses: ['Unshipped'], marketplaceId: 'A2Q3Y263D00KWC' });
    expect(next.offset).toBe(0);
  });

  it('keeps the page offset within the list and on a page boundary', () => {
    const loaded = pageLoaded(initialOrdersState, page(120));

    expect(pageMoved(loaded, 1000).offset).toBe(100);
    expect(pageMoved(loaded, -50).offset).toBe(0);
    expect(pageMoved(loaded, 75).offset).toBe(50);
  });

  it('follows only the progress of its own running task', () => {
    const exporting = actionStarted(initialOrdersState, 'export');
    const progress = { taskId: 't', phase: 'p', done: 10, total: 100, finished: false };

    expect(progressed(exporting, { ...progress, kind: 'orders:export' }).progress).toEqual({ done: 10, total: 100 });
    expect(progressed(exporting, { ...progress, kind: 'catalog:import' }).progress).toBeNull();
    expect(actionFailed(exporting, new ApiError({ code: 'X', message: 'x' })).busy).toBeNull();
  });

  it('turns date inputs into local day bounds and back', () => {
    const from = dayStart('2026-11-20');
    const to = dayStart('2026-11-20', 1);

    expect(dayOf(from)).toBe('2026-11-20');
    expect(dayOf(to, 1)).toBe('2026-11-20');
    expect(Date.parse(to ?? '') - Date.parse(from ?? '')).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(dayStart('20/11/2026')).toBeUndefined();
  });
});

describe('orders actions', () => {
  it('asks main for the filtered page', async () => {
    const bridge = installFakeBridge({ ordersList: { ok: true, value: page(3) } });
    useOrdersStore.setState((s) => filterChanged(s, { text: 'Ana' }));

    await loadOrders();

    expect(bridge.calls).toEqual([{ name: 'ordersList', input: { text: 'Ana', offset: 0, limit: 50 } }]);
    expect(useOrdersStore.getState().page).toMatchObject({ status: 'ready', value: { total: 3 } });
    bridge.remove();
  });

  it('exports the current filter to the file chosen with "Save as…" and remembers it', async () => {
    const fileToken = 'tok-orders-0123456789ab';
    const bridge = installFakeBridge({
      filesChooseExport: { ok: true, value: { fileToken, name: 'pedidos.xlsx' } },
      ordersExport: { ok: true, value: { name: 'pedidos.xlsx', fileToken, orders: 3, items: 4, taskId: 't' } },
    });
    useOrdersStore.setState((s) => filterChanged(s, { statuses: ['Shipped'] }));

    await exportOrders('xlsx', 'pedidos');

    expect(bridge.calls[0]).toEqual({ name: 'filesChooseExport', input: { format: 'xlsx', suggestedName: 'pedidos' } });
    expect(bridge.calls[1]?.input).toEqual({ filter: { statuses: ['Shipped'] }, format: 'xlsx', fileToken });
    expect(useOrdersStore.getState()).toMatchObject({ busy: null, lastExport: { name: 'pedidos.xlsx', fileToken, orders: 3 } });
    bridge.remove();
  });

  it('a cancelled Save dialog exports nothing', async () => {
    const bridge = installFakeBridge({ filesChooseExport: { ok: true, value: null } });
    await exportOrders('csv', 'pedidos');
    expect(bridge.calls.map((c) => c.name)).toEqual(['filesChooseExport']);
    expect(useOrdersStore.getState().busy).toBeNull();
    bridge.remove();
  });
});
