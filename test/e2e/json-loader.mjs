import { readFile } from 'node:fs/promises';

/**
 * Node module hook for the E2E run: main's code imports its locale JSON files without an
 * import attribute (electron-vite and vitest bundle them), which plain Node ESM refuses.
 * Served as an ES module with a default export, the same shape the bundlers give.
 */
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && context.importAttributes?.type !== 'json') {
    const source = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: `export default ${source};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
