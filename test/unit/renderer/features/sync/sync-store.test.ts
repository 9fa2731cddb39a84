import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncOverview, SyncProductRow } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import { ready } from '../../../../../renderer/app/load';
import {
  causeChosen,
  changeTab,
  closeDocument,
  countsOf,
  initialSyncState,
  PAGE_SIZE,
  isSyncStatus,
  loadOverview,
  loadStatusPage,
  openDocument,
  pageMoved,
  rowKey,
  rowToggled,
  runFailed,
  runProgressed,
  runStarted,
  scopeChanged,
  searchChanged,
  selectCounts,
  selectInFlight,
  sendNow,
  setScope,
  showCause,
  showStatus,
  statusLinked,
  statusToggled,
  toggleStatus,
  useSyncStore,
  watchSync,
  type SyncState,
} from '../../../../../renderer/features/sync/sync-store';
import { installFakeBridge } from '../../fake-bridge';

const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';
const scope = { accountId: 'demo', marketplaceId: BR };
const scoped = scopeChanged(initialSyncState, scope);

function row(sku: string, patch: Partial<SyncProductRow> = {}): SyncProductRow {
  return {
    accountId: 'demo',
    marketplaceId: BR,
    sku,
    status: 'live',
    label: 'Publicado',
    reason: null,
    asin: 'B000TEST',
    issues: [],
    sentAt: 1,
    updatedAt: 2,
    productId: 1,
    title: `Vaso ${sku}`,
    ...patch,
  };
}

const page = (total: number, items: SyncProductRow[] = []) => ({ ok: true as const, value: { total, items } });
const cause = { cause: { kind: 'issue' as const, code: '90220', attribute: 'color' }, label: 'Falta preencher: Cor' };
const overview = (patch: Partial<SyncOverview> = {}): SyncOverview => ({
  counts: { live: 2, error: 1 },
  groups: [],
  failedRun: null,
  last: 1000,
  next: 2000,
  ...patch,
});
const change = (patch: Record<string, unknown> = {}) => ({
  accountId: 'demo',
  counts: { live: 2, error: 1 },
  skus: ['VASO-1'],
  last: 1000,
  next: 2000,
  ...patch,
});

afterEach(() => {
  vi.useRealTimers();
  useSyncStore.setState(initialSyncState, true);
});

describe('sync state transitions', () => {
  it('fills every status in the counters, since main leaves out the statuses no SKU has', () => {
    expect(countsOf({ live: 2, error: 1 })).toEqual({ pending: 0, sending: 0, waiting: 0, live: 2, error: 1, paused: 0, skipped: 0, removed: 0 });
    expect(isSyncStatus('error')).toBe(true);
    expect(isSyncStatus('broken')).toBe(false);
  });

  it('starts the counts, causes and rows over for another header marketplace, keeping the status chips; a new account drops its activity', () => {
    const filtered = {
      ...causeChosen(statusToggled(scoped, 'error'), cause),
      statuses: ['error' as const],
      overview: ready(overview()),
      activity: ready({ total: 1, items: [] }),
    };

    const otherMarketplace = scopeChanged(filtered, { accountId: 'demo', marketplaceId: US });
    const otherAccount = scopeChanged(filtered, { accountId: 'other', marketplaceId: BR });

    expect(otherMarketplace).toMatchObject({
      scope: { marketplaceId: US },
      statuses: ['error'],
      cause: null,
      offset: 0,
      overview: { status: 'idle' },
      activity: { status: 'ready' },
    });
    expect(otherAccount).toMatchObject({ statuses: ['error'], overview: { status: 'idle' }, activity: { status: 'idle' } });
    expect(scopeChanged(filtered, { ...scope })).toBe(filtered);
  });

  it('narrows the list to one cause (clearing the status chips) and back, and a new search starts at the first page', () => {
    const chosen = causeChosen({ ...statusToggled(scoped, 'live'), offset: 40, tab: 'activity' }, cause);

    expect(chosen).toMatchObject({ tab: 'products', cause, statuses: [], offset: 0 });
    expect(causeChosen(chosen, null).cause).toBeNull();
    expect(searchChanged({ ...scoped, offset: 40 }, 'vaso')).toMatchObject({ search: 'vaso', offset: 0 });
  });

  it('reads the counters of the marketplace from the overview, every status filled', () => {
    const loaded = { ...scoped, overview: ready(overview({ counts: { waiting: 3, sending: 1, live: 2 } })) };

    expect(selectCounts(loaded)).toEqual(countsOf({ waiting: 3, sending: 1, live: 2 }));
    expect(selectInFlight(loaded)).toBe(4);
    expect(selectCounts(scoped)).toBeNull();
  });

  it('toggles status chips in the contract order, and "All" clears them', () => {
    const two = statusToggled(statusToggled(scoped, 'live'), 'error');

    expect(two.statuses).toEqual(['live', 'error']);
    expect(statusToggled(two, 'live').statuses).toEqual(['error']);
    expect(statusToggled(two, null).statuses).toEqual([]);
  });

  it('opens the status tab with only the linked status (the failure notification)', () => {
    const onActivity = { ...causeChosen(statusToggled(scoped, 'live'), cause), tab: 'activity' as const, offset: 50 };

    expect(statusLinked(onActivity, 'error')).toMatchObject({ tab: 'products', statuses: ['error'], cause: null, offset: 0 });
  });

  it('keeps the page offset inside the list and on a page boundary, closing opened rows', () => {
    const loaded = rowToggled({ ...scoped, page: ready({ total: 120, items: [] }) }, 'x');

    expect(pageMoved(loaded, 1000).offset).toBe(120 - PAGE_SIZE);
    expect(pageMoved(loaded, -5).offset).toBe(0);
    expect(pageMoved(loaded, 75)).toMatchObject({ offset: 75 - (75 % PAGE_SIZE), expanded: new Set() });
  });

  it('opens and closes a row by its SKU', () => {
    const key = rowKey(row('VASO-1'));
    const open = rowToggled(scoped, key);

    expect(open.expanded.has(key)).toBe(true);
    expect(rowToggled(open, key).expanded.has(key)).toBe(false);
  });

  it('clears the last summary when a send starts and keeps the failure when it fails', () => {
    const running: SyncState = runStarted({ ...scoped, summary: { sent: 1, accepted: 1, failed: 0, skipped: 0 } });
    const failed = runFailed(running, new ApiError({ code: 'SYNC_FAILED', message: 'x' }));

    expect(running).toMatchObject({ running: true, summary: null, runError: null });
    expect(failed.running).toBe(false);
    expect(failed.runError?.code).toBe('SYNC_FAILED');
  });

  it('follows only the progress of a sync task while a send runs', () => {
    const progress = { taskId: 't', phase: 'p', done: 1, total: 3, finished: false };

    expect(runProgressed(runStarted(scoped), { ...progress, kind: 'sync:run' }).progress).toEqual({ done: 1, total: 3 });
    expect(runProgressed(runStarted(scoped), { ...progress, kind: 'catalog:import' }).progress).toBeNull();
    expect(runProgressed(scoped, { ...progress, kind: 'sync:run' })).toBe(scoped);
  });
});

describe('sync actions', () => {
  it('asks main for the page of the chosen statuses in the header marketplace, then of one cause', async () => {
    const bridge = installFakeBridge({ syncProducts: page(1, [row('VASO-SEM-MARCA', { status: 'error' })]) });
    setScope(scope);

    await toggleStatus('error');
    await showCause(cause);

    expect(bridge.calls).toEqual([
      { name: 'syncProducts', input: { accountId: 'demo', marketplaceId: BR, statuses: ['error'], offset: 0, limit: PAGE_SIZE } },
      { name: 'syncProducts', input: { accountId: 'demo', marketplaceId: BR, cause: cause.cause, offset: 0, limit: PAGE_SIZE } },
    ]);
    expect(useSyncStore.getState().page).toMatchObject({ status: 'ready', value: { total: 1 } });
    bridge.remove();
  });

  it('keeps only the newest answer when filters change faster than main answers', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const slow = new Promise((resolve) => (answer = resolve));
    const bridge = installFakeBridge({});
    (globalThis as unknown as { vitrine: Record<string, unknown> }).vitrine.syncProducts = (input: { statuses?: string[] }) =>
      input.statuses?.includes('live') ? slow : Promise.resolve(page(1, [row('E', { status: 'error' })]));
    setScope(scope);

    const first = toggleStatus('live');
    await showStatus('error');
    answer(page(2, [row('L1'), row('L2')]));
    await first;

    expect(useSyncStore.getState().page).toMatchObject({ value: { total: 1, items: [{ sku: 'E' }] } });
    bridge.remove();
  });

  it('counts the header marketplace with one overview call', async () => {
    const bridge = installFakeBridge({ syncOverview: { ok: true, value: overview() } });
    setScope(scope);

    await loadOverview();

    expect(bridge.calls).toEqual([{ name: 'syncOverview', input: scope }]);
    expect(selectCounts(useSyncStore.getState())).toMatchObject({ live: 2, error: 1, waiting: 0 });
    bridge.remove();
  });

  it('sends now once, shows the summary and re-reads statuses, times and activity', async () => {
    const summary = { sent: 3, accepted: 2, failed: 1, skipped: 0 };
    const bridge = installFakeBridge({
      syncRunNow: { ok: true, value: summary },
      syncProducts: page(0),
      syncActivity: { ok: true, value: { total: 0, items: [] } },
      syncOverview: { ok: true, value: overview({ last: 10, next: 20 }) },
    });
    setScope(scope);

    const run = sendNow();
    const again = sendNow();
    expect(useSyncStore.getState().running).toBe(true);
    await Promise.all([run, again]);

    expect(bridge.calls.filter((c) => c.name === 'syncRunNow')).toHaveLength(1);
    expect(bridge.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['syncProducts', 'syncActivity', 'syncOverview']));
    expect(useSyncStore.getState()).toMatchObject({ running: false, summary, overview: { value: { last: 10, next: 20 } } });
    bridge.remove();
  });

  it('keeps the failure of a send for the screen', async () => {
    const bridge = installFakeBridge({
      syncRunNow: { ok: false, error: { code: 'SP_API_DOWN', message: 'A Amazon não respondeu' } },
      syncProducts: page(0),
      syncActivity: page(0),
      syncOverview: new Error('offline'),
    });
    setScope(scope);

    await sendNow();

    expect(useSyncStore.getState()).toMatchObject({ running: false, summary: null, runError: { code: 'SP_API_DOWN' } });
    bridge.remove();
  });

  it('re-reads the marketplace counters and the page once after a burst of pushes (the push counts the whole account)', async () => {
    vi.useFakeTimers();
    const bridge = installFakeBridge({ syncProducts: page(2, [row('VASO-1'), row('VASO-2')]), syncOverview: { ok: true, value: overview() } });
    setScope(scope);
    const stop = watchSync(400);

    bridge.emit('sync:status-changed', change({ counts: { waiting: 3 } }));
    bridge.emit('sync:status-changed', change({ counts: { live: 2, error: 1 } }));
    bridge.emit('sync:status-changed', change({ accountId: 'other' }));
    expect(bridge.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);

    expect(bridge.calls).toEqual([
      { name: 'syncOverview', input: scope },
      { name: 'syncProducts', input: { accountId: 'demo', marketplaceId: BR, offset: 0, limit: PAGE_SIZE } },
    ]);
    stop();
    bridge.emit('sync:status-changed', change());
    await vi.advanceTimersByTimeAsync(400);
    expect(bridge.calls).toHaveLength(2);
    bridge.remove();
  });

  it('re-reads the activity too when a push arrives on the Activity tab', async () => {
    vi.useFakeTimers();
    const bridge = installFakeBridge({
      syncProducts: page(0),
      syncOverview: { ok: true, value: overview() },
      syncActivity: { ok: true, value: { total: 0, items: [] } },
    });
    setScope(scope);
    changeTab('activity');
    await vi.advanceTimersByTimeAsync(0);
    const stop = watchSync(100);

    bridge.emit('sync:status-changed', change());
    await vi.advanceTimersByTimeAsync(100);

    expect(bridge.calls.map((c) => c.name)).toEqual(['syncActivity', 'syncOverview', 'syncProducts', 'syncActivity']);
    stop();
    bridge.remove();
  });

  it('loads a feed document for the dialog, ignoring an answer for a dialog already closed', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const bridge = installFakeBridge({});
    (globalThis as unknown as { vitrine: Record<string, unknown> }).vitrine.syncFeedDocument = ({ id }: { id: number }) =>
      id === 7 ? Promise.resolve({ ok: true, value: { id, content: '{"header":{}}' } }) : new Promise((resolve) => (answer = resolve));

    await openDocument(7, 'FEED-7');
    expect(useSyncStore.getState().document).toEqual({ id: 7, label: 'FEED-7', content: { status: 'ready', value: '{"header":{}}' } });

    const late = openDocument(8, 'FEED-8');
    closeDocument();
    answer({ ok: true, value: { id: 8, content: '{}' } });
    await late;
    expect(useSyncStore.getState().document).toBeNull();
    bridge.remove();
  });

  it('asks nothing without an account and marketplace', async () => {
    const bridge = installFakeBridge({ syncProducts: page(0), syncOverview: { ok: true, value: overview() } });

    await loadStatusPage();
    await loadOverview();

    expect(bridge.calls).toEqual([]);
    bridge.remove();
  });
});
