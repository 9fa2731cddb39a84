import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

/**
 * better-sqlite3 is a native module, and Node and Electron load different ABIs of it. `npm install`
 * builds it for Node (tests, CLI, benchmarks use that build in node_modules/better-sqlite3). The
 * unpackaged Electron app (`npm start`) loads its own build from a folder of its own, made by
 * `npm run prepare:electron` (scripts/electron-native.ts), through better-sqlite3's `nativeBinding`
 * option — so both runtimes work from one checkout, in any order. The installed app loads the
 * build electron-builder rebuilt in place for Electron (`npmRebuild`), so it needs no override.
 */

/** Where the Electron build of better-sqlite3 for one Electron version and platform lives. */
export function electronSqliteDir(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(appRoot, 'node_modules', '.vitrine-electron', `better-sqlite3-electron-${electronVersion}-${platform}-${arch}`);
}

export function electronSqliteBinary(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(electronSqliteDir(appRoot, electronVersion, platform, arch), 'build', 'Release', 'better_sqlite3.node');
}

export interface RuntimeFacts {
  /** `process.versions.electron`: undefined under plain Node. */
  readonly electronVersion: string | undefined;
  readonly packaged: boolean;
  /** The checkout's root (where node_modules is). */
  readonly appRoot: string;
  readonly platform: string;
  readonly arch: string;
}

/**
 * The `nativeBinding` to give better-sqlite3 in this runtime: none under Node or in the installed
 * app (the default lookup is right there), the Electron build in an unpackaged Electron app. A
 * missing Electron build is a clear error saying which command makes it, not NODE_MODULE_VERSION.
 */
export function resolveNativeBinding(facts: RuntimeFacts, exists: (file: string) => boolean = existsSync): string | undefined {
  if (facts.electronVersion === undefined || facts.packaged) return undefined;
  const file = electronSqliteBinary(facts.appRoot, facts.electronVersion, facts.platform, facts.arch);
  if (exists(file)) return file;
  throw new AppError('NATIVE_SQLITE_MISSING', { electronVersion: facts.electronVersion, command: 'npm run prepare:electron', file });
}

let binding: string | undefined;

/** Set once at start by the Electron entry points; left unset under Node. */
export function setNativeBinding(file: string | undefined): void {
  binding = file;
}

/** The options every better-sqlite3 connection of this process opens with. */
export function nativeBindingOption(): { nativeBinding?: string } {
  return binding === undefined ? {} : { nativeBinding: binding };
}
