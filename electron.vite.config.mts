import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './main/app/security';

/**
 * `electron-vite dev` only: the page's <meta> CSP gets the dev additions main also sends as a
 * header (main/app/security.ts), so the two policies agree. Builds keep the file's strict policy.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'vitrine:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html, ctx) => {
      const url = ctx.server?.resolvedUrls?.local[0];
      if (!url) return html;
      return html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${contentSecurityPolicy(url)}"`);
    },
  };
}

// main: ESM bundle; runtime dependencies stay external (native modules such as better-sqlite3
// and @napi-rs/keyring cannot be bundled). preload: ONE CommonJS file, because a sandboxed
// preload (sandbox: true) cannot load ES modules or require() sibling chunks.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      outDir: 'out/main',
      // index: the Electron host (window, tray, keychain); core: the utility process with everything else;
      // *-thread: the core's worker threads (main/threads/entry.ts finds them beside the core).
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/index.ts'),
          core: resolve(import.meta.dirname, 'main/core/entry.ts'),
          'plan-thread': resolve(import.meta.dirname, 'main/sync/plan-thread.ts'),
          'checkpoint-thread': resolve(import.meta.dirname, 'main/db/checkpoint-thread.ts'),
          'meta-check-thread': resolve(import.meta.dirname, 'main/listings/meta-check-thread.ts'),
          'xlsx-thread': resolve(import.meta.dirname, 'main/spreadsheet/xlsx-thread.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle zod (the contract) into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
