import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProducts } from '../../../main/catalog/exporter';
import { importProducts } from '../../../main/catalog/importer';
import { mappingWithOverrides } from '../../../main/catalog/service';
import { openDatabase, type Db } from '../../../main/db/connection';
import { AppError } from '../../../main/errors';
import { Translator } from '../../../main/i18n';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { tempDir, tEn, tPt, writeCsv, writeXlsx } from './helpers';

const pt = new Translator('pt-BR');
const en = new Translator('en');

/** English words that never belong in a Portuguese sentence of these messages. */
const ENGLISH = /\b(the|is|not|row|column|cell|value|error|formula|file|kit|component|missing|invalid|number)\b/i;

describe('import messages a seller can act on', () => {
  let db: Db;
  let dir: string;
  beforeEach(() => {
    db = openDatabase(':memory:');
    dir = tempDir();
  });
  afterEach(() => db.close());

  it('says a kit cell is written in the wrong format, with the expected format, instead of "component missing"', async () => {
    const file = writeCsv(join(dir, 'kits.csv'), [
      ['SKU', 'Título', 'Estoque', 'Componentes do kit'],
      ['CANECA', 'Caneca', '10', ''],
      ['PIRES', 'Pires', '10', ''],
      ['KIT-1', 'Kit vírgula', '', 'CANECA x2, PIRES x1'],
      ['KIT-2', 'Kit quantidade antes', '', '2x CANECA'],
      ['KIT-3', 'Kit parênteses', '', 'CANECA (2)'],
      ['KIT-4', 'Kit com SKU inexistente', '', 'XICARA x1'],
      ['KIT-5', 'Kit certo', '', 'CANECA x2; PIRES x1'],
      ['KIT-6', 'Kit de si mesmo', '', 'KIT-6 x2'],
    ]);
    const report = await importProducts(db, file, { dryRun: false, t: tPt });
    expect(report).toMatchObject({ imported: 3, rejected: 5 });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'KIT_FORMAT'],
      [5, 'KIT_FORMAT'],
      [6, 'KIT_FORMAT'],
      [7, 'KIT_COMPONENT_NOT_FOUND'],
      [9, 'KIT_CONTAINS_ITSELF'],
    ]);
    expect(report.errors[0]?.message).toBe(
      'Linha 4, coluna "Componentes do kit": "CANECA x2, PIRES x1" não está no formato dos componentes de kit. Escreva SKU x quantidade, separados por ponto e vírgula (exemplo: CANECA-01 x2; PIRES-01 x1).',
    );
    expect(report.errors[3]?.message).toMatch(/XICARA não está no catálogo/);
    for (const e of report.errors) expect(e.message).not.toMatch(/KIT_|[A-Z]{3,}_[A-Z]/);
  });

  it('keeps a negative number as typed in the rejected-rows CSV, and still neutralizes formula-like text', async () => {
    const file = writeCsv(join(dir, 'neg.csv'), [
      ['SKU', 'Título', 'Estoque', 'Marca'],
      ['A', 'Caneca', '-3', '=HYPERLINK("http://x")'],
      ['B', '-2+3', '-1,5', '@SUM(A1)'],
      ['C', '+cmd', 'x', '-5'],
    ]);
    const rejectedFile = join(dir, 'rejeitadas.csv');
    const report = await importProducts(db, file, { dryRun: false, t: tPt, rejectedFile });
    expect(report.rejected).toBe(3);
    const text = readFileSync(rejectedFile, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]?.split(';').slice(0, 4)).toEqual(['A', 'Caneca', '-3', `"'=HYPERLINK(""http://x"")"`]);
    expect(lines[2]?.split(';').slice(0, 4)).toEqual(['B', "'-2+3", '-1,5', "'@SUM(A1)"]);
    expect(lines[3]?.split(';').slice(0, 4)).toEqual(['C', "'+cmd", 'x', '-5']);
    // Read back, the file gives the seller's cells exactly as they were.
    const cells: string[][] = [];
    for await (const row of (await openSheet(rejectedFile)).rows()) cells.push(row.cells.map(String));
    expect(cells.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['A', 'Caneca', '-3', '=HYPERLINK("http://x")'],
      ['B', '-2+3', '-1,5', '@SUM(A1)'],
      ['C', '+cmd', 'x', '-5'],
    ]);
  });

  it('shows Excel’s error values as the seller’s Excel writes them, with no English in Portuguese messages', async () => {
    const file = await writeXlsx(join(dir, 'errors.xlsx'), [
      ['SKU', 'Título', 'Preço', 'Estoque', 'Ativo', 'Componentes do kit', 'EAN'],
      ['A', 'Caneca', { formula: 'A1/0', result: { error: '#DIV/0!' } }, 1, 'sim', '', ''],
      ['B', 'Prato', 10, { formula: 'VLOOKUP(1)', result: { error: '#N/A' } }, 'talvez', '', ''],
      ['C', 'Copo', 'dez', -1, 'não', '', 'abc'],
      ['D', 'Jarra', { error: '#N/A' }, 1, 'sim', '', ''],
    ]);
    const report = await importProducts(db, file, { dryRun: true, t: tPt });
    expect(report.rejected).toBe(4);
    for (const e of report.errors) {
      expect(e.message, e.message).not.toMatch(ENGLISH);
      expect(e.message).not.toContain(e.code);
    }
    const messages = report.errors.map((e) => e.message).join('\n');
    expect(messages).not.toContain('#N/A');
    expect(messages).toContain('Linha 5, coluna "Preço": a célula mostra o erro #N/D em vez de um valor.');
    expect(messages).toMatch(/"talvez" não é sim ou não \(aceitos: sim, não/);
  });

  it('has a message in Portuguese and English for every row problem the import can raise', () => {
    const sources = ['main/catalog', 'main/spreadsheet'].flatMap((folder) =>
      readdirSync(folder)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(folder, f), 'utf8')),
    );
    const codes = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/(?:FieldProblem\(|problem: |code: )'([A-Z_]+)'/g)) codes.add(m[1] as string);
    }
    expect(codes.size).toBeGreaterThan(15);
    const missing = [...codes].filter((code) => !pt.has(`catalog.rowErrors.${code}`) || !en.has(`catalog.rowErrors.${code}`));
    expect(missing).toEqual([]);
  });

  it('accepts a field by the column name the template shows, in Portuguese or English, and lists what is accepted otherwise', async () => {
    const file = writeCsv(join(dir, 'map.csv'), [
      ['Código', 'Nome', 'Valor', 'Qtd', 'Tom'],
      ['M-1', 'Caneca', '19,90', '3', 'Azul'],
    ]);
    const mapping = await mappingWithOverrides(
      file,
      new Map([
        ['Valor', 'Preço'],
        ['Qtd', 'Stock'],
        ['Tom', 'Característica: Cor'],
      ]),
    );
    expect(mapping.map((m) => m.field)).toEqual(['sku', 'title', 'price', 'stock', 'characteristic:Cor']);
    const report = await importProducts(db, file, { dryRun: false, t: tPt, mapping });
    expect(report).toMatchObject({ imported: 1, rejected: 0 });
    const err = await mappingWithOverrides(file, new Map([['Tom', 'Cor do produto']])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const message = pt.t(`errors.${(err as AppError).code}`, (err as AppError).params as Record<string, unknown>);
    expect(message).toMatch(/^O mapeamento de colunas indica um campo desconhecido: "Cor do produto". Use o nome de uma coluna do modelo de planilha/);
    expect(message).toContain('price, salePrice, stock');
  });

  it('says in the seller’s language why an export could not be written', async () => {
    const pt = await exportProducts(db, join(dir, 'no-such-folder', 'x.csv'), { t: tPt }).catch((e: unknown) => e as AppError);
    expect(pt).toMatchObject({ code: 'CATALOG_EXPORT_FAILED', params: { reason: 'a pasta escolhida não existe mais' } });
    const enErr = await exportProducts(db, dir, { t: tEn, format: 'csv' }).catch((e: unknown) => e as AppError);
    expect(enErr).toMatchObject({ code: 'CATALOG_EXPORT_FAILED' });
    expect(String((enErr as AppError).params.reason)).not.toMatch(/^E[A-Z]+$/);
  });
});
