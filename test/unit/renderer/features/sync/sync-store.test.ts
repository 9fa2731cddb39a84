import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatusRow } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import { ready } from '../../../../../renderer/app/load';
import {
  changeTab,
  closeDocument,
  countsOf,
  initialSyncState,
  isSyncStatus,
  loadCounts,
  loadStatusPage,
  openDocument,
  pageMoved,
  rowKey,
  rowToggled,
  runFailed,
  runProgressed,
  runStarted,
  scopeChanged,
  selectInFlight,
  sendNow,
  setScope,
  showStatus,
  statusChanged,
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

function row(sku: string, patch: Partial<SyncStatusRow> = {}): SyncStatusRow {
  return { accountId: 'demo', marketplaceId: BR, sku, status: 'live', label: 'Publicado', reason: null, asin: 'B000TEST', issues: [], sentAt: 1, updatedAt: 2, ...patch };
}

const page = (total: number, items: SyncStatusRow[] = []) => ({ ok: true as const, value: { total, items } });
const change = (patch: Record<string, unknown> = {}) => ({ accountId: 'demo', counts: { live: 2, error: 1 }, skus: ['VASO-1'], last: 1000, next: 2000, ...patch });

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

  it('moves the table to the header marketplace and keeps the status filter; a new account starts over', () => {
    const filtered = { ...statusToggled(scoped, 'error'), counts: ready(countsOf({ live: 1 })) };

    const otherMarketplace = scopeChanged(filtered, { accountId: 'demo', marketplaceId: US });
    const otherAccount = scopeChanged(filtered, { accountId: 'other', marketplaceId: BR });

    expect(scoped.marketplaceId).toBe(BR);
    expect(otherMarketplace).toMatchObject({ marketplaceId: US, statuses: ['error'], offset: 0, counts: filtered.counts });
    expect(otherAccount).toMatchObject({ marketplaceId: BR, statuses: ['error'], counts: { status: 'idle' } });
    expect(scopeChanged(filtered, { ...scope })).toBe(filtered);
  });

  it('toggles status chips in the contract order, and "All" clears them', () => {
    const two = statusToggled(statusToggled(scoped, 'live'), 'error');

    expect(two.statuses).toEqual(['live', 'error']);
    expect(statusToggled(two, 'live').statuses).toEqual(['error']);
    expect(statusToggled(two, null).statuses).toEqual([]);
  });

  it('opens the status tab with only the linked status (the failure notification)', () => {
    const onActivity = { ...statusToggled(scoped, 'live'), tab: 'activity' as const, offset: 50 };

    expect(statusLinked(onActivity, 'error')).toMatchObject({ tab: 'status', statuses: ['error'], offset: 0 });
  });

  it('keeps the page offset inside the list and on a page boundary, closing opened rows', () => {
    const loaded = rowToggled({ ...scoped, page: ready({ total: 120, items: [] }) }, 'x');

    expect(pageMoved(loaded, 1000).offset).toBe(100);
    expect(pageMoved(loaded, -5).offset).toBe(0);
    expect(pageMoved(loaded, 75)).toMatchObject({ offset: 50, expanded: new Set() });
  });

  it('opens and closes a row by its marketplace and SKU', () => {
    const key = rowKey(row('VASO-1'));
    const open = rowToggled(scoped, key);

    expect(open.expanded.has(key)).toBe(true);
    expect(rowToggled(open, key).expanded.has(key)).toBe(false);
    expect(rowKey(row('VASO-1', { marketplaceId: US }))).not.toBe(key);
  });

  it('takes counters and cycle times from a push for its own account only', () => {
    const next = statusChanged(scoped, change({ counts: { waiting: 3, sending: 1 } }));

    expect(next).toMatchObject({ last: 1000, next: 2000 });
    expect(selectInFlight(next)).toBe(4);
    expect(statusChanged(scoped, change({ accountId: 'other' }))).toBe(scoped);
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
  it('asks main for the page of the chosen statuses and marketplace', async () => {
    const bridge = installFakeBridge({ syncStatus: page(1, [row('VASO-SEM-MARCA', { status: 'error' })]) });
    setScope(scope);

    await toggleStatus('error');

    expect(bridge.calls).toEqual([{ name: 'syncStatus', input: { accountId: 'demo', marketplaceId: BR, statuses: ['error'], offset: 0, limit: 50 } }]);
    expect(useSyncStore.getState().page).toMatchObject({ status: 'ready', value: { total: 1 } });
    bridge.remove();
  });

  it('keeps only the newest answer when filters change faster than main answers', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const slow = new Promise((resolve) => (answer = resolve));
    const bridge = installFakeBridge({});
    (globalThis as unknown as { vitrine: Record<string, unknown> }).vitrine.syncStatus = (input: { statuses?: string[] }) =>
      input.statuses?.includes('live') ? slow : Promise.resolve(page(1, [row('E', { status: 'error' })]));
    setScope(scope);

    const first = toggleStatus('live');
    await showStatus('error');
    answer(page(2, [row('L1'), row('L2')]));
    await first;

    expect(useSyncStore.getState().page).toMatchObject({ value: { total: 1, items: [{ sku: 'E' }] } });
    bridge.remove();
  });

  it('counts every status with one-row pages', async () => {
    const bridge = installFakeBridge({ syncStatus: (input) => page((input as { statuses: string[] }).statuses[0] === 'live' ? 2 : 0) });
    setScope(scope);

    await loadCounts();

    expect(bridge.calls).toHaveLength(8);
    expect(bridge.calls[0]?.input).toEqual({ accountId: 'demo', statuses: ['pending'], offset: 0, limit: 1 });
    expect(useSyncStore.getState().counts).toMatchObject({ status: 'ready', value: { live: 2, error: 0 } });
    bridge.remove();
  });

  it('sends now once, shows the summary and re-reads statuses, times and activity', async () => {
    const summary = { sent: 3, accepted: 2, failed: 1, skipped: 0 };
    const bridge = installFakeBridge({
      syncRunNow: { ok: true, value: summary },
      syncStatus: page(0),
      syncActivity: { ok: true, value: { total: 0, items: [] } },
      dashboardSummary: { ok: true, value: { lastSendAt: 10, nextSendAt: 20 } },
    });
    setScope(scope);

    const run = sendNow();
    const again = sendNow();
    expect(useSyncStore.getState().running).toBe(true);
    await Promise.all([run, again]);

    expect(bridge.calls.filter((c) => c.name === 'syncRunNow')).toHaveLength(1);
    expect(bridge.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['syncStatus', 'syncActivity', 'dashboardSummary']));
    expect(useSyncStore.getState()).toMatchObject({ running: false, summary, last: 10, next: 20 });
    bridge.remove();
  });

  it('keeps the failure of a send for the screen', async () => {
    const bridge = installFakeBridge({ syncRunNow: { ok: false, error: { code: 'SP_API_DOWN', message: 'A Amazon não respondeu' } }, syncStatus: page(0), syncActivity: page(0), dashboardSummary: new Error('offline') });
    setScope(scope);

    await sendNow();

    expect(useSyncStore.getState()).toMatchObject({ running: false, summary: null, runError: { code: 'SP_API_DOWN' } });
    bridge.remove();
  });

  it('updates counters at once on a push and re-reads the page once after a burst', async () => {
    vi.useFakeTimers();
    const bridge = installFakeBridge({ syncStatus: page(2, [row('VASO-1'), row('VASO-2')]) });
    setScope(scope);
    const stop = watchSync(400);

    bridge.emit('sync:status-changed', change({ counts: { waiting: 3 } }));
    bridge.emit('sync:status-changed', change({ counts: { live: 2, error: 1 } }));
    bridge.emit('sync:status-changed', change({ accountId: 'other' }));
    expect(useSyncStore.getState().counts).toMatchObject({ value: { live: 2, error: 1, waiting: 0 } });
    expect(bridge.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);

    expect(bridge.calls).toEqual([{ name: 'syncStatus', input: { accountId: 'demo', marketplaceId: BR, offset: 0, limit: 50 } }]);
    stop();
    bridge.emit('sync:status-changed', change());
    await vi.advanceTimersByTimeAsync(400);
    expect(bridge.calls).toHaveLength(1);
    bridge.remove();
  });

  it('re-reads the activity too when a push arrives on the Activity tab', async () => {
    vi.useFakeTimers();
    const bridge = installFakeBridge({ syncStatus: page(0), syncActivity: { ok: true, value: { total: 0, items: [] } } });
    setScope(scope);
    changeTab('activity');
    await vi.advanceTimersByTimeAsync(0);
    const stop = watchSync(100);

    bridge.emit('sync:status-changed', change());
    await vi.advanceTimersByTimeAsync(100);

    expect(bridge.calls.map((c) => c.name)).toEqual(['syncActivity', 'syncStatus', 'syncActivity']);
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
    const bridge = installFakeBridge({ syncStatus: page(0) });

    await loadStatusPage();
    await loadCounts();

    expect(bridge.calls).toEqual([]);
    bridge.remove();
  });
});
