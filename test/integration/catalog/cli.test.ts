import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { getProductCharacteristics } from '../../../main/db/tables/characteristics';
import { tempDir, writeCsv } from './helpers';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

describe('catalog CLI', () => {
  const dir = tempDir();
  const env = { VITRINE_LOCALE: 'en', VITRINE_LOG_DIR: dir, HOME: dir };
  const db = join(dir, 'cli.db');

  it('import-products --json prints the report and writes to the --db file', async () => {
    const file = writeCsv(join(dir, 'in.csv'), [
      ['SKU', 'Title', 'Price'],
      ['A', 'Mug', '10'],
      ['B', 'Plate', 'ten'],
    ]);
    const cap = io();
    const code = await runCli(['import-products', file, '--db', db, '--json'], cap.io, env);
    expect(code).toBe(0);
    const report = JSON.parse(cap.out.join('')) as Record<string, unknown>;
    expect(report).toMatchObject({ imported: 1, updated: 0, rejected: 1 });
    expect(report.errors).toEqual([{ row: 3, field: 'Price', code: 'NOT_A_NUMBER', message: 'Row 3, column "Price": "ten" is not a number.' }]);
    const check = openDatabase(db);
    expect(getSkuByCode(check, 'A')?.priceCents).toBe(1000);
    check.close();
  });

  it('export-products writes the file; a broken input exits 1 with a localized message', async () => {
    const out = join(dir, 'out.xlsx');
    const cap = io();
    expect(await runCli(['export-products', out, '--db', db], cap.io, env)).toBe(0);
    expect(existsSync(out)).toBe(true);
    const bad = io();
    expect(await runCli(['import-products', join(dir, 'missing.csv'), '--db', db, '--json'], bad.io, env)).toBe(1);
    expect(bad.err.join('')).toMatch(/was not found/);
  });

  it('--map remaps columns by header: a plain "Cor" column becomes a characteristic', async () => {
    const file = writeCsv(join(dir, 'map.csv'), [
      ['SKU', 'Title', 'Cor', 'Notes'],
      ['M-1', 'Mug', 'Azul', 'x'],
    ]);
    const cap = io();
    const code = await runCli(['import-products', file, '--db', db, '--json', '--map', 'cor=characteristic:Cor', '--map', 'Notes='], cap.io, env);
    expect(code).toBe(0);
    const check = openDatabase(db);
    const productId = getSkuByCode(check, 'M-1')?.productId ?? -1;
    expect(getProductCharacteristics(check, productId)).toEqual({ Cor: 'Azul' });
    check.close();
    const bad = io();
    expect(await runCli(['import-products', file, '--db', db, '--map', 'Nope=title'], bad.io, env)).toBe(1);
    expect(bad.err.join('')).toBe('The file has no column named "Nope".');
  });
});
