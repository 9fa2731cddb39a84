import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Db } from '../../../main/db/connection';
import { Translator } from '../../../main/i18n';

export const tPt = new Translator('pt-BR').t;
export const tEn = new Translator('en').t;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vitrine-catalog-'));
}

/** Writes a CSV in the given encoding (Excel's Brazilian default is Windows-1252 with ';'). */
export function writeCsv(file: string, rows: readonly (readonly string[])[], options: { encoding?: string; bom?: boolean; delimiter?: string } = {}): string {
  const d = options.delimiter ?? ';';
  const text = rows.map((r) => r.map((c) => (/[";\n,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join('\r\n');
  const body = iconv.encode(text, options.encoding ?? 'utf-8');
  writeFileSync(file, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return file;
}

/** Writes an xlsx with exceljs's in-memory workbook: a different producer from the streaming writer. */
export async function writeXlsx(file: string, rows: readonly (readonly unknown[])[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Produtos');
  for (const r of rows) ws.addRow(r as unknown[]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every catalog table's rows, to prove an operation changed nothing. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = ['products', 'skus', 'categories', 'characteristics', 'product_characteristics', 'sku_characteristics', 'kit_components'];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}
