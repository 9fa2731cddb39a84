import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { commitOrders } from '../../../main/orders/commit';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { BR, order } from '../../unit/orders/fixtures';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

/** Orders placed on 7, 8 (morning and evening) and 9 December, local time. */
function world(): { db: string; env: NodeJS.ProcessEnv } {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-export-cli-'));
  const file = join(dir, 'v.db');
  const db = openDatabase(file);
  saveAccount(db, {
    id: 'acc',
    label: 'Loja',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: 'S1',
    lwaClientId: 'c',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Brasil', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  const at = (d: number, h: number) => new Date(2026, 11, d, h).toISOString();
  const placed = [
    ['701-07', at(7, 12)],
    ['701-08a', at(8, 0)],
    ['701-08b', at(8, 22)],
    ['701-09', at(9, 9)],
  ] as const;
  commitOrders(
    db,
    'acc',
    placed.map(([id, created]) => order({ id, status: 'UNSHIPPED', created, updated: created, lines: [{ sku: 'X', quantity: 1 }] })),
    DEFAULT_ORDER_SETTINGS,
  );
  db.close();
  return { db: file, env: { VITRINE_LOG_DIR: join(dir, 'logs') } };
}

const exportedIds = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/701-0\d\w?/g)]
    .map((m) => m[0])
    .filter((v, i, a) => a.indexOf(v) === i)
    .sort();

describe('export-orders --from/--to', () => {
  it('pt-BR: 08/12/2026 is 8 December, and --to includes that whole day', async () => {
    const w = world();
    const out = join(dir ?? '', 'pedidos.csv');
    const c = capture();
    expect(await runCli(['export-orders', out, '--db', w.db, '--from', '08/12/2026', '--to', '08/12/2026'], c.io, { ...w.env, VITRINE_LOCALE: 'pt-BR' })).toBe(
      0,
    );
    expect(exportedIds(out)).toEqual(['701-08a', '701-08b']);
  });

  it('English: ISO dates work; 08/12/2026 is refused as ambiguous, naming the option and the format to use', async () => {
    const w = world();
    const out = join(dir ?? '', 'orders.csv');
    const ok = capture();
    expect(await runCli(['export-orders', out, '--db', w.db, '--from', '2026-12-08'], ok.io, { ...w.env, VITRINE_LOCALE: 'en' })).toBe(0);
    expect(exportedIds(out)).toEqual(['701-08a', '701-08b', '701-09']);
    const bad = capture();
    expect(await runCli(['export-orders', out, '--db', w.db, '--from', '08/12/2026'], bad.io, { ...w.env, VITRINE_LOCALE: 'en' })).toBe(2);
    expect(bad.err[0]).toBe('--from: “08/12/2026” is ambiguous (day or month first?). Use YYYY-MM-DD, e.g. 2026-12-08.');
    const impossible = capture();
    expect(await runCli(['export-orders', out, '--db', w.db, '--to', '31/02/2026'], impossible.io, { ...w.env, VITRINE_LOCALE: 'pt-BR' })).toBe(2);
    expect(impossible.err[0]).toBe('--to: “31/02/2026” não existe no calendário.');
  });
});
