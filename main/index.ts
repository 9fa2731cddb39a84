import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, shell, Tray, session } from 'electron';
import { join } from 'node:path';
import { configureLogging, createLogger, logFilePath } from './log/logger';
import { Translator, matchLocale } from './i18n';
import { reportStartupFailure, startupFailureText } from './app/startup-failure';
import { resolveDbPath } from './db/connection';
import { createServices, type Services } from './services';
import { KeyringSecretStore } from './secrets/keyring-store';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { createMainWindow, revealWindow, type WindowLike } from './app/window';
import { applySessionPolicy, contentSecurityPolicy, devServerUrlFor, guardEveryWebContents } from './app/security';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app/app-protocol';
import { createTrayService } from './app/tray';
import { createNotifier } from './app/notifications';
import { createFileDialogs } from './app/dialogs';
import { setupLifecycle } from './app/lifecycle';
import { runSmoke } from './app/smoke';
import { cliArguments } from './app/cli-mode';
import { runCli } from './cli/run';
import { resolveNativeBinding, setNativeBinding } from './db/native-binding';
import { setupAccounts } from './accounts/setup';
import { setupOrders } from './orders/setup';
import { setupLinking } from './linking/runner';
import { setupRules } from './rules/setup';
import { setupCatalogMatching } from './catalog-match/service';
import { setupSync, syncServiceFor } from './sync/service';
import { closeToTray } from './app/background';
import { getSetting, setSetting } from './db/tables/settings';

/**
 * Electron entry: wires the features together and nothing else. Every piece below takes its
 * Electron objects as parameters, so all of it is tested under plain Node.
 */
configureLogging({ dir: app.getPath('logs') });
const logger = createLogger('app');
const devServerUrl = devServerUrlFor(app.isPackaged, process.env);
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const resources = app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../resources');
const smoke = process.argv.includes('--smoke');
const cli = cliArguments(process.argv);
const appRoot = join(import.meta.dirname, '../..');

/** better-sqlite3 built for this Electron (main/db/native-binding.ts); throws a clear error when missing. */
function useElectronSqlite(): void {
  setNativeBinding(
    resolveNativeBinding({ electronVersion: process.versions.electron, packaged: app.isPackaged, appRoot, platform: process.platform, arch: process.arch }),
  );
}

// Before ready: the renderer's own scheme, and a guard on every web contents the process creates.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
guardEveryWebContents(app, shell, (url) => logger.warn(`blocked navigation to ${url}`));

let services: Services | undefined;
let win: WindowLike | undefined;

// `Vitrine --cli …`: the headless commands, no window, no tray, no single-instance lock.
if (cli) {
  app.dock?.hide();
  const io = { out: (text: string) => void process.stdout.write(`${text}\n`), err: (text: string) => void process.stderr.write(`${text}\n`) };
  Promise.resolve()
    .then(() => {
      useElectronSqlite();
      return runCli(cli, io, process.env, { packaged: app.isPackaged, userDataDir: app.getPath('userData') });
    })
    .then(
      (code) => app.exit(code),
      (err: unknown) => {
        logger.error('cli failed', err);
        io.err(startupFailureText(err, new Translator(matchLocale(app.getLocale())), logFilePath()).content);
        app.exit(1);
      },
    );
}

const lifecycle = cli ? undefined : setupLifecycle(app, {
  onSecondInstance: () => (win ? revealWindow(win) : undefined),
  shutdown: async () => {
    await services?.close();
  },
  onShutdownError: (err) => logger.error('shutdown failed', err),
});

function showRoute(route: string): void {
  if (!win) return;
  revealWindow(win);
  win.webContents.send('app:navigate', { route });
}

async function start(): Promise<void> {
  useElectronSqlite();
  const dbFile = resolveDbPath(process.argv, process.env, app.getPath('userData'), { packaged: app.isPackaged });
  const notifier = createNotifier(
    { isSupported: () => Notification.isSupported(), create: (o) => new Notification(o) },
    showRoute,
    join(resources, 'icon.png'),
  );
  services = createServices({
    dbFile,
    secrets: new KeyringSecretStore(),
    version: app.getVersion(),
    systemLocale: app.getLocale(),
    notifier,
    loginItem: {
      supported: process.platform === 'win32' || process.platform === 'darwin',
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    },
    fileDialogs: (context) => createFileDialogs({ dialog, focusedWindow: () => BrowserWindow.getFocusedWindow(), documentsDir: app.getPath('documents') }, context),
    folderRevealer: shell,
  });
  const handlers = createHandlers(services);
  const policy = contentSecurityPolicy(devServerUrl);
  if (!devServerUrl) protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, policy));
  const trusted = devServerUrl ? [devServerUrl] : [APP_ORIGIN];
  registerIpc(ipcMain, handlers, services.translator, trusted);
  setupAccounts(services);
  setupOrders(services);
  setupLinking(services);
  setupRules(services);
  setupCatalogMatching(services);
  applySessionPolicy(session.defaultSession, policy);

  win = createMainWindow({
    // The critical flags are repeated literally (defence in depth, and visible to security scanners).
    createWindow: (options) =>
      new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false } }),
    preloadPath,
    page: { url: devServerUrl ?? APP_ENTRY_URL },
    shell,
    icon: join(resources, 'icon.png'),
    onBlockedNavigation: (url) => logger.warn(`blocked navigation to ${url}`),
  });
  const db = services.db;
  win.on(
    'close',
    closeToTray({
      hide: () => win?.hide(),
      isQuitting: () => smoke || lifecycle?.quitting === true,
      notifier,
      translator: services.translator,
      noticeShown: () => getSetting(db, 'background.noticeShown') === '1',
      markNoticeShown: () => setSetting(db, 'background.noticeShown', '1'),
    }),
  );
  services.tasks.subscribe((event, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(event, payload);
  });

  const sync = syncServiceFor(services);
  const tray = createTrayService({
    createTray: (icon) => new Tray(icon as Electron.NativeImage),
    buildMenu: (items) => Menu.buildFromTemplate(items.map(({ id, label, type, enabled, click }) => ({ id, label, type, enabled, click }))),
    icons: {
      normal: nativeImage.createFromPath(join(resources, 'tray.png')),
      warning: nativeImage.createFromPath(join(resources, 'tray-warning.png')),
    },
    translator: services.translator,
    onOpen: () => win && revealWindow(win),
    onSendNow: () => void sync.runNow(),
    onQuit: () => lifecycle?.quit(),
  });
  services.onClose(() => tray.destroy());
  setupSync(services, tray);
  // After sleep, overdue work runs once (the scheduler collapses missed slots into one catch-up).
  powerMonitor.on('resume', () => sync.scheduler.wake());

  if (smoke) {
    const code = await runSmoke(win, services);
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
        translator: services?.translator ?? new Translator(matchLocale(app.getLocale())),
        logFile: logFilePath(),
        log: (message, e) => logger.error(message, e),
        exit: (code) => app.exit(code),
      }),
    );
}
