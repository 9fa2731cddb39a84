import type { Db } from '../connection';

/**
 * Sets the fields an edit names (undefined: left alone) on one row of `table`, each in its column;
 * updated_at (the send engine's stamp) moves only when a value really changed. Answers whether one did.
 */
export function updateEditedFields<E extends object>(
  db: Db,
  table: 'products' | 'skus',
  columns: { readonly [K in keyof E]-?: string },
  id: number,
  edit: E,
): boolean {
  const keys = (Object.keys(columns) as (keyof E & string)[]).filter((k) => edit[k] !== undefined);
  if (keys.length === 0) return false;
  const sets = keys.map((k) => `${columns[k]} = @${k}`).join(', ');
  const diffs = keys.map((k) => `${columns[k]} IS NOT @${k}`).join(' OR ');
  const params = Object.fromEntries(keys.map((k) => [k, edit[k] ?? null]));
  return (
    db.prepare(`UPDATE ${table} SET ${sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id AND (${diffs})`).run({ ...params, id }).changes >
    0
  );
}
