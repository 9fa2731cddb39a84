import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHost, CoreStartError, type CoreState, type HostCallHandlers } from '../../../main/core/host';
import { nodeCoreLauncher } from '../../../main/core/node-launcher';
import type { CoreConfig } from '../../../main/core/protocol';
import { MemorySecretStore } from '../../../main/secrets/memory-store';

/**
 * The core really runs in another process here (a forked Node child, as under tests, benchmarks
 * and E2E; a utilityProcess in the app), and the host talks to it across that boundary.
 */
let dir: string;
let host: CoreHost | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-core-'));
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function config(dbFile = join(dir, 'vitrine.db')): CoreConfig {
  return {
    dbFile,
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    platform: 'linux',
    logsDir: join(dir, 'logs'),
    documentsDir: dir,
    loginItem: { supported: false, openAtLogin: false },
  };
}

function hostCalls(secrets = new MemorySecretStore()): { calls: HostCallHandlers; notified: unknown[]; tray: unknown[] } {
  const notified: unknown[] = [];
  const tray: unknown[] = [];
  return {
    notified,
    tray,
    calls: {
      'secrets.get': (key) => secrets.get(key),
      'secrets.set': (key, value) => secrets.set(key, value),
      'secrets.delete': (key) => secrets.delete(key),
      notify: (request) => void notified.push(request),
      'dialog.open': () => ({ canceled: true, filePaths: [] }),
      'dialog.save': () => ({ canceled: true, filePath: '' }),
      revealInFolder: () => undefined,
      'loginItem.set': () => undefined,
      tray: (update) => void tray.push(update),
    },
  };
}

function startHost(cfg: CoreConfig, states: CoreState[] = [], events: [string, unknown][] = []) {
  host = new CoreHost(nodeCoreLauncher({ env: { VITRINE_CORE_LOG_DIR: join(dir, 'logs') } }), cfg, hostCalls().calls, {
    onEvent: (event, payload) => void events.push([event, payload]),
    onState: (state) => void states.push(state),
    messages: { restarted: () => 'O Vitrine se recuperou de uma falha; tente de novo.', unavailable: () => 'O Vitrine não consegue trabalhar agora.' },
    restartDelaysMs: [50, 50],
  });
  return host;
}

describe('the core in a process of its own', () => {
  it('answers the renderer contract across the process boundary, validating input there', async () => {
    const h = startHost(config());
    await h.start();
    const info = await h.invoke('app:info', undefined);
    expect(info).toMatchObject({ ok: true, value: { version: '0.0.0-test' } });
    const bad = await h.invoke('accounts:removal-impact', { accountId: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.op('smoke')).toEqual({ db: true });
  }, 60_000);

  it('restarts after being killed: the call in flight gets a clear error, the next one works, nothing is lost', async () => {
    const states: CoreState[] = [];
    const h = startHost(config(), states);
    await h.start();
    expect(await h.op('backgroundNoticeShown')).toBe(false);
    await h.op('markBackgroundNoticeShown');
    const pid = (h as unknown as { proc: { pid: number } }).proc.pid;
    process.kill(pid, 'SIGKILL');
    const during = await h.invoke('app:info', undefined);
    // Either the call raced the kill (cut short) or it waited for the restarted core.
    if (!during.ok) expect(during.error).toMatchObject({ code: 'CORE_RESTARTED', message: expect.stringContaining('recuperou') });
    const after = await h.invoke('app:info', undefined);
    expect(after).toMatchObject({ ok: true });
    expect(states).toEqual(['running', 'restarting', 'running']);
    // What was committed before the crash is still there.
    expect(await h.op('backgroundNoticeShown')).toBe(true);
  }, 60_000);

  it('a database that cannot be opened fails the start with the seller’s message, and is not restarted', async () => {
    const folder = join(dir, 'pasta.db');
    mkdirSync(folder);
    const states: CoreState[] = [];
    const h = startHost(config(folder), states);
    const failure = await h.start().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(CoreStartError);
    expect(failure).toMatchObject({ code: 'DB_IS_DIRECTORY', sellerMessage: expect.stringContaining('é uma pasta') });
    expect(states).toEqual(['failed']);
    expect(await h.invoke('app:info', undefined)).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE' } });
  }, 60_000);
});
