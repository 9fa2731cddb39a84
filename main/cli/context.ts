import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureLogging } from '../log/logger';
import { resolveDbPath } from '../db/connection';
import { createServices, type Services } from '../services';
import { KeyringSecretStore } from '../secrets/keyring-store';
import type { SecretStore } from '../secrets/secret-store';
import { Translator, matchLocale } from '../i18n';
import pkg from '../../package.json';
import type { CliSpec } from './args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  readonly argv: readonly string[];
  readonly io: CliIo;
  readonly env: NodeJS.ProcessEnv;
  readonly translator: Translator;
  /** The database named by --db / VITRINE_DB (the app's default otherwise, and always in the installed app). */
  readonly dbFile: string;
  /** Opens the database named by --db / VITRINE_DB (the app's default otherwise). */
  openServices(options?: { secrets?: SecretStore }): Services;
}

/** Runs `fn` on the database named by --db / VITRINE_DB, closing it afterwards whatever happens. */
export async function withServices<T>(ctx: CliContext, fn: (services: Services) => Promise<T>): Promise<T> {
  const services = ctx.openServices();
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** A headless command: what it accepts (the parser and the help both read it) and what it does. */
export interface CliCommand extends CliSpec {
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

export const version: string = pkg.version;

export function systemLocale(env: NodeJS.ProcessEnv): string {
  return env.VITRINE_LOCALE ?? env.LC_ALL ?? env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale;
}

/** The default data dir when the CLI runs outside Electron (mirrors Electron's userData naming). */
export function defaultUserDataDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return join(env.APPDATA ?? tmpdir(), 'Vitrine');
  if (process.platform === 'darwin') return join(env.HOME ?? tmpdir(), 'Library', 'Application Support', 'Vitrine');
  return join(env.XDG_CONFIG_HOME ?? join(env.HOME ?? tmpdir(), '.config'), 'Vitrine');
}

/** How the CLI was started: from a source checkout (tsx), or inside the installed app (`Vitrine --cli`). */
export interface CliOptions {
  /** The installed app: its own data folder only (--db and VITRINE_DB are ignored, as in the window). */
  readonly packaged?: boolean;
  /** Electron's userData folder, when the app runs the CLI. */
  readonly userDataDir?: string;
}

export function createCliContext(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv, options: CliOptions = {}): CliContext {
  const locale = systemLocale(env);
  const userData = options.userDataDir ?? defaultUserDataDir(env);
  const dbFile = resolveDbPath(argv, env, userData, { packaged: options.packaged ?? false });
  configureLogging({ dir: env.VITRINE_LOG_DIR ?? join(userData, 'logs'), console: false });
  return {
    argv,
    io,
    env,
    dbFile,
    translator: new Translator(matchLocale(locale)),
    openServices: (options = {}) =>
      createServices({
        dbFile,
        secrets: options.secrets ?? new KeyringSecretStore(),
        version,
        systemLocale: locale,
      }),
  };
}
