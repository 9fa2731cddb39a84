import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, loadConfigFromFile, type InlineConfig } from 'vite';
import { buildCoreBundle } from '../../scripts/core-bundle';
import { CORE_BUILD_DIR, E2E_DATA_ROOT, RENDERER_BUILD_DIR } from './paths';

/**
 * Builds the renderer and the core once per run. The renderer, from the renderer section of electron.vite.config.mts (so
 * the E2E page is the one the app ships), into its own folder: a concurrent `electron-vite build`
 * in the same checkout empties out/renderer, and a broken main bundle must not block renderer tests.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(root, 'electron.vite.config.mts'), root, 'silent');
  const renderer = (loaded?.config as { renderer?: InlineConfig } | undefined)?.renderer;
  if (!renderer) throw new Error('electron.vite.config.mts has no renderer section');
  // A fresh data folder per run; its marker's time bounds the temp files the secrets sweep searches.
  const data = E2E_DATA_ROOT;
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  writeFileSync(resolve(data, '.run-started'), new Date().toISOString());
  rmSync(RENDERER_BUILD_DIR, { recursive: true, force: true });
  await build({
    ...renderer,
    configFile: false,
    base: './',
    logLevel: 'error',
    mode: 'production',
    build: { ...renderer.build, outDir: RENDERER_BUILD_DIR, emptyOutDir: true },
  });
  // The core runs in a process of its own, as in the app: bundled once, forked by the harness per test.
  await buildCoreBundle(CORE_BUILD_DIR);
}
