import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import type { NotificationRequest } from '../../../main/app/notifications';
import { listActivity } from '../../../main/db/tables/activity-log';
import { OrdersService } from '../../../main/orders/service';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { runCli } from '../../../main/cli/run';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';

const MINUTE = 60_000;
let dir: string;
let clock: VirtualClock;
let sim: SimulatorHandle | undefined;
let services: Services;
let notes: NotificationRequest[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orders-service-'));
  clock = new VirtualClock();
  notes = [];
  services = createServices({
    dbFile: join(dir, 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    notifier: { notify: (n) => void notes.push(n) },
    startSimulator: async (stateFile) => (sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true })),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
});

afterEach(async () => {
  expect(sim?.control.responseViolations() ?? []).toEqual([]);
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('OrdersService', () => {
  it('announces an order with an unknown SKU once: a native notification that opens the order and an activity entry', async () => {
    const order = sim?.control.createOrder({ lines: [{ sku: 'BRC-001', quantity: 1 }], status: 'Unshipped', willCancel: false });
    clock.advance(5 * MINUTE);
    const orders = new OrdersService(services, { now: () => clock.now() });

    const first = await orders.import();
    clock.advance(15 * MINUTE);
    const second = await orders.import();

    expect(first).toMatchObject({ new: 1, errors: 1 });
    expect(second).toMatchObject({ new: 0, errors: 0 });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toBe(`Problema no pedido Amazon ${order?.orderId}`);
    expect(notes[0]?.body).toContain('O SKU BRC-001 não está no catálogo');
    expect(notes[0]?.route).toMatch(/^\/orders\/\d+$/);
    const activity = listActivity(services.db, { domain: 'orders', limit: 10 });
    expect(activity.map((a) => [a.severity, a.messageKey, a.params.orderId])).toEqual([
      ['info', 'orders.activity.imported', undefined],
      ['error', 'orders.issues.SKU_UNKNOWN', order?.orderId],
    ]);
  });

  it('refuses a second import of the same account while one is running', async () => {
    const orders = new OrdersService(services, { now: () => clock.now() });

    const results = await Promise.allSettled([orders.import(), orders.import()]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'ORDER_IMPORT_RUNNING' });
  });
});

describe('import-orders CLI', () => {
  it('prints the JSON summary, and nothing new the second time', async () => {
    const file = join(dir, 'cli.db');
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(`ERR ${t}`) };
    const env = { ...process.env, VITRINE_LOG_DIR: dir, VITRINE_LOCALE: 'en' };

    const first = await runCli(['import-orders', '--db', file, '--json'], io, env);
    const second = await runCli(['import-orders', '--db', file, '--json'], io, env);

    expect([first, second]).toEqual([0, 0]);
    const [a, b] = out.map((line) => JSON.parse(line) as Record<string, number>);
    expect(Object.keys(a ?? {})).toEqual(['new', 'updated', 'errors', 'apiCalls']);
    expect(a?.new).toBeGreaterThan(0);
    expect(b).toMatchObject({ new: 0, updated: 0, errors: 0 });
    expect(b?.apiCalls).toBeGreaterThan(0);
  });
});

describe('confirming a shipment: the ship date', () => {
  it('refuses a date in the future or before the order, naming the field in the seller language, without calling Amazon', async () => {
    const placed = clock.now() - 60 * MINUTE;
    const order = sim?.control.createOrder({ lines: [{ sku: 'BRC-001', quantity: 1 }], status: 'Unshipped', willCancel: false, createdAt: placed });
    clock.advance(5 * MINUTE);
    const orders = new OrdersService(services, { now: () => clock.now() });
    await orders.import();
    const id = services.db.prepare('SELECT id FROM orders WHERE amazon_order_id = ?').pluck().get(order?.orderId) as number;
    const handlers = createHandlers(services);
    const ship = (shipDate: string) =>
      dispatch(handlers, services.translator, 'orders:ship', { id, carrierCode: 'Correios', trackingNumber: 'BR123456789BR', shipDate }, true);

    const future = await ship('2030-01-02T15:00:00.000Z');
    expect(future).toMatchObject({ ok: false, error: { code: 'ORDER_SHIP_DATE_FUTURE', details: { field: 'shipDate' } } });
    expect(!future.ok && future.error.message).toMatch(/^Data de envio: 02\/01\/2030, \d\d:00 está no futuro/);
    const early = await ship(new Date(placed - 24 * 60 * MINUTE).toISOString());
    expect(early).toMatchObject({ ok: false, error: { code: 'ORDER_SHIP_DATE_BEFORE_ORDER' } });
    expect(!early.ok && early.error.message).toContain('é anterior ao pedido, feito em');
    expect(sim?.control.orders().find((o) => o.orderId === order?.orderId)?.status).toBe('Unshipped');

    // A moment ago (within the clock's drift) is fine, and Amazon records it.
    expect(await ship(new Date(clock.now() + 2 * MINUTE).toISOString())).toMatchObject({ ok: true, value: { status: 'Shipped' } });
  });
});
