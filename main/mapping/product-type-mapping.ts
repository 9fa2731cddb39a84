import type { AttributeMappingRow } from '../db/tables/attribute-mappings';
import type { AttributeMapping, ProductTypeMapping } from '../listings';

/**
 * Stored attribute mappings → the builder's ProductTypeMapping. A characteristic becomes a
 * source (with its value map and unit); a default fills the attribute when the characteristic
 * is empty for a product, or always (as a constant, with its unit) when none is mapped.
 */
export function toProductTypeMapping(productType: string, rows: readonly AttributeMappingRow[], variationTheme: string | null): ProductTypeMapping {
  const attributes: AttributeMapping[] = [];
  const defaults: Record<string, string | number | boolean> = {};
  for (const row of rows) {
    if (row.characteristic !== null) {
      attributes.push({
        attribute: row.attribute,
        source: { kind: 'characteristic', name: row.characteristic },
        ...(Object.keys(row.valueMap).length > 0 ? { valueMap: row.valueMap } : {}),
        ...(row.unit !== null ? { unit: row.unit } : {}),
      });
    }
    if (row.defaultValue === null) continue;
    // A default alone is a constant; as a source it keeps its unit (`defaults` carry none).
    if (row.characteristic === null) {
      attributes.push({ attribute: row.attribute, source: { kind: 'constant', value: row.defaultValue }, ...(row.unit !== null ? { unit: row.unit } : {}) });
    } else {
      defaults[row.attribute] = row.defaultValue;
    }
  }
  return { productType, attributes, defaults, ...(variationTheme !== null ? { variationTheme } : {}) };
}
