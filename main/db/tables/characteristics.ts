import type { Db } from '../connection';

/**
 * Characteristic names are shared across products ("Cor", "Material"). A product holds its
 * family's values; a SKU holds a value only where its own differs from its product's
 * (`sku_characteristics`), so a SKU's characteristics are the product's with its own laid over.
 */
export function listCharacteristicNames(db: Db): string[] {
  return db.prepare('SELECT name FROM characteristics ORDER BY name COLLATE NOCASE').pluck().all() as string[];
}

/** Name → value of one owner's rows in product_characteristics or sku_characteristics, by name. */
function valuesByName(db: Db, table: 'product_characteristics' | 'sku_characteristics', owner: 'product_id' | 'sku_id', id: number): Record<string, string> {
  const rows = db
    .prepare(`SELECT c.name, t.value FROM ${table} t JOIN characteristics c ON c.id = t.characteristic_id WHERE t.${owner} = ? ORDER BY c.name COLLATE NOCASE`)
    .all(id) as { name: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

export function getProductCharacteristics(db: Db, productId: number): Record<string, string> {
  return valuesByName(db, 'product_characteristics', 'product_id', productId);
}

/** A SKU's own values (only where they differ from its product's). */
export function getSkuCharacteristics(db: Db, skuId: number): Record<string, string> {
  return valuesByName(db, 'sku_characteristics', 'sku_id', skuId);
}

/** What a SKU is sold with: its product's characteristics with its own values laid over. */
export function getEffectiveSkuCharacteristics(db: Db, skuId: number): Record<string, string> {
  const productId = db.prepare('SELECT product_id FROM skus WHERE id = ?').pluck().get(skuId) as number | undefined;
  if (productId === undefined) return {};
  return { ...getProductCharacteristics(db, productId), ...getSkuCharacteristics(db, skuId) };
}

/**
 * Prepared name → id: creates the name on first use (names are case-insensitive, the first
 * spelling wins). The same spelling repeats on every row of an import, so ICU lower-casing only
 * runs for a new spelling.
 */
export function prepareCharacteristicIds(db: Db): (name: string) => number {
  const find = db.prepare('SELECT id FROM characteristics WHERE name = ?').pluck();
  const insert = db.prepare('INSERT INTO characteristics (name) VALUES (?)');
  const ids = new Map<string, number>();
  const bySpelling = new Map<string, number>();
  return (name) => {
    let id = bySpelling.get(name);
    if (id === undefined) {
      const cacheKey = name.toLocaleLowerCase('pt-BR');
      id = ids.get(cacheKey) ?? (find.get(name) as number | undefined);
      if (id === undefined) id = Number(insert.run(name).lastInsertRowid);
      ids.set(cacheKey, id);
      bySpelling.set(name, id);
    }
    return id;
  };
}

/** Prepared `set(productId, characteristicId, value)`; answers whether the value changed. */
export function prepareProductCharacteristicSetter(db: Db): (productId: number, characteristicId: number, value: string) => boolean {
  const upsert = db.prepare(
    `INSERT INTO product_characteristics (product_id, characteristic_id, value) VALUES (?, ?, ?)
     ON CONFLICT (product_id, characteristic_id) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`,
  );
  return (productId, characteristicId, value) => upsert.run(productId, characteristicId, value).changes > 0;
}

/** Prepared `set(skuId, characteristicId, value)`; `null` means "same as the product". Answers whether anything changed. */
export function prepareSkuCharacteristicSetter(db: Db): (skuId: number, characteristicId: number, value: string | null) => boolean {
  const upsert = db.prepare(
    `INSERT INTO sku_characteristics (sku_id, characteristic_id, value) VALUES (?, ?, ?)
     ON CONFLICT (sku_id, characteristic_id) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`,
  );
  const remove = db.prepare('DELETE FROM sku_characteristics WHERE sku_id = ? AND characteristic_id = ?');
  return (skuId, characteristicId, value) => (value === null ? remove.run(skuId, characteristicId) : upsert.run(skuId, characteristicId, value)).changes > 0;
}

export function deleteProductCharacteristic(db: Db, productId: number, characteristicId: number): boolean {
  return db.prepare('DELETE FROM product_characteristics WHERE product_id = ? AND characteristic_id = ?').run(productId, characteristicId).changes > 0;
}

/** Prepared reader of a product's values by characteristic id. */
export function prepareProductCharacteristicsReader(db: Db): (productId: number) => Map<number, string> {
  const all = db.prepare('SELECT characteristic_id AS id, value FROM product_characteristics WHERE product_id = ?');
  return (productId) => new Map((all.all(productId) as { id: number; value: string }[]).map((r) => [r.id, r.value]));
}

/** Prepared reader of a SKU's own values by characteristic id. */
export function prepareSkuCharacteristicsReader(db: Db): (skuId: number) => Map<number, string> {
  const all = db.prepare('SELECT characteristic_id AS id, value FROM sku_characteristics WHERE sku_id = ?');
  return (skuId) => new Map((all.all(skuId) as { id: number; value: string }[]).map((r) => [r.id, r.value]));
}

/**
 * Prepared writer for tests and tools: `set(productId, name, value)` creates the name on first use
 * and answers whether the product's value changed.
 */
export function prepareCharacteristicWriter(db: Db): (productId: number, name: string, value: string) => boolean {
  const idOf = prepareCharacteristicIds(db);
  const set = prepareProductCharacteristicSetter(db);
  return (productId, name, value) => set(productId, idOf(name), value);
}
