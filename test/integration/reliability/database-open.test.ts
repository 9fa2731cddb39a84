import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { asDatabaseOpenError, DatabaseOpenError, openDatabase } from '../../../main/db/connection';
import { migrations } from '../../../main/db/migrations';

/**
 * A database file that is not what Vitrine expects — a folder, another kind of file, a file cut
 * short, one written by a newer Vitrine, one it may not write — is refused with a message that
 * names the file and says what to do, never a stack trace, and without writing a byte to it.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-dbopen-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

function digest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function validDatabase(name: string): string {
  const file = join(dir, name);
  openDatabase(file).close();
  return file;
}

async function migrateVia(file: string, locale = 'en') {
  const c = capture();
  const code = await runCli(['db:migrate', '--db', file], c.io, { VITRINE_LOCALE: locale, VITRINE_LOG_DIR: join(dir, 'logs') });
  return { code, text: [...c.out, ...c.err].join('\n') };
}

const cases: [string, () => string, RegExp, string][] = [
  [
    'a folder',
    () => {
      const file = join(dir, 'folder.db');
      mkdirSync(file);
      return file;
    },
    /is a folder/,
    'DB_IS_DIRECTORY',
  ],
  [
    'a text file',
    () => {
      const file = join(dir, 'notes.db');
      writeFileSync(file, 'lista de compras\nnão é um banco\n'.repeat(40));
      return file;
    },
    /not a Vitrine database/,
    'DB_NOT_SQLITE',
  ],
  [
    'a database cut short',
    () => {
      const file = validDatabase('cut.db');
      truncateSync(file, 6000);
      return file;
    },
    /damaged/,
    'DB_CORRUPT',
  ],
  [
    'a database from a newer Vitrine',
    () => {
      const file = validDatabase('newer.db');
      const raw = new Database(file);
      raw.pragma('journal_mode = DELETE');
      raw.pragma(`user_version = ${migrations.length + 3}`);
      raw.close();
      return file;
    },
    /newer version of Vitrine/,
    'DB_TOO_NEW',
  ],
];

describe('opening a database that is not usable', () => {
  for (const [what, make, message, code] of cases) {
    it(`refuses ${what} with a message naming the file, exit code 3, and leaves it byte for byte`, async () => {
      const file = make();
      const before = existsSync(file) && !file.endsWith('folder.db') ? digest(file) : null;
      const { code: exit, text } = await migrateVia(file);
      expect(exit).toBe(3);
      expect(text).toMatch(message);
      expect(text).toContain(file);
      expect(text).not.toMatch(/\n\s+at /);
      expect(text).not.toMatch(/SqliteError|SQLITE_/);
      if (before !== null) expect(digest(file)).toBe(before);
      // Nothing was written beside it either (SQLite may leave an empty log when it reads a damaged WAL-mode file).
      expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
      expect(existsSync(`${file}-journal`)).toBe(false);
      expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code }));
    });
  }

  it('speaks the seller’s language', async () => {
    const file = join(dir, 'pasta.db');
    mkdirSync(file);
    const { text } = await migrateVia(file, 'pt-BR');
    expect(text).toContain('é uma pasta');
  });

  it('turns SQLite’s read-only refusal into a permissions message', () => {
    const file = validDatabase('ro.db');
    const ro = new Database(file, { readonly: true });
    let thrown: unknown;
    try {
      ro.exec('CREATE TABLE x (a)');
    } catch (err) {
      thrown = err;
    }
    ro.close();
    const mapped = asDatabaseOpenError(thrown, file);
    expect(mapped).toBeInstanceOf(DatabaseOpenError);
    expect(mapped.code).toBe('DB_READONLY');
    expect(mapped.params).toMatchObject({ file });
  });

  it('still opens and migrates a good database', async () => {
    const file = validDatabase('good.db');
    const { code } = await migrateVia(file);
    expect(code).toBe(0);
  });
});
