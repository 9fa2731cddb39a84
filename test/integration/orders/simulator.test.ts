import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient, type SpApiClient } from '../../../main/amazon/client';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { findOrderRowId, getOrderRow } from '../../../main/db/tables/orders';
import { Translator } from '../../../main/i18n';
import { exportOrders } from '../../../main/orders/export';
import { importOrders } from '../../../main/orders/import';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { confirmOrderShipment } from '../../../main/orders/shipment';
import type { Db } from '../../../main/db/connection';
import { addSku, stockOf, testDb } from '../../unit/orders/fixtures';

const BR = 'A2Q3Y263D00KWC';
const MINUTE = 60_000;

let sim: SimulatorHandle;
let clock: VirtualClock;
let client: SpApiClient;
let db: Db;
let dir: string;

const run = () => importOrders(db, client, { accountId: 'acc', marketplaceIds: [BR], settings: DEFAULT_ORDER_SETTINGS, now: () => clock.now() });
const stock = () => ['BRC-001', 'CAM-001-PRE-M', 'COL-001'].map((s) => stockOf(db, s));
const status = (orderId: string) => getOrderRow(db, findOrderRowId(db, 'acc', orderId) ?? -1)?.status;

beforeEach(async () => {
  clock = new VirtualClock();
  sim = await startSimulator({ clock, strictResponses: true, autoOrderEveryMs: 0, seedOrders: false });
  client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: sim.demo.clientId, clientSecret: sim.demo.clientSecret, refreshToken: sim.demo.refreshToken },
    clock,
  });
  db = testDb();
  for (const sku of ['BRC-001', 'CAM-001-PRE-M', 'COL-001']) addSku(db, sku, 10, { priceCents: 8990 });
  dir = mkdtempSync(join(tmpdir(), 'orders-sim-'));
});

afterEach(async () => {
  expect(sim.control.responseViolations()).toEqual([]);
  await sim.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('orders against the simulator', () => {
  it('imports orders as they are created, reserved, cancelled and shipped, and a second import of the same window changes nothing', async () => {
    const paid = sim.control.createOrder({ lines: [{ sku: 'BRC-001', quantity: 2 }], willCancel: false });
    const cancelled = sim.control.createOrder({ lines: [{ sku: 'CAM-001-PRE-M', quantity: 1 }], willCancel: true });
    const formula = sim.control.createOrder({
      lines: [{ sku: 'COL-001', quantity: 1 }],
      willCancel: false,
      buyerName: '=HYPERLINK("http://example.invalid","Clique aqui")',
    });
    clock.advance(5 * MINUTE);

    const created = await run();

    expect(created).toMatchObject({ new: 3, updated: 0, errors: 0 });
    expect([status(paid.orderId), status(cancelled.orderId), status(formula.orderId)]).toEqual(['Pending', 'Pending', 'Pending']);
    expect(stock()).toEqual([8, 9, 9]);

    sim.control.advance(30 * MINUTE);
    const settled = await run();

    expect(settled).toMatchObject({ new: 0, updated: 3 });
    expect([status(paid.orderId), status(cancelled.orderId), status(formula.orderId)]).toEqual(['Unshipped', 'Canceled', 'Unshipped']);
    expect(stock()).toEqual([8, 10, 9]);

    const orderRowId = findOrderRowId(db, 'acc', paid.orderId) ?? -1;
    await confirmOrderShipment(
      db,
      client,
      { orderRowId, carrierCode: 'Correios', trackingNumber: 'BR123456789BR', shipDate: new Date(clock.now()).toISOString() },
      DEFAULT_ORDER_SETTINGS,
    );
    expect(sim.control.orders().find((o) => o.orderId === paid.orderId)?.status).toBe('Shipped');
    sim.control.advance(5 * MINUTE);
    const shipped = await run();

    expect(shipped).toMatchObject({ new: 0, updated: 1 });
    expect(status(paid.orderId)).toBe('Shipped');
    expect(stock()).toEqual([8, 10, 9]);

    db.prepare('DELETE FROM order_cursors').run();
    const again = await run();

    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 3, errors: 0 });
    expect(db.prepare('SELECT COUNT(*) FROM orders').pluck().get()).toBe(3);
    expect(db.prepare('SELECT COUNT(*) FROM order_items').pluck().get()).toBe(3);
    expect(stock()).toEqual([8, 10, 9]);
  });

  it('exports the imported orders with the formula-like buyer name kept as text', async () => {
    const formula = sim.control.createOrder({ lines: [{ sku: 'COL-001', quantity: 1 }], status: 'Unshipped', willCancel: false, buyerName: '=1+2 Carlos' });
    clock.advance(5 * MINUTE);
    await run();
    const file = join(dir, 'orders.xlsx');

    await exportOrders(db, { file, format: 'xlsx', filter: {}, t: new Translator('en').t, locale: 'en' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const row = wb.worksheets[0]?.getRow(2);
    expect(row?.getCell(1).value).toBe(formula.orderId);
    expect(row?.getCell(6).value).toBe("'=1+2 Carlos");
    expect(row?.getCell(13).value).toBe(299);
  });
});

describe('searchOrders rate limit', () => {
  it('pages through more orders than the burst allows without a single 429, spacing calls on the clock', async () => {
    const statuses: number[] = [];
    const counted = createSpApiClient({
      endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
      credentials: { clientId: sim.demo.clientId, clientSecret: sim.demo.clientSecret, refreshToken: sim.demo.refreshToken },
      clock,
      onExchange: (e) => void (e.operationId === 'searchOrders' && statuses.push(e.status)),
    });
    const start = clock.now();
    for (let i = 0; i < 2_250; i += 1)
      sim.control.createOrder({ lines: [{ sku: 'BRC-001', quantity: 1 }], status: 'Unshipped', willCancel: false, createdAt: start - 60 * MINUTE + i });
    clock.advance(5 * MINUTE);

    const summary = await importOrders(db, counted, { accountId: 'acc', marketplaceIds: [BR], settings: DEFAULT_ORDER_SETTINGS, now: () => clock.now() });

    expect(summary).toMatchObject({ new: 2_250, apiCalls: 23 });
    expect(statuses).toHaveLength(23);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    // 20 calls ride the burst; the other 3 wait for the bucket at 0.0056/s (≈ 179 s each).
    expect(clock.now() - start - 5 * MINUTE).toBeGreaterThanOrEqual(3 * 170_000);
  }, 120_000);
});
