#!/usr/bin/env node
// `npm run package`: build, then electron-builder (installers in dist/). electron-builder rebuilds
// better-sqlite3 in node_modules for Electron's ABI (npmRebuild) so the installed app can load it;
// afterwards the Node build is restored, so `npm test` and the CLI keep working in this checkout.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

let status = run('npx', ['electron-vite', 'build']);
if (status === 0) status = run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
const restore = run('npm', ['rebuild', 'better-sqlite3']);
if (restore !== 0) console.error('Could not rebuild better-sqlite3 for Node: run `npm rebuild better-sqlite3` before `npm test`.');
process.exit(status || restore);
