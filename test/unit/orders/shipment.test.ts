import { describe, expect, it } from 'vitest';
import type { ConfirmShipmentRequest, Order } from '../../../main/amazon/api/orders';
import { OutcomeUnknownError, SpApiError } from '../../../main/amazon/errors';
import { openShipment } from '../../../main/db/tables/order-shipments';
import { findOrderRowId, getOrderRow } from '../../../main/db/tables/orders';
import { AppError } from '../../../main/errors';
import { Translator } from '../../../main/i18n';
import { commitOrders } from '../../../main/orders/commit';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { confirmOrderShipment, settleOpenShipments, type ShipmentApi } from '../../../main/orders/shipment';
import { addSku, order, testDb } from './fixtures';

function setup(status: 'UNSHIPPED' | 'PENDING' | 'SHIPPED' = 'UNSHIPPED') {
  const db = testDb();
  addSku(db, 'A', 10);
  const amazonOrder = order({ id: '701-9', status, updated: '2026-11-20T10:00:00Z', lines: [{ sku: 'A', quantity: 2 }] });
  commitOrders(db, 'acc', [amazonOrder], DEFAULT_ORDER_SETTINGS);
  const orderRowId = findOrderRowId(db, 'acc', '701-9') ?? -1;
  const sent: ConfirmShipmentRequest[] = [];
  let amazonState: Order = amazonOrder;
  const api: ShipmentApi & { confirmFails?: Error; recordsBeforeFailing?: boolean } = {
    async confirmShipment({ body }) {
      sent.push(body);
      if (api.recordsBeforeFailing !== false) {
        amazonState = {
          ...amazonState,
          lastUpdatedTime: '2026-11-20T11:00:00Z',
          fulfillment: { fulfillmentStatus: 'SHIPPED', fulfilledBy: 'MERCHANT' },
          packages: [{ packageReferenceId: body.packageDetail.packageReferenceId, trackingNumber: body.packageDetail.trackingNumber }],
        };
      }
      const failure = api.confirmFails;
      api.confirmFails = undefined;
      if (failure) throw failure;
    },
    async getOrder() {
      return structuredClone(amazonState);
    },
  };
  const input = { orderRowId, carrierCode: 'Correios', trackingNumber: 'BR123456789BR', shipDate: '2026-11-20T12:00:00Z' };
  return { db, api, sent, input, orderRowId };
}

const unknown = () => new OutcomeUnknownError('confirmShipment', { cause: new Error('socket hang up') });

describe('confirmOrderShipment', () => {
  it('sends carrier, tracking, date and every item, then shows the order shipped', async () => {
    const { db, api, sent, input, orderRowId } = setup();

    const outcome = await confirmOrderShipment(db, api, input, DEFAULT_ORDER_SETTINGS);

    expect(outcome.reconciled).toBe(false);
    expect(sent).toEqual([
      {
        marketplaceId: 'A2Q3Y263D00KWC',
        packageDetail: {
          packageReferenceId: outcome.shipment.packageReferenceId,
          carrierCode: 'Correios',
          trackingNumber: 'BR123456789BR',
          shipDate: '2026-11-20T12:00:00.000Z',
          orderItems: [{ orderItemId: '701-9-0', quantity: 2 }],
        },
      },
    ]);
    expect(/^[1-9]\d*$/.test(outcome.shipment.packageReferenceId)).toBe(true);
    expect(getOrderRow(db, orderRowId)).toMatchObject({ status: 'Shipped', trackingNumber: 'BR123456789BR', carrier: 'Correios' });
  });

  it('after an unknown outcome reads the order back instead of confirming again', async () => {
    const { db, api, sent, input, orderRowId } = setup();
    api.confirmFails = unknown();

    const outcome = await confirmOrderShipment(db, api, input, DEFAULT_ORDER_SETTINGS);

    expect(outcome.reconciled).toBe(true);
    expect(sent).toHaveLength(1);
    expect(getOrderRow(db, orderRowId)?.status).toBe('Shipped');
  });

  it('keeps an unconfirmed attempt open, reconciles it first next time, and resends the same package reference', async () => {
    const { db, api, sent, input, orderRowId } = setup();
    api.recordsBeforeFailing = false;
    api.confirmFails = unknown();

    await expect(confirmOrderShipment(db, api, input, DEFAULT_ORDER_SETTINGS)).rejects.toMatchObject({ code: 'ORDER_SHIPMENT_UNCONFIRMED' });
    expect(openShipment(db, orderRowId)?.state).toBe('unknown');

    api.recordsBeforeFailing = true;
    const outcome = await confirmOrderShipment(db, api, input, DEFAULT_ORDER_SETTINGS);

    expect(sent.map((b) => b.packageDetail.packageReferenceId)).toEqual([outcome.shipment.packageReferenceId, outcome.shipment.packageReferenceId]);
    expect(getOrderRow(db, orderRowId)?.status).toBe('Shipped');
  });

  it('settles an open attempt as confirmed once an import shows the order shipped, without calling Amazon', async () => {
    const { db, api, input, orderRowId } = setup();
    api.recordsBeforeFailing = false;
    api.confirmFails = unknown();
    await expect(confirmOrderShipment(db, api, input, DEFAULT_ORDER_SETTINGS)).rejects.toMatchObject({ code: 'ORDER_SHIPMENT_UNCONFIRMED' });
    expect(settleOpenShipments(db)).toBe(0);
    commitOrders(
      db,
      'acc',
      [order({ id: '701-9', status: 'SHIPPED', updated: '2026-11-20T12:00:00Z', lines: [{ sku: 'A', quantity: 2 }] })],
      DEFAULT_ORDER_SETTINGS,
    );

    const settled = settleOpenShipments(db);

    expect(settled).toBe(1);
    expect(openShipment(db, orderRowId)).toBeUndefined();
    expect(getOrderRow(db, orderRowId)).toMatchObject({ status: 'Shipped', trackingNumber: 'BR123456789BR' });
  });

  it('records a refusal as failed and explains it', async () => {
    const { db, api, input, orderRowId } = setup();
    api.recordsBeforeFailing = false;
    api.confirmFails = new SpApiError({
      operationId: 'confirmShipment',
      status: 400,
      errors: [{ code: 'InvalidInput', message: 'Invalid Input' }],
      retryable: false,
    });

    const failure = await confirmOrderShipment(db, api, input, DEFAULT_ORDER_SETTINGS).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('SPAPI_REJECTED');
    expect(openShipment(db, orderRowId)).toBeUndefined();
    expect(getOrderRow(db, orderRowId)?.status).toBe('Unshipped');
  });

  it('refuses Pending orders, shipped orders and incomplete input without calling Amazon', async () => {
    const pending = setup('PENDING');
    await expect(confirmOrderShipment(pending.db, pending.api, pending.input, DEFAULT_ORDER_SETTINGS)).rejects.toMatchObject({ code: 'ORDER_NOT_SHIPPABLE' });
    const shipped = setup('SHIPPED');
    await expect(confirmOrderShipment(shipped.db, shipped.api, shipped.input, DEFAULT_ORDER_SETTINGS)).rejects.toMatchObject({ code: 'ORDER_ALREADY_SHIPPED' });
    const other = setup();
    await expect(confirmOrderShipment(other.db, other.api, { ...other.input, carrierCode: 'Other' }, DEFAULT_ORDER_SETTINGS)).rejects.toMatchObject({
      code: 'ORDER_SHIPMENT_INVALID',
      params: { problem: 'carrierName' },
    });
    // The field is named in the seller's words, never as the code "carrierName".
    expect(new Translator('pt-BR').t('errors.ORDER_SHIPMENT_INVALID', { problem: 'carrierName' })).toBe(
      'O envio está incompleto: preencha “Nome da transportadora”.',
    );
    expect([...pending.sent, ...shipped.sent, ...other.sent]).toEqual([]);
  });
});
