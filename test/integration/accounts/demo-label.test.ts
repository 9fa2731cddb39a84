import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { DEMO_ACCOUNT_ID } from '../../../main/accounts/clients';
import { startSimulator } from '../../../main/amazon/simulator';
import { getAccount, setAccountLabel } from '../../../main/db/tables/accounts';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, saveLocale, type Services } from '../../../main/services';

let dir: string;
const open: Services[] = [];

function servicesIn(systemLocale: string): Services {
  const services = createServices({
    dbFile: join(dir, 'v.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale,
    startSimulator: (stateFile) => startSimulator({ port: 0, stateFile }),
  });
  open.push(services);
  return services;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-demo-label-'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const labelOf = (services: Services) => new AccountsService(services, services.amazon).list().find((a) => a.id === DEMO_ACCOUNT_ID)?.label;

describe('the demo account is named in the language the seller reads', () => {
  it('follows a language chosen in Configurações, and the system language at the next start', async () => {
    const first = servicesIn('pt-BR');
    await new AccountsService(first, first.amazon).ensureDemoAccount();
    expect(labelOf(first)).toBe('Demonstração — simulador offline');

    saveLocale(first, 'en');
    expect(labelOf(first)).toBe('Demo — offline simulator');
    saveLocale(first, null); // back to the system's language (pt-BR)
    expect(labelOf(first)).toBe('Demonstração — simulador offline');
    await first.close();
    open.length = 0;

    // The same database, the OS now in Swedish: the start-up check renames it.
    const next = servicesIn('sv-SE');
    await new AccountsService(next, next.amazon).ensureDemoAccount();
    expect(labelOf(next)).toBe('Demo — offlinesimulator');
  });

  it('leaves a name that is not one of Vitrine’s own alone', async () => {
    const services = servicesIn('pt-BR');
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    setAccountLabel(services.db, DEMO_ACCOUNT_ID, 'Loja de testes');
    saveLocale(services, 'en');
    expect(getAccount(services.db, DEMO_ACCOUNT_ID)?.label).toBe('Loja de testes');
  });
});
