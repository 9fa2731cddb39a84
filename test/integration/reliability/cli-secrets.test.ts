import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { scaledClock } from '../../../main/sync/scaled-clock';
import { configureSync, seedCatalog } from '../../../bench/lib/world';

/**
 * The headless paths (sync, import-orders, the exports) leave no secret behind: not in SQLite
 * (with its WAL), the logs, the exported files or the console output. Searched for: the app's
 * client secret and refresh token, and every access token the simulators issued (read from their
 * state files, which are Amazon's side of the wire and the only files not searched).
 */
const SCALE = 1000;
const TOKEN_PATTERN = /Atz[ar]\|[A-Za-z0-9\-_.~+/=|%]{8,}/;
const AMAZON_SIDE = /(^simulator-state\.json|^standalone-sim\.json)/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() && !AMAZON_SIDE.test(entry.name) ? [path] : [];
  });
}

function issuedTokens(stateFile: string): string[] {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { accessTokens: Record<string, unknown>; refreshTokens: Record<string, unknown> };
  return [...Object.keys(state.accessTokens), ...Object.keys(state.refreshTokens)];
}

describe('CLI paths leave no secret behind', () => {
  let dir: string;
  let sim: SimulatorHandle;
  const output: string[] = [];
  const io = { out: (t: string) => void output.push(t), err: (t: string) => void output.push(t) };
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-cli-secrets-'));
    const anchor = Date.now();
    sim = await startSimulator({ clock: scaledClock(SCALE, anchor), stateFile: join(dir, 'standalone-sim.json'), autoOrderEveryMs: 0, seedOrders: false });
    env = {
      ...process.env,
      VITRINE_LOG_DIR: join(dir, 'logs'),
      VITRINE_LOCALE: 'en',
      VITRINE_CLOCK_SCALE: String(SCALE),
      VITRINE_CLOCK_ANCHOR: String(anchor),
    };
    const db = openDatabase(join(dir, 'sync.db'));
    saveAccount(db, {
      id: 'demo',
      label: 'Demo',
      kind: 'simulator',
      region: 'NA',
      sandbox: false,
      sellerId: DEMO.sellerId,
      lwaClientId: DEMO.clientId,
      storeName: null,
      clientSecretSetAt: 0,
      authorizedAt: 0,
      createdAt: 0,
      marketplaces: [
        { marketplaceId: 'A2Q3Y263D00KWC', countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true },
      ],
    });
    configureSync(db, 'demo');
    seedCatalog(db, 3);
    db.close();
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after sync, import-orders and the exports', async () => {
    const codes = [
      await runCli(['sync', '--once', '--db', join(dir, 'sync.db'), '--json', '--simulator', sim.url], io, env),
      await runCli(['import-orders', '--db', join(dir, 'orders', 'vitrine.db'), '--json'], io, env),
      await runCli(['export-orders', join(dir, 'orders.csv'), '--db', join(dir, 'orders', 'vitrine.db')], io, env),
      await runCli(['export-products', join(dir, 'products.xlsx'), '--db', join(dir, 'sync.db')], io, env),
    ];
    sim.control.save();

    expect(codes).toEqual([0, 0, 0, 0]);
    const secrets = [
      DEMO.clientSecret,
      DEMO.refreshToken,
      ...issuedTokens(join(dir, 'standalone-sim.json')),
      ...issuedTokens(join(dir, 'orders', 'simulator-state.json')),
    ];
    expect(secrets.filter((s) => s.startsWith('Atza|')).length).toBeGreaterThanOrEqual(2);
    const files = filesUnder(dir);
    expect(files.filter((f) => /\.(db|log|csv|xlsx)$/.test(f) && statSync(f).size > 0).length).toBeGreaterThanOrEqual(5);
    const hits: string[] = [];
    for (const [name, text] of [...files.map((f) => [f, readFileSync(f).toString('latin1')] as const), ['console', output.join('\n')] as const]) {
      for (const secret of secrets) if (text.includes(secret)) hits.push(`${name}: ${secret.slice(0, 6)}…`);
      const token = TOKEN_PATTERN.exec(text);
      if (token) hits.push(`${name}: token ${token[0].slice(0, 6)}…`);
    }
    expect(hits).toEqual([]);
  });
});
