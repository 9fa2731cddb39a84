import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, shell, Tray, session, utilityProcess } from 'electron';
import { join } from 'node:path';
import { configureLogging, createLogger, logFilePath } from './log/logger';
import { Translator, matchLocale } from './i18n';
import { localeSchema } from '../preload/contract';
import { reportStartupFailure, startupFailureText } from './app/startup-failure';
import { resolveDbPath } from './db/connection';
import { KeyringSecretStore } from './secrets/keyring-store';
import { withRedaction } from './secrets/secret-store';
import { registerForwarding } from './ipc/register';
import { createMainWindow, revealWindow, type WindowLike } from './app/window';
import { applySessionPolicy, contentSecurityPolicy, devServerUrlFor, guardEveryWebContents } from './app/security';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app/app-protocol';
import { createTrayService, type TrayService } from './app/tray';
import { createNotifier, type Notifier } from './app/notifications';
import { setupLifecycle } from './app/lifecycle';
import { runSmoke } from './app/smoke';
import { cliArguments } from './app/cli-mode';
import { utilityCoreLauncher } from './app/core-process';
import { closeToTray } from './app/background';
import { readUiLocale, writeUiLocale } from './app/ui-locale';
import { resolveNativeBinding, setNativeBinding } from './db/native-binding';
import { CoreHost, type HostCallHandlers } from './core/host';
import type { CoreConfig } from './core/protocol';

/**
 * Electron entry: the window, tray, notifications, dialogs, login item and the OS keychain — what
 * needs Electron — and nothing else. Everything else (SQLite, the send engine and its schedule,
 * orders, imports, the SP-API client, the demo simulator) runs in the core process
 * (main/core/), so this thread, Electron's UI thread, never waits on it. Every piece below takes
 * its Electron objects as parameters, so all of it is tested under plain Node.
 */
configureLogging({ dir: app.getPath('logs') });
const logger = createLogger('app');
const devServerUrl = devServerUrlFor(app.isPackaged, process.env);
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const coreEntry = join(import.meta.dirname, 'core.js');
const resources = app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../resources');
const smoke = process.argv.includes('--smoke');
const cli = cliArguments(process.argv);
const appRoot = join(import.meta.dirname, '../..');

// Before ready: the renderer's own scheme, and a guard on every web contents the process creates.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
guardEveryWebContents(app, shell, (url) => logger.warn(`blocked navigation to ${url}`));

/** better-sqlite3 built for this Electron (main/db/native-binding.ts); throws a clear error when missing. */
function electronSqlite(): string | undefined {
  return resolveNativeBinding({
    electronVersion: process.versions.electron,
    packaged: app.isPackaged,
    appRoot,
    platform: process.platform,
    arch: process.arch,
  });
}

// `Vitrine --cli …`: the headless commands, no window, no tray, no single-instance lock. With no UI
// to keep responsive, the CLI runs the core's modules in this process.
if (cli) {
  app.dock?.hide();
  const io = { out: (text: string) => void process.stdout.write(`${text}\n`), err: (text: string) => void process.stderr.write(`${text}\n`) };
  Promise.resolve()
    .then(async () => {
      setNativeBinding(electronSqlite());
      // Loaded only here: the window's process never loads the core's modules.
      const { runCli } = await import('./cli/run');
      return runCli(cli, io, process.env, { packaged: app.isPackaged, userDataDir: app.getPath('userData') });
    })
    .then(
      (code) => app.exit(code),
      (err: unknown) => {
        logger.error('cli failed', err);
        io.err(startupFailureText(err, new Translator(matchLocale(app.getSystemLocale())), logFilePath()).content);
        app.exit(1);
      },
    );
}

// The seller's language, before ready: Chromium formats native date and number inputs in it.
const chosenLocale = cli ? undefined : readUiLocale(app.getPath('userData'));
if (chosenLocale) app.commandLine.appendSwitch('lang', chosenLocale);

/** Main's own strings (tray, the close-to-tray notice, start-up errors) follow the seller's language. */
const translator = new Translator(chosenLocale ?? matchLocale(app.getSystemLocale()));
let core: CoreHost | undefined;
let win: WindowLike | undefined;
let tray: TrayService | undefined;

const lifecycle = cli
  ? undefined
  : setupLifecycle(app, {
      onSecondInstance: () => (win ? revealWindow(win) : undefined),
      shutdown: async () => {
        await core?.close();
        tray?.destroy();
      },
      onShutdownError: (err) => logger.error('shutdown failed', err),
    });

function showRoute(route: string): void {
  if (!win) return;
  revealWindow(win);
  win.webContents.send('app:navigate', { route });
}

function toWindow(event: string, payload: unknown): void {
  if (win && !win.isDestroyed()) win.webContents.send(event, payload);
}

/** The language the seller chose (the core answers it in app:info and app:set-locale). */
function followLocale(result: { ok: boolean; value?: unknown }): void {
  const info = result.ok ? (result.value as { locale?: unknown; localeFollowsSystem?: unknown } | undefined) : undefined;
  const locale = localeSchema.safeParse(info?.locale);
  if (!locale.success) return;
  writeUiLocale(app.getPath('userData'), info?.localeFollowsSystem === true ? null : locale.data);
  if (locale.data !== translator.locale) {
    translator.setLocale(locale.data);
    tray?.refresh();
  }
}

function createTray(): TrayService {
  return createTrayService({
    createTray: (icon) => new Tray(icon as Electron.NativeImage),
    buildMenu: (items) => Menu.buildFromTemplate(items.map(({ id, label, type, enabled, click }) => ({ id, label, type, enabled, click }))),
    icons: {
      normal: nativeImage.createFromPath(join(resources, 'tray.png')),
      warning: nativeImage.createFromPath(join(resources, 'tray-warning.png')),
    },
    translator,
    onOpen: () => win && revealWindow(win),
    onSendNow: () => void core?.op('sendNow').catch((err: unknown) => logger.warn('send now failed', err)),
    onQuit: () => lifecycle?.quit(),
  });
}

/** The dialog over the focused window, when there is one. */
function withFocusedWindow<T>(show: (parent: BrowserWindow | null) => T): T {
  return show(BrowserWindow.getFocusedWindow());
}

/** What the core asks of this process: the OS keychain, notifications, dialogs, the tray, the login item. */
function hostCalls(notifier: Notifier): HostCallHandlers {
  const secrets = withRedaction(new KeyringSecretStore());
  return {
    'secrets.get': (key) => secrets.get(key),
    'secrets.set': (key, value) => secrets.set(key, value),
    'secrets.delete': (key) => secrets.delete(key),
    notify: (request) => notifier.notify(request),
    'dialog.open': (options) => withFocusedWindow((parent) => (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options))),
    'dialog.save': (options) => withFocusedWindow((parent) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options))),
    revealInFolder: (path) => shell.showItemInFolder(path),
    'loginItem.set': (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    tray: (update) => {
      if (update.sendAvailable !== undefined) tray?.setSendAvailable(update.sendAvailable);
      if (update.warning !== undefined) tray?.setWarning(update.warning);
      if (update.runs) tray?.setRuns(update.runs);
    },
  };
}

function coreConfig(): CoreConfig {
  const nativeBinding = electronSqlite();
  const loginItemSupported = process.platform === 'win32' || process.platform === 'darwin';
  return {
    dbFile: resolveDbPath(process.argv, process.env, app.getPath('userData'), { packaged: app.isPackaged }),
    version: app.getVersion(),
    // The OS's language (Chromium's own follows --lang, the seller's choice).
    systemLocale: app.getSystemLocale(),
    platform: process.platform,
    logsDir: app.getPath('logs'),
    documentsDir: app.getPath('documents'),
    loginItem: { supported: loginItemSupported, openAtLogin: loginItemSupported && app.getLoginItemSettings().openAtLogin },
    ...(nativeBinding ? { nativeBinding } : {}),
  };
}

/** The renderer's page (app://) and its calls, forwarded from trusted frames to the core. */
function serveRenderer(host: CoreHost): void {
  const policy = contentSecurityPolicy(devServerUrl);
  if (!devServerUrl) protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, policy));
  registerForwarding(
    ipcMain,
    async (channel, input) => {
      const result = await host.invoke(channel, input);
      if (channel === 'app:set-locale' || channel === 'app:info') followLocale(result);
      return result;
    },
    () => translator,
    devServerUrl ? [devServerUrl] : [APP_ORIGIN],
  );
  applySessionPolicy(session.defaultSession, policy);
}

async function openWindow(host: CoreHost, notifier: Notifier): Promise<WindowLike> {
  const window = createMainWindow({
    // The critical flags are repeated literally (defence in depth, and visible to security scanners).
    createWindow: (options) =>
      new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false } }),
    preloadPath,
    page: { url: devServerUrl ?? APP_ENTRY_URL },
    shell,
    icon: join(resources, 'icon.png'),
    onBlockedNavigation: (url) => logger.warn(`blocked navigation to ${url}`),
  });
  let noticeShown = await host.op('backgroundNoticeShown').catch(() => false);
  window.on(
    'close',
    closeToTray({
      hide: () => window.hide(),
      isQuitting: () => smoke || lifecycle?.quitting === true,
      notifier,
      translator,
      noticeShown: () => noticeShown,
      markNoticeShown: () => {
        noticeShown = true;
        void host.op('markBackgroundNoticeShown').catch((err: unknown) => logger.warn('could not record the notice', err));
      },
    }),
  );
  return window;
}

async function start(): Promise<void> {
  const notifier = createNotifier(
    { isSupported: () => Notification.isSupported(), create: (o) => new Notification(o) },
    showRoute,
    join(resources, 'icon.png'),
  );
  tray = createTray();
  const host = new CoreHost(utilityCoreLauncher(utilityProcess, coreEntry, { VITRINE_CORE_LOG_DIR: app.getPath('logs') }), coreConfig(), hostCalls(notifier), {
    onEvent: toWindow,
    onState: (state) => toWindow('app:core-state', { state }),
    messages: { restarted: () => translator.t('errors.CORE_RESTARTED'), unavailable: () => translator.t('errors.CORE_UNAVAILABLE') },
  });
  core = host;
  await host.start();
  followLocale(await host.invoke('app:info', undefined));
  serveRenderer(host);
  win = await openWindow(host, notifier);
  // After sleep, overdue work runs once (the scheduler collapses missed slots into one catch-up).
  powerMonitor.on('resume', () => void host.op('wake').catch(() => undefined));
  if (smoke) {
    const code = await runSmoke(win, async () => (await host.op('smoke')).db);
    await host.close();
    app.exit(code);
  }
}

if (lifecycle) {
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) =>
      reportStartupFailure(err, {
        showErrorBox: (title, content) => dialog.showErrorBox(title, content),
        translator,
        logFile: logFilePath(),
        log: (message, e) => logger.error(message, e),
        exit: (code) => app.exit(code),
      }),
    );
}
