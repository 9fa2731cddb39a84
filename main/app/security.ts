import type { WebPreferences } from 'electron';

/**
 * The renderer's Content-Security-Policy. Sent as a response header for every page the session
 * loads and repeated as a <meta> in renderer/index.html (file:// pages get no headers).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

/** Adds the CSP header to every response of the window's session (dev server and app pages). */
export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
}

export function applySessionPolicy(session: HeaderSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Vitrine needs no camera, microphone, geolocation or notifications permission from web content.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}
