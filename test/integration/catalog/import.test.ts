import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getProductCharacteristics } from '../../../main/db/tables/characteristics';
import { listCategories } from '../../../main/db/tables/categories';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { snapshot, tEn, tempDir, tPt, writeCsv, writeXlsx } from './helpers';

const HEADER_PT = ['SKU', 'SKU pai', 'Título', 'Preço', 'Estoque', 'Código de barras', 'Marca', 'Categoria', 'Característica: Cor', 'Variação: Tamanho'];

describe('importing products', () => {
  let db: Db;
  let dir: string;
  beforeEach(() => {
    db = openDatabase(':memory:');
    dir = tempDir();
  });
  afterEach(() => db.close());

  it('imports a Windows-1252 CSV with variations, categories and characteristics', async () => {
    const file = writeCsv(
      join(dir, 'w1252.csv'),
      [
        HEADER_PT,
        ['CAM-P', 'CAM', 'Camiseta Algodão', '1.234,56', '10', '7891234567895', 'Açaí & Cia', 'Roupas > Camisetas', 'Azul', 'P'],
        ['CAM-M', 'CAM', 'Camiseta Algodão', '19,90', '5', '', 'Açaí & Cia', 'Roupas > Camisetas', 'Azul', 'M'],
      ],
      { encoding: 'windows-1252' },
    );
    const report = await importProducts(db, file, { dryRun: false, t: tPt });
    expect(report).toMatchObject({ rows: 2, imported: 2, updated: 0, rejected: 0, committed: true });
    const p = getSkuByCode(db, 'CAM-P');
    const m = getSkuByCode(db, 'CAM-M');
    expect(p).toMatchObject({ priceCents: 123456, stock: 10, gtin: '7891234567895', gtinStatus: 'valid', variation: { Tamanho: 'P' } });
    expect(m?.productId).toBe(p?.productId);
    expect(getProductCharacteristics(db, p!.productId)).toEqual({ Cor: 'Azul' });
    expect(listCategories(db).map((c) => c.path)).toEqual(['Roupas', 'Roupas > Camisetas']);
    expect(db.prepare('SELECT brand FROM products').pluck().get() as string).toBe('Açaí & Cia');
  });

  it('reads a UTF-8 CSV with BOM and comma delimiter the same way', async () => {
    const file = writeCsv(
      join(dir, 'bom.csv'),
      [
        ['Seller SKU', 'Title', 'Price', 'Quantity'],
        ['A-1', 'Mug “Café”', '1,234.50', '3'],
      ],
      { bom: true, delimiter: ',' },
    );
    const source = await openSheet(file);
    expect(source.format).toMatchObject({ kind: 'csv', encoding: 'utf-8', delimiter: ',' });
    await importProducts(db, file, { dryRun: false, t: tEn });
    expect(getSkuByCode(db, 'A-1')).toMatchObject({ priceCents: 123450, stock: 3 });
    expect(db.prepare('SELECT title FROM products').pluck().get()).toBe('Mug “Café”');
  });

  it('imports xlsx with numbers, formulas (cached value), dates and empty rows', async () => {
    const file = await writeXlsx(join(dir, 'mess.xlsx'), [
      ['SKU', 'Nome', 'Preço', 'Estoque', 'EAN'],
      ['N-1', 'Caneca', 19.9, { formula: '2+3', result: 5 }, 7891234567895],
      [],
      [12345, 'Prato', '1.234,56', 2, '7.89123E+12'],
      [new Date(Date.UTC(2024, 2, 10)), 'Copo', 5, 1, ''],
      ['N-4', 'Jarra', { formula: 'NA()', result: { error: '#N/A' } }, 1, ''],
    ]);
    const report = await importProducts(db, file, { dryRun: false, t: tPt });
    expect(report).toMatchObject({ rows: 4, imported: 1, rejected: 3 });
    expect(getSkuByCode(db, 'N-1')).toMatchObject({ priceCents: 1990, stock: 5, gtin: '7891234567895' });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'EAN', 'GTIN_SCIENTIFIC'],
      [5, 'SKU', 'UNEXPECTED_DATE'],
      // exceljs's streaming reader drops an error result (#N/A), so it reads as a formula without value.
      [6, 'Preço', 'FORMULA_WITHOUT_VALUE'],
    ]);
    expect(report.errors[0]?.message).toMatch(/^Linha 4, coluna "EAN": /);
  });

  it('previews without writing, then commits exactly what the preview announced', async () => {
    const file = writeCsv(join(dir, 'p.csv'), [
      ['SKU', 'Título', 'Estoque'],
      ['A', 'Um', '1'],
      ['B', 'Dois', 'x'],
      ['A', 'Repetido', '2'],
    ]);
    const before = snapshot(db);
    const preview = await importProducts(db, file, { dryRun: true, t: tEn });
    expect(snapshot(db)).toEqual(before);
    expect(preview.columns.map((c) => c.field)).toEqual(['sku', 'title', 'stock']);
    expect(preview.sample).toEqual([
      ['A', 'Um', '1'],
      ['B', 'Dois', 'x'],
      ['A', 'Repetido', '2'],
    ]);
    const commit = await importProducts(db, file, { dryRun: false, t: tEn });
    const pick = (r: typeof preview) => [r.imported, r.updated, r.rejected, r.errors.map((e) => e.code)];
    expect(pick(commit)).toEqual(pick(preview));
    expect(commit.errors.map((e) => e.code)).toEqual(['NOT_A_NUMBER', 'DUPLICATE_SKU']);
    expect(commit.errors[1]?.message).toBe('Row 4, column "SKU": SKU A already appeared in row 2; only the first row was kept.');
  });

  it('upserts by SKU: empty cells keep stored values and unchanged rows are counted apart', async () => {
    await importProducts(
      db,
      writeCsv(join(dir, '1.csv'), [
        ['SKU', 'Título', 'Preço', 'Estoque'],
        ['A', 'Um', '10', '1'],
        ['B', 'Dois', '20', '2'],
      ]),
      { dryRun: false, t: tEn },
    );
    const second = await importProducts(
      db,
      writeCsv(join(dir, '2.csv'), [
        ['SKU', 'Estoque'],
        ['A', '7'],
        ['B', '2'],
        ['C', '1'],
      ]),
      { dryRun: false, t: tEn },
    );
    expect(second).toMatchObject({ imported: 0, updated: 1, unchanged: 1, rejected: 1 });
    expect(second.errors[0]?.code).toBe('MISSING_TITLE');
    expect(getSkuByCode(db, 'A')).toMatchObject({ stock: 7, priceCents: 1000 });
  });

  it('applies an explicit column mapping, e.g. a plain "Cor" column as a characteristic', async () => {
    const file = writeCsv(join(dir, 'map.csv'), [
      ['Código', 'Nome', 'Cor'],
      ['A', 'Caneca', 'Azul'],
    ]);
    const report = await importProducts(db, file, {
      dryRun: false,
      t: tPt,
      mapping: [
        { column: 0, field: 'sku' },
        { column: 1, field: 'title' },
        { column: 2, field: 'characteristic:Cor' },
      ],
    });
    expect(report.imported).toBe(1);
    expect(getProductCharacteristics(db, getSkuByCode(db, 'A')!.productId)).toEqual({ Cor: 'Azul' });
    await expect(importProducts(db, file, { dryRun: true, t: tPt, mapping: [{ column: 9, field: 'sku' }] })).rejects.toMatchObject({
      code: 'IMPORT_MAPPING_INVALID',
    });
  });

  it('resolves kits after all rows, derives their stock and rejects unknown components', async () => {
    const file = writeCsv(join(dir, 'kit.csv'), [
      ['SKU', 'Título', 'Estoque', 'Componentes do kit'],
      ['KIT', 'Kit', '99', 'A x2; B'],
      ['A', 'A', '10', ''],
      ['B', 'B', '3', ''],
      ['BAD', 'Bad kit', '', 'NOPE x1'],
    ]);
    const report = await importProducts(db, file, { dryRun: false, t: tEn });
    expect(report).toMatchObject({ imported: 3, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ row: 5, code: 'KIT_COMPONENT_NOT_FOUND' });
    expect(getSkuByCode(db, 'KIT')).toMatchObject({ isKit: true, stock: 3 });
  });

  it('writes rejected rows back with an errors column', async () => {
    const file = writeCsv(join(dir, 'r.csv'), [
      ['SKU', 'Título', 'Preço'],
      ['A', 'Um', 'abc'],
      ['B', 'Dois', '1'],
    ]);
    const rejectedFile = join(dir, 'rejected.xlsx');
    const report = await importProducts(db, file, { dryRun: false, t: tPt, rejectedFile });
    expect(report.rejectedFile).toBe(rejectedFile);
    const rows: string[][] = [];
    for await (const row of (await openSheet(rejectedFile)).rows()) rows.push(row.cells.map(String));
    expect(rows).toEqual([
      ['SKU', 'Título', 'Preço', 'erros'],
      ['A', 'Um', 'abc', 'Linha 2, coluna "Preço": "abc" não é um número.'],
    ]);
  });

  it('refuses a second import into the same database while one is running', async () => {
    const rows = [['SKU', 'Título'], ...Array.from({ length: 2000 }, (_, i) => [`C-${i}`, `Produto ${i}`])];
    const file = await writeXlsx(join(dir, 'busy.xlsx'), rows);
    const first = importProducts(db, file, { dryRun: false, t: tEn });
    await expect(importProducts(db, file, { dryRun: true, t: tEn })).rejects.toMatchObject({ code: 'IMPORT_IN_PROGRESS' });
    await expect(first).resolves.toMatchObject({ imported: 2000 });
    await expect(importProducts(db, file, { dryRun: true, t: tEn })).resolves.toMatchObject({ unchanged: 2000 });
  });

  it('reports progress by bytes read, ending at the file size', async () => {
    const rows = [['SKU', 'Título'], ...Array.from({ length: 3000 }, (_, i) => [`P-${i}`, `Produto ${i}`])];
    const file = await writeXlsx(join(dir, 'progress.xlsx'), rows);
    const seen: [number, number][] = [];
    await importProducts(db, file, { dryRun: true, t: tEn, onProgress: (done, total) => seen.push([done, total]) });
    const size = (await openSheet(file)).sizeBytes;
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual([size, size]);
    expect(seen.every(([done, total], i) => total === size && done <= size && done >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('treats an ERP parent row as the product, not a sellable SKU, before or after its variations', async () => {
    const file = writeCsv(join(dir, 'parents.csv'), [
      ['SKU', 'SKU pai', 'Título', 'Marca', 'Preço', 'Variação: Tamanho'],
      ['CAM', '', 'Camiseta', 'Acme', '', ''],
      ['CAM-P', 'CAM', '', '', '10', 'P'],
      ['CAM-M', 'CAM', '', '', '12', 'M'],
      ['BON-U', 'BON', 'Boné', '', '20', 'U'],
      ['BON', '', 'Boné Azul', 'Acme', '', ''],
    ]);
    const report = await importProducts(db, file, { dryRun: false, t: tPt });
    expect(report.rejected).toBe(0);
    expect(getSkuByCode(db, 'CAM')).toBeUndefined();
    expect(getSkuByCode(db, 'BON')).toBeUndefined();
    const cam = getSkuByCode(db, 'CAM-P');
    expect(getSkuByCode(db, 'CAM-M')?.productId).toBe(cam?.productId);
    expect(db.prepare('SELECT key, title, brand FROM products ORDER BY key').all()).toEqual([
      { key: 'BON', title: 'Boné Azul', brand: 'Acme' },
      { key: 'CAM', title: 'Camiseta', brand: 'Acme' },
    ]);
  });

  it('finds the header below a title block and keeps data rows of files without a recognised SKU header', async () => {
    const titled = writeCsv(join(dir, 'titled.csv'), [
      ['Relatório de produtos', ''],
      ['Gerado em 10/03/2024', ''],
      ['', ''],
      ['Código', 'Nome'],
      ['T-1', 'Caneca'],
    ]);
    const report = await importProducts(db, titled, { dryRun: true, t: tPt });
    expect(report).toMatchObject({ rows: 1, imported: 1, rejected: 0 });
    expect(report.columns.map((c) => c.header)).toEqual(['Código', 'Nome']);
    const manual = writeCsv(join(dir, 'manual.csv'), [
      ['Identificador', 'Nome'],
      ['M-1', 'Caneca'],
      ['M-2', 'Prato'],
    ]);
    const mapped = await importProducts(db, manual, {
      dryRun: false,
      t: tPt,
      mapping: [
        { column: 0, field: 'sku' },
        { column: 1, field: 'title' },
      ],
    });
    expect(mapped).toMatchObject({ rows: 2, imported: 2 });
  });

  it('keeps the search index exact through creates, renames, regrouping and deletions', async () => {
    const search = (q: string) =>
      db.prepare('SELECT p.key FROM products_fts f JOIN products p ON p.id = f.rowid WHERE products_fts MATCH ? ORDER BY p.key').pluck().all(q) as string[];
    await importProducts(
      db,
      writeCsv(join(dir, 'f1.csv'), [
        ['SKU', 'SKU pai', 'Título', 'Marca'],
        ['A', '', 'Caneca Azul', 'Acme'],
        ['B-1', 'B', 'Prato Fundo', 'Louças'],
        ['B-2', 'B', 'Prato Raso', 'Louças'],
        ['C', '', 'Copo', ''],
      ]),
      { dryRun: false, t: tPt },
    );
    await importProducts(
      db,
      writeCsv(join(dir, 'f2.csv'), [
        ['SKU', 'SKU pai', 'Título', 'Marca'],
        ['A', '', 'Caneca Verde', ''],
        ['C', 'D', 'Copo Alto', 'Vidraria'],
        ['E', '', 'Jarra', ''],
      ]),
      { dryRun: false, t: tPt },
    );
    expect(() => db.exec("INSERT INTO products_fts(products_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(search('azul')).toEqual([]);
    expect(search('verde')).toEqual(['A']);
    // B has no parent row: its first row is the family's content; B-2's own title stays on the SKU.
    expect(search('fundo')).toEqual(['B']);
    expect(search('raso')).toEqual([]);
    expect(search('copo')).toEqual(['D']);
    expect(search('jarra')).toEqual(['E']);
    expect(db.prepare('SELECT key FROM products ORDER BY key').pluck().all()).toEqual(['A', 'B', 'D', 'E']);
    expect(db.prepare('SELECT COUNT(*) FROM catalog_state').pluck().get()).toBe(0);
  });

  it('reads a CSV saved with an .xlsx name by its content', async () => {
    const file = writeCsv(join(dir, 'really-a-csv.xlsx'), [
      ['SKU', 'Título'],
      ['X-1', 'Caneca'],
    ]);
    await expect(importProducts(db, file, { dryRun: true, t: tPt })).resolves.toMatchObject({ imported: 1 });
  });
});
