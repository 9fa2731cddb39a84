import type { Database } from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(
    readonly dbVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer Vitrine (schema ${dbVersion}; this app knows up to ${appVersion}). ` +
        'Update Vitrine to open it; the file was left untouched.',
    );
  }
}

/** The registry must list versions 1, 2, 3… with no gaps or repeats, so order can't be ambiguous. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration registry out of order: position ${i + 1} holds version ${m.version} (${m.name})`);
    }
  });
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending migration inside ONE transaction and sets `PRAGMA user_version`
 * (which is transactional in SQLite): either all pending migrations apply or none.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  checkMigrationOrder(migrations);
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === latest) return { from, to: from };
  db.transaction(() => {
    for (const m of migrations.slice(from)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest };
}
