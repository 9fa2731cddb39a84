import type { Db } from '../../../main/db/connection';

/**
 * Every table's rows, each table's rows sorted by their JSON form, so two databases (or one
 * database before and after an operation) compare equal exactly when they hold the same data.
 */
export function tableSnapshot(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT * FROM "${t}"`)
        .all()
        .map((r) => JSON.stringify(r, bufferAsHex))
        .sort(),
    ]),
  );
}

function bufferAsHex(_key: string, value: unknown): unknown {
  return Buffer.isBuffer(value) ? value.toString('hex') : value;
}
