import { readFile } from 'node:fs/promises';

/**
 * Node module hooks for the E2E run. Main's code is written for bundlers (electron-vite, vitest),
 * which accept two things plain Node ESM refuses; the harness imports that code directly:
 *  - JSON imported without an import attribute: served as an ES module with a default export;
 *  - extensionless deep imports of CommonJS packages (`ajv/dist/2019`): retried with `.js`.
 */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const bare = !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.includes(':');
    if (bare && err?.code === 'ERR_MODULE_NOT_FOUND' && !specifier.endsWith('.js')) {
      return nextResolve(`${specifier}.js`, context);
    }
    throw err;
  }
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && context.importAttributes?.type !== 'json') {
    const source = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: `export default ${source};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
