import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * Bundles the core process's entry (main/core/entry.ts) and its worker threads for plain Node, as the app's build does for
 * its utilityProcess: ES modules, dependencies left in node_modules. The E2E harness and
 * bench:responsiveness fork it, so they measure and test the code the app runs, without a
 * TypeScript loader in the child. Returns the bundle's path.
 */
export async function buildCoreBundle(outDir: string): Promise<string> {
  const root = resolve(import.meta.dirname, '..');
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    mode: 'production',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      // The core and its worker threads (main/threads/entry.ts finds them beside the core).
      rollupOptions: {
        input: {
          core: resolve(root, 'main/core/entry.ts'),
          'plan-thread': resolve(root, 'main/sync/plan-thread.ts'),
          'checkpoint-thread': resolve(root, 'main/db/checkpoint-thread.ts'),
          'meta-check-thread': resolve(root, 'main/listings/meta-check-thread.ts'),
          'xlsx-thread': resolve(root, 'main/spreadsheet/xlsx-thread.ts'),
        },
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  return resolve(outDir, 'core.mjs');
}
