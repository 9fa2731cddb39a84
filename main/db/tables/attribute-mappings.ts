import type { Db } from '../connection';

export type DefaultValue = string | number | boolean;

/**
 * How one Amazon attribute of a product type is filled in a marketplace: from a store
 * characteristic (through a value map, with a unit for measures), from a default, or both
 * (the default covers products where the characteristic is empty).
 */
export interface AttributeMappingRow {
  readonly marketplaceId: string;
  readonly productType: string;
  readonly attribute: string;
  readonly characteristic: string | null;
  /** Store value → schema value ("Azul" → "blue"). */
  readonly valueMap: Readonly<Record<string, string>>;
  readonly unit: string | null;
  readonly defaultValue: DefaultValue | null;
}

interface Row {
  marketplace_id: string;
  product_type: string;
  attribute: string;
  characteristic: string | null;
  value_map: string;
  unit: string | null;
  default_value: string | null;
}

const toRow = (r: Row): AttributeMappingRow => ({
  marketplaceId: r.marketplace_id,
  productType: r.product_type,
  attribute: r.attribute,
  characteristic: r.characteristic,
  valueMap: JSON.parse(r.value_map) as Record<string, string>,
  unit: r.unit,
  defaultValue: r.default_value === null ? null : (JSON.parse(r.default_value) as DefaultValue),
});

export function listAttributeMappings(db: Db, marketplaceId: string, productType: string): AttributeMappingRow[] {
  return (
    db.prepare('SELECT * FROM attribute_mappings WHERE marketplace_id = ? AND product_type = ? ORDER BY attribute').all(marketplaceId, productType) as Row[]
  ).map(toRow);
}

/** Saves one attribute's mapping; with neither a characteristic nor a default it is removed. */
export function saveAttributeMapping(db: Db, m: AttributeMappingRow, now: number): void {
  if (m.characteristic === null && m.defaultValue === null) {
    removeAttributeMapping(db, m.marketplaceId, m.productType, m.attribute);
    return;
  }
  db.prepare(
    `INSERT INTO attribute_mappings (marketplace_id, product_type, attribute, characteristic, value_map, unit, default_value, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (marketplace_id, product_type, attribute) DO UPDATE SET characteristic = excluded.characteristic,
       value_map = excluded.value_map, unit = excluded.unit, default_value = excluded.default_value, updated_at = excluded.updated_at`,
  ).run(
    m.marketplaceId,
    m.productType,
    m.attribute,
    m.characteristic,
    JSON.stringify(m.valueMap),
    m.unit,
    m.defaultValue === null ? null : JSON.stringify(m.defaultValue),
    now,
  );
}

export function removeAttributeMapping(db: Db, marketplaceId: string, productType: string, attribute: string): boolean {
  return (
    db.prepare('DELETE FROM attribute_mappings WHERE marketplace_id = ? AND product_type = ? AND attribute = ?').run(marketplaceId, productType, attribute)
      .changes > 0
  );
}

/**
 * Distinct values of a characteristic across the catalog (product characteristics and SKU
 * variation attributes), with how many products use each: the rows of the value-mapping table.
 */
export function characteristicValues(db: Db, name: string, limit: number): { value: string; products: number }[] {
  return db
    .prepare(
      `SELECT value, COUNT(DISTINCT product_id) AS products FROM (
         SELECT pc.value AS value, pc.product_id AS product_id FROM product_characteristics pc
           JOIN characteristics c ON c.id = pc.characteristic_id WHERE c.name = @name COLLATE NOCASE
         UNION ALL
         SELECT j.value AS value, s.product_id AS product_id FROM skus s, json_each(s.variation) j WHERE j.key = @name
       ) WHERE trim(value) <> '' GROUP BY value ORDER BY products DESC, value LIMIT @limit`,
    )
    .all({ name, limit }) as { value: string; products: number }[];
}

/** Characteristic names the store uses: product characteristics and variation attributes. */
export function storeCharacteristicNames(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM characteristics
       UNION SELECT DISTINCT j.key FROM skus, json_each(skus.variation) j
       ORDER BY 1 COLLATE NOCASE`,
    )
    .pluck()
    .all() as string[];
}
