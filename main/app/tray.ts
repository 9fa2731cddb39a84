import type { Translator } from '../i18n';

/** Menu item template as Electron's Menu.buildFromTemplate takes it. */
export interface TrayMenuItem {
  readonly id: string;
  readonly label?: string;
  readonly type?: 'normal' | 'separator';
  readonly enabled?: boolean;
  readonly click?: () => void;
}

/** The slice of Electron's Tray we use (a fake in tests). */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  setImage(image: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayDeps {
  readonly createTray: (icon: unknown) => TrayLike;
  readonly buildMenu: (items: TrayMenuItem[]) => unknown;
  readonly icons: { readonly normal: unknown; readonly warning: unknown };
  readonly translator: Translator;
  readonly onOpen: () => void;
  readonly onSendNow: () => void;
  readonly onQuit: () => void;
  /** Formats a run time for the tooltip in the user's locale. */
  readonly formatTime?: (ms: number) => string;
}

export interface TrayService {
  /** "Send now" stays disabled until a sync engine is available. */
  setSendAvailable(available: boolean): void;
  setRuns(runs: { readonly last?: number; readonly next?: number }): void;
  setWarning(warning: boolean): void;
  /** Rebuild labels after the language changes. */
  refresh(): void;
  destroy(): void;
  readonly state: { readonly sendAvailable: boolean; readonly warning: boolean; readonly tooltip: string };
}

export function createTrayService(deps: TrayDeps): TrayService {
  const fmt = deps.formatTime ?? ((ms: number) => new Intl.DateTimeFormat(deps.translator.intlLocale, { timeStyle: 'short', dateStyle: 'short' }).format(ms));
  const tray = deps.createTray(deps.icons.normal);
  let sendAvailable = false;
  let warning = false;
  let runs: { last?: number; next?: number } = {};
  let tooltip = '';

  const render = () => {
    const tt = deps.translator.t;
    tooltip =
      runs.last !== undefined || runs.next !== undefined
        ? tt('tray.tooltipWithRuns', { last: runs.last !== undefined ? fmt(runs.last) : '—', next: runs.next !== undefined ? fmt(runs.next) : '—' })
        : tt('tray.tooltip');
    tray.setToolTip(tooltip);
    tray.setImage(warning ? deps.icons.warning : deps.icons.normal);
    tray.setContextMenu(
      deps.buildMenu([
        { id: 'open', label: tt('tray.open'), click: deps.onOpen },
        { id: 'send-now', label: tt('tray.sendNow'), enabled: sendAvailable, click: deps.onSendNow },
        { id: 'sep', type: 'separator' },
        { id: 'quit', label: tt('tray.quit'), click: deps.onQuit },
      ]),
    );
  };
  tray.on('click', deps.onOpen);
  render();

  return {
    setSendAvailable(available) {
      sendAvailable = available;
      render();
    },
    setRuns(next) {
      runs = { ...next };
      render();
    },
    setWarning(w) {
      warning = w;
      render();
    },
    refresh: render,
    destroy: () => tray.destroy(),
    get state() {
      return { sendAvailable, warning, tooltip };
    },
  };
}
