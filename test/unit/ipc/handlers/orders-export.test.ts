import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ordersHandlers } from '../../../../main/ipc/handlers/orders';
import { dispatch } from '../../../../main/ipc/register';
import { MemorySecretStore } from '../../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../../main/services';

describe('orders:export and the file tokens', () => {
  let services: Services;
  let dir: string;
  let call: (input: unknown) => ReturnType<typeof dispatch>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-orders-export-'));
    services = createServices({ dbFile: join(dir, 'v.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR' });
    const handlers = ordersHandlers(services);
    call = (input) => dispatch(handlers, services.translator, 'orders:export', input, true);
  });
  afterEach(() => services.close());

  it('writes where the seller saved, in the format of the name they kept', async () => {
    const target = join(dir, 'meus-pedidos.csv');
    const { fileToken } = services.fileGrants.grant(target, 'write');
    expect(await call({ filter: {}, format: 'xlsx', fileToken })).toMatchObject({ ok: true, value: { name: 'meus-pedidos.csv', fileToken, orders: 0 } });
    expect(existsSync(target)).toBe(true);
  });

  it('refuses a token for a file chosen to be read, and a path', async () => {
    const { fileToken } = services.fileGrants.grant(join(dir, 'entrada.xlsx'), 'read');
    expect(await call({ filter: {}, format: 'xlsx', fileToken })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_CHOSEN' } });
    expect(await call({ filter: {}, format: 'xlsx', file: join(dir, 'x.xlsx') })).toMatchObject({ ok: true });
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('without a token, writes into the exports folder beside the database and answers a token for it', async () => {
    const answer = await call({ filter: {}, format: 'xlsx' });
    expect(answer).toMatchObject({ ok: true, value: { name: expect.stringMatching(/^pedidos-[\d-]+\.xlsx$/) } });
    const written = services.fileGrants.resolve((answer as { value: { fileToken: string } }).value.fileToken, 'reveal');
    expect(dirname(written)).toBe(join(dir, 'exports'));
    expect(existsSync(written)).toBe(true);
  });
});
