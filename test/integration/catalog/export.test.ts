import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProducts, writeTemplate } from '../../../main/catalog/exporter';
import { importProducts } from '../../../main/catalog/importer';
import { autoMap } from '../../../main/catalog/columns';
import { openDatabase, type Db } from '../../../main/db/connection';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { cellText } from '../../../main/spreadsheet/cell';
import { snapshot, tEn, tempDir, tPt, writeCsv } from './helpers';

const SOURCE = [
  [
    'SKU',
    'SKU pai',
    'Título',
    'Descrição',
    'Marca',
    'Fabricante',
    'Categoria',
    'EAN',
    'Isento de GTIN',
    'Preço',
    'Preço promocional',
    'Estoque',
    'Peso (kg)',
    'Comprimento (cm)',
    'Largura (cm)',
    'Altura (cm)',
    'Ativo',
    'Componentes do kit',
    'Tópico 1',
    'Tópico 2',
    'Imagem 1',
    'Característica: Cor',
    'Variação: Tamanho',
  ],
  [
    'CAM-P',
    'CAM',
    'Camiseta; "Algodão"',
    'Linha 1\nLinha 2',
    'Acme',
    'Acme SA',
    'Roupas > Camisetas',
    '0012345678905',
    'não',
    '1.234,56',
    '999,90',
    '10',
    '0,25',
    '30',
    '20,5',
    '2',
    'sim',
    '',
    'Macia',
    'Lavável',
    'https://img.example/a.jpg',
    'Azul',
    'P',
  ],
  [
    'CAM-M',
    'CAM',
    'Camiseta; "Algodão"',
    'Linha 1\nLinha 2',
    'Acme',
    'Acme SA',
    'Roupas > Camisetas',
    '',
    'sim',
    '19,90',
    '',
    '5',
    '1,250',
    '',
    '',
    '',
    'não',
    '',
    'Macia',
    'Lavável',
    'https://img.example/a.jpg',
    'Azul',
    'M',
  ],
  ['CANECA', '', 'Caneca', '', '', '', 'Casa', '7891234567895', '', '15', '', '0', '', '', '', '', '', '', '', '', '', '', ''],
  ['KIT', '', 'Kit caneca', '', '', '', '', '', 'sim', '50', '', '', '', '', '', '', '', 'CANECA x2; CAM-P x1', '', '', '', '', ''],
];

describe('export and template', () => {
  let db: Db;
  let dir: string;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    dir = tempDir();
    const report = await importProducts(db, writeCsv(join(dir, 'src.csv'), SOURCE), { dryRun: false, t: tPt });
    expect(report).toMatchObject({ imported: 4, rejected: 0 });
  });
  afterEach(() => db.close());

  it.each([
    ['xlsx', 'pt-BR'],
    ['csv', 'pt-BR'],
    ['xlsx', 'en'],
    ['csv', 'en'],
  ] as const)('export → import of the same %s file (%s) changes nothing', async (format, locale) => {
    const t = locale === 'en' ? tEn : tPt;
    const file = join(dir, `out.${format}`);
    const before = snapshot(db);
    const { rows } = await exportProducts(db, file, { t });
    const report = await importProducts(db, file, { dryRun: false, t });
    expect(rows).toBe(4);
    // The 4 SKUs and the parent row of the CAM family.
    expect(report).toMatchObject({ rows: 5, imported: 0, updated: 0, unchanged: 5, rejected: 0 });
    expect(snapshot(db)).toEqual(before);
  });

  it('writes amounts, codes and kits the way a seller reads them', async () => {
    const file = join(dir, 'out.xlsx');
    await exportProducts(db, file, { t: tPt });
    const rows: string[][] = [];
    for await (const row of (await openSheet(file)).rows()) rows.push(row.cells.map(cellText));
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const bySku = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(bySku.get('CAM-P')?.[col('Preço')]).toBe('1234.56');
    expect(bySku.get('CAM-P')?.[col('EAN')]).toBe('0012345678905');
    expect(bySku.get('KIT')?.[col('Componentes do kit')]).toBe('CAM-P x1; CANECA x2');
    expect(bySku.get('KIT')?.[col('Estoque')]).toBe('0');
    expect(bySku.get('CANECA')?.[col('SKU pai')]).toBe('');
  });

  it('writes a blank template whose every column the importer recognises', async () => {
    for (const [t, name] of [
      [tPt, 'modelo.xlsx'],
      [tEn, 'template.csv'],
    ] as const) {
      const file = join(dir, name);
      await writeTemplate(file, { t });
      const rows: string[][] = [];
      for await (const row of (await openSheet(file)).rows()) rows.push(row.cells.map(cellText));
      expect(rows).toHaveLength(1);
      const mapping = autoMap(rows[0] ?? []);
      expect(mapping.filter((m) => m.field === null)).toEqual([]);
      expect(mapping.map((m) => m.field)).toContain('sku');
    }
  });
});
