import { afterEach, describe, expect, it } from 'vitest';
import { SpApiError } from '../../../main/amazon/errors';
import { getPickup, labelOf } from '../../../main/db/tables/easy-ship-packages';
import { getNfe, markNfeSending } from '../../../main/db/tables/nfe-documents';
import { getOrderProgram } from '../../../main/db/tables/order-programs';
import { getOrderRow } from '../../../main/db/tables/orders';
import { listSlots, pickupBlocker, reschedulePickup, schedulePickup } from '../../../main/brazil/easy-ship/pickup';
import { importNfeFiles } from '../../../main/brazil/nfe/import';
import { pollNfe, sendNfe } from '../../../main/brazil/nfe/send';
import { readFbaStock } from '../../../main/brazil/fba';
import { listFbaStock } from '../../../main/db/tables/fba-inventory';
import { stockOf } from '../../unit/orders/fixtures';
import { buildNfe } from '../../fixtures/nfe/build';
import { brazilWorld, MINUTE, type BrazilWorld } from './world';

let world: BrazilWorld | undefined;
afterEach(async () => {
  if (world) {
    expect(world.sim.control.responseViolations()).toEqual([]);
    expect(world.sim.control.requestViolations()).toEqual([]);
    await world.close();
  }
  world = undefined;
});

const SETTINGS = { tolerancePercent: 5, sellerCnpj: null };
const SIZE = { lengthCm: 20, widthCm: 15, heightCm: 10, weightG: 450 };
const fileOf = (name: string, xml: string) => ({ name, bytes: new TextEncoder().encode(xml) });

describe('Delivery by Amazon against the simulator', () => {
  it('takes a DBA order from import to an accepted NF-e, a scheduled pickup with its label, a new slot and the pickup itself', async () => {
    world = await brazilWorld();
    const w = world;
    const order = w.sim.control.createOrder({
      lines: [{ sku: 'BRC-001', quantity: 2 }],
      status: 'Unshipped',
      willCancel: false,
      program: 'easy_ship',
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const id = w.rowId(order.orderId);
    expect(getOrderProgram(w.db, id)).toEqual({ program: 'easy_ship', programs: ['DELIVERY_BY_AMAZON'], invoiceStatus: 'NOT_FOUND' });
    expect(pickupBlocker(w.db, id)).toBe('nfe_missing');
    await expect(listSlots(w.db, w.client, id, SIZE)).rejects.toMatchObject({ code: 'PICKUP_BLOCKED', params: { reason: 'nfe_missing' } });

    const unit = order.lines[0]?.unitPrice ?? 0;
    const [result] = importNfeFiles(
      w.db,
      [fileOf('nota-77.xml', buildNfe({ orderId: order.orderId, number: 77, items: [{ sku: 'BRC-001', quantity: 2, unitCents: Math.round(unit * 100) }] }))],
      SETTINGS,
    );
    expect(result).toMatchObject({ ok: true, amazonOrderId: order.orderId, matchedBy: 'xPed' });
    const docId = result?.ok ? result.documentId : -1;
    expect(pickupBlocker(w.db, id)).toBe('nfe_not_sent');

    expect(await sendNfe(w.db, w.client, docId, () => w.clock.now())).toBe('sent');
    expect(await sendNfe(w.db, w.client, docId, () => w.clock.now())).toBe('sent');
    expect(pickupBlocker(w.db, id)).toBe('nfe_processing');
    expect(await pollNfe(w.db, w.client, docId, () => w.clock.now())).toBe('sent');
    w.clock.advance(2 * MINUTE);
    expect(await pollNfe(w.db, w.client, docId, () => w.clock.now())).toBe('accepted');
    expect(w.sim.control.invoices(order.orderId)).toHaveLength(1);
    expect(pickupBlocker(w.db, id)).toBeNull();

    const slots = await listSlots(w.db, w.client, id, SIZE);
    expect(slots.length).toBeGreaterThan(1);
    const [first, second] = slots;
    if (!first || !second) throw new Error('no slots');
    expect(await schedulePickup(w.db, w.client, id, first, SIZE)).toBe('scheduled');
    expect(getPickup(w.db, id)).toMatchObject({ state: 'scheduled', slotId: first.slotId, packageStatus: 'ReadyForPickup', weightG: 450, hasLabel: 1 });
    expect(labelOf(w.db, id)?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(labelOf(w.db, id)?.toString('latin1')).toContain(order.orderId);
    expect(pickupBlocker(w.db, id)).toBe('already_scheduled');

    await reschedulePickup(w.db, w.client, id, second);
    expect(getPickup(w.db, id)?.slotId).toBe(second.slotId);
    expect(w.sim.control.scheduledPackage(order.orderId)?.slot.slotId).toBe(second.slotId);

    w.clock.advance(Date.parse(second.endTime ?? '') - w.clock.now() + 5 * MINUTE);
    await w.importOrders();
    expect(getOrderRow(w.db, id)).toMatchObject({ status: 'Shipped', trackingNumber: null });
    expect(stockOf(w.db, 'BRC-001')).toBe(8);
  }, 30_000);

  it("shows Amazon's reason when it refuses a note, and a corrected note is sent after it", async () => {
    world = await brazilWorld();
    const w = world;
    const order = w.sim.control.createOrder({
      lines: [{ sku: 'CAM-001-PRE-M', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const cents = Math.round((order.lines[0]?.unitPrice ?? 0) * 100);
    const early = buildNfe({
      orderId: order.orderId,
      number: 10,
      items: [{ sku: 'CAM-001-PRE-M', quantity: 1, unitCents: cents }],
      issuedAt: '2026-11-01T10:00:00-03:00',
    });
    const [bad] = importNfeFiles(w.db, [fileOf('nota-10.xml', early)], SETTINGS);
    const badId = bad?.ok ? bad.documentId : -1;
    expect(await sendNfe(w.db, w.client, badId, () => w.clock.now())).toBe('sent');
    w.clock.advance(2 * MINUTE);
    expect(await pollNfe(w.db, w.client, badId, () => w.clock.now())).toBe('rejected');
    expect(getNfe(w.db, badId)?.amazonErrors).toEqual([{ code: 'InvalidInvoiceDate', message: expect.stringContaining('anterior à data do pedido') }]);

    const [good] = importNfeFiles(
      w.db,
      [
        fileOf(
          'nota-11.xml',
          buildNfe({ orderId: order.orderId, number: 11, items: [{ sku: 'CAM-001-PRE-M', quantity: 1, unitCents: cents }], mentionIn: 'infCpl' }),
        ),
      ],
      SETTINGS,
    );
    expect(good).toMatchObject({ ok: true, matchedBy: 'infCpl' });
    expect(getNfe(w.db, badId)?.state).toBe('replaced');
    const goodId = good?.ok ? good.documentId : -1;
    expect(await sendNfe(w.db, w.client, goodId, () => w.clock.now())).toBe('sent');
    w.clock.advance(2 * MINUTE);
    expect(await pollNfe(w.db, w.client, goodId, () => w.clock.now())).toBe('accepted');
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    expect(getOrderProgram(w.db, w.rowId(order.orderId))).toMatchObject({ program: 'self_ship', invoiceStatus: 'ACCEPTED' });
  }, 30_000);
});

describe('a send is never repeated blindly', () => {
  it('a crash after "sending" was written resends once: Amazon gets the note exactly once', async () => {
    world = await brazilWorld();
    const w = world;
    const order = w.sim.control.createOrder({
      lines: [{ sku: 'COL-001', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const [r] = importNfeFiles(
      w.db,
      [
        fileOf(
          'n.xml',
          buildNfe({
            orderId: order.orderId,
            number: 5,
            items: [{ sku: 'COL-001', quantity: 1, unitCents: Math.round((order.lines[0]?.unitPrice ?? 0) * 100) }],
          }),
        ),
      ],
      SETTINGS,
    );
    const docId = r?.ok ? r.documentId : -1;
    // The process died between writing the step and the call leaving.
    markNfeSending(w.db, docId, 'SelfShip', 'NotFound');
    expect(await pollNfe(w.db, w.client, docId, () => w.clock.now())).toBe('sent');
    expect(w.sim.control.invoices(order.orderId)).toHaveLength(1);
    // …and died again after the call left: the status shows it arrived, nothing is sent again.
    markNfeSending(w.db, docId, 'SelfShip', 'NotFound');
    expect(await pollNfe(w.db, w.client, docId, () => w.clock.now())).toBe('sent');
    expect(w.sim.control.invoices(order.orderId)).toHaveLength(1);
  }, 30_000);

  it('a 5xx on submitInvoice (the note may have arrived) is settled by reading the status, not by sending again', async () => {
    world = await brazilWorld();
    const w = world;
    const order = w.sim.control.createOrder({
      lines: [{ sku: 'BRC-001', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const [r] = importNfeFiles(
      w.db,
      [
        fileOf(
          'n.xml',
          buildNfe({
            orderId: order.orderId,
            number: 6,
            items: [{ sku: 'BRC-001', quantity: 1, unitCents: Math.round((order.lines[0]?.unitPrice ?? 0) * 100) }],
          }),
        ),
      ],
      SETTINGS,
    );
    const docId = r?.ok ? r.documentId : -1;
    const flaky = {
      getInvoiceStatus: w.client.getInvoiceStatus,
      submitInvoice: async (p: Parameters<typeof w.client.submitInvoice>[0]) => {
        await w.client.submitInvoice(p);
        throw new SpApiError({ operationId: 'submitInvoice', status: 503, errors: [{ code: 'ServiceUnavailable', message: 'x' }], retryable: true });
      },
    };
    const { OutcomeUnknownError } = await import('../../../main/amazon/errors');
    const lostAnswer = {
      ...flaky,
      submitInvoice: (p: Parameters<typeof w.client.submitInvoice>[0]) =>
        flaky.submitInvoice(p).catch((cause: unknown) => Promise.reject(new OutcomeUnknownError('submitInvoice', { cause }))),
    };
    expect(await sendNfe(w.db, lostAnswer, docId, () => w.clock.now())).toBe('sent');
    expect(w.sim.control.invoices(order.orderId)).toHaveLength(1);
  }, 30_000);
});

describe('FBA', () => {
  it("reads the units Amazon holds, and an FBA order moves none of the store's stock", async () => {
    world = await brazilWorld({ seedOrders: true });
    const w = world;
    const result = await readFbaStock(w.db, w.client, { accountId: 'acc', marketplaceId: 'A2Q3Y263D00KWC' });
    expect(result).toEqual({ skus: 1, calls: 1 });
    // The seeded FBA order took one unit from Amazon's 42.
    expect(listFbaStock(w.db)).toEqual([expect.objectContaining({ sku: 'PUL-002', fulfillable: 41, inbound: 10, reserved: 1, unfulfillable: 2, total: 54 })]);
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const fbaOrder = w.sim.control.orders().find((o) => o.program === 'fba');
    expect(getOrderProgram(w.db, w.rowId(fbaOrder?.orderId ?? ''))).toMatchObject({ program: 'fba', invoiceStatus: 'NOT_REQUIRED' });
    expect(stockOf(w.db, 'PUL-002')).toBe(10);
    const dba = w.sim.control.orders().filter((o) => o.program === 'easy_ship');
    expect(dba).toHaveLength(2);
    expect(dba.map((o) => getOrderProgram(w.db, w.rowId(o.orderId))?.program)).toEqual(['easy_ship', 'easy_ship']);
  }, 30_000);
});
