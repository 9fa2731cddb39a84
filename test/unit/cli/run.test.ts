import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, runCli } from '../../../main/cli/run';
import { Translator } from '../../../main/i18n';
import { migrations } from '../../../main/db/migrations';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('cli', () => {
  it('--version prints the package version', async () => {
    const c = capture();
    expect(await runCli(['--version'], c.io, {})).toBe(0);
    expect(c.out[0]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--help lists every registered command with a description in both languages', async () => {
    for (const locale of ['en', 'pt-BR'] as const) {
      const t = new Translator(locale);
      for (const command of commands) expect([command.name, t.has(`cli.commands.${command.name}`)]).toEqual([command.name, true]);
    }
    const c = capture();
    expect(await runCli(['--help'], c.io, { VITRINE_LOCALE: 'pt-BR' })).toBe(0);
    for (const command of commands) expect(c.out[0]).toContain(command.name);
    expect(c.out[0]).toContain('Comandos:');
  });

  it('db:migrate creates and migrates the database named by --db', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-cli-'));
    const file = join(dir, 'cli.db');
    const c = capture();
    expect(await runCli(['db:migrate', '--db', file], c.io, { VITRINE_LOCALE: 'en' })).toBe(0);
    expect(c.out[0]).toContain(`schema ${migrations.length} (was 0)`);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('a database from a newer Vitrine is refused with a clear message and exit code 3', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-cli-'));
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    const c = capture();
    expect(await runCli(['db:migrate', '--db', file], c.io, { VITRINE_LOCALE: 'en' })).toBe(3);
    expect(c.err[0]).toMatch(/newer version of Vitrine/);
  });

  it('an unknown command exits 2 with a localized message', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], c.io, { VITRINE_LOCALE: 'pt_BR.UTF-8' })).toBe(2);
    expect(c.err[0]).toBe('Comando desconhecido: frobnicate. Use --help para ver os comandos.');
  });
});
