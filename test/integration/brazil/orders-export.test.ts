import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importNfeFiles } from '../../../main/brazil/nfe/import';
import { pollNfe, sendNfe } from '../../../main/brazil/nfe/send';
import { Translator } from '../../../main/i18n';
import { exportOrders } from '../../../main/orders/export';
import { buildNfe } from '../../fixtures/nfe/build';
import { brazilWorld, MINUTE, type BrazilWorld } from './world';

let world: BrazilWorld | undefined;
let dir: string | undefined;
afterEach(async () => {
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  world = undefined;
  dir = undefined;
});

const SETTINGS = { tolerancePercent: 5, sellerCnpj: null };
const fileOf = (name: string, xml: string) => ({ name, bytes: new TextEncoder().encode(xml) });

/** A DBA order whose note Amazon accepted, a self-ship order without its note yet, an FBA order (Amazon invoices it). */
async function ordersOfEachProgram() {
  world = await brazilWorld();
  const w = world;
  const dba = w.sim.control.createOrder({
    lines: [{ sku: 'BRC-001', quantity: 1 }],
    status: 'Unshipped',
    willCancel: false,
    program: 'easy_ship',
    marketplaceId: 'A2Q3Y263D00KWC',
  });
  const own = w.sim.control.createOrder({
    lines: [{ sku: 'CAM-001-PRE-M', quantity: 1 }],
    status: 'Unshipped',
    willCancel: false,
    marketplaceId: 'A2Q3Y263D00KWC',
  });
  const fba = w.sim.control.createOrder({
    lines: [{ sku: 'COL-001', quantity: 1 }],
    status: 'Shipped',
    willCancel: false,
    program: 'fba',
    marketplaceId: 'A2Q3Y263D00KWC',
  });
  w.clock.advance(5 * MINUTE);
  await w.importOrders();
  const [note] = importNfeFiles(
    w.db,
    [
      fileOf(
        'nota-88.xml',
        buildNfe({ orderId: dba.orderId, number: 88, items: [{ sku: 'BRC-001', quantity: 1, unitCents: Math.round((dba.lines[0]?.unitPrice ?? 0) * 100) }] }),
      ),
    ],
    SETTINGS,
  );
  if (!note?.ok) throw new Error('the note was not imported');
  await sendNfe(w.db, w.client, note.documentId, () => w.clock.now());
  w.clock.advance(2 * MINUTE);
  expect(await pollNfe(w.db, w.client, note.documentId, () => w.clock.now())).toBe('accepted');
  return { w, dba, own, fba, key: note.accessKey };
}

describe('orders export with the Brazilian columns', () => {
  it('xlsx: fulfillment program, NF-e number, access key (as text) and NF-e status', async () => {
    const { w, dba, own, fba, key } = await ordersOfEachProgram();
    dir = mkdtempSync(join(tmpdir(), 'brazil-export-'));
    const file = join(dir, 'pedidos.xlsx');
    await exportOrders(w.db, { file, format: 'xlsx', filter: {}, t: new Translator('pt-BR').t, locale: 'pt-BR' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Pedidos');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-4)).toEqual(['Forma de envio', 'Nº da NF-e', 'Chave de acesso da NF-e', 'Situação da NF-e']);
    const rowOf = (orderId: string) => {
      for (let r = 2; r <= (sheet?.rowCount ?? 0); r += 1) {
        const row = sheet?.getRow(r);
        if (row?.getCell(1).value === orderId) return header.slice(-4).map((_, i) => row.getCell(header.length - 3 + i).value);
      }
      throw new Error(`${orderId} not exported`);
    };
    expect(rowOf(dba.orderId)).toEqual(['Envios pela Amazon (DBA)', '88', key, 'Aceita']);
    expect(rowOf(own.orderId)).toEqual(['Envio próprio', null, null, 'Falta importar']);
    expect(rowOf(fba.orderId)).toEqual(['Logística da Amazon (FBA)', null, null, 'Não exigida']);
    // The key is a text cell: a number would keep 15 of its 44 digits.
    expect(typeof rowOf(dba.orderId)[2]).toBe('string');
  }, 30_000);

  it('csv: the same columns, the access key grouped as on the DANFE so Excel keeps it as text', async () => {
    const { w, dba, key } = await ordersOfEachProgram();
    dir = mkdtempSync(join(tmpdir(), 'brazil-export-'));
    const file = join(dir, 'pedidos.csv');
    await exportOrders(w.db, { file, format: 'csv', filter: {}, t: new Translator('en').t, locale: 'en' });

    const rows = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r['Order ID'] === dba.orderId);
    expect(row).toMatchObject({ Fulfillment: 'Delivery by Amazon (DBA)', 'NF-e number': '88', 'NF-e status': 'Accepted' });
    expect(row?.['NF-e access key']).toBe(key.match(/\d{4}/g)?.join(' '));
    expect(row?.['NF-e access key']?.replaceAll(' ', '')).toBe(key);
  }, 30_000);
});
