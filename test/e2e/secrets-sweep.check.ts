import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO } from '../../main/amazon/simulator/seed';
import { E2E_DATA_ROOT, E2E_LOGS } from './paths';

/**
 * Runs after every E2E test (project dependency in playwright.config.ts): searches everything
 * Vitrine wrote during the run — SQLite files with their WAL, logs, exports, and temp files — for
 * the secrets the tests typed or the simulator issued. The simulator's own state file is Amazon's
 * side of the wire (it must know the refresh tokens it issued) and is the one file not searched.
 */
const DATA = E2E_DATA_ROOT;
const LOGS = E2E_LOGS;
const SECRETS = [DEMO.clientSecret, DEMO.refreshToken, 'wrong-secret'];
const TOKEN_PATTERN = /Atz[ar]\|[A-Za-z0-9\-_.~+/=|%]{8,}/;
const AMAZON_SIDE = /^simulator-state\.json(\.tmp.*)?$/;
/** Chromium's own profile (the browser standing in for Electron's renderer) is not Vitrine's storage. */
const BROWSER_PROFILE = /^playwright/;

function filesUnder(dir: string, since = 0): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, since);
    if (!entry.isFile() || AMAZON_SIDE.test(entry.name)) return [];
    return statSync(path).mtimeMs >= since ? [path] : [];
  });
}

test('no secret used in the E2E run is stored in SQLite, logs, exports or temp files', () => {
  const started = statSync(join(DATA, '.run-started')).mtimeMs;
  // playwright.config.ts points TMPDIR at this run's own folder.
  const temp = readdirSync(tmpdir())
    .filter((name) => !BROWSER_PROFILE.test(name))
    .flatMap((name) => filesUnder(join(tmpdir(), name), started));
  expect(tmpdir()).toMatch(/e2e-tmp$/);
  const files = [...filesUnder(DATA), ...filesUnder(LOGS), ...temp];
  // A WAL still on disk is searched; a closed database has checkpointed its WAL into the .db file.
  expect(
    files.some((f) => f.endsWith('.db')),
    'the run wrote SQLite files to search',
  ).toBe(true);
  const hits: string[] = [];
  for (const file of files) {
    const text = readFileSync(file).toString('latin1');
    for (const secret of SECRETS) if (text.includes(secret)) hits.push(`${file}: ${secret.slice(0, 6)}…`);
    const token = TOKEN_PATTERN.exec(text);
    if (token) hits.push(`${file}: LWA token ${token[0].slice(0, 6)}…`);
  }
  expect(hits).toEqual([]);
});
