#!/usr/bin/env node
// `npm test`: every vitest test (unit + integration under plain Node) and every Playwright test
// (the renderer in Debian's Chromium, wired to the real main-process handlers). Both write JSON
// reports, and the last line is the plain count CI reads: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const vitestJson = join(results, 'vitest.json');
const playwrightJson = join(results, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });
const extra = process.argv.slice(2);
// Every temporary file of the run (test databases, spreadsheets, logs, exceljs's and Chromium's
// scratch files) goes under one folder, removed at the end: runs used to leave gigabytes in /tmp.
const scratch = mkdtempSync(join(tmpdir(), 'vitrine-test-run-'));

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TMPDIR: scratch, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };

const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...extra]);
const v = readJson(vitestJson);
if (v) {
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  // A file that fails to load has no tests in the counts: count it as a failure.
  counts.failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else {
  counts.failed += 1;
}
if (vitestStatus !== 0 && counts.failed === 0) counts.failed += 1;

let playwrightStatus = 0;
if (existsSync(join(root, 'playwright.config.ts')) && !process.env.VITRINE_SKIP_E2E) {
  playwrightStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  const p = readJson(playwrightJson);
  if (p?.stats) {
    counts.passed += p.stats.expected + p.stats.flaky;
    counts.failed += p.stats.unexpected;
    counts.skipped += p.stats.skipped;
    counts.failed += (p.errors ?? []).length;
  } else {
    counts.failed += 1;
  }
  if (playwrightStatus !== 0 && counts.failed === 0) counts.failed += 1;
}

rmSync(scratch, { recursive: true, force: true });
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(counts.failed > 0 || vitestStatus !== 0 || playwrightStatus !== 0 ? 1 : 0);
