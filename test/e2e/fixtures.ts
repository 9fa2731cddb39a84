import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Locale } from '../../preload/contract';
import type { Services } from '../../main/services';
import { configureLogging } from '../../main/log/logger';
import { createDesktopDoubles, createMainSide, wirePage, type DesktopDoubles, type MainSide } from './harness';
import { E2E_LOGS } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

interface TestFixtures {
  /** The OS locale main sees (`app.getLocale()` in Electron). Override with `test.use({ systemLocale: 'en' })`. */
  readonly systemLocale: Locale | string;
  /** The system Open/Save dialogs and "show in folder": `desktop.dialogs.willOpen(path)` picks the file the next dialog answers. */
  readonly desktop: DesktopDoubles;
  /**
   * Main's services on the test's fresh database, in the test process: seed data here (the page
   * talks to the core in its own process, on the same database, keychain and simulator).
   */
  readonly services: Services;
  readonly mainSide: MainSide;
  /** Opens the app at a route (`'products'`, `'settings/accounts'`) and waits for the shell. */
  readonly openApp: (route?: string) => Promise<void>;
  /** Saves a full-page screenshot under <outputDir>/artifacts/ (test-results/artifacts/) and attaches it to the report. */
  readonly keepScreenshot: (name: string) => Promise<string>;
}

interface WorkerFixtures {
  readonly rendererServer: StaticServer;
}

/** Errors the page must never log. Chromium warns that meta CSP cannot set frame-ancestors: expected. */
const ignoredConsoleErrors = [/frame-ancestors/];

/**
 * `import { test, expect } from './fixtures'` gives every test `{ page, services, openApp }`: the
 * page already carries `window.vitrine` wired to real handlers, and a test fails if the page
 * throws or logs an error.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const logs = E2E_LOGS;
      mkdirSync(logs, { recursive: true });
      configureLogging({ dir: logs, console: false });
      const server = await startStaticServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  systemLocale: ['pt-BR', { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  desktop: async ({}, use) => {
    await use(createDesktopDoubles());
  },
  mainSide: async ({ systemLocale, desktop }, use) => {
    const main = createMainSide(systemLocale, desktop);
    await use(main);
    await main.dispose();
  },
  services: async ({ mainSide }, use) => {
    await use(mainSide.services);
  },
  page: async ({ page, mainSide, systemLocale, desktop }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('response', (res) => void (res.status() >= 400 && problems.push(`HTTP ${res.status()} ${res.url()}`)));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !ignoredConsoleErrors.some((re) => re.test(msg.text()))) problems.push(`console: ${msg.text()}`);
    });
    const wired = await wirePage(page, mainSide, systemLocale, desktop);
    await use(page);
    await wired.stop();
    expect(problems, 'the page logged errors').toEqual([]);
  },
  openApp: async ({ page, rendererServer }, use) => {
    await use(async (route = '') => {
      await page.goto(`${rendererServer.url}/index.html#/${route}`);
      await expect(page.locator('.shell')).toBeVisible();
    });
  },
  keepScreenshot: async ({ page }, use, testInfo) => {
    const artifacts = join(testInfo.project.outputDir, 'artifacts');
    await use(async (name) => {
      mkdirSync(artifacts, { recursive: true });
      const path = join(artifacts, `${name}.png`);
      // The header and side nav are sticky: from the top, a full-page capture draws them where they belong.
      await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
      return path;
    });
  },
});

export { expect, type Page };
