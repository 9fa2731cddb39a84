import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { electronSqliteBinary, resolveNativeBinding } from '../../../main/db/native-binding';
import { Translator } from '../../../main/i18n';

const facts = { appRoot: '/src/vitrine', platform: 'win32', arch: 'x64' } as const;

describe('which better-sqlite3 build a runtime loads', () => {
  it('plain Node (tests, CLI, benchmarks) and the installed app use the default build', () => {
    expect(resolveNativeBinding({ ...facts, electronVersion: undefined, packaged: false }, () => false)).toBeUndefined();
    expect(resolveNativeBinding({ ...facts, electronVersion: '45.4.1', packaged: true }, () => false)).toBeUndefined();
  });

  it('the unpackaged Electron app (npm start) uses the Electron build in its own folder', () => {
    const expected = electronSqliteBinary('/src/vitrine', '45.4.1', 'win32', 'x64');
    expect(expected).toBe(
      join('/src/vitrine', 'node_modules', '.vitrine-electron', 'better-sqlite3-electron-45.4.1-win32-x64', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(resolveNativeBinding({ ...facts, electronVersion: '45.4.1', packaged: false }, (f) => f === expected)).toBe(expected);
  });

  it('a missing Electron build is a clear, localized error naming the command that makes it', () => {
    let thrown: unknown;
    try {
      resolveNativeBinding({ ...facts, electronVersion: '45.4.1', packaged: false }, () => false);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: 'NATIVE_SQLITE_MISSING', params: { electronVersion: '45.4.1', command: 'npm run prepare:electron' } });
    const { params } = thrown as { params: Record<string, unknown> };
    expect(new Translator('pt-BR').t('errors.NATIVE_SQLITE_MISSING', params)).toContain('npm run prepare:electron');
    expect(new Translator('en').t('errors.NATIVE_SQLITE_MISSING', params)).toContain('Electron 45.4.1');
  });
});

describe('npm run prepare:electron (scripts/electron-native.ts)', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  /** A checkout whose node_modules has this repo's electron version, and optionally its Electron build. */
  function checkout(withBuild: boolean): string {
    root = mkdtempSync(join(tmpdir(), 'vitrine-native-'));
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '45.4.1' }));
    symlinkSync(join(process.cwd(), 'node_modules', 'better-sqlite3'), join(root, 'node_modules', 'better-sqlite3'));
    if (withBuild) {
      const binary = electronSqliteBinary(root, '45.4.1', 'linux', 'x64');
      mkdirSync(join(binary, '..'), { recursive: true });
      writeFileSync(binary, 'built');
    }
    return root;
  }

  function run(args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/electron-native.ts', ...args], { encoding: 'utf8' });
  }

  it('plans prebuilt then compile when the build is missing, and changes nothing on --dry-run', () => {
    const dir = checkout(false);
    const r = run(['--dry-run', '--root', dir, '--platform', 'linux', '--arch', 'x64']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      electronVersion: '45.4.1',
      platform: 'linux',
      arch: 'x64',
      binary: electronSqliteBinary(dir, '45.4.1', 'linux', 'x64'),
      ready: false,
      steps: ['prebuilt', 'compile'],
    });
  });

  it('does nothing (no network) when the Electron build is already there', () => {
    const dir = checkout(true);
    const r = run(['--root', dir, '--platform', 'linux', '--arch', 'x64']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ready');
  });
});
