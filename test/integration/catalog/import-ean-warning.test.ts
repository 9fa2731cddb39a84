import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProducts } from '../../../main/catalog/importer';
import { runCli } from '../../../main/cli/run';
import { openDatabase, type Db } from '../../../main/db/connection';
import { listProducts } from '../../../main/db/tables/products';
import { tempDir, tPt, writeCsv } from './helpers';

// 7891000000014 and 7891000000021 are well-formed EAN-13s; 7891000000015 has the wrong check
// digit; 2001234567893 is a well-formed in-store (GS1 restricted-circulation) code.
const HEADER = ['SKU', 'Título', 'Preço', 'EAN'];
const FIRST = [HEADER, ['OLD-1', 'Caneca antiga', '10', '7891000000021']];
const SECOND = [
  HEADER,
  ['OK-1', 'Caneca azul', '10', '7891000000014'],
  ['SEM-1', 'Caneca sem código', '10', ''],
  ['DV-1', 'Caneca dígito', '10', '7891000000015'],
  ['LOJA-1', 'Caneca da loja', '10', '2001234567893'],
  ['DUP-1', 'Caneca repetida', '10', '7891000000021'],
];

describe('the import warns about EANs that will keep products from Amazon', () => {
  const dir = tempDir();
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('counts each cause (missing, check digit, in-store, repeated) for the preview and the import alike, and stores every row', async () => {
    const first = await importProducts(db, writeCsv(join(dir, 'first.csv'), FIRST), { dryRun: false, t: tPt });
    expect(first.ean).toEqual({ total: 0, byCause: { missing: 0, checkDigit: 0, inStore: 0, duplicate: 0, other: 0 } });
    const file = writeCsv(join(dir, 'second.csv'), SECOND);
    const expected = { total: 4, byCause: { missing: 1, checkDigit: 1, inStore: 1, duplicate: 1, other: 0 } };
    const preview = await importProducts(db, file, { dryRun: true, t: tPt });
    expect(preview.ean).toEqual(expected);
    const report = await importProducts(db, file, { dryRun: false, t: tPt });
    expect(report).toMatchObject({ imported: 5, rejected: 0, errors: [], committed: true });
    expect(report.ean).toEqual(expected);
  });

  it('Produtos filtered on "EAN problem" lists exactly the products the send refuses (both sides of a repeated EAN)', async () => {
    await importProducts(db, writeCsv(join(dir, 'first.csv'), FIRST), { dryRun: false, t: tPt });
    await importProducts(db, writeCsv(join(dir, 'second.csv'), SECOND), { dryRun: false, t: tPt });
    const { total, items } = listProducts(db, { gtinStatus: 'problem', offset: 0, limit: 50 });
    expect(items.map((p) => p.firstSku).sort()).toEqual(['DUP-1', 'DV-1', 'LOJA-1', 'OLD-1', 'SEM-1']);
    expect(total).toBe(5);
    // The list's EAN badge says the same: a repeated code is a problem, not "OK".
    expect(items.find((p) => p.firstSku === 'DUP-1')?.gtinProblems).toBe(1);
    expect(items.find((p) => p.firstSku === 'OLD-1')?.gtinProblems).toBe(1);
    const ok = listProducts(db, { search: 'OK-1', offset: 0, limit: 5 }).items;
    expect(ok.map((p) => [p.firstSku, p.gtinProblems])).toEqual([['OK-1', 0]]);
  });

  it('the CLI says it in Portuguese, grouped by cause, with where to fix them', async () => {
    const file = join(dir, 'cli.db');
    const env = { VITRINE_LOCALE: 'pt-BR', VITRINE_LOG_DIR: dir, HOME: dir };
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: () => undefined };
    expect(await runCli(['import-products', writeCsv(join(dir, 'c1.csv'), FIRST), '--db', file], io, env)).toBe(0);
    expect(out.join('\n')).not.toMatch(/EAN/);
    out.length = 0;
    expect(await runCli(['import-products', writeCsv(join(dir, 'c2.csv'), SECOND), '--db', file], io, env)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Atenção: 4 produtos importados têm problema de EAN e não vão para a Amazon até serem corrigidos');
    expect(text).toContain('1 sem EAN');
    expect(text).toContain('1 com dígito verificador errado');
    expect(text).toContain('1 com código interno de loja');
    expect(text).toContain('1 com EAN repetido em outro produto');
    expect(text).not.toContain('inválido por outro motivo');
    expect(text).toContain('filtro EAN "Com problema"');
    out.length = 0;
    expect(await runCli(['import-products', writeCsv(join(dir, 'c2.csv'), SECOND), '--db', file, '--json'], io, env)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ eanProblems: { total: 4, byCause: { missing: 1, checkDigit: 1, inStore: 1, duplicate: 1 } } });
  });
});
