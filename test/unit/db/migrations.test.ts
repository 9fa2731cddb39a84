import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMigrationOrder, DatabaseTooNewError, migrate, schemaVersion, type Migration } from '../../../main/db/migrations/registry';
import { migrations } from '../../../main/db/migrations';
import { openDatabase, resolveDbPath } from '../../../main/db/connection';

const tableMigration = (version: number, table: string): Migration => ({
  version,
  name: table,
  up: (db) => void db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`),
});

describe('migration registry', () => {
  it('applies pending migrations in order and sets user_version', () => {
    const db = new Database(':memory:');
    const applied: number[] = [];
    const list = [1, 2, 3].map((v) => ({
      ...tableMigration(v, `t${v}`),
      up: (d: Database.Database) => (applied.push(v), d.exec(`CREATE TABLE t${v} (id INTEGER)`)),
    }));
    expect(migrate(db, list)).toEqual({ from: 0, to: 3 });
    expect(applied).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
  });

  it('is idempotent: a second run applies nothing', () => {
    const db = new Database(':memory:');
    const list = [tableMigration(1, 'a'), tableMigration(2, 'b')];
    migrate(db, list);
    expect(migrate(db, list)).toEqual({ from: 2, to: 2 });
  });

  it('runs only the migrations that are pending', () => {
    const db = new Database(':memory:');
    migrate(db, [tableMigration(1, 'a')]);
    expect(migrate(db, [tableMigration(1, 'a'), tableMigration(2, 'b')])).toEqual({ from: 1, to: 2 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all()).toEqual(['a', 'b']);
  });

  it('rolls back every pending migration when one fails', () => {
    const db = new Database(':memory:');
    const failing: Migration = { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE oops (') };
    expect(() => migrate(db, [tableMigration(1, 'a'), failing])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name='a'").pluck().get()).toBe(0);
  });

  it('refuses a database newer than the app and leaves it untouched', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 9');
    expect(() => migrate(db, [tableMigration(1, 'a')])).toThrow(DatabaseTooNewError);
    expect(schemaVersion(db)).toBe(9);
  });

  it('rejects a registry with gaps or repeats', () => {
    expect(() => checkMigrationOrder([tableMigration(1, 'a'), tableMigration(3, 'c')])).toThrow(/out of order/);
    expect(() => checkMigrationOrder([tableMigration(1, 'a'), tableMigration(1, 'b')])).toThrow(/out of order/);
  });

  it('ships a registry that is in order', () => {
    expect(() => checkMigrationOrder(migrations)).not.toThrow();
  });
});

describe('openDatabase', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('opens with WAL, foreign keys and a busy timeout, fully migrated', () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-db-'));
    const db = openDatabase(join(dir, 'sub', 'v.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('refuses a future database file with a clear error', () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-db-'));
    const file = join(dir, 'future.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_TOO_NEW', params: expect.objectContaining({ dbVersion: migrations.length + 1 }) }),
    );
  });
});

describe('resolveDbPath', () => {
  it('prefers --db, then VITRINE_DB, then userData', () => {
    expect(resolveDbPath(['x', '--db', '/a.db'], { VITRINE_DB: '/b.db' }, '/ud')).toBe('/a.db');
    expect(resolveDbPath(['--db=/c.db'], {}, '/ud')).toBe('/c.db');
    expect(resolveDbPath([], { VITRINE_DB: '/b.db' }, '/ud')).toBe('/b.db');
    expect(resolveDbPath([], {}, '/ud')).toBe(join('/ud', 'vitrine.db'));
  });

  it('ignores --db and VITRINE_DB in the installed app', () => {
    expect(resolveDbPath(['x', '--db', '/a.db', '--db=/c.db'], { VITRINE_DB: '/b.db' }, '/ud', { packaged: true })).toBe(join('/ud', 'vitrine.db'));
  });
});
