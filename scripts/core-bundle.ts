import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * Bundles the core process's entry (main/core/entry.ts) for plain Node, as the app's build does for
 * its utilityProcess: one ES module, dependencies left in node_modules. The E2E harness and
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
      ssr: resolve(root, 'main/core/entry.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'esm', entryFileNames: 'core.mjs' } },
    },
  });
  return resolve(outDir, 'core.mjs');
}
