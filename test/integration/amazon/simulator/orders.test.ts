import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const BR = 'A2Q3Y263D00KWC';
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.sim.control.responseViolations()).toEqual([]);
  await h.sim.close();
});

type Search = {
  orders: { orderId: string; fulfillment?: { fulfillmentStatus: string }; buyer?: { buyerName: string } }[];
  pagination?: { nextToken: string };
  createdBefore?: string;
};

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

async function fulfillmentStatus(orderId: string): Promise<string | undefined> {
  const res = await h.call('GET', `/orders/2026-01-01/orders/${orderId}`, { query: { includedData: 'FULFILLMENT' } });
  return (res.body as { order: { fulfillment?: { fulfillmentStatus: string } } }).order.fulfillment?.fulfillmentStatus;
}

describe('order transitions', () => {
  it('goes Pending → Unshipped after 30 minutes → Shipped on confirmShipment', async () => {
    const order = h.sim.control.createOrder({ lines: [{ sku: 'BRC-001', quantity: 2 }], willCancel: false });
    expect(await fulfillmentStatus(order.orderId)).toBe('PENDING');
    h.sim.control.advance(30 * 60_000);
    expect(await fulfillmentStatus(order.orderId)).toBe('UNSHIPPED');

    const item = order.lines[0];
    const res = await h.call('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, {
      body: {
        marketplaceId: BR,
        packageDetail: {
          packageReferenceId: '1',
          carrierCode: 'Correios',
          trackingNumber: 'BR123456789BR',
          shipDate: iso(h.clock.now()),
          orderItems: [{ orderItemId: item?.orderItemId, quantity: 2 }],
        },
      },
    });
    expect(res.status).toBe(204);
    expect(await fulfillmentStatus(order.orderId)).toBe('SHIPPED');
  });

  it('cancels some Pending orders instead', async () => {
    const order = h.sim.control.createOrder({ lines: [{ sku: 'BRC-001' }], willCancel: true });
    h.sim.control.advance(30 * 60_000);
    expect(await fulfillmentStatus(order.orderId)).toBe('CANCELLED');
  });

  it('refuses to confirm shipment of a Pending order (InvalidInput) and a bad shipDate (400)', async () => {
    const order = h.sim.control.createOrder({ lines: [{ sku: 'BRC-001' }] });
    const detail = {
      packageReferenceId: '1',
      carrierCode: 'Correios',
      trackingNumber: 'T',
      shipDate: iso(h.clock.now()),
      orderItems: [{ orderItemId: order.lines[0]?.orderItemId, quantity: 1 }],
    };
    const pending = await h.call('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, { body: { marketplaceId: BR, packageDetail: detail } });
    expect(pending.status).toBe(400);
    expect((pending.body as { errors: { code: string }[] }).errors[0]?.code).toBe('InvalidInput');
    const badDate = await h.call('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, {
      body: { marketplaceId: BR, packageDetail: { ...detail, shipDate: '02/21/2022' } },
      invalidOnPurpose: true,
    });
    expect(badDate.status).toBe(400);
  });

  it('creates orders over simulator time for buyable listings when automatic orders are on', async () => {
    await h.sim.close();
    h = await startHarness({ autoOrderEveryMs: 10 * 60_000 });
    h.sim.control.advance(60 * 60_000);
    const orders = h.sim.control.orders();
    expect(orders).toHaveLength(6);
    expect(orders.filter((o) => o.status === 'Pending').length).toBeGreaterThan(0);
    expect(orders.filter((o) => o.status !== 'Pending').length).toBeGreaterThan(0);
  });
});

describe('searchOrders', () => {
  it('requires exactly one of createdAfter / lastUpdatedAfter and the 2-minute margin', async () => {
    const now = h.clock.now();
    const neither = await h.call('GET', '/orders/2026-01-01/orders', { query: { marketplaceIds: BR } });
    expect(neither.status).toBe(400);
    expect((neither.body as { errors: { code: string }[] }).errors[0]?.code).toBe('InvalidInput');
    const mixed = await h.call('GET', '/orders/2026-01-01/orders', { query: { createdAfter: iso(now - 3_600_000), lastUpdatedBefore: iso(now - 600_000) } });
    expect(mixed.status).toBe(400);
    const tooRecent = await h.call('GET', '/orders/2026-01-01/orders', { query: { createdAfter: iso(now - 3_600_000), createdBefore: iso(now - 60_000) } });
    expect(tooRecent.status).toBe(400);
  });

  it('pages with paginationToken, echoes createdBefore and hides orders younger than 2 minutes', async () => {
    const start = h.clock.now();
    for (let i = 0; i < 5; i += 1) {
      h.sim.control.createOrder({ lines: [{ sku: 'CAM-001-PRE-M' }] });
      h.sim.control.advance(60_000);
    }
    // Orders at start+0…4 min; now = start+5 min: createdBefore defaults to start+3 (inclusive).
    const query = { createdAfter: iso(start - 1), marketplaceIds: BR, includedData: 'BUYER,FULFILLMENT', maxResultsPerPage: '2' };
    const seen: string[] = [];
    let body = (await h.call('GET', '/orders/2026-01-01/orders', { query })).body as Search;
    expect(body.createdBefore).toBe(iso(h.clock.now() - 120_000));
    seen.push(...body.orders.map((o) => o.orderId));
    while (body.pagination) {
      body = (await h.call('GET', '/orders/2026-01-01/orders', { query: { ...query, paginationToken: body.pagination.nextToken } })).body as Search;
      seen.push(...body.orders.map((o) => o.orderId));
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('finds an order again by lastUpdatedAfter once its status changed', async () => {
    const order = h.sim.control.createOrder({ lines: [{ sku: 'BRC-001' }], willCancel: false });
    h.sim.control.advance(10 * 60_000);
    const checkpoint = h.clock.now() - 120_000;
    h.sim.control.advance(25 * 60_000);
    const body = (await h.call('GET', '/orders/2026-01-01/orders', { query: { lastUpdatedAfter: iso(checkpoint), includedData: 'FULFILLMENT' } }))
      .body as Search & { lastUpdatedBefore: string };
    expect(body.orders.map((o) => [o.orderId, o.fulfillment?.fulfillmentStatus])).toEqual([[order.orderId, 'UNSHIPPED']]);
    expect(body.lastUpdatedBefore).toBe(iso(h.clock.now() - 120_000));
  });

  it('serves seeded orders whose buyer names look like spreadsheet formulas', async () => {
    await h.sim.close();
    h = await startHarness({ seedOrders: true });
    h.sim.control.advance(5 * 60_000);
    const body = (await h.call('GET', '/orders/2026-01-01/orders', { query: { createdAfter: iso(h.clock.now() - 7 * 86_400_000), includedData: 'BUYER' } }))
      .body as Search;
    expect(body.orders.some((o) => o.buyer?.buyerName.startsWith('='))).toBe(true);
  });
});
