import { defineConfig } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { E2E_OUTPUT, E2E_TMP } from './test/e2e/paths';

// Main's code is written for bundlers (JSON without import attributes, extensionless deep imports);
// teach Node the same here and in the worker processes Playwright forks (they inherit NODE_OPTIONS).
const hooks = pathToFileURL(resolve(import.meta.dirname, 'test/e2e/register-hooks.mjs')).href;
await import(hooks);
if (!process.env.NODE_OPTIONS?.includes(hooks)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${hooks}`.trim();
}

// The run's own temp folder (workers inherit it): the secrets sweep searches every temp file the
// run wrote there, without picking up other processes' files from the shared /tmp.
rmSync(E2E_TMP, { recursive: true, force: true });
mkdirSync(E2E_TMP, { recursive: true });
process.env.TMPDIR = E2E_TMP;

/**
 * Renderer E2E in Debian's Chromium (the Electron binary cannot be downloaded on these machines).
 * The page talks to the real main-process handlers through test/e2e/harness.ts; see fixtures.ts.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // test-results/ unless E2E_OUTPUT_DIR moves this run away from a concurrent one (test/e2e/paths.ts).
  outputDir: E2E_OUTPUT,
  globalSetup: './test/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'e2e', testMatch: '**/*.e2e.ts' },
    // After every E2E test: nothing the run wrote may contain a secret it used.
    { name: 'secrets-sweep', testMatch: '**/secrets-sweep.check.ts', dependencies: ['e2e'] },
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 1024, height: 700 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
