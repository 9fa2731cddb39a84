import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { NEXT_SEND_SETTING, readDashboardCounters, readOrdersByDay, readSendTimes } from '../../../../main/db/tables/dashboard';
import { setSetting } from '../../../../main/db/tables/settings';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.prepare(
    "INSERT INTO accounts (id, label, kind, region, sandbox, seller_id, lwa_client_id, client_secret_set_at, authorized_at, created_at) VALUES ('a', 'A', 'simulator', 'NA', 0, 'S', 'c', 0, 0, 0)",
  ).run();
});
afterEach(() => db.close());

function order(id: string, created: Date, status: string, currency: string, cents: number): void {
  db.prepare(
    `INSERT INTO orders (account_id, amazon_order_id, marketplace_id, status, created_time, last_updated_time, currency, total_cents, imported_at, updated_at)
     VALUES ('a', ?, 'BR', ?, ?, ?, ?, ?, '', '')`,
  ).run(id, status, created.toISOString(), created.toISOString(), currency, cents);
}

function listing(sku: string, marketplace: string, status: string): void {
  db.prepare('INSERT INTO sync_listings (account_id, marketplace_id, sku, status, updated_at) VALUES (?, ?, ?, ?, 0)').run('a', marketplace, sku, status);
}

describe('dashboard figures', () => {
  it('counts offers per state once per SKU', () => {
    listing('A', 'BR', 'live');
    listing('A', 'US', 'live');
    listing('B', 'BR', 'error');
    listing('C', 'BR', 'pending');
    listing('D', 'BR', 'waiting');
    listing('E', 'BR', 'paused');

    const c = readDashboardCounters(db);

    expect([c.listingsLive, c.listingsWithErrors, c.listingsWaiting]).toEqual([1, 1, 2]);
  });

  it('buckets the last 30 local days, leaves cancelled orders out and keeps currencies apart', () => {
    const now = new Date(2026, 10, 22, 15, 0).getTime();
    const day = (offset: number, hour: number) => new Date(2026, 10, 22 + offset, hour, 30);
    order('1', day(0, 23), 'Unshipped', 'BRL', 8990);
    order('2', day(0, 1), 'Shipped', 'BRL', 1010);
    order('3', day(-29, 0), 'Shipped', 'USD', 500);
    order('4', day(-30, 12), 'Shipped', 'BRL', 99999);
    order('5', day(-1, 12), 'Canceled', 'BRL', 77777);

    const r = readOrdersByDay(db, now);

    expect(r.days).toHaveLength(30);
    expect(r.days[29]).toBe('2026-11-22');
    expect(r.days[0]).toBe('2026-10-24');
    expect(r.orders[29]).toBe(2);
    expect(r.orders[0]).toBe(1);
    expect(r.orders.reduce((a, b) => a + b, 0)).toBe(3);
    expect(r.sales).toEqual([
      { currency: 'BRL', cents: [...Array(29).fill(0), 10000] },
      { currency: 'USD', cents: [500, ...Array(29).fill(0)] },
    ]);
  });

  it("reads the last finished send and the scheduler's next one", () => {
    db.prepare(
      "INSERT INTO sync_runs (account_id, lane, trigger, state, started_at, finished_at) VALUES ('a', 'full', 'schedule', 'done', 1, 1000), ('a', 'full', 'schedule', 'failed', 2, 3000)",
    ).run();
    setSetting(db, NEXT_SEND_SETTING, '5000');

    expect(readSendTimes(db)).toEqual({ lastSendAt: 1000, nextSendAt: 5000 });
  });
});
