import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiName, channelNames, eventNames, type Locale } from '../../preload/contract';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { createServices, type Services } from '../../main/services';
import { E2E_DATA_ROOT } from './paths';
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

/**
 * Binds the real handler map into the page (Playwright's binding API standing in for IPC) and
 * forwards main's push events. Returns the function that stops forwarding.
 */
export async function wirePage(page: Page, services: Services): Promise<() => void> {
  const handlers = createHandlers(services);
  // Trusted: the harness page is Vitrine's own renderer; sender checks have their own unit tests.
  await page.exposeBinding('__vitrineInvoke', (_source, channel: string, input: unknown) =>
    dispatch(handlers, services.translator, channel, input, true),
  );
  const setup: BridgeSetup = { channels: channelNames.map((c) => [c, apiName(c)] as const), events: eventNames };
  await page.addInitScript(installBridge, setup);
  return services.tasks.subscribe((event, payload) => {
    if (page.isClosed()) return;
    page
      .evaluate(([e, p]) => (globalThis as unknown as { __vitrineEmit?: (e: string, p: unknown) => void }).__vitrineEmit?.(e, p), [event, payload] as const)
      .catch(() => undefined); // the page navigated or closed mid-push: nothing is listening
  });
}
