#!/usr/bin/env node
// `npm run smoke`: launch the BUILT app with --smoke (window loads, preload API present, DB opens)
// and exit with its code. Where the Electron binary is missing (it is downloaded lazily on first
// launch, which fails on machines without internet) say so and skip: never fake a pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
let binary;
try {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const dist = join(root, 'node_modules', 'electron', 'dist');
  if (existsSync(pathFile)) {
    const candidate = join(dist, require('node:fs').readFileSync(pathFile, 'utf8').trim());
    if (existsSync(candidate)) binary = candidate;
  }
} catch {
  binary = undefined;
}
if (!binary && !process.env.VITRINE_SMOKE_BINARY) {
  console.log(
    JSON.stringify({
      smoke: 'skipped',
      reason:
        'The Electron binary is not installed (node_modules/electron/dist is empty: it is downloaded on first launch and this machine cannot reach the download host).',
    }),
  );
  process.exit(0);
}
// VITRINE_SMOKE_BINARY: an installed/unpacked app from electron-builder (dist/…), run as it ships.
const packaged = process.env.VITRINE_SMOKE_BINARY;
if (!packaged) {
  // The unpackaged app loads better-sqlite3 built for Electron from its own folder (npm start does the same).
  const native = spawnSync('npx', ['tsx', 'scripts/electron-native.ts'], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) process.exit(native.status ?? 1);
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const userData = mkdtempSync(join(tmpdir(), 'vitrine-smoke-'));
// The installed app ignores --db (it keeps to its own data folder).
const args = packaged ? ['--smoke'] : ['.', '--smoke', '--db', join(userData, 'smoke.db')];
if (process.platform === 'linux' && !process.env.DISPLAY) args.push('--ozone-platform=headless');
const r = spawnSync(packaged ?? binary, args, { cwd: root, stdio: 'inherit', timeout: 60_000 });
process.exit(r.status ?? 1);
