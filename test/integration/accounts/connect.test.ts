import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { SecretStoreError } from '../../../main/secrets/secret-store';
import { startSimulator, DEMO, type SimulatorHandle } from '../../../main/amazon/simulator';
import { AccountsService } from '../../../main/accounts/service';
import { DEMO_ACCOUNT_ID } from '../../../main/accounts/clients';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { AppError } from '../../../main/errors';
import { logFilePath } from '../../../main/log/logger';

const good = {
  environment: 'simulator' as const,
  region: 'NA' as const,
  sellerId: DEMO.sellerId,
  clientId: DEMO.clientId,
  clientSecret: DEMO.clientSecret,
  refreshToken: DEMO.refreshToken,
};

let dir: string;
let services: Services;
let secrets: MemorySecretStore;
let sim: SimulatorHandle | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-accounts-'));
  secrets = new MemorySecretStore();
  services = createServices({
    dbFile: join(dir, 'v.db'),
    secrets,
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    startSimulator: async (stateFile) => (sim = await startSimulator({ port: 0, stateFile, strictResponses: true })),
  });
});

afterEach(async () => {
  expect(sim?.control.responseViolations() ?? []).toEqual([]);
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

/** Every byte Vitrine wrote: the SQLite files (with WAL) and the log. */
function writtenBytes(): string {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('v.db'))
    .map((f) => join(dir, f));
  return [...files, logFilePath()].map((f) => readFileSync(f).toString('latin1')).join('\n');
}

describe('connecting an Amazon account (against the offline simulator)', () => {
  it('a wrong refresh token is explained and nothing is saved', async () => {
    const accounts = new AccountsService(services, services.amazon);
    const err = await expectAppError(
      accounts.connect({ ...good, refreshToken: 'Atzr|wrong-token', label: 'Loja', marketplaceIds: ['A2Q3Y263D00KWC'] }),
      'LWA_INVALID_GRANT',
    );
    expect(err.details).toMatchObject({ amazon: { code: 'invalid_grant' } });
    expect(accounts.list()).toEqual([]);
    expect(secrets.keys()).toEqual([]);
  });

  it('a wrong client secret is named as such', async () => {
    const accounts = new AccountsService(services, services.amazon);
    await expectAppError(accounts.testConnection({ ...good, clientSecret: 'amzn1.oa2-cs.v1.wrong' }), 'LWA_INVALID_CLIENT');
  });

  it('the seller sees the error in their language through IPC', async () => {
    const handlers = createHandlers(services);
    const result = await dispatch(handlers, services.translator, 'accounts:test-connection', { ...good, refreshToken: 'Atzr|nope' }, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('LWA_INVALID_GRANT');
    expect(result.error.message).toMatch(/^A Amazon não aceitou o refresh token/);
  });

  it('refuses malformed credentials before calling Amazon', async () => {
    const handlers = createHandlers(services);
    const result = await dispatch(handlers, services.translator, 'accounts:test-connection', { ...good, refreshToken: 'not-a-token' }, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('refreshToken');
  });

  it('the right credentials list the marketplaces; connecting keeps secrets only in the keychain', async () => {
    const accounts = new AccountsService(services, services.amazon);
    const tested = await accounts.testConnection(good);
    expect(tested.marketplaces.map((m) => m.countryCode).sort()).toEqual(['BR', 'US']);
    expect(tested.storeName).toBe('Loja Demo Vitrine');

    const saved = await accounts.connect({ ...good, label: 'Minha loja', marketplaceIds: ['A2Q3Y263D00KWC'] });
    expect(saved).toMatchObject({ label: 'Minha loja', simulated: true, environment: 'simulator', sellerId: DEMO.sellerId });
    expect(saved.marketplaces.filter((m) => m.enabled).map((m) => m.countryCode)).toEqual(['BR']);
    expect(await secrets.get(`${saved.id}/refresh_token`)).toBe(DEMO.refreshToken);
    expect(await secrets.get(`${saved.id}/client_secret`)).toBe(DEMO.clientSecret);
    expect(JSON.stringify(saved)).not.toContain(DEMO.refreshToken);

    // A client rebuilt from the keychain works.
    services.amazon.forget(saved.id);
    const client = await services.amazon.forAccount(saved.id);
    expect((await client.getMarketplaceParticipations()).length).toBe(2);

    const bytes = writtenBytes();
    for (const secret of [DEMO.refreshToken, DEMO.clientSecret]) expect(bytes).not.toContain(secret);
  });

  it('refuses connecting the same seller twice and a marketplace it does not sell in', async () => {
    const accounts = new AccountsService(services, services.amazon);
    await expectAppError(accounts.connect({ ...good, label: 'x', marketplaceIds: ['A1PA6795UKMFR9'] }), 'ACCOUNT_MARKETPLACE_NOT_AVAILABLE');
    expect(accounts.list()).toEqual([]);
    await accounts.connect({ ...good, label: 'x', marketplaceIds: ['ATVPDKIKX0DER'] });
    await expectAppError(accounts.connect({ ...good, label: 'y', marketplaceIds: ['ATVPDKIKX0DER'] }), 'ACCOUNT_ALREADY_CONNECTED');
  });

  it('the keys step names the account already connected with the same seller, or with the same app and refresh token, before calling Amazon', async () => {
    const accounts = new AccountsService(services, services.amazon);
    const first = await accounts.connect({ ...good, label: 'Minha loja', marketplaceIds: ['ATVPDKIKX0DER'] });
    const sameSeller = await expectAppError(accounts.testConnection({ ...good, clientSecret: 'amzn1.oa2-cs.v1.other' }), 'ACCOUNT_ALREADY_CONNECTED');
    expect(sameSeller.details).toEqual({ accountId: first.id });
    // A mistyped seller ID does not hide the same authorization.
    const sameToken = await expectAppError(accounts.testConnection({ ...good, sellerId: 'A9OUTROVENDEDOR' }), 'ACCOUNT_ALREADY_CONNECTED');
    expect(sameToken.params).toMatchObject({ label: 'Minha loja', sellerId: DEMO.sellerId });
    const handlers = createHandlers(services);
    const result = await dispatch(handlers, services.translator, 'accounts:test-connection', { ...good, sellerId: 'A9OUTROVENDEDOR' }, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'ACCOUNT_ALREADY_CONNECTED', details: { accountId: first.id } } });
  });

  it('a keychain failure saves nothing', async () => {
    const accounts = new AccountsService(services, services.amazon);
    (services.secrets as { set: Services['secrets']['set'] }).set = async () => {
      throw new Error('Secret Service not running');
    };
    await expectAppError(accounts.connect({ ...good, label: 'x', marketplaceIds: ['ATVPDKIKX0DER'] }), 'KEYCHAIN_WRITE_FAILED');
    expect(accounts.list()).toEqual([]);
    expect(secrets.keys()).toEqual([]);
  });

  it("says in the seller's language what the keychain refused, with the system's own words quoted", async () => {
    // The keychain lives in the host process: its refusal reaches the core as a plain error message.
    (services.secrets as { set: Services['secrets']['set'] }).set = () =>
      Promise.reject(new Error(new SecretStoreError('write', 'Secret Service not running').message));
    const result = await dispatch(
      createHandlers(services),
      services.translator,
      'accounts:connect',
      { ...good, label: 'x', marketplaceIds: ['ATVPDKIKX0DER'] },
      true,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'KEYCHAIN_WRITE_FAILED',
        message:
          'O Vitrine não conseguiu salvar as credenciais no chaveiro do sistema; nada foi salvo. O chaveiro não deixou gravá-las (resposta do sistema: “Secret Service not running”). Confira se o chaveiro está instalado e desbloqueado.',
      },
    });
  });

  it('a fresh install gets the labelled demo account; removing it is final', async () => {
    const accounts = new AccountsService(services, services.amazon);
    await accounts.ensureDemoAccount();
    const [demo] = accounts.list();
    expect(demo).toMatchObject({ id: DEMO_ACCOUNT_ID, label: 'Demonstração — simulador offline', simulated: true, reminders: [] });
    expect(demo!.marketplaces.every((m) => m.enabled)).toBe(true);
    expect(await accounts.remove(DEMO_ACCOUNT_ID)).toBe(true);
    await accounts.ensureDemoAccount();
    expect(accounts.list()).toEqual([]);
  });
});
