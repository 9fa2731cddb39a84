import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where one of the core's worker threads starts, in this runtime. Each thread is a TypeScript
 * module of its own (`main/**\/*-thread.ts`), built as an entry beside the core (electron.vite.config.mts,
 * scripts/core-bundle.ts). A TypeScript checkout (tests, the CLI and benchmarks under tsx) starts the
 * source module through tsx's loader, registered inside the new thread; a build starts the built
 * module, found beside the calling code or one folder up (shared code sits in `chunks/`).
 * Undefined when neither is there: the caller then does the work on its own thread.
 *
 * `source` is the thread module next to the caller (`new URL('./x-thread.ts', import.meta.url)`),
 * `built` its entry name, `here` the caller's `import.meta.url`.
 */
export function threadEntry(source: URL, built: string, here: string, exists: (file: string) => boolean = existsSync): URL | undefined {
  if (here.endsWith('.ts')) {
    const tsx = tsxRegisterUrl(here);
    if (!tsx) return undefined;
    const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source.href)});`;
    return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
  }
  const extension = here.endsWith('.mjs') ? 'mjs' : 'js';
  for (const candidate of [`./${built}.${extension}`, `../${built}.${extension}`]) {
    const url = new URL(candidate, here);
    if (exists(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** tsx's ESM registration module, from its package's exports map (a development dependency: absent from the build). */
function tsxRegisterUrl(here: string): string | undefined {
  try {
    const manifest = createRequire(here).resolve('tsx/package.json');
    const exportsMap = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }).exports;
    const relative = exportsMap?.['./esm/api']?.import?.default;
    return relative ? pathToFileURL(join(dirname(manifest), relative)).href : undefined;
  } catch {
    return undefined;
  }
}
