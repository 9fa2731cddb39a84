import type { WebPreferences } from 'electron';

const PRODUCTION_DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'https:'],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/**
 * sha256 of the one inline script the dev server adds: @vitejs/plugin-react's Fast Refresh
 * preamble with base '/'. A test recomputes it from the installed plugin, so an upgrade that
 * changes the preamble fails there instead of leaving a blank dev window.
 */
export const REACT_REFRESH_PREAMBLE_HASH = "'sha256-Z2/iFzh9VMlVkEOar1f/oSHWwQk3ve1qk/C2WdsC4Xk='";

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite dev server's URL, only for an unpackaged app started by `electron-vite dev`
 * (which sets ELECTRON_RENDERER_URL) on this machine. A packaged app never loads a URL from the
 * environment.
 */
export function devServerUrlFor(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The renderer's Content-Security-Policy. Sent as a response header for every page the session
 * loads and repeated as a <meta> in renderer/index.html (file:// pages get no headers).
 *
 * With a dev server (see devServerUrlFor) two things are added, nothing else: the React Refresh
 * preamble's hash to script-src, and the dev server's HMR websocket to connect-src. 'self' is
 * then the dev server's origin.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const extra: Readonly<Record<string, readonly string[]>> = dev
    ? { 'script-src': [REACT_REFRESH_PREAMBLE_HASH], 'connect-src': [`${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`] }
    : {};
  return PRODUCTION_DIRECTIVES.map(([name, ...sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' ')).join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Every window Vitrine opens uses exactly these preferences (asserted by a test). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

/** The slices of Electron's webContents and shell the guards need (fakes in tests). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}
export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Blocks every in-window navigation (the renderer routes by hash, so it never needs one) and
 * denies every window.open; https links open in the system browser instead.
 */
export function guardNavigation(contents: GuardedContents, shell: ExternalOpener, onBlocked?: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    onBlocked?.(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    else onBlocked?.(url);
    return { action: 'deny' };
  });
}

/** The slice of any web contents the app-wide guard needs (fakes in tests). */
export interface AnyContents extends GuardedContents {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

const hardened = new WeakSet<object>();

/**
 * Guards one web contents, whoever created it: no navigation, no new windows (https links go to
 * the browser), no <webview>. Idempotent, so the window's own guard and the app-wide one can meet.
 */
export function hardenWebContents(contents: AnyContents, shell: ExternalOpener, onBlocked?: (url: string) => void): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  guardNavigation(contents, shell, onBlocked);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('<webview>');
  });
}

/** `app.on('web-contents-created', …)`: every web contents the process ever creates is guarded. */
export function guardEveryWebContents(
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: AnyContents) => void): unknown },
  shell: ExternalOpener,
  onBlocked?: (url: string) => void,
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, onBlocked));
}

/** Adds the CSP header to every response of the window's session (dev server and app pages). */
export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
}

export function applySessionPolicy(session: HeaderSession, policy: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  // Vitrine needs no camera, microphone, geolocation or notifications permission from web content.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // …nor may any page find out whether it would get one.
  session.setPermissionCheckHandler(() => false);
}
