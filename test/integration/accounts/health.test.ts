import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setupAccounts } from '../../../main/accounts/setup';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type Credentials, type SimulatorHandle } from '../../../main/amazon/simulator';
import type { NotificationRequest } from '../../../main/app/notifications';
import { getAccount } from '../../../main/db/tables/accounts';
import { selectAllProducts } from '../../../main/db/tables/listing-selections';
import { setSetting } from '../../../main/db/tables/settings';
import { AppError } from '../../../main/errors';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { ordersServiceFor } from '../../../main/orders/service';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { syncServiceFor } from '../../../main/sync/service';
import { BR, changeCatalog, configureSync, seedCatalog } from '../../../bench/lib/world';

const HOUR = 3600_000;

let services: Services | undefined;
let dir: string | undefined;

afterEach(async () => {
  await services?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  services = dir = undefined;
});

/** The app's services on a virtual clock, with a second simulated seller connected through the wizard's path. */
async function world() {
  const clock = new VirtualClock();
  const notifications: NotificationRequest[] = [];
  const secrets = new MemorySecretStore();
  let sim: SimulatorHandle | undefined;
  dir = mkdtempSync(join(tmpdir(), 'vitrine-health-'));
  const s = createServices({
    dbFile: join(dir, 'vitrine.db'),
    secrets,
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    notifier: { notify: (n) => void notifications.push(n) },
    startSimulator: async (stateFile) => (sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true })),
  });
  services = s;
  setSetting(s.db, 'accounts.demoRemoved', '1');
  const accounts = setupAccounts(s);
  await s.amazon.embeddedSimulator();
  if (!sim) throw new Error('simulator not started');
  const handle: SimulatorHandle = sim;
  const creds: Credentials = handle.control.addSeller({ sellerId: 'A1LOJADOIS', storeName: 'Loja Dois', marketplaceIds: [BR] });
  const account = await accounts.connect({ environment: 'simulator', region: 'NA', ...creds, label: 'Loja Dois', marketplaceIds: [BR] });
  configureSync(s.db, account.id);
  const skus = seedCatalog(s.db, 4);
  selectAllProducts(s.db, { accountId: account.id, marketplaceId: BR }, 0);
  const sync = syncServiceFor(s, clock);
  const statuses = () =>
    s.db.prepare('SELECT status, issues FROM sync_listings WHERE account_id = ? ORDER BY sku').all(account.id) as { status: string; issues: string }[];
  const runs = () => s.db.prepare('SELECT count(*) FROM sync_runs WHERE account_id = ?').pluck().get(account.id) as number;
  return { s, clock, sim: handle, creds, account, accounts, sync, skus, notifications, secrets, statuses, runs };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('an account whose credentials Amazon refuses (simulator)', () => {
  it('a revoked refresh token stops the account at once: no hour of retries, the seller told once, the activity recorded', async () => {
    const w = await world();
    await w.sync.runAll('full', 'manual');
    expect(w.statuses().every((r) => r.status === 'live')).toBe(true);

    w.sim.control.revokeRefreshToken(w.creds.refreshToken);
    // The access token of the last hour is still good; the next exchange is refused.
    w.clock.advance(2 * HOUR);
    changeCatalog(w.s.db, 1, w.skus);
    const before = w.clock.now();
    await w.sync.runAll('fast', 'schedule');

    // Before: the unsent document was retried with back-off for about an hour, then its SKUs failed.
    expect(w.clock.now() - before).toBeLessThan(60_000);
    expect(getAccount(w.s.db, w.account.id)?.health).toMatchObject({ state: 'credentials_rejected', code: 'invalid_grant' });
    const changed = w.statuses().filter((r) => r.status !== 'live');
    expect(changed.length).toBeGreaterThan(0);
    for (const r of changed) {
      expect(r.status).toBe('pending');
      expect(JSON.parse(r.issues)).toMatchObject([{ code: 'ACCOUNT_CREDENTIALS_REJECTED', severity: 'WARNING' }]);
    }
    expect(w.notifications).toHaveLength(1);
    expect(w.notifications[0]).toMatchObject({ title: 'A Amazon recusou as credenciais de “Loja Dois”', route: `/accounts/${w.account.id}/credentials` });
    expect(w.notifications[0]?.body).toContain('Atualizar credenciais');
    expect(w.accounts.activity(w.account.id, 5)[0]).toMatchObject({ severity: 'error' });
    expect(w.accounts.activity(w.account.id, 5)[0]?.message).toContain('invalid_grant');
    expect(w.accounts.list().find((a) => a.id === w.account.id)?.health).toMatchObject({ state: 'credentials_rejected', code: 'invalid_grant' });

    // Every later cycle, order import and re-check leaves the account alone, and says nothing again.
    const runs = w.runs();
    await w.sync.runAll('full', 'schedule');
    await w.sync.runAll('fast', 'schedule');
    expect(w.runs()).toBe(runs);
    expect(await ordersServiceFor(w.s, { now: () => w.clock.now() }).import()).toMatchObject({ new: 0, apiCalls: 0 });
    expect((await rejection(ordersServiceFor(w.s).import({ accountId: w.account.id }))).code).toBe('ACCOUNT_CREDENTIALS_REJECTED');
    expect(w.notifications).toHaveLength(1);
  });

  it('the background order import meeting the refusal first stops the account and tells the seller, and other accounts still import', async () => {
    const w = await world();
    setSetting(w.s.db, 'accounts.demoRemoved', '0');
    await w.accounts.ensureDemoAccount();
    w.sim.control.createOrder({ sellerId: w.sim.demo.sellerId, status: 'Unshipped' });
    w.clock.advance(10 * 60_000);
    w.sim.control.revokeRefreshToken(w.creds.refreshToken);
    const orders = ordersServiceFor(w.s, { now: () => w.clock.now() });

    const summary = await orders.import({ joinRunning: true });

    expect(getAccount(w.s.db, w.account.id)?.health.state).toBe('credentials_rejected');
    // (The demo order's SKU is not in this catalog: that order's own notice is not the point here.)
    expect(w.notifications.filter((n) => n.route?.startsWith('/accounts')).map((n) => n.title)).toEqual(['A Amazon recusou as credenciais de “Loja Dois”']);
    expect(summary.new).toBe(1);
    expect(w.s.db.prepare("SELECT count(*) FROM orders WHERE account_id = 'demo'").pluck().get()).toBe(1);
  });

  it('a rotated client secret (invalid_client): "Atualizar credenciais" refuses a wrong value and changes nothing, then takes the new one and the account sends again', async () => {
    const w = await world();
    await w.sync.runAll('full', 'manual');
    w.sim.control.createOrder({ sellerId: w.creds.sellerId, lines: [{ sku: w.skus[0] ?? '' }], status: 'Unshipped' });
    w.clock.advance(10 * 60_000);
    const imported = await ordersServiceFor(w.s, { now: () => w.clock.now() }).import({ accountId: w.account.id });
    expect(imported.new).toBe(1);

    const newSecret = w.sim.control.rotateClientSecret(w.creds.clientId);
    w.clock.advance(2 * HOUR);
    changeCatalog(w.s.db, 1, w.skus);
    await w.sync.runAll('fast', 'schedule');
    expect(getAccount(w.s.db, w.account.id)?.health).toMatchObject({ state: 'credentials_rejected', code: 'invalid_client' });
    expect(w.notifications[0]?.body).toContain('client secret');

    const handlers = createHandlers(w.s);
    const wrong = await dispatch(
      handlers,
      w.s.translator,
      'accounts:update-credentials',
      { accountId: w.account.id, clientSecret: 'amzn1.oa2-cs.v1.not-the-secret' },
      true,
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'LWA_INVALID_CLIENT' } });
    expect(await w.secrets.get(`${w.account.id}/client_secret`)).toBe(w.creds.clientSecret);
    expect(getAccount(w.s.db, w.account.id)?.health.state).toBe('credentials_rejected');

    const secretSetAt = getAccount(w.s.db, w.account.id)?.clientSecretSetAt ?? 0;
    const updated = await dispatch(handlers, w.s.translator, 'accounts:update-credentials', { accountId: w.account.id, clientSecret: newSecret }, true);
    expect(updated).toMatchObject({ ok: true, value: { id: w.account.id, health: { state: 'ok' } } });
    expect(JSON.stringify(updated)).not.toContain(newSecret);
    expect(await w.secrets.get(`${w.account.id}/client_secret`)).toBe(newSecret);
    expect(await w.secrets.get(`${w.account.id}/refresh_token`)).toBe(w.creds.refreshToken);
    const after = getAccount(w.s.db, w.account.id);
    expect(after?.clientSecretSetAt).toBeGreaterThan(secretSetAt);
    expect(w.s.db.prepare('SELECT count(*) FROM orders WHERE account_id = ?').pluck().get(w.account.id)).toBe(1);
    expect(w.accounts.activity(w.account.id, 5)[0]?.message).toContain('voltou a enviar');

    // The SKUs held back while the account was stopped go out in the next cycle.
    await w.sync.runAll('fast', 'schedule');
    expect(w.statuses().every((r) => r.status === 'live')).toBe(true);
  });

  it("updating credentials with another connected account's refresh token is refused", async () => {
    const w = await world();
    const other = w.sim.control.addSeller({ sellerId: 'A1LOJATRES', marketplaceIds: [BR] });
    const third = await w.accounts.connect({ environment: 'simulator', region: 'NA', ...other, label: 'Loja Três', marketplaceIds: [BR] });
    const err = await rejection(w.accounts.updateCredentials({ accountId: w.account.id, refreshToken: other.refreshToken }));
    expect(err.code).toBe('ACCOUNT_ALREADY_CONNECTED');
    expect(err.details).toEqual({ accountId: third.id });
    expect(await w.secrets.get(`${w.account.id}/refresh_token`)).toBe(w.creds.refreshToken);
  });

  it('removing an account with orders needs the explicit flag, and says how many it would delete', async () => {
    const w = await world();
    await w.sync.runAll('full', 'manual');
    for (let i = 0; i < 2; i += 1) w.sim.control.createOrder({ sellerId: w.creds.sellerId, lines: [{ sku: w.skus[i] ?? '' }], status: 'Unshipped' });
    w.clock.advance(10 * 60_000);
    await ordersServiceFor(w.s, { now: () => w.clock.now() }).import({ accountId: w.account.id });
    const handlers = createHandlers(w.s);

    expect(await dispatch(handlers, w.s.translator, 'accounts:removal-impact', { accountId: w.account.id }, true)).toEqual({ ok: true, value: { orders: 2 } });
    const refused = await dispatch(handlers, w.s.translator, 'accounts:remove', { accountId: w.account.id }, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ACCOUNT_HAS_ORDERS' } });
    expect(getAccount(w.s.db, w.account.id)).toBeDefined();
    expect(await w.secrets.get(`${w.account.id}/refresh_token`)).toBe(w.creds.refreshToken);

    expect(await dispatch(handlers, w.s.translator, 'accounts:remove', { accountId: w.account.id, deleteOrders: true }, true)).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(w.s.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
    expect(await w.secrets.get(`${w.account.id}/refresh_token`)).toBeUndefined();
  });
});
