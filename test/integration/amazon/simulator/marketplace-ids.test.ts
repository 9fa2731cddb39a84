import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BR, FIXTURE_PRODUCT_TYPES } from './fixtures';
import { startHarness, type Harness } from './harness';

/**
 * Every operation that takes marketplace ids refuses one Amazon does not have, with its own API's
 * 400 (the listings model's sandbox case: `marketplaceIds=invalid` → BAD_REQUEST "Invalid input").
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES });
});
afterEach(async () => {
  expect(h.sim.control.responseViolations()).toEqual([]);
  await h.sim.close();
});

type Errors = { errors: { code: string; message: string; details?: string }[] };
const INVALID = 'invalid';
const iso = (ms: number) => new Date(ms).toISOString();

async function refused(
  method: string,
  path: string,
  init: { query?: Record<string, string>; body?: unknown },
): Promise<{ code: string; message: string; details?: string }> {
  const res = await h.call(method, path, init);
  expect(res.status, `${method} ${path}`).toBe(400);
  // The Listings Restrictions model's ErrorList is a bare array.
  const error = Array.isArray(res.body) ? (res.body as Errors['errors'])[0] : (res.body as Errors).errors[0];
  if (!error) throw new Error('no error entry');
  expect(error.details ?? error.message).toContain(INVALID);
  return error;
}

describe('an unknown marketplace id', () => {
  it('is refused by the Listings Items API with BAD_REQUEST (getListingsItem, searchListingsItems, writes)', async () => {
    const base = `/listings/2021-08-01/items/${h.sim.demo.sellerId}`;
    expect(await refused('GET', `${base}/BRC-001`, { query: { marketplaceIds: INVALID } })).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid input' });
    expect(await refused('GET', base, { query: { marketplaceIds: INVALID } })).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid input' });
    expect(await refused('GET', base, { query: { marketplaceIds: `${BR},${INVALID}` } })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await refused('DELETE', `${base}/BRC-001`, { query: { marketplaceIds: INVALID } })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await refused('GET', '/listings/2021-08-01/restrictions', { query: { asin: 'B0SEED0001', sellerId: h.sim.demo.sellerId, marketplaceIds: INVALID } }),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(h.sim.control.listings().some((l) => l.sku === 'BRC-001')).toBe(true);
  });

  it('is refused by the Product Type Definitions API with BAD_REQUEST', async () => {
    expect(await refused('GET', '/definitions/2020-09-01/productTypes/WIDGET', { query: { marketplaceIds: INVALID } })).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Invalid input',
    });
    expect(await refused('GET', '/definitions/2020-09-01/productTypes', { query: { marketplaceIds: INVALID, keywords: 'widget' } })).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('is refused by the Orders APIs with InvalidInput (searchOrders, confirmShipment)', async () => {
    h.clock.advance(10 * 60_000);
    const createdAfter = iso(h.clock.now() - 5 * 60_000);
    expect(await refused('GET', '/orders/2026-01-01/orders', { query: { createdAfter, marketplaceIds: INVALID } })).toMatchObject({
      code: 'InvalidInput',
      message: 'Invalid Input',
    });
    const order = h.sim.control.createOrder({ lines: [{ sku: 'BRC-001' }], status: 'Unshipped', willCancel: false });
    const packageDetail = {
      packageReferenceId: '1',
      carrierCode: 'Correios',
      trackingNumber: 'T',
      shipDate: iso(h.clock.now()),
      orderItems: [{ orderItemId: order.lines[0]?.orderItemId, quantity: 1 }],
    };
    expect(await refused('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, { body: { marketplaceId: INVALID, packageDetail } })).toMatchObject(
      { code: 'InvalidInput' },
    );
  });

  it('is refused by the Catalog, Feeds and Reports APIs with their "400" code', async () => {
    expect(
      await refused('GET', '/catalog/2022-04-01/items', { query: { marketplaceIds: INVALID, identifiers: '7891000000014', identifiersType: 'EAN' } }),
    ).toMatchObject({ code: '400' });
    expect(await refused('GET', '/catalog/2022-04-01/items/B0SEED0001', { query: { marketplaceIds: INVALID } })).toMatchObject({ code: '400' });
    const doc = (await h.call('POST', '/feeds/2021-06-30/documents', { body: { contentType: 'application/json; charset=UTF-8' } })).body as {
      feedDocumentId: string;
    };
    expect(
      await refused('POST', '/feeds/2021-06-30/feeds', {
        body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [INVALID], inputFeedDocumentId: doc.feedDocumentId },
      }),
    ).toMatchObject({ code: '400', message: 'Invalid input' });
    expect(await refused('GET', '/feeds/2021-06-30/feeds', { query: { feedTypes: 'JSON_LISTINGS_FEED', marketplaceIds: INVALID } })).toMatchObject({
      code: '400',
    });
    expect(
      await refused('POST', '/reports/2021-06-30/reports', { body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [INVALID] } }),
    ).toMatchObject({ code: '400' });
  });

  it('is refused by the FBA Inventory, Easy Ship and shipment invoicing APIs with InvalidInput', async () => {
    expect(
      await refused('GET', '/fba/inventory/v1/summaries', { query: { granularityType: 'Marketplace', granularityId: INVALID, marketplaceIds: INVALID } }),
    ).toMatchObject({ code: 'InvalidInput' });
    const slots = {
      marketplaceId: INVALID,
      amazonOrderId: '701-0000000-0000000',
      packageDimensions: { length: 10, width: 10, height: 10, unit: 'cm' },
      packageWeight: { value: 100, unit: 'g' },
    };
    expect(await refused('POST', '/easyShip/2022-03-23/timeSlot', { body: slots })).toMatchObject({ code: 'InvalidInput' });
    expect(
      await refused('GET', '/delivery/2022-07-01/invoice/status', {
        query: { orderId: '701-0000000-0000000', marketplaceId: INVALID, invoiceType: 'Outbound', programType: 'EasyShip' },
      }),
    ).toMatchObject({ code: 'InvalidInput' });
  });

  it('leaves the model-valid requests alone', async () => {
    const base = `/listings/2021-08-01/items/${h.sim.demo.sellerId}`;
    expect((await h.call('GET', `${base}/BRC-001`, { query: { marketplaceIds: BR } })).status).toBe(200);
    expect((await h.call('GET', '/definitions/2020-09-01/productTypes/WIDGET', { query: { marketplaceIds: BR } })).status).toBe(200);
  });
});
