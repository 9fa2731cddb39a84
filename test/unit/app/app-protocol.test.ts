import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppProtocolHandler, resolveAppFile } from '../../../main/app/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/security';

const root = mkdtempSync(join(tmpdir(), 'vitrine-app-protocol-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vitrine</title>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.json'), '{"token":"x"}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('maps app://vitrine/ paths into the renderer folder only', () => {
    expect(resolveAppFile(APP_ENTRY_URL, rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile('app://vitrine/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile('app://vitrine/assets/index-abc.js?v=1#x', rendererDir)).toBe(join(rendererDir, 'assets', 'index-abc.js'));
    // Whatever a URL tries, it never names a file outside the renderer folder.
    for (const url of [
      'app://vitrine/../secret.json',
      'app://vitrine/%2e%2e/secret.json',
      'app://vitrine/assets/..%2f..%2fsecret.json',
      'app://vitrine/..\\..\\secret.json',
    ]) {
      const file = resolveAppFile(url, rendererDir);
      expect([url, file === null || file.startsWith(join(rendererDir, '/'))]).toEqual([url, true]);
    }
    for (const url of [
      'app://vitrine/%00index.html',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://vitrine/assets/run.exe',
      'app://vitrine/%E0%A4%A',
      'not a url',
    ]) {
      expect([url, resolveAppFile(url, rendererDir)]).toEqual([url, null]);
    }
  });

  it('serves files with their type and the strict CSP, and 404s anything else', async () => {
    const handle = createAppProtocolHandler(rendererDir, CONTENT_SECURITY_POLICY);
    const page = await handle({ url: APP_ENTRY_URL });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Vitrine</title>');
    const script = await handle({ url: 'app://vitrine/assets/index-abc.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle({ url: 'app://vitrine/assets/missing.js' })).status).toBe(404);
    expect((await handle({ url: 'app://vitrine/%2e%2e/secret.json' })).status).toBe(404);
  });
});
