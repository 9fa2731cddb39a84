#!/usr/bin/env node
// Checks the packaging settings that keep the installed app hardened (electron-builder.yml): the
// Electron fuses, asar, macOS's hardened runtime, no OS URL scheme without a handler, and that the
// renderer is served from app:// rather than file://. Prints one line per check; exits 1 on any failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const mainEntry = readFileSync(join(root, 'main/index.ts'), 'utf8');

const expectedFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

const checks = [
  ...Object.entries(expectedFuses).map(([fuse, value]) => [`fuse ${fuse} is ${value}`, config.electronFuses?.[fuse] === value]),
  ['asar is on', config.asar === true],
  ['native modules are rebuilt for Electron (npmRebuild)', config.npmRebuild === true],
  ['macOS builds use the hardened runtime', config.mac?.hardenedRuntime === true],
  [
    'no OS URL scheme is registered unless main handles deep links',
    !config.protocols || (existsSync(join(root, 'main/app/deep-links.ts')) && /setAsDefaultProtocolClient/.test(mainEntry)),
  ],
  ['the renderer is served from app://, never loadFile()', /protocol\.handle\(APP_SCHEME/.test(mainEntry) && !/loadFile\(/.test(mainEntry)],
  ['every web contents is guarded app-wide', /guardEveryWebContents\(app/.test(mainEntry)],
  ['the installed app ignores --db and VITRINE_DB', /packaged: app\.isPackaged/.test(mainEntry)],
  ['no source maps or tests are packaged', (config.files ?? []).includes('!**/*.map')],
];

let failed = 0;
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) failed += 1;
}
console.log(`packaging settings: ${checks.length - failed} of ${checks.length} checks hold`);
process.exit(failed === 0 ? 0 : 1);
