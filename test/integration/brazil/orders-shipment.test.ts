import { afterEach, describe, expect, it } from 'vitest';
import { Translator } from '../../../main/i18n';
import { orderView } from '../../../main/orders/present';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { confirmOrderShipment } from '../../../main/orders/shipment';
import { listOpenShipments } from '../../../main/db/tables/order-shipments';
import { brazilWorld, MINUTE, type BrazilWorld } from './world';

let world: BrazilWorld | undefined;
afterEach(async () => {
  if (world) {
    expect(world.sim.control.requestViolations()).toEqual([]);
    await world.close();
  }
  world = undefined;
});

const t = new Translator('pt-BR');
const shipment = (orderRowId: number, now: number) => ({
  orderRowId,
  carrierCode: 'Correios',
  trackingNumber: 'BR123456789BR',
  shipDate: new Date(now - MINUTE).toISOString(),
});

describe('who confirms the shipment', () => {
  it('a Delivery by Amazon order offers no "Confirmar envio" and main refuses one (Amazon picks it up); a self-ship order still can', async () => {
    world = await brazilWorld();
    const w = world;
    const dba = w.sim.control.createOrder({
      lines: [{ sku: 'BRC-001', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      program: 'easy_ship',
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    const own = w.sim.control.createOrder({
      lines: [{ sku: 'CAM-001-PRE-M', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const dbaId = w.rowId(dba.orderId);
    const ownId = w.rowId(own.orderId);

    expect(orderView(w.db, t, dbaId)).toMatchObject({ status: 'Unshipped', canShip: false });
    expect(orderView(w.db, t, ownId)).toMatchObject({ status: 'Unshipped', canShip: true });

    const refused = confirmOrderShipment(w.db, w.client, shipment(dbaId, w.clock.now()), DEFAULT_ORDER_SETTINGS, w.clock.now());
    await expect(refused).rejects.toMatchObject({ code: 'ORDER_PICKED_UP_BY_AMAZON', params: { orderId: dba.orderId } });
    expect(t.t('errors.ORDER_PICKED_UP_BY_AMAZON', { orderId: dba.orderId })).toContain('a Amazon coleta o pacote');
    // Nothing was recorded or sent: the order is still waiting for its pickup on Amazon.
    expect(listOpenShipments(w.db)).toEqual([]);
    expect(w.sim.control.orders().find((o) => o.orderId === dba.orderId)?.status).toBe('Unshipped');

    const confirmed = await confirmOrderShipment(w.db, w.client, shipment(ownId, w.clock.now()), DEFAULT_ORDER_SETTINGS, w.clock.now());
    expect(confirmed.shipment.state).toBe('confirmed');
  }, 30_000);

  it('an FBA order is neither offered nor accepted for confirmation', async () => {
    world = await brazilWorld({ seedOrders: true });
    const w = world;
    const fba = w.sim.control.createOrder({
      lines: [{ sku: 'PUL-002', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      program: 'fba',
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();
    const id = w.rowId(fba.orderId);
    expect(orderView(w.db, t, id)).toMatchObject({ status: 'Unshipped', canShip: false });
    await expect(confirmOrderShipment(w.db, w.client, shipment(id, w.clock.now()), DEFAULT_ORDER_SETTINGS, w.clock.now())).rejects.toMatchObject({
      code: 'ORDER_FULFILLED_BY_AMAZON',
    });
  }, 30_000);
});
