import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { tempDir, tPt, writeCsv, writeXlsx } from './helpers';

/**
 * A SKU that looks like another must be that SKU: Amazon would list a look-alike as a second
 * offer. Spellings of one code (Unicode NFC and NFD, blanks around it) are one SKU; a code with a
 * character that shows nothing is refused for its row, naming the character.
 */
const NFC = 'CAMISETA-AÇÃO-P';
const NFD = NFC.normalize('NFD');

describe('look-alike SKUs', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'lookalike.db'));
    const seed = await importProducts(
      db,
      writeCsv(join(dir, 'seed.csv'), [
        ['SKU', 'Título', 'Preço'],
        [NFC, 'Camiseta ação P', '10'],
        ['CANECA', 'Caneca', '20'],
      ]),
      { dryRun: false, t: tPt },
    );
    expect(seed).toMatchObject({ imported: 2, rejected: 0 });
  });
  afterAll(() => db.close());

  const skus = () => db.prepare('SELECT sku FROM skus ORDER BY sku').pluck().all() as string[];

  it('the NFD spelling of a stored SKU updates it; in one file, the second spelling is a duplicate of the first', async () => {
    expect(NFD).not.toBe(NFC);
    const update = await importProducts(
      db,
      writeCsv(join(dir, 'nfd.csv'), [
        ['SKU', 'Título', 'Preço'],
        [NFD, 'Camiseta ação P', '11'],
      ]),
      { dryRun: false, t: tPt },
    );
    expect(update).toMatchObject({ imported: 0, updated: 1, rejected: 0 });
    expect(skus()).toEqual(['CAMISETA-AÇÃO-P', 'CANECA']);

    const both = await importProducts(
      db,
      await writeXlsx(join(dir, 'both.xlsx'), [
        ['SKU', 'Título', 'Preço'],
        [NFC, 'Camiseta', 12],
        [` ${NFD}\u00a0`, 'Camiseta', 13],
      ]),
      { dryRun: true, t: tPt },
    );
    expect(both.errors.map((e) => `${e.row}:${e.code}`)).toEqual(['3:DUPLICATE_SKU']);
  });

  it('zero-width characters, a BOM or a soft hyphen in a SKU: the row refused, naming the character; the other rows imported', async () => {
    const before = skus();
    const file = writeCsv(join(dir, 'invisible.csv'), [
      ['SKU', 'Título', 'Preço'],
      ['CANECA\u200b', 'Caneca', '20'],
      ['\ufeffCANECA', 'Caneca', '20'],
      ['CA\u00adNECA', 'Caneca', '20'],
      ['CANECA\u2060', 'Caneca', '20'],
      ['PRATO-01', 'Prato', '15'],
    ]);

    const report = await importProducts(db, file, { dryRun: false, t: tPt });

    expect(report).toMatchObject({ imported: 1, rejected: 4 });
    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '2:SKU:INVISIBLE_CHARACTER',
      '3:SKU:INVISIBLE_CHARACTER',
      '4:SKU:INVISIBLE_CHARACTER',
      '5:SKU:INVISIBLE_CHARACTER',
    ]);
    expect(report.errors[0]?.message).toBe(
      'Linha 2, coluna "SKU": o texto contém um caractere invisível (U+200B, na posição 7). Com ele, o código parece igual a outro mas é diferente (na Amazon viraria outro anúncio). Apague-o na planilha e importe de novo.',
    );
    expect(skus()).toEqual([...before, 'PRATO-01'].sort());
  });

  it('parent SKUs and kit components follow the same rule', async () => {
    const file = writeCsv(join(dir, 'family.csv'), [
      ['SKU', 'SKU pai', 'Título', 'Componentes do kit'],
      ['CAMISA-AÇÃO', '', 'Camisa ação', ''],
      ['CAMISA-AÇÃO-P', 'CAMISA-AÇÃO'.normalize('NFD'), 'Camisa ação P', ''],
      ['KIT-1', '', 'Kit', `${NFD} x2; CANECA`],
      ['KIT-2', '', 'Kit', 'CANECA\u200b x2'],
      ['CAMISA-AÇÃO-M', 'CAMISA-AÇÃO\u200c', 'Camisa ação M', ''],
    ]);

    const report = await importProducts(db, file, { dryRun: false, t: tPt });

    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual(['5:Componentes do kit:INVISIBLE_CHARACTER', '6:SKU pai:INVISIBLE_CHARACTER']);
    const products = db.prepare('SELECT key FROM products ORDER BY key').pluck().all();
    expect(products).not.toContain('CAMISA-AÇÃO'.normalize('NFD'));
    const kit = db
      .prepare(
        "SELECT c.sku, k.quantity FROM kit_components k JOIN skus c ON c.id = k.component_sku_id JOIN skus s ON s.id = k.kit_sku_id WHERE s.sku = 'KIT-1' ORDER BY c.sku",
      )
      .all();
    expect(kit).toEqual([
      { sku: NFC, quantity: 2 },
      { sku: 'CANECA', quantity: 1 },
    ]);
    expect(skus().filter((sku) => sku.normalize('NFC') !== sku)).toEqual([]);
  });
});
