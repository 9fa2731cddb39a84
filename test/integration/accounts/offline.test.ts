import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';

let services: Services | undefined;
let dir: string | undefined;

afterEach(async () => {
  await services?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  services = dir = undefined;
});

/** A port nothing listens on: the connection is refused, as when no network path exists. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The app's services whose "Amazon" (the embedded simulator's endpoint) cannot be reached. */
function offlineServices(base: string): Services {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-offline-'));
  services = createServices({
    dbFile: join(dir, 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    startSimulator: async () => ({ url: base, lwaUrl: `${base}/auth/o2/token`, demo: DEMO, close: async () => undefined }),
  });
  return services;
}

const input = {
  environment: 'simulator',
  region: 'NA',
  sellerId: DEMO.sellerId,
  clientId: DEMO.clientId,
  clientSecret: DEMO.clientSecret,
  refreshToken: DEMO.refreshToken,
};

describe('testing the connection from a machine without internet', () => {
  it.each([
    ['the connection is refused', async () => `http://127.0.0.1:${await closedPort()}`],
    ['the name does not resolve', async () => 'http://vitrine-sem-rede.invalid'],
  ])('%s: "sem conexão com a internet", not a message blaming Amazon', async (_case, base) => {
    const s = offlineServices(await base());
    const result = await dispatch(createHandlers(s), s.translator, 'accounts:test-connection', input, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_INTERNET' } });
    expect(!result.ok && result.error.message).toMatch(/^Sem conexão com a internet/);
    expect(!result.ok && result.error.message).not.toMatch(/Amazon (não está respondendo|teve um problema|recusou)/);
  });
});
