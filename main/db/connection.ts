import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrations/registry';
import { AppError } from '../errors';
import { nativeBindingOption } from './native-binding';
import { migrations } from './migrations';
import { createLogger } from '../log/logger';

export type Db = Database.Database;

/**
 * A prepared statement that can only read: no `run`, and its modifiers keep it so. better-sqlite3
 * refuses `get`/`all`/`iterate` on a statement that returns no rows, so through this type a write
 * fails (only a write that returns rows, `… RETURNING`, would slip through: write none here).
 */
export interface ReadStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggleState?: boolean): ReadStatement;
  raw(toggleState?: boolean): ReadStatement;
}

/**
 * A connection a function may only read through: statements without `run`, and no `exec`,
 * `transaction` or `pragma`. Every `Db` is one; a query function that must not write takes this
 * type, so a write added to it later does not compile.
 */
export interface ReadableDb {
  readonly inTransaction: boolean;
  prepare(source: string): ReadStatement;
}

const logger = createLogger('db');
const SLOW_QUERY_MS = 40;

/**
 * Why a database could not be opened, each an i18n key `errors.<code>` that names the file and
 * says what to do. SQLite's own error (`cause`) goes to the log, never to the seller.
 */
export type DatabaseOpenCode = 'DB_IS_DIRECTORY' | 'DB_NOT_SQLITE' | 'DB_CORRUPT' | 'DB_READONLY' | 'DB_CANT_OPEN' | 'DB_LOCKED' | 'DB_TOO_NEW';

export class DatabaseOpenError extends AppError {
  override name = 'DatabaseOpenError';
  constructor(code: DatabaseOpenCode, file: string, params: Readonly<Record<string, unknown>> = {}, cause?: unknown) {
    super(code, { file, ...params }, undefined, `${code}: ${file}`);
    if (cause !== undefined) this.cause = cause;
  }
}

/** SQLite's result code for a failure while opening or migrating, as a seller-facing reason. */
export function asDatabaseOpenError(err: unknown, file: string): DatabaseOpenError {
  if (err instanceof DatabaseOpenError) return err;
  if (err instanceof DatabaseTooNewError) return new DatabaseOpenError('DB_TOO_NEW', file, { dbVersion: err.dbVersion, appVersion: err.appVersion }, err);
  const code = (err as { code?: unknown }).code;
  const primary = typeof code === 'string' ? code.replace(/^(SQLITE_[A-Z]+).*$/, '$1') : '';
  switch (primary) {
    case 'SQLITE_NOTADB':
      return new DatabaseOpenError('DB_NOT_SQLITE', file, {}, err);
    case 'SQLITE_CORRUPT':
      return new DatabaseOpenError('DB_CORRUPT', file, {}, err);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return new DatabaseOpenError('DB_READONLY', file, {}, err);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new DatabaseOpenError('DB_LOCKED', file, {}, err);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_IOERR':
      return new DatabaseOpenError('DB_CANT_OPEN', file, {}, err);
    default:
      if (err instanceof Error && /^(EACCES|EPERM|EROFS)$/.test(String(code))) return new DatabaseOpenError('DB_READONLY', file, {}, err);
      if (err instanceof Error && /^(ENOTDIR|EISDIR|ENOENT)$/.test(String(code))) return new DatabaseOpenError('DB_CANT_OPEN', file, {}, err);
      throw err;
  }
}

/** A file Vitrine may open: not a folder, and (when it exists) writable with its folder, for the WAL files. */
function checkFile(file: string, readonly: boolean): void {
  let stat: Stats | undefined;
  try {
    stat = statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new DatabaseOpenError('DB_IS_DIRECTORY', file);
  if (readonly) return;
  mkdirSync(dirname(file), { recursive: true });
  try {
    accessSync(dirname(file), constants.W_OK);
    if (stat) accessSync(file, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw asDatabaseOpenError(err, file);
  }
}

/**
 * Opens (creating if needed) a Vitrine database with the pragmas every connection needs, then
 * migrates it. Nothing is written before the file is known to be a Vitrine database this version
 * can handle: the schema version is read first, so a database from a newer Vitrine (or a file that
 * is not SQLite at all) is refused byte for byte as it was — no journal mode switch, no migration.
 * Every failure is a DatabaseOpenError with a code the seller's message is keyed by.
 */
/** Page cache per connection (the default is 16 MB). */
const CACHE_KIB = 64 * 1024;

export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const readonly = options.readonly ?? false;
  const memory = file === ':memory:';
  if (!memory) checkFile(file, readonly);
  let db: Db;
  try {
    db = new Database(file, { readonly, ...nativeBindingOption() });
  } catch (err) {
    throw asDatabaseOpenError(err, file);
  }
  try {
    // Reads the header (NOTADB for a file that is not SQLite) and the schema (CORRUPT when cut short).
    const version = schemaVersion(db);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (version > migrations.length) throw new DatabaseTooNewError(version, migrations.length);
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // A 100k-SKU catalog's send tables are hundreds of MB: a larger page cache spares the core
    // thousands of page reads per cycle; the send counters' TEMP tables live in memory.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma('temp_store = MEMORY');
    if (!readonly) migrate(db, migrations);
  } catch (err) {
    db.close();
    throw memory ? err : asDatabaseOpenError(err, file);
  }
  return db;
}

/** Runs fn and logs it when it blocks the main process for longer than ~40 ms. */
export function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - start;
    if (ms > SLOW_QUERY_MS) logger.warn(`slow query ${label}: ${ms.toFixed(0)} ms`);
  }
}

/**
 * The DB path: `--db FILE` wins, then VITRINE_DB, then `<userData>/vitrine.db`. The installed app
 * (`packaged`) always uses its own data folder: a flag or variable slipped into a shortcut must not
 * point the seller's app at another file.
 */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string, options: { readonly packaged?: boolean } = {}): string {
  const own = join(userDataDir, 'vitrine.db');
  if (options.packaged) return own;
  const i = argv.indexOf('--db');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  const eq = argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  return fromArg ?? eq ?? env.VITRINE_DB ?? own;
}

/**
 * A statement written with `@name` parameters, bound positionally. better-sqlite3 reads a named
 * parameter object through one V8 property lookup per parameter and use, which made up a third of
 * a 100k-row import's SKU inserts; an argument list binds directly. `@name` may repeat; SQL string
 * literals must not contain `@`.
 */
export function prepareNamedAsPositional(db: Db, sql: string): { run(params: Readonly<Record<string, unknown>>): Database.RunResult } {
  const names: string[] = [];
  const statement = db.prepare(
    sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
      names.push(name);
      return '?';
    }),
  );
  return {
    run(params) {
      const args = new Array<unknown>(names.length);
      for (let i = 0; i < names.length; i += 1) {
        const value = params[names[i] as string];
        if (value === undefined) throw new RangeError(`missing SQL parameter @${names[i]}`);
        args[i] = value;
      }
      return statement.run(args);
    },
  };
}
