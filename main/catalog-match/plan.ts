import type { CatalogMatch } from '../db/tables/catalog-matches';
import type { SkuCodeRow } from '../db/tables/sku-gtins';
import { checkGtin } from '../ean/gtin';

/** A SKU whose code Amazon's catalog will be asked about. */
export interface PlannedLookup {
  readonly skuId: number;
  readonly sku: string;
  /** The GTIN-14 of the SKU's code. */
  readonly gtin14: string;
}

/** A stored answer that no longer holds: forget it, and take back the ASIN it attached. */
export interface PlannedDrop {
  readonly skuId: number;
  /** The ASIN to remove from `skus.asin` when this answer put it there; null otherwise. */
  readonly detachAsin: string | null;
}

export interface CatalogMatchPlan {
  readonly lookups: readonly PlannedLookup[];
  readonly drops: readonly PlannedDrop[];
  /** SKUs not looked up because their code is not one Amazon accepts. */
  readonly invalid: number;
  /** SKUs not looked up because another SKU has the same code (both would land on one ASIN). */
  readonly duplicates: number;
}

/**
 * Decides what one matching pass does in one marketplace, from every SKU's code and the answers
 * stored for it. Only a SKU whose code is valid (as the import judged it and as checked now) and
 * unique in the catalog is looked up — a shared code would put two SKUs on one ASIN. A code
 * already looked up is not asked again unless it changed (or `force`). Answers for codes that
 * changed, turned invalid or became shared are dropped, with any ASIN they attached.
 */
export function planCatalogMatch(
  skus: readonly SkuCodeRow[],
  stored: ReadonlyMap<number, CatalogMatch>,
  options: { readonly force?: boolean } = {},
): CatalogMatchPlan {
  const checked = skus.map((s) => {
    const check = s.gtin === null || s.gtin.trim() === '' ? null : checkGtin(s.gtin);
    return { row: s, gtin14: check?.gtin14 ?? null, valid: check?.valid === true && s.gtinStatus === 'valid' };
  });
  const skusPerCode = new Map<string, number>();
  for (const c of checked) if (c.gtin14 !== null) skusPerCode.set(c.gtin14, (skusPerCode.get(c.gtin14) ?? 0) + 1);

  const lookups: PlannedLookup[] = [];
  const drops: PlannedDrop[] = [];
  let invalid = 0;
  let duplicates = 0;
  for (const { row, gtin14, valid } of checked) {
    const answer = stored.get(row.id);
    const drop = () => {
      if (answer) drops.push({ skuId: row.id, detachAsin: answer.attached ? answer.asin : null });
    };
    if (gtin14 === null || !valid) {
      if (row.gtin !== null && row.gtin.trim() !== '' && row.gtinStatus !== 'exempt') invalid += 1;
      drop();
      continue;
    }
    if ((skusPerCode.get(gtin14) ?? 0) > 1) {
      duplicates += 1;
      drop();
      continue;
    }
    if (answer && answer.gtin !== gtin14) drop();
    else if (answer && options.force !== true) continue;
    lookups.push({ skuId: row.id, sku: row.sku, gtin14 });
  }
  return { lookups, drops, invalid, duplicates };
}
