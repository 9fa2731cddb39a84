import type { PackageSize } from '../../amazon/api/easy-ship';
import type { Db } from '../../db/connection';
import { orderItemSizes } from '../../db/tables/easy-ship-packages';

/** Easy Ship's floor for a package (the model's minimum weight). */
export const MIN_WEIGHT_G = 11;

export interface PackageEstimate {
  readonly size: PackageSize;
  /** SKUs whose weight or sizes the catalog lacks (the default box stood in for them). */
  readonly missing: readonly string[];
}

/**
 * The package of an order from its products: weights added up (quantity included), the box as
 * long and wide as the largest item and as high as the items stacked. Anything the catalog lacks
 * comes from the seller's default box, and the seller can change every figure before asking for slots.
 */
export function estimatePackage(db: Db, orderRowId: number, fallback: PackageSize): PackageEstimate {
  const items = orderItemSizes(db, orderRowId);
  const missing = items.filter((i) => !i.weightG || !i.lengthMm || !i.widthMm || !i.heightMm).map((i) => i.sku ?? '—');
  if (items.length === 0 || missing.length === items.length) return { size: fallback, missing };
  const known = items.filter((i) => i.weightG && i.lengthMm && i.widthMm && i.heightMm);
  const weight = items.reduce((sum, i) => sum + (i.weightG ?? fallback.weightG) * i.quantity, 0);
  const cm = (mm: number | null) => Math.round(((mm ?? 0) / 10) * 10) / 10;
  const size: PackageSize = {
    lengthCm: Math.max(...known.map((i) => cm(i.lengthMm)), missing.length ? fallback.lengthCm : 0),
    widthCm: Math.max(...known.map((i) => cm(i.widthMm)), missing.length ? fallback.widthCm : 0),
    heightCm: Math.round((known.reduce((sum, i) => sum + cm(i.heightMm) * i.quantity, 0) + (missing.length ? fallback.heightCm : 0)) * 10) / 10,
    weightG: Math.max(MIN_WEIGHT_G, Math.round(weight)),
  };
  return { size, missing };
}
