import type { StockLedger, StockSku } from '../db/tables/order-stock';
import type { OrderIssueCode } from '../db/tables/order-issues';
import type { StockIntent } from './status';

export interface IssueDraft {
  readonly code: OrderIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ItemForStock {
  readonly rowId: number;
  readonly sellerSku: string | null;
  readonly quantity: number;
}

/**
 * Brings one order item's stock effects in line with what its status asks, through the ledger:
 *
 * - reserve (Pending, if the setting is on): take the units;
 * - decrement (Unshipped, Shipped…): take them for good; a reservation already holds them, so
 *   only the difference moves (and nothing moves on a re-import: the row exists);
 * - release (Canceled): give back exactly what the ledger says this item took.
 *
 * Each kind is recorded once per item and SKU, which makes re-imports and repeated statuses
 * harmless. A stale read (Pending seen after Unshipped) never undoes a later effect. Stock never
 * goes below zero: a shortfall is recorded as taken-what-there-was plus an OUT_OF_STOCK issue.
 * Kits move their components. Returns the issues found (unknown, inactive, out of stock).
 */
export function applyItemStock(
  ledger: StockLedger,
  item: ItemForStock,
  intent: StockIntent,
  reserveOnPending: boolean,
): { sku: StockSku | undefined; issues: IssueDraft[] } {
  const code = item.sellerSku ?? '';
  const sku = code ? ledger.findSku(code) : undefined;
  // A cancelled order needs nothing from the catalog: its SKU problems no longer matter.
  const relevant = intent !== 'release';
  if (!sku) return { sku, issues: relevant ? [{ code: 'SKU_UNKNOWN', params: { sku: code } }] : [] };
  const issues: IssueDraft[] = sku.active || !relevant ? [] : [{ code: 'SKU_INACTIVE', params: { sku: sku.sku } }];
  if (intent === 'reserve' && !reserveOnPending) return { sku, issues };

  const targets = sku.components.length
    ? sku.components.map((c) => ({ skuId: c.skuId, code: c.sku, units: c.quantity * item.quantity }))
    : [{ skuId: sku.id, code: sku.sku, units: item.quantity }];
  const entries = ledger.entries(item.rowId);
  for (const target of targets) {
    const mine = entries.filter((e) => e.skuId === target.skuId);
    if (mine.some((e) => e.kind === intent)) continue;
    const held = mine.reduce((sum, e) => sum + e.delta, 0);
    if (intent === 'release') {
      // Nothing was taken (first seen already Canceled): there is nothing to give back or record.
      if (mine.length) ledger.apply(item.rowId, 'release', target.skuId, target.units, -held);
      continue;
    }
    // A later effect already happened: this read is older than what the ledger knows.
    if (mine.some((e) => e.kind === 'release' || (intent === 'reserve' && e.kind === 'decrement'))) continue;
    const wanted = target.units + held; // held is ≤ 0: what a reservation already took
    const available = ledger.stock(target.skuId);
    const taken = Math.min(wanted, available);
    ledger.apply(item.rowId, intent, target.skuId, target.units, -Math.max(0, taken));
    if (wanted > available) issues.push({ code: 'OUT_OF_STOCK', params: { sku: target.code, needed: wanted, available } });
  }
  return { sku, issues };
}
