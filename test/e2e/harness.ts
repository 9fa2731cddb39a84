import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiName, channelNames, eventNames, type Locale } from '../../preload/contract';
import { CoreHost } from '../../main/core/host';
import { nodeCoreLauncher } from '../../main/core/node-launcher';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { createServices, type Services } from '../../main/services';
import { CORE_BUILD_FILE, E2E_DATA_ROOT, E2E_LOGS } from './paths';
import { RecordingRevealer, ScriptedFileDialogs } from '../doubles/file-dialogs';

/** The system dialogs and "show in folder" as a test drives them: it decides which path the seller picks. */
export interface DesktopDoubles {
  readonly dialogs: ScriptedFileDialogs;
  readonly revealer: RecordingRevealer;
}

export function createDesktopDoubles(): DesktopDoubles {
  return { dialogs: new ScriptedFileDialogs(), revealer: new RecordingRevealer() };
}

/** Real services on a throwaway database, as the Electron main process would build them. */
export interface MainSide {
  readonly services: Services;
  readonly dbFile: string;
  dispose(): Promise<void>;
}

/**
 * Every E2E test's data (SQLite files with WAL, the embedded simulator's state, exports) stays in
 * E2E_DATA_ROOT until the run ends, so the secrets sweep (secrets-sweep.check.ts) can search all of it.
 */
export function createMainSide(systemLocale: Locale | string, desktop: DesktopDoubles = createDesktopDoubles()): MainSide {
  mkdirSync(E2E_DATA_ROOT, { recursive: true });
  const dir = mkdtempSync(join(E2E_DATA_ROOT, 'run-'));
  const dbFile = join(dir, 'vitrine.db');
  const services = createServices({
    dbFile,
    secrets: new MemorySecretStore(),
    version: '0.0.0-e2e',
    systemLocale,
    fileDialogs: () => desktop.dialogs,
    folderRevealer: desktop.revealer,
  });
  return {
    services,
    dbFile,
    async dispose() {
      await services.close();
    },
  };
}

interface BridgeSetup {
  readonly channels: readonly (readonly [string, string])[];
  readonly events: readonly string[];
}

/**
 * Runs in the page before any of its scripts, where the sandboxed preload would: builds
 * `window.vitrine` with one function per channel and `on(event, cb)`, exactly the preload's shape.
 * Calls go through the `__vitrineInvoke` binding to the real handlers; pushes arrive through
 * `__vitrineEmit`, called by the harness.
 */
function installBridge({ channels, events }: BridgeSetup): void {
  type Listener = (payload: unknown) => void;
  const scope = globalThis as unknown as {
    __vitrineInvoke(channel: string, input: unknown): Promise<unknown>;
    __vitrineEmit?: (event: string, payload: unknown) => void;
    vitrine?: unknown;
  };
  const listeners = new Map<string, Set<Listener>>();
  const api: Record<string, unknown> = {};
  for (const [channel, name] of channels) api[name] = (input?: unknown) => scope.__vitrineInvoke(channel, input);
  api.on = (event: string, listener: Listener) => {
    if (!events.includes(event)) throw new Error(`Unknown event ${event}`);
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  };
  Object.defineProperty(scope, 'vitrine', { value: Object.freeze(api), enumerable: true });
  Object.defineProperty(scope, '__vitrineEmit', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  });
}

/** Forwards push events (the core's, and any the test emits on its own services) into the page. */
function pushToPage(page: Page): (event: string, payload: unknown) => void {
  return (event, payload) => {
    if (page.isClosed()) return;
    page
      .evaluate(([e, p]) => (globalThis as unknown as { __vitrineEmit?: (e: string, p: unknown) => void }).__vitrineEmit?.(e, p), [event, payload] as const)
      .catch(() => undefined); // the page navigated or closed mid-push: nothing is listening
  };
}

/**
 * The core in a process of its own, as in the app: the bundle global-setup built, forked with
 * Node's IPC (the protocol the app's utilityProcess speaks). It shares the test's database file
 * (the test seeds through `services`), its keychain (the host side of the core's secret calls) and
 * its simulator (started here, in the test process, so the test can drive it), and asks the
 * test's desktop doubles for dialogs. No background schedule runs: the page drives everything.
 */
export async function startCore(
  main: MainSide,
  systemLocale: string,
  desktop: DesktopDoubles,
  onEvent: (event: string, payload: unknown) => void,
): Promise<CoreHost> {
  const simulator = await main.services.amazon.embeddedSimulator();
  const { secrets } = main.services;
  const host = new CoreHost(
    nodeCoreLauncher({ entry: CORE_BUILD_FILE, execArgv: [], env: { VITRINE_CORE_LOG_DIR: E2E_LOGS } }),
    {
      dbFile: main.dbFile,
      version: '0.0.0-e2e',
      systemLocale,
      platform: process.platform,
      logsDir: E2E_LOGS,
      documentsDir: E2E_DATA_ROOT,
      loginItem: { supported: false, openAtLogin: false },
      simulator: { url: simulator.url, lwaUrl: simulator.lwaUrl, demo: simulator.demo },
      backgroundWork: false,
    },
    {
      'secrets.get': (key) => secrets.get(key),
      'secrets.set': (key, value) => secrets.set(key, value),
      'secrets.delete': (key) => secrets.delete(key),
      notify: (request) => main.services.notifier.notify(request),
      'dialog.open': (options) => desktop.dialogs.showOpenDialog(options),
      'dialog.save': (options) => desktop.dialogs.showSaveDialog(options),
      revealInFolder: (path) => desktop.revealer.showItemInFolder(path),
      'loginItem.set': () => undefined,
      tray: () => undefined,
    },
    { onEvent, messages: { restarted: () => 'core restarted', unavailable: () => 'core unavailable' } },
  );
  await host.start();
  return host;
}

/**
 * Wires the page to the core across the process boundary (Playwright's binding API standing in
 * for Electron's IPC) and forwards push events, the core's and those a test emits on its own
 * services. Returns the function that stops forwarding.
 */
export async function wirePage(page: Page, main: MainSide, systemLocale: string, desktop: DesktopDoubles): Promise<{ core: CoreHost; stop(): Promise<void> }> {
  const push = pushToPage(page);
  const core = await startCore(main, systemLocale, desktop, push);
  // Trusted: the harness page is Vitrine's own renderer; sender checks have their own unit tests.
  await page.exposeBinding('__vitrineInvoke', (_source, channel: string, input: unknown) => core.invoke(channel, input));
  const setup: BridgeSetup = { channels: channelNames.map((c) => [c, apiName(c)] as const), events: eventNames };
  await page.addInitScript(installBridge, setup);
  const unsubscribe = main.services.tasks.subscribe(push);
  return {
    core,
    async stop() {
      unsubscribe();
      await core.close();
    },
  };
}
