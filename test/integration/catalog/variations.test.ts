import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProducts } from '../../../main/catalog/exporter';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getEffectiveSkuCharacteristics } from '../../../main/db/tables/characteristics';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { snapshot, tempDir, tPt, writeCsv } from './helpers';

const HEADER = ['SKU', 'SKU pai', 'Título', 'Descrição', 'Preço', 'Estoque', 'Característica: Cor', 'Característica: Material', 'Variação: Tamanho'];
const PARENT = ['CAM', '', 'Camiseta Básica Algodão', 'Camiseta de algodão penteado.', '', '', 'Branco', 'Algodão', ''];
const P = ['CAM-P', 'CAM', 'Camiseta Básica Algodão P', 'Camiseta de algodão penteado.', '49,90', '3', 'Branco', 'Algodão', 'P'];
const M = ['CAM-M', 'CAM', 'Camiseta Básica Algodão M', 'Camiseta de algodão penteado, modelagem M.', '49,90', '5', 'Preto', 'Algodão', 'M'];
const G = ['CAM-G', 'CAM', 'Camiseta Básica Algodão G', 'Camiseta de algodão penteado.', '52,90', '0', 'Branco', 'Algodão', 'G'];

/** What a SKU is sold with: the columns the send engine reads (`COALESCE(s.x, p.x)`) and the merged characteristics. */
function effective(db: Db, sku: string) {
  const row = db
    .prepare(
      `SELECT COALESCE(s.title, p.title) AS title, COALESCE(s.description, p.description) AS description,
         COALESCE(s.image_urls, p.image_urls) AS images FROM skus s JOIN products p ON p.id = s.product_id WHERE s.sku = ?`,
    )
    .get(sku) as { title: string; description: string | null; images: string };
  return { ...row, characteristics: getEffectiveSkuCharacteristics(db, getSkuByCode(db, sku)?.id ?? -1) };
}

function family(db: Db) {
  return ['CAM-P', 'CAM-M', 'CAM-G'].map((sku) => effective(db, sku));
}

function product(db: Db) {
  return db.prepare("SELECT title, description FROM products WHERE key = 'CAM'").get();
}

const stamps = (db: Db) => db.prepare('SELECT sku, updated_at FROM skus ORDER BY sku').all();
const productStamps = (db: Db) => db.prepare('SELECT key, updated_at FROM products ORDER BY key').all();

describe('variation rows keep their own content', () => {
  let db: Db;
  let dir: string;
  beforeEach(() => {
    db = openDatabase(':memory:');
    dir = tempDir();
  });
  afterEach(() => db.close());

  const file = (name: string, rows: readonly (readonly string[])[]) => writeCsv(join(dir, name), [HEADER, ...rows]);
  const run = (path: string) => importProducts(db, path, { dryRun: false, t: tPt });

  it('keeps each SKU its own title, description and characteristics, and the parent row’s title on the product', async () => {
    const report = await run(file('family.csv', [PARENT, P, M, G]));
    expect(report).toMatchObject({ rejected: 0 });
    expect(product(db)).toEqual({ title: 'Camiseta Básica Algodão', description: 'Camiseta de algodão penteado.' });
    expect(effective(db, 'CAM-P')).toMatchObject({
      title: 'Camiseta Básica Algodão P',
      description: 'Camiseta de algodão penteado.',
      characteristics: { Cor: 'Branco', Material: 'Algodão' },
    });
    expect(effective(db, 'CAM-M')).toMatchObject({
      title: 'Camiseta Básica Algodão M',
      description: 'Camiseta de algodão penteado, modelagem M.',
      characteristics: { Cor: 'Preto', Material: 'Algodão' },
    });
    expect(effective(db, 'CAM-G')).toMatchObject({ title: 'Camiseta Básica Algodão G', characteristics: { Cor: 'Branco' } });
    // Only what differs is stored on the SKU.
    expect(getSkuByCode(db, 'CAM-P')).toMatchObject({ title: 'Camiseta Básica Algodão P', description: null, imageUrls: null });
    expect(db.prepare('SELECT COUNT(*) FROM sku_characteristics').pluck().get()).toBe(1);
  });

  it('gives the same result whether the parent row comes first, last or not at all (then the first row is the family’s)', async () => {
    await run(file('first.csv', [PARENT, P, M, G]));
    const parentFirst = family(db);
    db.close();
    db = openDatabase(':memory:');
    await run(file('last.csv', [P, M, G, PARENT]));
    expect(family(db)).toEqual(parentFirst);
    expect(product(db)).toEqual({ title: 'Camiseta Básica Algodão', description: 'Camiseta de algodão penteado.' });
    expect(getSkuByCode(db, 'CAM')).toBeUndefined();
    db.close();
    db = openDatabase(':memory:');
    await run(file('none.csv', [P, M, G]));
    expect(family(db)).toEqual(parentFirst);
    expect(product(db)).toEqual({ title: 'Camiseta Básica Algodão P', description: 'Camiseta de algodão penteado.' });
    expect(getSkuByCode(db, 'CAM-P')?.title).toBeNull();
  });

  it.each([
    ['parent row first', [PARENT, P, M, G]],
    ['parent row last', [P, M, G, PARENT]],
    ['no parent row', [P, M, G]],
  ])('re-importing an identical file (%s) reports no change and moves no stamp', async (_, rows) => {
    const path = file('same.csv', rows);
    await run(path);
    const before = { data: snapshot(db), stamps: stamps(db), products: productStamps(db) };
    await new Promise((r) => setTimeout(r, 5));
    const again = await run(path);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: rows.length, rejected: 0 });
    expect({ data: snapshot(db), stamps: stamps(db), products: productStamps(db) }).toEqual(before);
  });

  it('a change to one SKU’s own title or characteristic bumps that SKU’s stamp only', async () => {
    await run(file('v1.csv', [PARENT, P, M, G]));
    const before = new Map((stamps(db) as { sku: string; updated_at: string }[]).map((r) => [r.sku, r.updated_at]));
    await new Promise((r) => setTimeout(r, 5));
    const renamed = await run(file('v2.csv', [PARENT, P, [...M.slice(0, 2), 'Camiseta Básica Algodão Média', ...M.slice(3)], G]));
    expect(renamed).toMatchObject({ updated: 1, unchanged: 3 });
    const afterRename = new Map((stamps(db) as { sku: string; updated_at: string }[]).map((r) => [r.sku, r.updated_at]));
    expect(afterRename.get('CAM-M')).not.toBe(before.get('CAM-M'));
    expect(afterRename.get('CAM-P')).toBe(before.get('CAM-P'));
    expect(effective(db, 'CAM-M').title).toBe('Camiseta Básica Algodão Média');
    await new Promise((r) => setTimeout(r, 5));
    const recolored = await run(
      file('v3.csv', [PARENT, P, [...M.slice(0, 2), 'Camiseta Básica Algodão Média', ...M.slice(3)], [...G.slice(0, 6), 'Azul', ...G.slice(7)]]),
    );
    expect(recolored).toMatchObject({ updated: 1, unchanged: 3 });
    const afterColor = new Map((stamps(db) as { sku: string; updated_at: string }[]).map((r) => [r.sku, r.updated_at]));
    expect(afterColor.get('CAM-G')).not.toBe(afterRename.get('CAM-G'));
    expect(afterColor.get('CAM-M')).toBe(afterRename.get('CAM-M'));
    expect(effective(db, 'CAM-G').characteristics).toEqual({ Cor: 'Azul', Material: 'Algodão' });
    expect(effective(db, 'CAM-P').characteristics).toEqual({ Cor: 'Branco', Material: 'Algodão' });
  });

  it('a file listing one SKU of a family changes that SKU only, never what its siblings are sold with', async () => {
    await run(file('all.csv', [P, M, G]));
    const siblings = [effective(db, 'CAM-M'), effective(db, 'CAM-G')];
    const report = await run(file('one.csv', [[...P.slice(0, 2), 'Camiseta Básica Algodão Pequena', ...P.slice(3)]]));
    expect(report).toMatchObject({ updated: 1 });
    expect(effective(db, 'CAM-P').title).toBe('Camiseta Básica Algodão Pequena');
    expect([effective(db, 'CAM-M'), effective(db, 'CAM-G')]).toEqual(siblings);
    expect(product(db)).toMatchObject({ title: 'Camiseta Básica Algodão P' });
  });

  it('a whole family re-imported without a parent row takes its first row’s new content', async () => {
    await run(file('all.csv', [P, M, G]));
    const retitled = [P, M, G].map((r) => r.map((cell, i) => (i === 2 ? cell.replace('Básica', 'Premium') : cell)));
    const report = await run(file('premium.csv', retitled));
    expect(report).toMatchObject({ updated: 3, rejected: 0 });
    expect(product(db)).toMatchObject({ title: 'Camiseta Premium Algodão P' });
    expect(family(db).map((f) => f.title)).toEqual(['Camiseta Premium Algodão P', 'Camiseta Premium Algodão M', 'Camiseta Premium Algodão G']);
    expect(getSkuByCode(db, 'CAM-P')?.title).toBeNull();
    await expect(run(file('premium-again.csv', retitled))).resolves.toMatchObject({ updated: 0, unchanged: 3 });
  });

  it('export → import round-trips each SKU’s own content, into the same catalog and into an empty one', async () => {
    await run(file('family.csv', [P, M, G, PARENT]));
    const out = join(dir, 'export.xlsx');
    const { rows } = await exportProducts(db, out, { t: tPt });
    expect(rows).toBe(3);
    const before = snapshot(db);
    const sold = family(db);
    await expect(run(out)).resolves.toMatchObject({ imported: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(snapshot(db)).toEqual(before);
    db.close();
    db = openDatabase(':memory:');
    await expect(run(out)).resolves.toMatchObject({ rejected: 0 });
    expect(family(db)).toEqual(sold);
    expect(product(db)).toEqual({ title: 'Camiseta Básica Algodão', description: 'Camiseta de algodão penteado.' });
  });
});
