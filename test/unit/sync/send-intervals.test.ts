import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { SyncService } from '../../../main/sync/service';
import { SyncScheduler, type ScheduleState } from '../../../main/sync/scheduler';

const MIN = 60_000;

describe('the scheduler picks up new intervals without a restart', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 8, 0) }));
  afterEach(() => vi.useRealTimers());

  it('moves each lane to its last start plus the new interval, and runs an overdue lane once', async () => {
    const start = Date.now();
    const runs: { lane: string; at: number }[] = [];
    let saved: ScheduleState | undefined;
    const scheduler = new SyncScheduler({
      now: () => Date.now(),
      fullIntervalMs: 120 * MIN,
      fastIntervalMs: 15 * MIN,
      load: () => saved,
      save: (s) => (saved = s),
      run: async (lane) => void runs.push({ lane, at: Date.now() - start }),
      random: () => 0,
      maxWaitMs: 60_000,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(20 * MIN);
    expect(runs.map((r) => r.lane)).toEqual(['full', 'fast']);

    // 20 min in: the last fast run started at 15 min, the full one at 0.
    scheduler.setIntervals({ fullMs: 30 * MIN, fastMs: 5 * MIN });
    expect(saved).toMatchObject({ nextFull: start + (runs[0]?.at ?? 0) + 30 * MIN, nextFast: start + (runs[1]?.at ?? 0) + 5 * MIN });
    await vi.advanceTimersByTimeAsync(12 * MIN);
    await scheduler.stop();

    const after = runs.slice(2);
    // The fast lane was overdue (15 + 5 < 20): it ran once at once, then every 5 minutes; the full cycle came at 30 min.
    expect(after[0]).toMatchObject({ lane: 'fast' });
    expect(after[0]!.at).toBeLessThan(21 * MIN);
    expect(after.find((r) => r.lane === 'full')?.at).toBeGreaterThanOrEqual(30 * MIN);
    expect(after.find((r) => r.lane === 'full')?.at).toBeLessThan(31 * MIN);
    expect(scheduler.currentIntervals).toEqual({ fullMs: 30 * MIN, fastMs: 5 * MIN });
  });
});

describe('sync:set-schedule', () => {
  let services: Services | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function open(): Services {
    services = createServices({ dbFile: join(dir ?? '', 'v.db'), secrets: new MemorySecretStore(), version: '0', systemLocale: 'pt-BR' });
    return services;
  }

  it('refuses intervals out of bounds with a message naming the field, and keeps a valid change across restarts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-schedule-'));
    const s = open();
    const handlers = createHandlers(s);
    const call = (input: unknown) => dispatch(handlers, s.translator, 'sync:set-schedule', input, true);

    expect(await dispatch(handlers, s.translator, 'sync:get-schedule', undefined, true)).toMatchObject({
      ok: true,
      value: { fullMinutes: 120, fastMinutes: 15 },
    });
    expect(await call({ fullMinutes: 10, fastMinutes: 5 })).toMatchObject({
      ok: false,
      error: {
        code: 'FULL_INTERVAL_OUT_OF_RANGE',
        message: 'Envio completo: escolha um intervalo entre 30 minutos e 24 horas.',
        details: { field: 'fullMinutes' },
      },
    });
    expect(await call({ fullMinutes: 120, fastMinutes: 180 })).toMatchObject({
      ok: false,
      error: { code: 'FAST_INTERVAL_OUT_OF_RANGE', details: { field: 'fastMinutes' } },
    });
    expect(await call({ fullMinutes: 30, fastMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'FAST_INTERVAL_LONGER_THAN_FULL' } });

    const before = (await dispatch(handlers, s.translator, 'sync:get-schedule', undefined, true)) as { ok: true; value: { nextFull: number } };
    const changed = await call({ fullMinutes: 60, fastMinutes: 5 });
    // Not started yet, the full cycle was due now: it stays due now (never in the past), the fast lane comes sooner.
    expect(changed).toMatchObject({ ok: true, value: { fullMinutes: 60, fastMinutes: 5 } });
    const moved = (changed as { value: { nextFull: number; nextFast: number } }).value;
    expect(moved.nextFull).toBeGreaterThanOrEqual(before.value.nextFull);
    expect(moved.nextFull).toBeLessThanOrEqual(Date.now());
    expect(moved.nextFast).toBeLessThanOrEqual(Date.now() + 5 * MIN);

    await s.close();
    const reopened = open();
    expect(new SyncService(reopened).scheduler.currentIntervals).toEqual({ fullMs: 60 * MIN, fastMs: 5 * MIN });
  });
});
