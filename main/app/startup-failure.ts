import { AppError } from '../errors';
import { CoreStartError } from '../core/host';
import type { Translator } from '../i18n';

export interface StartupFailureDeps {
  /** Electron's `dialog.showErrorBox`: synchronous, works before any window exists. */
  showErrorBox(title: string, content: string): void;
  readonly translator: Pick<Translator, 't' | 'has'>;
  readonly logFile: string;
  log(message: string, err: unknown): void;
  /** `app.exit`: ends at once and releases the single-instance lock. */
  exit(code: number): void;
}

/** The seller-facing text for an error thrown while Vitrine starts: its own message when it has one. */
export function startupFailureText(err: unknown, translator: Pick<Translator, 't' | 'has'>, logFile: string): { title: string; content: string } {
  const key = err instanceof AppError ? `errors.${err.code}` : undefined;
  // The core process words its own start-up failures (CoreStartError) in the seller's language.
  const message =
    err instanceof CoreStartError
      ? err.sellerMessage
      : key && translator.has(key)
        ? translator.t(key, err instanceof AppError ? (err.params as Record<string, unknown>) : {})
        : translator.t('errors.INTERNAL');
  return { title: translator.t('startup.failedTitle'), content: `${message}\n\n${translator.t('startup.failedDetail', { log: logFile })}` };
}

/**
 * An error thrown while Vitrine starts (the database cannot be opened, the keychain is missing…)
 * would otherwise leave no window and no message while the single-instance lock stays held, so the
 * next launch silently focuses nothing. Say what happened and where, then exit.
 */
export function reportStartupFailure(err: unknown, deps: StartupFailureDeps): void {
  deps.log('start failed', err);
  const { title, content } = startupFailureText(err, deps.translator, deps.logFile);
  try {
    deps.showErrorBox(title, content);
  } finally {
    deps.exit(1);
  }
}
