import type { Db } from '../db/connection';
import { applyPriceRule } from '../listings/pricing';
import { readSyncSettings } from '../sync/settings';
import type { StockSku } from '../db/tables/order-stock';

/**
 * The price Vitrine expected Amazon to charge for a SKU in one account × marketplace: the catalog
 * price (sale price first) through that marketplace's price rule, as the send engine computes it.
 * The send engine does not record the price it actually sent yet, so a catalog edit made after a
 * send moves the reference too; the tolerance absorbs small differences. When the seller chose not
 * to send prices, Amazon's price is not Vitrine's to judge: null.
 */
export function prepareExpectation(db: Db): (sku: StockSku, accountId: string, marketplaceId: string) => number | null {
  const rules = new Map<string, ReturnType<typeof readSyncSettings>>();
  return (sku, accountId, marketplaceId) => {
    const key = `${accountId}\u0000${marketplaceId}`;
    let settings = rules.get(key);
    if (!settings) rules.set(key, (settings = readSyncSettings(db, accountId, marketplaceId)));
    const cents = sku.salePriceCents ?? sku.priceCents;
    if (!settings.sendPrice || cents === null) return null;
    return Math.round(applyPriceRule(cents / 100, settings.priceRule) * 100);
  };
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
