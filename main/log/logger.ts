import { join } from 'node:path';
import { homedir } from 'node:os';
import log from 'electron-log/node';
import { redactor } from './redact';

export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

const MAX_LOG_BYTES = 5 * 1024 * 1024;
let configured = false;
let configuredDir: string | undefined;

/**
 * Configure electron-log once per process. The hook runs before every transport, so nothing
 * unredacted reaches the console or the file. Files rotate at 5 MiB (electron-log keeps one
 * `.old.log`). The Electron host passes app.getPath('logs'); the CLI and tests pass their own dir.
 */
export function configureLogging(options: { dir: string; level?: 'error' | 'warn' | 'info' | 'debug'; console?: boolean }): void {
  redactor.setHomePath(homedir());
  configuredDir = options.dir;
  log.transports.file.resolvePathFn = () => join(options.dir, 'vitrine.log');
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.file.level = options.level ?? 'info';
  log.transports.console.level = options.console === false ? false : (options.level ?? 'warn');
  if (!configured) {
    log.hooks.push((message) => {
      message.data = message.data.map((d) => redactor.redact(d));
      return message;
    });
    configured = true;
  }
}

/** The folder configureLogging was given in this process, if any (a worker thread logs there too). */
export function loggingDir(): string | undefined {
  return configuredDir;
}

/** Path of the current log file (for tests and the "open logs" action). */
export function logFilePath(): string {
  return log.transports.file.getFile().path;
}

/** A scoped logger per module: `const logger = createLogger('amazon/http')`. */
export function createLogger(scope: string): Logger {
  return log.scope(scope);
}
