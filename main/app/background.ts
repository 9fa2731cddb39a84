import type { Translator } from '../i18n';
import type { Notifier } from './notifications';

/** The OS "start at login" switch (Electron's app.get/setLoginItemSettings in the app). */
export interface LoginItem {
  get(): boolean;
  set(openAtLogin: boolean): void;
}

/** A LoginItem that does nothing: the CLI, tests and platforms without login items. */
export const unsupportedLoginItem: LoginItem & { readonly supported: false } = {
  supported: false,
  get: () => false,
  set: () => undefined,
};

export interface CloseToTrayDeps {
  readonly hide: () => void;
  readonly isQuitting: () => boolean;
  readonly notifier: Notifier;
  readonly translator: Translator;
  /** Persisted flag so the notice shows once per install. */
  readonly noticeShown: () => boolean;
  readonly markNoticeShown: () => void;
}

/**
 * The window's close button hides Vitrine to the tray so scheduled sends keep running; the first
 * time, a notification says so (and how to really quit). Returns the `close` event handler.
 */
export function closeToTray(deps: CloseToTrayDeps): (event: { preventDefault(): void }) => void {
  return (event) => {
    if (deps.isQuitting()) return;
    event.preventDefault();
    deps.hide();
    if (!deps.noticeShown()) {
      deps.notifier.notify({ title: deps.translator.t('background.noticeTitle'), body: deps.translator.t('background.noticeBody') });
      deps.markNoticeShown();
    }
  };
}
