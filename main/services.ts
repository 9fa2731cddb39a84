import type { Db } from './db/connection';
import { openDatabase } from './db/connection';
import { getSetting, setSetting } from './db/tables/settings';
import { Translator, matchLocale } from './i18n';
import type { SecretStore } from './secrets/secret-store';
import { withRedaction } from './secrets/secret-store';
import { localeSchema, type Locale } from '../preload/contract';
import type { Notifier } from './app/notifications';
import { TaskEvents } from './tasks';
import { dirname } from 'node:path';
import { AccountClients, type EmbeddedSimulator } from './accounts/clients';
import { localizeDemoLabel } from './accounts/demo-label';
import type { Clock } from './amazon/clock';
import { unsupportedLoginItem, type LoginItem } from './app/background';
import { noFileDialogs, noFolderRevealer, type DialogContext, type FileDialogs, type FolderRevealer } from './app/dialogs';
import { FileGrants } from './files/grants';

export interface ServicesOptions {
  readonly dbFile: string;
  readonly secrets: SecretStore;
  readonly version: string;
  /** The OS locale (app.getLocale() in Electron, Intl in the CLI). */
  readonly systemLocale: string;
  readonly notifier?: Notifier;
  readonly platform?: string;
  /** Time for the Amazon clients and the embedded simulator (a VirtualClock in tests/benchmarks). */
  readonly clock?: Clock;
  /** The OS login item ("start Vitrine when I log in"); absent outside Electron. */
  readonly loginItem?: LoginItem & { readonly supported: boolean };
  /** Replaces the embedded offline simulator (tests start their own with chosen knobs). */
  readonly startSimulator?: (stateFile: string) => Promise<EmbeddedSimulator>;
  /** The system's Open/Save dialogs (Electron's in the app, a scripted double in tests); absent in the CLI. */
  readonly fileDialogs?: (context: DialogContext) => FileDialogs;
  /** "Show in folder" (Electron's shell in the app); absent outside Electron. */
  readonly folderRevealer?: FolderRevealer;
}

/**
 * Everything the features share, built once per process (Electron main, CLI, E2E harness).
 * Features receive this object; none of them reaches for a global.
 */
export interface Services {
  readonly db: Db;
  readonly secrets: SecretStore;
  readonly translator: Translator;
  readonly version: string;
  readonly platform: string;
  readonly systemLocale: string;
  readonly notifier: Notifier;
  readonly tasks: TaskEvents;
  /** Folder of the database; the embedded simulator keeps its state beside it. */
  readonly dataDir: string;
  /** The time the options gave (a scaled or virtual clock in tests and benchmarks); absent: the system's. */
  readonly clock?: Clock;
  /** One SP-API client per account, and the embedded offline simulator. */
  readonly amazon: AccountClients;
  readonly loginItem: LoginItem & { readonly supported: boolean };
  readonly fileDialogs: FileDialogs;
  readonly folderRevealer: FolderRevealer;
  /** The files the seller chose in a dialog this session, behind the tokens the renderer holds. */
  readonly fileGrants: FileGrants;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
  /** Features register shutdown steps (wait for a safe point, stop timers). */
  onClose(step: () => Promise<void> | void): void;
}

const silentNotifier: Notifier = { notify: () => undefined };

export function storedLocale(db: Db): Locale | undefined {
  const parsed = localeSchema.safeParse(getSetting(db, 'ui.locale'));
  return parsed.success ? parsed.data : undefined;
}

export function saveLocale(services: Services, locale: Locale | null): void {
  setSetting(services.db, 'ui.locale', locale ?? '');
  services.translator.setLocale(locale ?? matchLocale(services.systemLocale));
  // The demo account's name is Vitrine's own words: it follows the language too.
  localizeDemoLabel(services.db, services.translator);
}

export function createServices(options: ServicesOptions): Services {
  const db = openDatabase(options.dbFile);
  const translator = new Translator(storedLocale(db) ?? matchLocale(options.systemLocale));
  const closeSteps: (() => Promise<void> | void)[] = [];
  let closed = false;
  const dataDir = dirname(options.dbFile);
  const secrets = withRedaction(options.secrets);
  const amazon = new AccountClients({
    db,
    secrets,
    dataDir,
    appVersion: options.version,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.startSimulator ? { startSimulator: options.startSimulator } : {}),
  });
  return {
    db,
    secrets,
    dataDir,
    ...(options.clock ? { clock: options.clock } : {}),
    amazon,
    loginItem: options.loginItem ?? unsupportedLoginItem,
    fileDialogs: options.fileDialogs?.({ translator, db }) ?? noFileDialogs,
    folderRevealer: options.folderRevealer ?? noFolderRevealer,
    fileGrants: new FileGrants(),
    translator,
    version: options.version,
    platform: options.platform ?? process.platform,
    systemLocale: options.systemLocale,
    notifier: options.notifier ?? silentNotifier,
    tasks: new TaskEvents(),
    onClose: (step) => void closeSteps.push(step),
    async close() {
      if (closed) return;
      closed = true;
      for (const step of closeSteps.reverse()) await step();
      await amazon.close();
      db.close();
    },
  };
}
