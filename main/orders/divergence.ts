import type { StockSku } from '../db/tables/order-stock';

/**
 * The price Vitrine expected Amazon to charge for a SKU. Until the send engine records the price
 * it actually sent per marketplace, this is the SKU's current catalog price (sale price first):
 * a price rule applied at send time will show up as divergence, so the tolerance must allow it.
 */
export function expectedPriceCents(sku: StockSku): number | null {
  return sku.salePriceCents ?? sku.priceCents;
}

/** Percentage difference of the paid price from the expected one, when both are known. */
export function divergencePercent(paidCents: number, expectedCents: number): number {
  if (expectedCents <= 0) return paidCents === 0 ? 0 : Number.POSITIVE_INFINITY;
  return (Math.abs(paidCents - expectedCents) / expectedCents) * 100;
}

export function isDivergent(paidCents: number, expectedCents: number, tolerancePercent: number): boolean {
  // Rounded to hundredths of a percent so 5.000000001% does not flag a 5% tolerance.
  return Math.round(divergencePercent(paidCents, expectedCents) * 100) > Math.round(tolerancePercent * 100);
}
