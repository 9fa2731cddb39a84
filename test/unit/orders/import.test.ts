import { describe, expect, it } from 'vitest';
import { importOrders, SETTLE_MS } from '../../../main/orders/import';
import { getOrderCursor } from '../../../main/db/tables/order-cursors';
import { listOrderIssues } from '../../../main/db/tables/order-issues';
import { listOrderStockEffects, listStockChanges } from '../../../main/db/tables/order-stock';
import { findOrderRowId, getOrderRow, listOrderItems, listOrders } from '../../../main/db/tables/orders';
import { DEFAULT_ORDER_SETTINGS, type OrderSettings } from '../../../main/orders/settings';
import { SpApiError } from '../../../main/amazon/errors';
import { saveSyncSettings } from '../../../main/sync/settings';
import { addKit, addSku, BR, FakeOrdersApi, order, stockOf, testDb } from './fixtures';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function setup(settings: OrderSettings = DEFAULT_ORDER_SETTINGS) {
  const db = testDb();
  let now = T0 + 60 * 60_000;
  const api = new FakeOrdersApi(() => now);
  const run = () => importOrders(db, api, { accountId: 'acc', marketplaceIds: [BR], settings, now: () => now, lookbackMs: 24 * 3600_000 });
  return { db, api, run, advance: (minutes: number) => (now += minutes * 60_000), now: () => now };
}

describe('importOrders', () => {
  it('imports every page, stores items, buyer and address as returned, and moves the cursor to the window end', async () => {
    const { db, api, run, now } = setup();
    addSku(db, 'A', 10);
    api.orders = [1, 2, 3, 4, 5].map((i) =>
      order({ id: `701-000000${i}`, status: 'UNSHIPPED', updated: at(i), lines: [{ sku: 'A', quantity: 1, price: '100.00' }] }),
    );

    const summary = await run();

    expect(summary).toMatchObject({ new: 5, updated: 0, errors: 0, apiCalls: 3 });
    expect(listOrders(db, {}, { offset: 0, limit: 10 }).total).toBe(5);
    const row = getOrderRow(db, findOrderRowId(db, 'acc', '701-0000001') ?? -1);
    expect(row).toMatchObject({ status: 'Unshipped', buyerName: 'Ana Silva', shipCity: 'São Paulo', currency: 'BRL', totalCents: 10_000 });
    expect(JSON.parse(row?.recipient ?? '{}')).toMatchObject({ deliveryAddress: { addressLine1: 'Rua A, 1' } });
    expect(getOrderCursor(db, 'acc', BR)).toEqual({
      accountId: 'acc',
      marketplaceId: BR,
      lastUpdatedAfter: new Date(now() - SETTLE_MS).toISOString(),
      pending: null,
    });
    for (const call of api.calls) expect(Date.parse(call.lastUpdatedBefore ?? '')).toBeLessThanOrEqual(now() - 120_000);
  });

  it('never duplicates: the same window imported twice leaves orders and stock as they were', async () => {
    const { db, api, run, advance } = setup();
    addSku(db, 'A', 10);
    api.orders = [order({ id: 'O1', status: 'UNSHIPPED', updated: at(1), lines: [{ sku: 'A', quantity: 2 }] })];
    await run();
    db.prepare('DELETE FROM order_cursors').run();
    advance(5);

    const second = await run();

    expect(second).toMatchObject({ new: 0, updated: 0, unchanged: 1, errors: 0 });
    expect(db.prepare('SELECT COUNT(*) FROM orders').pluck().get()).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM order_items').pluck().get()).toBe(1);
    expect(stockOf(db, 'A')).toBe(8);
  });

  it('searches again from the cursor minus the overlap', async () => {
    const { api, run, advance } = setup();
    await run();
    const firstEnd = Date.parse(api.calls[0]?.lastUpdatedBefore ?? '');
    advance(30);

    await run();

    expect(Date.parse(api.calls[1]?.lastUpdatedAfter ?? '')).toBe(firstEnd - 10 * 60_000);
  });

  it('reserves while Pending, keeps the units once Unshipped, and releases them when Canceled', async () => {
    const { db, api, run, advance } = setup();
    addSku(db, 'A', 10);
    addSku(db, 'B', 10);
    api.orders = [
      order({ id: 'P1', status: 'PENDING', updated: at(1), lines: [{ sku: 'A', quantity: 3 }] }),
      order({ id: 'P2', status: 'PENDING', updated: at(2), lines: [{ sku: 'B', quantity: 4 }] }),
    ];
    await run();
    expect([stockOf(db, 'A'), stockOf(db, 'B')]).toEqual([7, 6]);

    advance(40);
    api.put(order({ id: 'P1', status: 'UNSHIPPED', updated: at(50), lines: [{ sku: 'A', quantity: 3 }] }));
    api.put(order({ id: 'P2', status: 'CANCELLED', updated: at(51), lines: [{ sku: 'B', quantity: 4 }] }));
    const summary = await run();

    expect(summary).toMatchObject({ new: 0, updated: 2 });
    expect([stockOf(db, 'A'), stockOf(db, 'B')]).toEqual([7, 10]);
    advance(40);
    api.put(order({ id: 'P1', status: 'SHIPPED', updated: at(90), lines: [{ sku: 'A', quantity: 3 }] }));
    await run();
    expect(stockOf(db, 'A')).toBe(7);
    expect(listOrderStockEffects(db, findOrderRowId(db, 'acc', 'P1') ?? -1).map((e) => [e.kind, e.delta])).toEqual([
      ['reserve', -3],
      ['decrement', 0],
    ]);
  });

  it('does not reserve Pending orders when the setting is off, and decrements once they are paid', async () => {
    const { db, api, run, advance } = setup({ ...DEFAULT_ORDER_SETTINGS, reserveOnPending: false });
    addSku(db, 'A', 10);
    api.orders = [order({ id: 'P1', status: 'PENDING', updated: at(1), lines: [{ sku: 'A', quantity: 3 }] })];
    await run();
    expect(stockOf(db, 'A')).toBe(10);

    advance(40);
    api.put(order({ id: 'P1', status: 'UNSHIPPED', updated: at(50), lines: [{ sku: 'A', quantity: 3 }] }));
    await run();

    expect(stockOf(db, 'A')).toBe(7);
  });

  it('decrements the components of a kit and queues the components and the kit for the fast lane', async () => {
    const { db, api, run } = setup();
    const a = addSku(db, 'A', 10);
    const b = addSku(db, 'B', 10);
    const kit = addKit(db, 'KIT', [
      [a, 2],
      [b, 1],
    ]);
    api.orders = [order({ id: 'K1', status: 'UNSHIPPED', updated: at(1), lines: [{ sku: 'KIT', quantity: 2 }] })];

    await run();

    expect([stockOf(db, 'A'), stockOf(db, 'B')]).toEqual([6, 8]);
    expect(
      listStockChanges(db)
        .map((c) => c.skuId)
        .sort(),
    ).toEqual([a, b, kit].sort());
  });

  it('records unknown, inactive and out-of-stock items as order errors once, and applies the effect when the SKU appears', async () => {
    const { db, api, run, advance } = setup();
    addSku(db, 'OFF', 5, { active: false });
    addSku(db, 'FEW', 1);
    api.orders = [
      order({ id: 'E1', status: 'UNSHIPPED', updated: at(1), lines: [{ sku: 'NOPE', quantity: 1 }] }),
      order({ id: 'E2', status: 'UNSHIPPED', updated: at(2), lines: [{ sku: 'OFF', quantity: 1 }] }),
      order({ id: 'E3', status: 'UNSHIPPED', updated: at(3), lines: [{ sku: 'FEW', quantity: 3 }] }),
    ];

    const first = await run();

    expect(first.errors).toBe(3);
    expect(first.raised.map((r) => [r.amazonOrderId, r.code])).toEqual([
      ['E1', 'SKU_UNKNOWN'],
      ['E2', 'SKU_INACTIVE'],
      ['E3', 'OUT_OF_STOCK'],
    ]);
    expect(stockOf(db, 'FEW')).toBe(0);
    expect(listOrderIssues(db, findOrderRowId(db, 'acc', 'E3') ?? -1)[0]?.params).toEqual({ sku: 'FEW', needed: 3, available: 1 });

    addSku(db, 'NOPE', 4);
    db.prepare('DELETE FROM order_cursors').run();
    advance(5);
    const second = await run();

    expect(second.errors).toBe(0);
    expect(stockOf(db, 'NOPE')).toBe(3);
    expect(listOrderIssues(db, findOrderRowId(db, 'acc', 'E1') ?? -1)).toEqual([]);
  });

  it('raises no SKU problem for a cancelled order, and clears those of an order once it is cancelled', async () => {
    const { db, api, run, advance } = setup();
    addSku(db, 'FEW', 1);
    api.orders = [
      order({ id: 'C1', status: 'CANCELLED', updated: at(1), lines: [{ sku: 'NOPE', quantity: 1 }] }),
      order({ id: 'C2', status: 'UNSHIPPED', updated: at(2), lines: [{ sku: 'NOPE', quantity: 1 }] }),
      order({ id: 'C3', status: 'UNSHIPPED', updated: at(3), lines: [{ sku: 'FEW', quantity: 2 }] }),
    ];
    const first = await run();
    expect(first.raised.map((r) => [r.amazonOrderId, r.code])).toEqual([
      ['C2', 'SKU_UNKNOWN'],
      ['C3', 'OUT_OF_STOCK'],
    ]);

    advance(30);
    api.put(order({ id: 'C2', status: 'CANCELLED', updated: at(70), lines: [{ sku: 'NOPE', quantity: 1 }] }));
    api.put(order({ id: 'C3', status: 'CANCELLED', updated: at(71), lines: [{ sku: 'FEW', quantity: 2 }] }));
    await run();

    expect(listOrders(db, { withIssues: true }, { offset: 0, limit: 10 }).total).toBe(0);
    expect(stockOf(db, 'FEW')).toBe(1);
  });

  it('leaves stock alone for orders Amazon fulfils', async () => {
    const { db, api, run } = setup();
    addSku(db, 'A', 10);
    api.orders = [order({ id: 'F1', status: 'SHIPPED', updated: at(1), fulfilledBy: 'AMAZON', lines: [{ sku: 'A', quantity: 2 }] })];

    await run();

    expect(stockOf(db, 'A')).toBe(10);
  });

  it('ignores a stale read that is older than the stored order', async () => {
    const { db, api, run, advance } = setup();
    addSku(db, 'A', 10);
    api.orders = [order({ id: 'S1', status: 'CANCELLED', updated: at(5), lines: [{ sku: 'A', quantity: 2 }] })];
    await run();
    api.orders = [order({ id: 'S1', status: 'PENDING', updated: at(1), lines: [{ sku: 'A', quantity: 2 }] })];
    db.prepare('DELETE FROM order_cursors').run();
    advance(5);

    await run();

    expect(getOrderRow(db, findOrderRowId(db, 'acc', 'S1') ?? -1)?.status).toBe('Canceled');
    expect(stockOf(db, 'A')).toBe(10);
  });

  it('flags an order whose item price differs from the SKU price beyond the tolerance', async () => {
    const { db, api, run } = setup({ ...DEFAULT_ORDER_SETTINGS, priceTolerancePercent: 5 });
    addSku(db, 'A', 10, { priceCents: 10_000 });
    api.orders = [
      order({ id: 'D1', status: 'UNSHIPPED', updated: at(1), lines: [{ sku: 'A', quantity: 1, price: '104.99' }] }),
      order({ id: 'D2', status: 'UNSHIPPED', updated: at(2), lines: [{ sku: 'A', quantity: 1, price: '89.90' }] }),
    ];

    const summary = await run();

    const flagged = listOrders(db, {}, { offset: 0, limit: 10 })
      .rows.filter((r) => r.priceDivergence === 1)
      .map((r) => r.amazonOrderId);
    expect(flagged).toEqual(['D2']);
    expect(summary.raised.find((r) => r.code === 'PRICE_DIVERGENCE')?.params).toMatchObject({ paidCents: 8990, expectedCents: 10_000, percent: 10.1 });
    expect(summary.errors).toBe(0);
    expect(listOrderItems(db, findOrderRowId(db, 'acc', 'D1') ?? -1)[0]?.expectedPriceCents).toBe(10_000);
  });

  it('expects the price the marketplace price rule makes, and does not judge prices Vitrine does not send', async () => {
    const { db, api, run } = setup({ ...DEFAULT_ORDER_SETTINGS, priceTolerancePercent: 1 });
    addSku(db, 'A', 10, { priceCents: 10_000 });
    saveSyncSettings(db, 'acc', BR, { priceRule: { multiplier: 1.2, rounding: 'cents_90' } });
    api.orders = [order({ id: 'R1', status: 'UNSHIPPED', updated: at(1), lines: [{ sku: 'A', quantity: 1, price: '120.90' }] })];

    const ruled = await run();

    expect(ruled.raised).toEqual([]);
    expect(listOrderItems(db, findOrderRowId(db, 'acc', 'R1') ?? -1)[0]?.expectedPriceCents).toBe(12_090);

    saveSyncSettings(db, 'acc', BR, { sendPrice: false });
    api.put(order({ id: 'R2', status: 'UNSHIPPED', updated: at(2), lines: [{ sku: 'A', quantity: 1, price: '1.00' }] }));
    db.prepare('DELETE FROM order_cursors').run();
    const unsent = await run();

    expect(unsent.raised).toEqual([]);
    expect(listOrderItems(db, findOrderRowId(db, 'acc', 'R2') ?? -1)[0]?.expectedPriceCents).toBeNull();
  });

  it('keeps committed pages and the pagination token when a later page fails, then resumes with the token', async () => {
    const { db, api, run } = setup();
    addSku(db, 'A', 100);
    api.orders = [1, 2, 3, 4, 5].map((i) => order({ id: `R${i}`, status: 'UNSHIPPED', updated: at(i), lines: [{ sku: 'A', quantity: 1 }] }));
    const realSearch = api.searchOrders.bind(api);
    let calls = 0;
    api.searchOrders = async (params) => {
      calls += 1;
      if (calls === 2) throw new SpApiError({ operationId: 'searchOrders', status: 503, errors: [], retryable: true });
      return realSearch(params);
    };

    await expect(run()).rejects.toThrow(SpApiError);
    const cursor = getOrderCursor(db, 'acc', BR);
    expect(cursor.lastUpdatedAfter).toBeNull();
    expect(cursor.pending?.token).toBe('tok:2');
    expect(db.prepare('SELECT COUNT(*) FROM orders').pluck().get()).toBe(2);

    const resumed = await run();

    expect(api.calls.at(-2)?.paginationToken).toBe('tok:2');
    expect(resumed.new).toBe(3);
    expect(stockOf(db, 'A')).toBe(95);
    expect(getOrderCursor(db, 'acc', BR).pending).toBeNull();
  });
});
