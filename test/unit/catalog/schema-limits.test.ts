import { describe, expect, it } from 'vitest';
import { CATEGORY_LEVEL_MAX, NAME_MAX, SKU_MAX } from '../../../main/catalog/row-mapper';
import { openDatabase } from '../../../main/db/connection';

/** The `length(column) BETWEEN 1 AND n` a table's schema (after every migration) puts on a column. */
function lengthLimit(table: string, column: string): number {
  const db = openDatabase(':memory:');
  try {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
    const found = new RegExp(`length\\(${column}\\) BETWEEN 1 AND (\\d+)`).exec(sql);
    if (!found) throw new Error(`no length check on ${table}.${column}`);
    return Number(found[1]);
  } finally {
    db.close();
  }
}

describe("the importer's limits are the database's", () => {
  it.each([
    ['skus', 'sku', SKU_MAX],
    ['categories', 'name', CATEGORY_LEVEL_MAX],
    ['characteristics', 'name', NAME_MAX],
  ])('%s.%s', (table, column, limit) => {
    expect(limit).toBe(lengthLimit(table, column));
  });
});
