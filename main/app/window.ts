import type { BrowserWindowConstructorOptions } from 'electron';
import { guardNavigation, secureWebPreferences, type ExternalOpener, type GuardedContents } from './security';

/** The slice of BrowserWindow the app uses (a fake in tests). */
export interface WindowLike {
  readonly webContents: GuardedContents & { send(channel: string, payload: unknown): void };
  loadURL(url: string): Promise<void>;
  loadFile(path: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface WindowDeps {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => WindowLike;
  readonly preloadPath: string;
  /** Dev server URL in development, the built index.html otherwise. */
  readonly page: { readonly url: string } | { readonly file: string };
  readonly shell: ExternalOpener;
  readonly icon?: string;
  readonly onBlockedNavigation?: (url: string) => void;
}

export const WINDOW_OPTIONS = {
  width: 1280,
  height: 800,
  minWidth: 1024,
  minHeight: 700,
  show: false,
  backgroundColor: '#f3f4f6',
  autoHideMenuBar: true,
} as const;

/** Creates THE window: secure preferences, navigation guards, shown once painted. */
export function createMainWindow(deps: WindowDeps): WindowLike {
  const win = deps.createWindow({
    ...WINDOW_OPTIONS,
    title: 'Vitrine',
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  guardNavigation(win.webContents, deps.shell, deps.onBlockedNavigation);
  win.once('ready-to-show', () => win.show());
  void ('url' in deps.page ? win.loadURL(deps.page.url) : win.loadFile(deps.page.file));
  return win;
}

/** Brings the window to the front (second instance, tray click, notification click). */
export function revealWindow(win: WindowLike): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
