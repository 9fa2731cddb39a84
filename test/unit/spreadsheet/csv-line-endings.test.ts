import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../main/spreadsheet/cell';
import { openSheet } from '../../../main/spreadsheet/read-rows';

/**
 * A CSV's lines may end in CRLF, LF or CR, mixed in one file, whatever its encoding and BOM, and
 * wherever the reader's chunks happen to cut: every line is one row, numbered as the seller sees
 * it, none merged into another and none dropped.
 */
const dir = mkdtempSync(join(tmpdir(), 'vitrine-csv-endings-'));

async function readAll(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of (await openSheet(file)).rows()) rows.push([String(row.number), ...row.cells.map(cellText)]);
  return rows;
}

function lines(count: number): string[][] {
  // Lengths vary so that line ends fall on every offset of the reader's chunks.
  return [['SKU', 'Título', 'Preço'], ...Array.from({ length: count }, (_, i) => [`L-${i}`, `Produto ${'ç'.repeat(i % 37)}${i}`, String(10 + i)])];
}

function expected(rows: readonly string[][]): string[][] {
  return rows.map((cells, i) => [String(i + 1), ...cells]);
}

describe('CSV line endings', () => {
  it('a UTF-8 file with a BOM and CR-only lines (old Mac exports): every line a row, the header without the BOM', async () => {
    const rows = lines(40);
    const file = join(dir, 'bom-cr.csv');
    writeFileSync(file, `\uFEFF${rows.map((r) => r.join(';')).join('\r')}\r`);
    expect(await readAll(file)).toEqual(expected(rows));
  });

  it('UTF-16LE "Unicode text" with mixed endings', async () => {
    const rows = lines(40);
    const endings = ['\r', '\n', '\r\n'];
    const file = join(dir, 'utf16-mixed.txt');
    const text = rows.map((r, i) => `${r.join('\t')}${endings[i % 3]}`).join('');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await readAll(file)).toEqual(expected(rows));
  });

  it('thousands of lines whose CRLF falls across every chunk boundary: the CR and LF of one line end are one line end', async () => {
    const rows = lines(30_000);
    for (const endings of [['\r\n'], ['\r\n', '\r'], ['\r', '\r\n', '\n']]) {
      const file = join(dir, `long-${endings.length}.csv`);
      writeFileSync(file, rows.map((r, i) => `${r.join(';')}${endings[i % endings.length]}`).join(''));
      const read = await readAll(file);
      expect([endings, read.length]).toEqual([endings, rows.length]);
      expect(read).toEqual(expected(rows));
    }
  }, 60_000);

  it('a blank line keeps its number, so the row numbers after it are the ones the seller sees', async () => {
    const file = join(dir, 'blank.csv');
    writeFileSync(file, 'SKU;Título\r\rB-1;Caneca\n\r\nB-2;Prato\r');
    const read = (await readAll(file)).filter((r) => r.slice(1).some((c) => c !== ''));
    expect(read).toEqual([
      ['1', 'SKU', 'Título'],
      ['3', 'B-1', 'Caneca'],
      ['5', 'B-2', 'Prato'],
    ]);
  });
});
