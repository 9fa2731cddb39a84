import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrate } from './migrations/registry';
import { migrations } from './migrations';
import { createLogger } from '../log/logger';

export type Db = Database.Database;

const logger = createLogger('db');
const SLOW_QUERY_MS = 40;

/** Opens (creating if needed) a Vitrine database with the pragmas every connection needs, then migrates it. */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    if (!options.readonly) migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
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

/** The DB path: `--db FILE` wins, then VITRINE_DB, then `<userData>/vitrine.db`. */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const i = argv.indexOf('--db');
  const fromArg = i >= 0 ? argv[i + 1] : undefined;
  const eq = argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  return fromArg ?? eq ?? env.VITRINE_DB ?? join(userDataDir, 'vitrine.db');
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
