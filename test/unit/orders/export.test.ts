import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Translator } from '../../../main/i18n';
import { commitOrders } from '../../../main/orders/commit';
import { exportOrders } from '../../../main/orders/export';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { addSku, order, testDb } from './fixtures';
import type { Db } from '../../../main/db/connection';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orders-export-'));
  db = testDb();
  addSku(db, 'A', 100);
  commitOrders(
    db,
    'acc',
    [
      order({
        id: '701-1',
        status: 'UNSHIPPED',
        updated: '2026-11-20T10:00:00Z',
        buyerName: '=HYPERLINK("http://x.invalid","Clique")',
        lines: [
          { sku: 'A', quantity: 2, price: '89.90' },
          { sku: '@B', quantity: 1, price: '10.00' },
        ],
      }),
      order({ id: '701-2', status: 'CANCELLED', updated: '2026-11-21T10:00:00Z', buyerName: 'João; "Zé"', lines: [{ sku: 'A', quantity: 1, price: '89.90' }] }),
      order({ id: '701-3', status: 'PENDING', updated: '2026-11-22T10:00:00Z', buyerName: '-2+3 Beatriz', lines: [{ sku: 'A', quantity: 1 }] }),
    ],
    DEFAULT_ORDER_SETTINGS,
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('exportOrders (xlsx)', () => {
  it('writes an orders sheet and an items sheet with localized headers, real dates and money, and neutralised text', async () => {
    const file = join(dir, 'pedidos.xlsx');
    const progress: number[] = [];

    const result = await exportOrders(db, {
      file,
      format: 'xlsx',
      filter: {},
      t: new Translator('pt-BR').t,
      locale: 'pt-BR',
      onProgress: (done) => progress.push(done),
    });

    expect(result).toMatchObject({ orders: 3, items: 4 });
    expect(progress.at(-1)).toBe(7);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const [orders, items] = wb.worksheets;
    expect(orders?.name).toBe('Pedidos');
    expect(items?.name).toBe('Itens');
    const header = (orders?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['Nº do pedido', 'Data da compra', 'Última atualização', 'Situação', 'Marketplace', 'Comprador']);
    // Newest first: 701-3, 701-2, 701-1.
    const first = orders?.getRow(4);
    expect(first?.getCell(1).value).toBe('701-1');
    expect(first?.getCell(6).value).toBe(`'=HYPERLINK("http://x.invalid","Clique")`);
    expect(first?.getCell(2).value).toBeInstanceOf(Date);
    // Built-in format 22: Excel shows it in the reader's regional date-time format.
    expect(first?.getCell(2).numFmt).toBe('m/d/yy "h":mm');
    const local = new Date('2026-11-20T10:00:00Z');
    expect((first?.getCell(2).value as Date).getTime()).toBe(local.getTime() - local.getTimezoneOffset() * 60_000);
    expect(first?.getCell(4).value).toBe('Não enviado');
    expect(first?.getCell(13).value).toBe(189.8);
    expect(first?.getCell(13).numFmt).toBe('"R$" #,##0.00');
    expect(orders?.getRow(2).getCell(6).value).toBe(`'-2+3 Beatriz`);
    const itemSkus = [2, 3, 4, 5].map((r) => items?.getRow(r).getCell(5).value);
    expect(itemSkus).toContain(`'@B`);
    expect(items?.getRow(5).getCell(9).value).toBe(10);
  });

  it('exports only the filtered orders', async () => {
    const file = join(dir, 'shipped.xlsx');

    const result = await exportOrders(db, { file, format: 'xlsx', filter: { statuses: ['Canceled'] }, t: new Translator('en').t, locale: 'en' });

    expect(result).toMatchObject({ orders: 1, items: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]?.rowCount).toBe(2);
    expect(wb.worksheets[0]?.getRow(2).getCell(4).value).toBe('Canceled');
  });
});

describe('exportOrders (failures)', () => {
  it.each(['xlsx', 'csv'] as const)('leaves no %s file behind when the export is cancelled', async (format) => {
    const file = join(dir, `cancelled.${format}`);
    const abort = new AbortController();
    abort.abort();

    const run = exportOrders(db, { file, format, filter: {}, t: new Translator('en').t, locale: 'en', signal: abort.signal });

    await expect(run).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
  });
});

describe('exportOrders (csv)', () => {
  it('writes one line per item, quoted where needed, with the locale delimiter and decimal mark', async () => {
    const file = join(dir, 'pedidos.csv');

    await exportOrders(db, { file, format: 'csv', filter: {}, t: new Translator('pt-BR').t, locale: 'pt-BR' });

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(rows).toHaveLength(5);
    expect(rows[0]?.[0]).toBe('Nº do pedido');
    const names = rows.slice(1).map((r) => r[5]);
    expect(names).toEqual(
      ['-2+3 Beatriz', 'João; "Zé"', '=HYPERLINK("http://x.invalid","Clique")', '=HYPERLINK("http://x.invalid","Clique")'].map((n) =>
        /^[=+\-@]/.test(n) ? `'${n}` : n,
      ),
    );
    const total = rows[0]?.indexOf('Total') ?? -1;
    expect(rows[3]?.[total]).toBe('189,80');
  });
});
