import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { describe, expect, it, vi } from 'vitest';
import {
  applySessionPolicy,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  devServerUrlFor,
  guardEveryWebContents,
  guardNavigation,
  hardenWebContents,
  type AnyContents,
  isSafeExternalUrl,
  REACT_REFRESH_PREAMBLE_HASH,
  secureWebPreferences,
  type GuardedContents,
  type HeaderSession,
} from '../../../main/app/security';
import { createMainWindow, type WindowLike } from '../../../main/app/window';

function fakeContents() {
  const listeners: ((e: { preventDefault(): void }, url: string) => void)[] = [];
  let openHandler: ((d: { url: string }) => { action: 'deny' | 'allow' }) | undefined;
  const contents: GuardedContents & { send(): void } = {
    on: (_event, l) => listeners.push(l),
    setWindowOpenHandler: (h) => void (openHandler = h),
    send: () => undefined,
  };
  return {
    contents,
    navigate(url: string) {
      const e = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      listeners.forEach((l) => l(e, url));
      return e.prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
}

describe('window hardening', () => {
  it('every window gets isolated, sandboxed preferences with no Node', () => {
    let options: { webPreferences?: Record<string, unknown> } | undefined;
    const fake = fakeContents();
    const win = {
      webContents: fake.contents,
      loadURL: async () => undefined,
      loadFile: async () => undefined,
      once: () => undefined,
      on: () => undefined,
    } as unknown as WindowLike;
    createMainWindow({
      createWindow: (o) => ((options = o as { webPreferences?: Record<string, unknown> }), win),
      preloadPath: '/p/index.cjs',
      page: { file: '/r/index.html' },
      shell: { openExternal: async () => undefined },
    });
    expect(options!.webPreferences).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options!.webPreferences).toEqual(secureWebPreferences('/p/index.cjs'));
    // The guards were installed on that window.
    expect(fake.navigate('https://evil.example/')).toBe(true);
  });

  it('blocks every navigation and denies window.open, sending https links to the browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    const blocked: string[] = [];
    guardNavigation(fake.contents, { openExternal: async (u) => void opened.push(u) }, (u) => blocked.push(u));
    expect(fake.navigate('file:///etc/passwd')).toBe(true);
    expect(fake.open('https://sellercentral.amazon.com.br/apps/manage')).toEqual({ action: 'deny' });
    expect(fake.open('http://insecure.example/')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://sellercentral.amazon.com.br/apps/manage']);
    expect(blocked).toEqual(['file:///etc/passwd', 'http://insecure.example/', 'javascript:alert(1)']);
  });

  it('only https URLs are safe to open externally', () => {
    expect(isSafeExternalUrl('https://a.b/')).toBe(true);
    for (const u of ['http://a.b/', 'file:///x', 'vitrine://x', 'nonsense']) expect(isSafeExternalUrl(u)).toBe(false);
  });

  it('the CSP forbids remote and inline scripts, objects, framing and base/form hijacks', () => {
    const directives = directivesOf(CONTENT_SECURITY_POLICY);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('the production CSP is exactly the strict policy', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy());
  });

  it('the dev CSP adds only the React Refresh preamble hash and the dev server websocket', () => {
    const dev = directivesOf(contentSecurityPolicy('http://localhost:5173'));
    const prod = directivesOf(CONTENT_SECURITY_POLICY);
    expect(dev['script-src']).toEqual(["'self'", REACT_REFRESH_PREAMBLE_HASH]);
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect({ ...dev, 'script-src': prod['script-src'], 'connect-src': prod['connect-src'] }).toEqual(prod);
    expect(contentSecurityPolicy('https://127.0.0.1:5443/')).toContain("connect-src 'self' wss://127.0.0.1:5443");
    expect(contentSecurityPolicy('http://localhost:5173')).not.toMatch(/unsafe-eval/);
    expect(dev['script-src']).not.toContain("'unsafe-inline'");
  });

  it("the preamble hash matches the installed @vitejs/plugin-react's inline script", () => {
    const preamble = react.preambleCode.replace('__BASE__', '/');
    expect(REACT_REFRESH_PREAMBLE_HASH).toBe(`'sha256-${createHash('sha256').update(preamble).digest('base64')}'`);
  });

  it('a dev server URL counts only unpackaged, from ELECTRON_RENDERER_URL, on this machine', () => {
    expect(devServerUrlFor(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(devServerUrlFor(false, { ELECTRON_RENDERER_URL: 'http://[::1]:5173' })).toBe('http://[::1]:5173');
    expect(devServerUrlFor(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined();
    expect(devServerUrlFor(false, {})).toBeUndefined();
    for (const url of ['https://evil.example', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://localhost.evil.example:5173'])
      expect(devServerUrlFor(false, { ELECTRON_RENDERER_URL: url })).toBeUndefined();
  });

  it('sends the CSP header on every response and refuses permission requests', () => {
    let headerListener: Parameters<HeaderSession['webRequest']['onHeadersReceived']>[0] | undefined;
    let permission: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, p: string) => boolean) | null = null;
    applySessionPolicy({
      webRequest: { onHeadersReceived: (l) => void (headerListener = l) },
      setPermissionRequestHandler: (h) => void (permission = h),
      setPermissionCheckHandler: (h) => void (check = h),
    });
    const callback = vi.fn();
    headerListener!({ responseHeaders: { 'X-A': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    let devListener: typeof headerListener;
    applySessionPolicy(
      {
        webRequest: { onHeadersReceived: (l) => void (devListener = l) },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
      contentSecurityPolicy('http://localhost:5173'),
    );
    devListener!({}, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy('http://localhost:5173')] } });
    const granted = vi.fn();
    permission!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(check!(null, 'notifications')).toBe(false);
  });

  it('guards every web contents the app creates: no navigation, no window.open, no <webview>, once each', () => {
    let created: ((e: unknown, c: AnyContents) => void) | undefined;
    guardEveryWebContents({ on: (_event, l) => void (created = l) }, { openExternal: async () => undefined });
    const navigations: ((e: { preventDefault(): void }, url: string) => void)[] = [];
    const webviews: ((e: { preventDefault(): void }) => void)[] = [];
    let openHandler: ((d: { url: string }) => { action: 'deny' | 'allow' }) | undefined;
    const contents = {
      on: (event: string, l: never) => void (event === 'will-navigate' ? navigations.push(l) : webviews.push(l)),
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
    } as unknown as AnyContents;
    created!(undefined, contents);
    created!(undefined, contents);
    hardenWebContents(contents, { openExternal: async () => undefined });
    expect(navigations).toHaveLength(1);
    expect(webviews).toHaveLength(1);
    const e = {
      prevented: 0,
      preventDefault() {
        this.prevented += 1;
      },
    };
    navigations[0]!(e, 'https://evil.example/');
    webviews[0]!(e);
    expect(e.prevented).toBe(2);
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('the renderer page carries the same CSP as a meta tag (file:// pages get no headers)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const directive of ["script-src 'self'", "object-src 'none'", "default-src 'self'"]) expect(meta).toContain(directive);
    expect(meta).not.toMatch(/unsafe-eval/);
  });
});
