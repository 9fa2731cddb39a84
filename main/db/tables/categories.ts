import type { Db } from '../connection';

/** One node of the store's category tree. `path` is the "Roupas > Camisetas" text sellers type. */
export interface Category {
  readonly id: number;
  readonly parentId: number | null;
  readonly name: string;
  readonly path: string;
}

interface CategoryRow {
  id: number;
  parent_id: number | null;
  name: string;
  path: string;
}

export const CATEGORY_SEPARATOR = ' > ';

function toCategory(row: CategoryRow): Category {
  return { id: row.id, parentId: row.parent_id, name: row.name, path: row.path };
}

/** Splits "Roupas>Camisetas", "Roupas / Camisetas" or "Roupas > Camisetas" into trimmed segments. */
export function splitCategoryPath(text: string): string[] {
  return text
    .split(/\s*(?:>|\/|\\|»)\s*/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

export function listCategories(db: Db): Category[] {
  return (db.prepare('SELECT id, parent_id, name, path FROM categories ORDER BY path').all() as CategoryRow[]).map(toCategory);
}

export function getCategory(db: Db, id: number): Category | undefined {
  const row = db.prepare('SELECT id, parent_id, name, path FROM categories WHERE id = ?').get(id) as CategoryRow | undefined;
  return row ? toCategory(row) : undefined;
}

/**
 * Returns a function that finds or creates every level of a path and answers the leaf's id.
 * Imports call it once per row, so known paths are cached instead of queried again.
 */
export function prepareCategoryPaths(db: Db): (segments: readonly string[]) => number {
  const find = db.prepare('SELECT id FROM categories WHERE path = ?').pluck();
  const insert = db.prepare('INSERT INTO categories (parent_id, name, path) VALUES (?, ?, ?)');
  const cache = new Map<string, number>();
  return (segments) => {
    let parentId: number | null = null;
    let path = '';
    for (const name of segments) {
      path = path ? `${path}${CATEGORY_SEPARATOR}${name}` : name;
      let id = cache.get(path) ?? (find.get(path) as number | undefined);
      if (id === undefined) id = Number(insert.run(parentId, name, path).lastInsertRowid);
      cache.set(path, id);
      parentId = id;
    }
    if (parentId === null) throw new Error('empty category path');
    return parentId;
  };
}
