import { basename, join, resolve } from 'node:path';

/**
 * Where one E2E run writes. Several people run E2E in one checkout, and Playwright empties its
 * output folder when a run starts: `E2E_OUTPUT_DIR=out/e2e-results-ana` moves all of a run's
 * files (Playwright output, data, logs, temp files, the renderer build) away from other runs.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const custom = process.env.E2E_OUTPUT_DIR;

export const E2E_OUTPUT = resolve(ROOT, custom ?? 'test-results');
/** SQLite files, the simulator's state and exports of every test, kept for the secrets sweep. */
export const E2E_DATA_ROOT = join(E2E_OUTPUT, 'e2e-data');
export const E2E_LOGS = join(E2E_OUTPUT, 'logs');
/** The run's TMPDIR (set in playwright.config.ts, inherited by the workers). */
export const E2E_TMP = join(E2E_OUTPUT, 'e2e-tmp');
/** Outside the output folder, which Playwright empties at start; one per output folder. */
export const RENDERER_BUILD_DIR = join(ROOT, 'out', custom ? `e2e-renderer-${basename(custom)}` : 'e2e-renderer');
/** The core process's bundle for this run (global-setup builds it; the harness forks it). */
export const CORE_BUILD_DIR = join(ROOT, 'out', custom ? `e2e-core-${basename(custom)}` : 'e2e-core');
export const CORE_BUILD_FILE = join(CORE_BUILD_DIR, 'core.mjs');
