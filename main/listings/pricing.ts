import type { BuilderSku, KitComponent, ListingSettings, PriceRule } from './builder-types';

/** Money is computed in integer cents: 19.9 * 3 in floating point is 59.699999999999996. */
function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/**
 * Store price → Amazon price: multiply, add the fixed amount, then round up to the next .90 or
 * .99 (psychological pricing rounds up so a rule never sells below the computed margin).
 */
export function applyPriceRule(price: number, rule: PriceRule = {}): number {
  const cents = toCents(price * (rule.multiplier ?? 1)) + toCents(rule.fixedAmount ?? 0);
  const rounding = rule.rounding ?? 'none';
  if (rounding === 'none') return cents / 100;
  const ending = rounding === 'cents_90' ? 90 : 99;
  const whole = Math.floor(cents / 100) * 100;
  const rounded = whole + ending >= cents ? whole + ending : whole + 100 + ending;
  return rounded / 100;
}

/** How many complete kits the components' stock allows. */
export function kitQuantity(components: readonly KitComponent[]): number {
  if (components.length === 0) return 0;
  return Math.min(...components.map((c) => (c.quantityPerKit > 0 ? Math.floor(Math.max(0, c.stock) / c.quantityPerKit) : 0)));
}

/** Quantity to publish: kit arithmetic, then the safety stock floor (below it, send 0). */
export function quantityToSend(sku: BuilderSku, settings: ListingSettings): number {
  const available = sku.isKit ? kitQuantity(sku.kitComponents ?? []) : Math.max(0, Math.floor(sku.stock));
  return available < (settings.safetyStock ?? 0) ? 0 : available;
}

/** One year after an ISO date or date-time, as a date: Amazon needs an end for a sale. */
export function oneYearAfter(isoDate: string): string {
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}
