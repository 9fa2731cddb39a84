import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { setupAccounts } from '../accounts/setup';
import { createFileDialogs, type DialogModule } from '../app/dialogs';
import { setupCatalogMatching } from '../catalog-match/setup';
import { setSetting, getSetting } from '../db/tables/settings';
import { setNativeBinding } from '../db/native-binding';
import { AppError } from '../errors';
import { Translator, matchLocale } from '../i18n';
import { createHandlers } from '../ipc/handlers';
import { dispatch } from '../ipc/register';
import { createLogger } from '../log/logger';
import { setupLinking } from '../linking/setup';
import { setupOrders } from '../orders/setup';
import { setupBrazil } from '../brazil/setup';
import { setupRules } from '../rules/setup';
import type { SecretStore } from '../secrets/secret-store';
import { createServices, type Services, type ServicesOptions } from '../services';
import { syncServiceFor, type SyncService, type SyncTray } from '../sync/service';
import { setupSync } from '../sync/setup';
import type { CoreConfig, CoreMessage, CoreOps, Endpoint, HostCallName, HostCalls, HostMessage } from './protocol';

const logger = createLogger('core');
const BACKGROUND_NOTICE_KEY = 'background.noticeShown';

/** The core's requests to its host, each answered by a `reply` with the same id. */
class HostLink {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();

  constructor(private readonly endpoint: Endpoint<HostMessage, CoreMessage>) {}

  call<N extends HostCallName>(name: N, ...args: Parameters<HostCalls[N]>): Promise<ReturnType<HostCalls[N]>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.endpoint.post({ kind: 'call', id, name, args });
    });
  }

  /** Fire and forget (notifications, the tray): a failure is the host's to log. */
  send<N extends HostCallName>(name: N, ...args: Parameters<HostCalls[N]>): void {
    this.call(name, ...args).catch((err: unknown) => logger.warn(`host call ${name} failed`, err));
  }

  settle(message: Extract<HostMessage, { kind: 'reply' }>): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error));
  }
}

/** The OS keychain lives with the host (the signed app binary); the core asks for each value. */
function remoteSecrets(link: HostLink): SecretStore {
  return {
    get: (key) => link.call('secrets.get', key),
    set: (key, value) => link.call('secrets.set', key, value),
    delete: (key) => link.call('secrets.delete', key),
  };
}

/** Electron's dialog module, shown by the host over its focused window. */
function remoteDialogs(link: HostLink): DialogModule {
  const open = (options: OpenDialogOptions): Promise<OpenDialogReturnValue> => link.call('dialog.open', options);
  const save = (options: SaveDialogOptions): Promise<SaveDialogReturnValue> => link.call('dialog.save', options);
  return {
    showOpenDialog: (...args: unknown[]) => open(args.at(-1) as OpenDialogOptions),
    showSaveDialog: (...args: unknown[]) => save(args.at(-1) as SaveDialogOptions),
  } as DialogModule;
}

function remoteTray(link: HostLink): SyncTray {
  return {
    setRuns: (runs) => link.send('tray', { runs }),
    setWarning: (warning) => link.send('tray', { warning }),
    setSendAvailable: (sendAvailable) => link.send('tray', { sendAvailable }),
  };
}

/** A simulator another process runs (and closes): the core only talks to it. */
function externalSimulator(sim: NonNullable<CoreConfig['simulator']>): NonNullable<ServicesOptions['startSimulator']> {
  return () => Promise.resolve({ url: sim.url, lwaUrl: sim.lwaUrl, demo: sim.demo, close: () => Promise.resolve() });
}

/** Everything the core runs in the background, started once its services exist. */
export function setupFeatures(services: Services, tray?: SyncTray): SyncService {
  setupAccounts(services);
  setupOrders(services);
  setupBrazil(services);
  setupLinking(services);
  setupRules(services);
  setupCatalogMatching(services);
  return setupSync(services, tray);
}

export interface RunningCore {
  readonly services: Services;
  close(): Promise<void>;
}

/** What tests may change about the services the core builds (a virtual clock, their own simulator). */
export type ServicesOverrides = Partial<Pick<ServicesOptions, 'clock' | 'startSimulator'>>;

/** What the host may ask of the core besides channel calls (tray, schedule, smoke test, first-close notice). */
function coreOps(services: Services, sync: SyncService): CoreOps {
  return {
    sendNow: () => void sync.runNow(),
    runLane: (lane) => sync.runAll(lane, 'manual'),
    wake: () => sync.scheduler.wake(),
    smoke: () => ({ db: (services.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1 }),
    backgroundNoticeShown: () => getSetting(services.db, BACKGROUND_NOTICE_KEY) === '1',
    markBackgroundNoticeShown: () => setSetting(services.db, BACKGROUND_NOTICE_KEY, '1'),
  };
}

/** The services' options in the core: the host's keychain, dialogs, notifications and login item as proxies. */
function servicesOptions(config: CoreConfig, link: HostLink, overrides: ServicesOverrides): ServicesOptions {
  let openAtLogin = config.loginItem.openAtLogin;
  return {
    dbFile: config.dbFile,
    secrets: remoteSecrets(link),
    version: config.version,
    systemLocale: config.systemLocale,
    platform: config.platform,
    notifier: { notify: (request) => link.send('notify', request) },
    loginItem: {
      supported: config.loginItem.supported,
      get: () => openAtLogin,
      set: (value) => {
        openAtLogin = value;
        link.send('loginItem.set', value);
      },
    },
    fileDialogs: (context) => createFileDialogs({ dialog: remoteDialogs(link), focusedWindow: () => null, documentsDir: config.documentsDir }, context),
    folderRevealer: { showItemInFolder: (path) => link.send('revealInFolder', path) },
    ...(config.simulator ? { startSimulator: externalSimulator(config.simulator) } : {}),
    ...overrides,
  };
}

/** Why the core could not start, in the system's language (a database that cannot open names its file). */
function startFailure(config: CoreConfig, err: unknown): { code: string; message: string } {
  const translator = new Translator(matchLocale(config.systemLocale));
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  const key = `errors.${code}`;
  const message = translator.has(key)
    ? translator.t(key, err instanceof AppError ? (err.params as Record<string, unknown>) : {})
    : translator.t('errors.INTERNAL');
  return { code, message };
}

/**
 * Serves one host over `endpoint`: waits for `init`, builds the services with the host's
 * capabilities as proxies, starts the background features, then answers calls until `shutdown`.
 * `exit` ends the process (tests pass a no-op).
 */
export function serveCore(endpoint: Endpoint<HostMessage, CoreMessage>, exit: (code: number) => void, overrides: ServicesOverrides = {}): void {
  const link = new HostLink(endpoint);
  let core: { services: Services; sync: SyncService; handlers: ReturnType<typeof createHandlers> } | undefined;
  let closing: Promise<void> | undefined;

  function start(config: CoreConfig): void {
    setNativeBinding(config.nativeBinding);
    let services: Services;
    try {
      services = createServices(servicesOptions(config, link, overrides));
    } catch (err) {
      logger.error('core start failed', err);
      endpoint.post({ kind: 'fatal', ...startFailure(config, err) });
      exit(1);
      return;
    }
    services.tasks.subscribe((event, payload) => endpoint.post({ kind: 'event', event, payload }));
    const sync = config.backgroundWork === false ? syncServiceFor(services) : setupFeatures(services, remoteTray(link));
    core = { services, sync, handlers: createHandlers(services) };
    endpoint.post({ kind: 'ready' });
  }

  async function runOp(message: Extract<HostMessage, { kind: 'op' }>): Promise<void> {
    if (!core) return endpoint.post({ kind: 'op-result', id: message.id, ok: false, error: 'core not started' });
    try {
      const fn = coreOps(core.services, core.sync)[message.op] as (...args: unknown[]) => unknown;
      endpoint.post({ kind: 'op-result', id: message.id, ok: true, value: await fn(...message.args) });
    } catch (err) {
      logger.error(`op ${message.op} failed`, err);
      endpoint.post({ kind: 'op-result', id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  async function shutdown(): Promise<void> {
    closing ??= (async () => {
      try {
        await core?.services.close();
      } catch (err) {
        logger.error('core shutdown failed', err);
      }
      endpoint.post({ kind: 'closed' });
      exit(0);
    })();
    return closing;
  }

  endpoint.onMessage((message) => {
    switch (message.kind) {
      case 'init':
        if (!core) start(message.config);
        return;
      case 'invoke': {
        const current = core;
        if (!current) {
          endpoint.post({ kind: 'result', id: message.id, result: { ok: false, error: { code: 'CORE_NOT_READY', message: 'core not started' } } });
          return;
        }
        // The host checked the sender (trusted renderer frame); the channel's schema checks the input here.
        void dispatch(current.handlers, current.services.translator, message.channel, message.input, true).then((result) =>
          endpoint.post({ kind: 'result', id: message.id, result }),
        );
        return;
      }
      case 'op':
        void runOp(message);
        return;
      case 'reply':
        link.settle(message);
        return;
      case 'shutdown':
        void shutdown();
        return;
    }
  });
}
