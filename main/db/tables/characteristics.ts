import type { Db } from '../connection';

/** Characteristic names are shared across products ("Cor", "Material"); values belong to a product. */
export function listCharacteristicNames(db: Db): string[] {
  return db.prepare('SELECT name FROM characteristics ORDER BY name COLLATE NOCASE').pluck().all() as string[];
}

export function getProductCharacteristics(db: Db, productId: number): Record<string, string> {
  const rows = db
    .prepare(
      `SELECT c.name, pc.value FROM product_characteristics pc JOIN characteristics c ON c.id = pc.characteristic_id
       WHERE pc.product_id = ? ORDER BY c.name COLLATE NOCASE`,
    )
    .all(productId) as { name: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/**
 * Prepared writer for imports: `set(productId, name, value)` creates the name on first use
 * (names are case-insensitive, the first spelling wins) and answers whether the value changed.
 */
export function prepareCharacteristicWriter(db: Db): (productId: number, name: string, value: string) => boolean {
  const find = db.prepare('SELECT id FROM characteristics WHERE name = ?').pluck();
  const insert = db.prepare('INSERT INTO characteristics (name) VALUES (?)');
  const upsert = db.prepare(
    `INSERT INTO product_characteristics (product_id, characteristic_id, value) VALUES (?, ?, ?)
     ON CONFLICT (product_id, characteristic_id) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`,
  );
  const ids = new Map<string, number>();
  // The same spelling repeats on every row; lower-casing (ICU) only runs for a new spelling.
  const bySpelling = new Map<string, number>();
  return (productId, name, value) => {
    let id = bySpelling.get(name);
    if (id === undefined) {
      const cacheKey = name.toLocaleLowerCase('pt-BR');
      id = ids.get(cacheKey) ?? (find.get(name) as number | undefined);
      if (id === undefined) id = Number(insert.run(name).lastInsertRowid);
      ids.set(cacheKey, id);
      bySpelling.set(name, id);
    }
    return upsert.run(productId, id, value).changes > 0;
  };
}
