import type { Order } from '../amazon/api/orders';
import type { Db } from '../db/connection';
import { prepareExpectedPrice, prepareOrderUpsert, setOrderDivergence, type OrderUpsert, type OrderWriteOutcome } from '../db/tables/orders';
import { prepareStockLedger } from '../db/tables/order-stock';
import { prepareOrderIssues, type OrderIssueCode } from '../db/tables/order-issues';
import { toCents } from './money';
import { statusFromFulfillment, stockIntent } from './status';
import { applyItemStock } from './stock-effects';
import { divergencePercent, isDivergent, prepareExpectation } from './divergence';
import type { OrderSettings } from './settings';
import { prepareOrderProgramUpsert } from '../db/tables/order-programs';
import { orderProgramOf } from '../brazil/programs';

/** An issue raised for the first time by this commit (announced once: notification + activity). */
export interface RaisedIssue {
  readonly orderRowId: number;
  readonly amazonOrderId: string;
  readonly orderItemId: string;
  readonly code: OrderIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface CommitResult {
  readonly outcomes: Readonly<Record<OrderWriteOutcome, number>>;
  readonly raised: readonly RaisedIssue[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Orders 2026-01-01 → the stored shape. A read without (or with an unknown) status keeps the stored one. */
export function toOrderUpsert(accountId: string, order: Order): OrderUpsert {
  const address = order.recipient?.deliveryAddress ?? {};
  const items = order.orderItems.map((item) => {
    const unit = item.product.price?.unitPrice;
    return {
      orderItemId: item.orderItemId,
      sellerSku: text(item.product.sellerSku),
      asin: text(item.product.asin),
      title: text(item.product.title),
      quantity: item.quantityOrdered,
      unitPriceCents: unit ? toCents(unit.amount) : null,
      currency: unit?.currencyCode ?? null,
    };
  });
  const priced = items.every((i) => i.unitPriceCents !== null) && items.length > 0;
  return {
    accountId,
    amazonOrderId: order.orderId,
    marketplaceId: order.salesChannel.marketplaceId ?? '',
    status: (order.fulfillment && statusFromFulfillment(order.fulfillment.fulfillmentStatus)) ?? null,
    fulfilledBy: order.fulfillment?.fulfilledBy ?? null,
    createdTime: order.createdTime,
    lastUpdatedTime: order.lastUpdatedTime,
    buyerName: text(order.buyer?.buyerName),
    buyerEmail: text(order.buyer?.buyerEmail),
    buyer: order.buyer ?? null,
    recipient: order.recipient ?? null,
    packages: order.packages ?? null,
    shipCity: text(address.city),
    shipState: text(address.stateOrRegion),
    shipCountry: text(address.countryCode),
    currency: items.find((i) => i.currency)?.currency ?? null,
    totalCents: priced ? items.reduce((sum, i) => sum + (i.unitPriceCents ?? 0) * i.quantity, 0) : null,
    items,
  };
}

/**
 * Writes one page of orders and everything they imply — items, stock ledger, issues, price
 * flags — as one transaction, then runs `alsoInside` (the cursor save) in the same transaction:
 * a crash leaves either the whole page with its cursor or neither.
 */
export function commitOrders(db: Db, accountId: string, orders: readonly Order[], settings: OrderSettings, alsoInside?: () => void): CommitResult {
  const upsert = prepareOrderUpsert(db);
  const ledger = prepareStockLedger(db);
  const issues = prepareOrderIssues(db);
  const expectedPrice = prepareExpectedPrice(db);
  const expectation = prepareExpectation(db);
  const recordProgram = prepareOrderProgramUpsert(db);
  const outcomes = { inserted: 0, updated: 0, unchanged: 0 };
  const raised: RaisedIssue[] = [];
  db.transaction(() => {
    for (const order of orders) {
      const row = toOrderUpsert(accountId, order);
      const write = upsert(row);
      outcomes[write.outcome] += 1;
      // Self-ship, Easy Ship (DBA) or FBA, and Amazon's word on the NF-e; a stale read changes nothing.
      if (write.outcome !== 'unchanged') {
        const facts = orderProgramOf(order);
        recordProgram(write.id, facts.program, facts.programs, facts.invoiceStatus);
      }
      // Amazon moves FBA stock in its own warehouses; the seller's shelf is not touched.
      if (row.fulfilledBy === 'AMAZON') continue;
      // The stored status wins over a stale read (an older lastUpdatedTime) of the same order.
      const status = write.status;
      let divergent = false;
      row.items.forEach((item, index) => {
        const itemRowId = write.itemIds[index];
        if (itemRowId === undefined) return;
        const announce = (code: OrderIssueCode, params: Readonly<Record<string, string | number>>) => {
          if (issues.raise(write.id, itemRowId, code, params)) {
            raised.push({ orderRowId: write.id, amazonOrderId: row.amazonOrderId, orderItemId: item.orderItemId, code, params });
          }
        };
        const intent = stockIntent(status);
        const result = applyItemStock(ledger, { rowId: itemRowId, sellerSku: item.sellerSku, quantity: item.quantity }, intent, settings.reserveOnPending);
        const codes = new Set(result.issues.map((i) => i.code));
        for (const issue of result.issues) announce(issue.code, issue.params);
        // The catalog may have been fixed since (these are re-checked at every read), and a
        // cancelled order has given its stock back: none of its stock problems stands.
        const recheck = intent === 'release' ? (['SKU_UNKNOWN', 'SKU_INACTIVE', 'OUT_OF_STOCK'] as const) : (['SKU_UNKNOWN', 'SKU_INACTIVE'] as const);
        for (const code of recheck) if (!codes.has(code)) issues.clear(itemRowId, code);
        if (result.sku && item.unitPriceCents !== null) {
          const expected = expectation(result.sku, accountId, row.marketplaceId);
          // Frozen at the first priced read: later catalog edits must not re-judge an old sale.
          if (expected !== null && expectedPrice.get(itemRowId) === null) {
            expectedPrice.set(itemRowId, expected);
            if (isDivergent(item.unitPriceCents, expected, settings.priceTolerancePercent)) {
              divergent = true;
              announce('PRICE_DIVERGENCE', {
                sku: result.sku.sku,
                paidCents: item.unitPriceCents,
                expectedCents: expected,
                currency: item.currency ?? '',
                percent: Math.round(divergencePercent(item.unitPriceCents, expected) * 10) / 10,
              });
            }
          }
        }
      });
      if (divergent) setOrderDivergence(db, write.id, true);
    }
    alsoInside?.();
  })();
  return { outcomes, raised };
}
