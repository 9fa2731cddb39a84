import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient } from '../../../main/amazon/client';
import { startSimulator } from '../../../main/amazon/simulator';
import { editProduct } from '../../../main/catalog/editor';
import { exportProducts, writeTemplate } from '../../../main/catalog/exporter';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { Translator } from '../../../main/i18n';
import { exportOrders } from '../../../main/orders/export';
import { importOrders } from '../../../main/orders/import';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { cellText } from '../../../main/spreadsheet/cell';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { addSku, testDb } from '../../unit/orders/fixtures';
import { snapshot, tempDir, tEn, tPt, writeXlsx } from '../catalog/helpers';

/**
 * Formula injection: every file Vitrine writes (products in xlsx and CSV, the template, rejected
 * rows, orders) follows one rule. No text cell begins with = + - @, a tab or a carriage return,
 * unless it is a plain signed number, which a spreadsheet reads as the number; such text is written
 * with a leading apostrophe, and Vitrine's own files import back unchanged.
 */
const RUNNABLE = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;
const runnable = (cells: readonly string[]) => cells.filter((c) => RUNNABLE.test(c) && !PLAIN_NUMBER.test(c));

/** As stored: the import trims a leading tab or line break (the orders below keep one). */
const HOSTILE = ['=HYPERLINK("http://x.invalid","Clique")', '+SUM(1;2)', '-2+3', '@SOMA(A1)'];
/**
 * Typed on the product screen: in a spreadsheet an apostrophe before formula-like text is read as
 * this very neutralization, so only the app can store such a value; its exports still keep it.
 */
const QUOTED = ["'=já com apóstrofo", "''=dois apóstrofos"];
const NUMBERS = ['-5', '+3', '-1.234,56'];

/** Every text cell of every sheet of an xlsx, as stored (no reader of ours in between). */
async function xlsxTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  for (const sheet of wb.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
  }
  return texts;
}

function csvTexts(file: string, delimiter: string): string[] {
  return (parse(readFileSync(file), { bom: true, delimiter, relax_column_count: true }) as string[][]).flat();
}

async function readBack(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of (await openSheet(file)).rows()) rows.push(row.cells.map(cellText));
  return rows;
}

describe('catalog files', () => {
  let dir: string;
  let db: Db;

  beforeAll(async () => {
    dir = tempDir();
    db = openDatabase(join(dir, 'formulas.db'));
    const rows = [...HOSTILE, ...NUMBERS].map((text, i) => [`F-${i}`, text, text, text, text, '10']);
    const report = await importProducts(
      db,
      await writeXlsx(join(dir, 'in.xlsx'), [['SKU', 'Título', 'Descrição', 'Marca', 'Característica: Nota', 'Preço'], ...rows]),
      { dryRun: false, t: tPt },
    );
    expect(report).toMatchObject({ rejected: 0 });
    for (const [i, title] of QUOTED.entries()) {
      const productId = db.prepare('SELECT product_id FROM skus WHERE sku = ?').pluck().get(`F-${i}`) as number;
      expect(editProduct(db, tPt, productId, { title, description: title })).toMatchObject({ saved: true });
    }
  });
  afterAll(() => db.close());

  it('the products export, xlsx and CSV: every formula-like text neutralized, numbers as typed, and it imports back unchanged', async () => {
    const before = snapshot(db);
    for (const [name, t, texts] of [
      ['products.xlsx', tPt, (f: string) => xlsxTexts(f)],
      ['products.csv', tPt, async (f: string) => csvTexts(f, ';')],
      ['products-en.csv', tEn, async (f: string) => csvTexts(f, ',')],
    ] as const) {
      const file = join(dir, name);
      await exportProducts(db, file, { t });

      const cells = await texts(file);

      expect([name, runnable(cells)]).toEqual([name, []]);
      for (const text of [...HOSTILE, ...QUOTED]) expect(cells).toContain(`'${text}`);
      for (const text of NUMBERS) expect(cells).toContain(text);
      const report = await importProducts(db, file, { dryRun: false, t });
      expect([name, report.errors, report.unchanged]).toEqual([name, [], HOSTILE.length + NUMBERS.length]);
      expect(snapshot(db)).toEqual(before);
    }
  });

  it('the rejected-rows file keeps each refused cell exactly, neutralized', async () => {
    const rows = HOSTILE.map((text, i) => [`R-${i}`, text, 'dez reais']);
    for (const name of ['rejected.xlsx', 'rejected.csv']) {
      const rejectedFile = join(dir, name);
      const report = await importProducts(db, await writeXlsx(join(dir, 'bad.xlsx'), [['SKU', 'Título', 'Preço'], ...rows]), {
        dryRun: true,
        t: tPt,
        rejectedFile,
      });
      expect(report).toMatchObject({ rejected: HOSTILE.length, rejectedFile });

      const cells = name.endsWith('.xlsx') ? await xlsxTexts(rejectedFile) : csvTexts(rejectedFile, ';');

      expect([name, runnable(cells)]).toEqual([name, []]);
      expect((await readBack(rejectedFile)).slice(1).map((r) => r.slice(0, 3))).toEqual(rows);
    }
  });

  it('the template, in every language and both formats', async () => {
    for (const t of [tPt, tEn, new Translator('es').t, new Translator('sv').t]) {
      for (const name of ['template.xlsx', 'template.csv']) {
        const file = join(dir, name);
        await writeTemplate(file, { t });
        const cells = name.endsWith('.xlsx') ? await xlsxTexts(file) : csvTexts(file, t('catalog.columns.decimalMark') === ',' ? ';' : ',');
        expect(cells.length).toBeGreaterThan(10);
        expect(runnable(cells)).toEqual([]);
      }
    }
  });
});

describe('orders files', () => {
  it('buyer names from strangers are neutralized by the same rule in xlsx and CSV; a name that is a plain number stays as it is', async () => {
    const dir = tempDir();
    const clock = new VirtualClock();
    const sim = await startSimulator({ clock, strictResponses: true, autoOrderEveryMs: 0, seedOrders: false });
    const db = testDb();
    try {
      const client = createSpApiClient({
        endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
        credentials: { clientId: sim.demo.clientId, clientSecret: sim.demo.clientSecret, refreshToken: sim.demo.refreshToken },
        clock,
      });
      addSku(db, 'BRC-001', 100, { priceCents: 8990 });
      const names = ['=1+2 Carlos', '@SOMA(1)', '-2+3 Beatriz', '\t=1', '-5', 'Ana Silva'];
      for (const buyerName of names) sim.control.createOrder({ lines: [{ sku: 'BRC-001', quantity: 1 }], status: 'Unshipped', willCancel: false, buyerName });
      clock.advance(5 * 60_000);
      await importOrders(db, client, { accountId: 'acc', marketplaceIds: ['A2Q3Y263D00KWC'], settings: DEFAULT_ORDER_SETTINGS, now: () => clock.now() });

      for (const format of ['xlsx', 'csv'] as const) {
        const file = join(dir, `orders.${format}`);
        await exportOrders(db, { file, format, filter: {}, t: tPt, locale: 'pt-BR' });
        const cells = format === 'xlsx' ? await xlsxTexts(file) : csvTexts(file, ';');
        expect([format, runnable(cells)]).toEqual([format, []]);
        expect(cells).toEqual(expect.arrayContaining(["'=1+2 Carlos", "'@SOMA(1)", "'-2+3 Beatriz", "'\t=1", '-5', 'Ana Silva']));
      }
    } finally {
      await sim.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
