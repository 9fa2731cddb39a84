import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editProduct } from '../../../main/catalog/editor';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { AppError } from '../../../main/errors';
import { snapshot, tempDir, tEn, tPt, writeCsv, writeXlsx } from './helpers';

/**
 * What the database refuses is refused first by the import, for its row, with a row error like any
 * other: the rest of the file is imported and nothing aborts with the database's own message.
 */
describe("values at and past the database's limits", () => {
  let dir: string;
  let db: Db;

  beforeAll(() => {
    dir = tempDir();
    db = openDatabase(join(dir, 'limits.db'));
  });
  afterAll(() => db.close());

  it('a category level longer than the schema holds: that row refused, the others imported', async () => {
    const level = (n: number) => 'C'.repeat(n);
    const file = writeCsv(join(dir, 'category.csv'), [
      ['SKU', 'Título', 'Categoria'],
      ['CAT-1', 'Caneca', `Cozinha > ${level(200)}`],
      ['CAT-2', 'Prato', `Cozinha > ${level(201)} > Pratos`],
      ['CAT-3', 'Copo', 'Cozinha > Copos'],
    ]);

    const report = await importProducts(db, file, { dryRun: false, t: tPt });

    expect(report).toMatchObject({ imported: 2, rejected: 1, committed: true });
    expect(report.errors).toEqual([
      {
        row: 3,
        field: 'Categoria',
        code: 'CATEGORY_LEVEL_TOO_LONG',
        message: `Linha 3, coluna "Categoria": o nível "${level(40)}…" da categoria tem 201 caracteres; o limite de cada nível é 200.`,
      },
    ]);
    expect(getSkuByCode(db, 'CAT-2')).toBeUndefined();
  });

  it('a characteristic header longer than the schema holds: the rows with a value there refused, the others imported', async () => {
    const longName = `Característica: ${'N'.repeat(101)}`;
    const okName = `Característica: ${'M'.repeat(100)}`;
    const file = await writeXlsx(join(dir, 'header.xlsx'), [
      ['SKU', 'Título', longName, okName],
      ['H-1', 'Caneca', 'Azul', 'x'],
      ['H-2', 'Prato', null, 'y'],
    ]);

    const report = await importProducts(db, file, { dryRun: false, t: tEn });

    expect(report).toMatchObject({ imported: 1, rejected: 1, committed: true });
    expect(report.errors).toEqual([
      {
        row: 2,
        field: longName,
        code: 'COLUMN_NAME_TOO_LONG',
        message: `Row 2, column "${longName}": the name in this column's header has 101 characters; a characteristic or variation name may have up to 100. Shorten the header and import again.`,
      },
    ]);
    expect(getSkuByCode(db, 'H-2')).toBeDefined();
  });

  it('a weight or size past what the database holds exactly: refused for its row', async () => {
    const file = writeCsv(join(dir, 'numbers.csv'), [
      ['SKU', 'Título', 'Peso (kg)', 'Altura (cm)'],
      ['N-1', 'Caneca', '99999999999999999999', '10'],
      ['N-2', 'Prato', '1', '1,5'],
    ]);

    const report = await importProducts(db, file, { dryRun: false, t: tPt });

    expect(report.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual(['2:Peso (kg):NUMBER_TOO_LARGE']);
    expect(report).toMatchObject({ imported: 1, committed: true });
  });

  it('a kit row that is a variation of its own component (the component stops being a SKU): that row refused', async () => {
    const file = writeCsv(join(dir, 'kit-parent.csv'), [
      ['SKU', 'SKU pai', 'Título', 'Componentes do kit'],
      ['KP-1', '', 'Produto', ''],
      ['KP-1-A', 'KP-1', 'Kit', 'KP-1'],
      ['KP-2', '', 'Outro', ''],
      ['KP-2-KIT', '', 'Kit', 'KP-2 x2'],
    ]);

    const report = await importProducts(db, file, { dryRun: false, t: tPt });

    expect(report.errors).toEqual([
      {
        row: 3,
        field: 'Componentes do kit',
        code: 'KIT_COMPONENT_IS_PARENT',
        message:
          'Linha 3, coluna "Componentes do kit": o componente de kit KP-1 é o código de um produto com variações, não de um SKU que se vende. Use o SKU da variação que compõe o kit.',
      },
    ]);
    expect(report).toMatchObject({ imported: 3, rejected: 1, committed: true });
  });

  it("a characteristic name typed on the product screen follows the import's rule", async () => {
    const productId = getSkuByCode(db, 'CAT-1')?.productId ?? -1;
    const refused = editProduct(db, tPt, productId, { characteristics: { 'Cor\u200b': 'Azul', [`${'N'.repeat(101)}`]: 'x' } });
    expect(refused).toMatchObject({ saved: false });
    expect(!refused.saved && refused.errors.map((e) => e.message)).toEqual([
      'Característica: Cor\u200b: o texto contém um caractere invisível (U+200B, na posição 4); com ele, o nome parece igual a outro mas é diferente. Apague-o e salve de novo.',
      `Característica: ${'N'.repeat(101)}: o texto tem 101 caracteres; o limite é 100.`,
    ]);
    expect(editProduct(db, tPt, productId, { characteristics: { ['Côr'.normalize('NFD')]: 'Azul' } })).toMatchObject({ saved: true });
    expect(editProduct(db, tPt, productId, { characteristics: { Côr: 'Verde' } })).toMatchObject({ saved: true });
    expect(db.prepare("SELECT name FROM characteristics WHERE name LIKE 'C%r'").pluck().all()).toEqual(['Côr']);
  });
});

describe('any values in any column', () => {
  /** Each column with a sound value most of the time, so most rows reach the database. */
  const COLUMNS: readonly (readonly [string, fc.Arbitrary<string>])[] = [
    ['SKU', fc.constantFrom('A', 'B', 'C-1', 'AÇÃO', 'P-1')],
    ['SKU pai', fc.constantFrom('', '', 'P-1', 'P-2')],
    ['Título', fc.constantFrom('Produto', 'Caneca ação')],
    ['Descrição', fc.constantFrom('', 'Texto')],
    ['Marca', fc.constantFrom('', 'Marca')],
    ['Categoria', fc.constantFrom('', 'Casa > Cozinha', 'Roupas')],
    ['EAN', fc.constantFrom('', '7891234567895')],
    ['Preço', fc.constantFrom('10', '19,90', '')],
    ['Preço promocional', fc.constantFrom('', '5')],
    ['Estoque', fc.constantFrom('1', '0', '')],
    ['Peso (kg)', fc.constantFrom('1', '0,25', '')],
    ['Altura (cm)', fc.constantFrom('2', '')],
    ['Ativo', fc.constantFrom('sim', 'não', '')],
    ['Componentes do kit', fc.constantFrom('', '', '', 'A x2; B')],
    ['Imagem 1', fc.constantFrom('', 'https://x.invalid/a.jpg')],
    ['Característica: Cor', fc.constantFrom('', 'Azul')],
    ['Variação: Tamanho', fc.constantFrom('', 'P')],
    [`Característica: ${'N'.repeat(101)}`, fc.constantFrom('', '', 'x')],
  ];
  const hostile = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      '1e308',
      '99999999999999999999',
      '9007199254740993',
      '-1',
      '0',
      '1.234,56',
      '0,001',
      'A x2; B x0',
      'A x2; A',
      'A x99999999999999999999',
      'P-1 x1',
      'X'.repeat(250),
      `Casa > ${'C'.repeat(201)}`,
      `${'C'.repeat(200)} > x`,
      'a > b > c',
      ' > > ',
      'ção'.normalize('NFD'),
      'AÇÃO'.normalize('NFD'),
      'SKU\u200b',
      '\ufeffSKU',
      'A\u00adB',
      '=1+1',
      "'=1+1",
      'R$ 19,90',
      'sim',
      'não',
      'https://x.invalid/a.jpg',
      '😀'.repeat(21),
    ),
  );
  const row = fc.tuple(...COLUMNS.map(([, sound]) => fc.oneof({ arbitrary: sound, weight: 5 }, { arbitrary: hostile, weight: 1 })));

  it('never end an import with anything but a report or a localized file error; the database stays sound', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const db = openDatabase(join(dir, `fuzz-${(run += 1)}.db`));
        try {
          const file = writeCsv(join(dir, `fuzz-${run}.csv`), [COLUMNS.map(([header]) => header), ...rows]);
          const outcome = await importProducts(db, file, { dryRun: false, t: tPt }).catch((err: unknown) => err);
          if (outcome instanceof Error) expect(outcome).toBeInstanceOf(AppError);
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(db.pragma('foreign_key_check')).toEqual([]);
          if (outcome instanceof Error) expect(snapshot(db).skus).toEqual([]);
        } finally {
          db.close();
        }
      }),
      { numRuns: 80 },
    );
  }, 180_000);
});
