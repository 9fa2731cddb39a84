import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/errors';
import { cellText } from '../../../main/spreadsheet/cell';
import { SHEET_LIMITS, type SheetLimits } from '../../../main/spreadsheet/limits';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import { bomb, part, readParts, reorder, SHEET_HEAD, SHEET_TAIL, textCell, withPart, writeZip, type ZipPart } from './zip-surgery';

/**
 * Damaged and hostile xlsx files, read by both reader paths (worker thread and this thread): each
 * either reads every row exactly as the intact file does, or fails with SPREADSHEET_CORRUPT or the
 * limit it exceeds — quickly, never hanging and never handing over a partial sheet as complete.
 */
const dir = mkdtempSync(join(tmpdir(), 'vitrine-hostile-'));
const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const WORKBOOK = 'xl/workbook.xml';
const RELS = 'xl/_rels/workbook.xml.rels';
/** Well past any healthy read of these small files, far short of vitest's own timeout. */
const QUICK_MS = 30_000;

type Outcome = { rows: string[][] } | { code: string };

/** Every row as text, or the failure's code; a read that does not settle in time is a failure of the test. */
async function read(file: string, threaded: boolean, limits?: SheetLimits): Promise<Outcome> {
  const run = (async (): Promise<Outcome> => {
    const rows: string[][] = [];
    const source = await openSheet(file, { threaded, ...(limits ? { limits } : {}) });
    for await (const row of source.rows()) rows.push([String(row.number), ...row.cells.map(cellText)]);
    return { rows };
  })().catch((err: unknown) => {
    if (err instanceof AppError) return { code: err.code };
    throw err;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`read of ${file} did not settle in ${QUICK_MS} ms`)), QUICK_MS)),
  );
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readBoth(file: string, limits?: SheetLimits): Promise<[Outcome, Outcome]> {
  return [await read(file, false, limits), await read(file, true, limits)];
}

/** Text cells, numbers and a date-formatted price, written by exceljs's streaming writer: worksheet first, then shared strings. */
async function streamedWorkbook(file: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('Produtos');
  sheet.addRow(['SKU', 'Título', 'Preço', 'Lançamento']).commit();
  for (let i = 0; i < rows; i += 1) {
    const row = sheet.addRow([`SKU-${i}`, `Camiseta ação ${i} — coração`, 10 + i / 4, 45296 + (i % 30)]);
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await writer.commit();
}

let small: string;
let parts: ZipPart[];
let expected: string[][];
let tinyParts: ZipPart[];
let tinyExpected: string[][];
let medium: string;
let mediumParts: ZipPart[];

beforeAll(async () => {
  small = join(dir, 'small.xlsx');
  await streamedWorkbook(small, 300);
  parts = await readParts(small);
  const intact = await read(small, false);
  if (!('rows' in intact)) throw new Error(`the intact file fails: ${intact.code}`);
  expected = intact.rows;
  const tiny = join(dir, 'tiny.xlsx');
  await streamedWorkbook(tiny, 40);
  tinyParts = await readParts(tiny);
  const tinyIntact = await read(tiny, false);
  if (!('rows' in tinyIntact)) throw new Error(`the intact file fails: ${tinyIntact.code}`);
  tinyExpected = tinyIntact.rows;
  medium = join(dir, 'medium.xlsx');
  await streamedWorkbook(medium, 20_000);
  mediumParts = await readParts(medium);
}, 120_000);

afterEach(() => {
  delete process.env.TMPDIR;
});

describe('the intact file', () => {
  it('is what the test thinks: worksheet stored before the shared strings, dates as dates', () => {
    const names = parts.map((p) => p.name);
    expect(names.indexOf(SHEET)).toBeLessThan(names.indexOf(STRINGS));
    expect(expected).toHaveLength(301);
    expect(expected[1]).toEqual(['2', 'SKU-0', 'Camiseta ação 0 — coração', '10', '2024-01-05']);
  });
});

describe('a truncated file (copied or downloaded only in part)', () => {
  it('fails with SPREADSHEET_CORRUPT on both readers, at any point of the cut, never hanging', async () => {
    const whole = readFileSync(small);
    const directory = whole.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const cuts = [0.02, 0.2, 0.5, 0.8, 0.95].map((f) => Math.floor(whole.length * f));
    cuts.push(directory, directory + 30, whole.length - 22, whole.length - 1);
    for (const cut of cuts) {
      const file = join(dir, `cut-${cut}.xlsx`);
      writeFileSync(file, whole.subarray(0, cut));
      expect([cut, await readBoth(file)]).toEqual([cut, [{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]]);
    }
  });
});

describe('a part whose XML stops mid-way, in an otherwise sound zip', () => {
  it('a worksheet cut anywhere fails on both readers, instead of reading as a shorter sheet', async () => {
    const xml = part(mediumParts, SHEET).data.toString('utf8');
    const rowEnd = xml.indexOf('</row>', Math.floor(xml.length / 2)) + '</row>'.length;
    const cuts = {
      'after a whole row': rowEnd,
      'inside a tag': rowEnd + 3,
      'inside a cell': xml.indexOf('<v>', rowEnd) + 4,
      'before </sheetData>': xml.lastIndexOf('</sheetData>'),
      'before </worksheet>': xml.lastIndexOf('</worksheet>'),
    };
    for (const [where, at] of Object.entries(cuts)) {
      const file = join(dir, `xml-cut-${at}.xlsx`);
      writeZip(file, withPart(mediumParts, SHEET, xml.slice(0, at)));
      expect([where, await readBoth(file)]).toEqual([where, [{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]]);
    }
  }, 120_000);

  it('so does a cut shared-string table, style sheet, workbook or relationships part', async () => {
    for (const name of [STRINGS, STYLES, WORKBOOK, RELS]) {
      const xml = part(parts, name).data.toString('utf8');
      const file = join(dir, `cut-${name.replace(/\W/g, '-')}.xlsx`);
      writeZip(file, withPart(parts, name, xml.slice(0, Math.floor(xml.length * 0.7))));
      expect([name, await readBoth(file)]).toEqual([name, [{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]]);
    }
  });

  it('a complete sheet followed by comments and blanks still reads', async () => {
    const file = join(dir, 'trailing-comment.xlsx');
    writeZip(file, withPart(parts, SHEET, `${part(parts, SHEET).data.toString('utf8')}\n<!-- exported -->\n`));
    expect(await readBoth(file)).toEqual([{ rows: expected }, { rows: expected }]);
  });
});

describe('damage the zip itself hides', () => {
  it('a changed byte in a stored part (its checksum no longer matches) fails instead of reading other data', async () => {
    const table = part(parts, STRINGS);
    const changed = Buffer.from(table.data);
    changed[changed.indexOf('SKU-1') + 4] = '7'.charCodeAt(0);
    const file = join(dir, 'crc.xlsx');
    writeZip(file, withPart(parts, STRINGS, { name: STRINGS, data: changed, stored: true, declaredCrc: crc32(table.data) }));
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]);
  });

  it('a part that declares a size other than what it inflates to, either way', async () => {
    const sheet = part(parts, SHEET);
    for (const declaredSize of [sheet.data.length - 100, sheet.data.length + 100]) {
      const file = join(dir, `size-${declaredSize}.xlsx`);
      writeZip(file, withPart(parts, SHEET, { ...sheet, declaredSize }));
      expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]);
    }
  });

  it('two parts of the same name (programs would disagree on which one is the sheet)', async () => {
    const file = join(dir, 'twice.xlsx');
    writeZip(file, [...parts, { name: SHEET, data: Buffer.from(`${SHEET_HEAD}<row r="1">${textCell('A1', 'SKU')}</row>${SHEET_TAIL}`) }]);
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]);
  });

  it('a workbook without any worksheet', async () => {
    const file = join(dir, 'no-sheet.xlsx');
    writeZip(file, withPart(parts, SHEET, undefined));
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]);
  });
});

describe('a shared-string table that does not match the sheet', () => {
  it('a missing table, or a cell pointing past its end, below zero or at no number, fails instead of reading blank cells', async () => {
    const sheet = part(parts, SHEET).data.toString('utf8');
    const cases: [string, ZipPart[]][] = [
      ['no-strings', withPart(parts, STRINGS, undefined)],
      ...['99999999', '-1', 'abc'].map((v): [string, ZipPart[]] => [`index-${v}`, withPart(parts, SHEET, sheet.replace('<v>7</v>', `<v>${v}</v>`))]),
    ];
    for (const [name, damaged] of cases) {
      const file = join(dir, `${name}.xlsx`);
      writeZip(file, damaged);
      expect([name, await readBoth(file)]).toEqual([name, [{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]]);
    }
  });

  it('an empty entry of the table is an empty cell, not damage', async () => {
    const table = part(parts, STRINGS).data.toString('utf8');
    for (const empty of ['<si/>', '<si><t/></si>', '<si><t></t></si>']) {
      const file = join(dir, `empty-si-${empty.length}.xlsx`);
      const changed = table.replace(/<si><t[^>]*>SKU-1<\/t><\/si>/, empty);
      expect(changed).not.toBe(table);
      writeZip(file, withPart(parts, STRINGS, changed));
      const wanted = expected.map((row) => (row[1] === 'SKU-1' ? [row[0]!, '', ...row.slice(2)] : row));
      expect(await readBoth(file)).toEqual([{ rows: wanted }, { rows: wanted }]);
    }
  });
});

describe('parts stored in any order', () => {
  const orders: Record<string, (p: ZipPart[]) => ZipPart[]> = {
    'worksheet first': (p) => reorder(p, [SHEET], 'first'),
    'shared strings last': (p) => reorder(p, [STRINGS], 'last'),
    'styles after the worksheet': (p) => reorder(p, [SHEET, STYLES], 'first'),
    'everything the worksheet needs before it but the styles': (p) => reorder(reorder(p, [STYLES], 'last'), [RELS, WORKBOOK, STRINGS], 'first'),
    'workbook and relationships last': (p) => reorder(p, [WORKBOOK, RELS], 'last'),
    reversed: (p) => [...p].reverse(),
  };

  it('every order reads exactly the intact rows on both readers, text, numbers and dates alike, however deep the temp folder', async () => {
    // exceljs's own front-to-back reader spooled such worksheets to a temporary file and lost every text cell when its path was deep.
    const deep = join(dir, ...Array.from({ length: 40 }, (_, i) => `pasta-temporaria-${i}`));
    mkdirSync(deep, { recursive: true });
    process.env.TMPDIR = deep;
    for (const [size, intact, rows] of [
      ['300 rows', parts, expected],
      ['40 rows', tinyParts, tinyExpected],
    ] as const) {
      for (const [name, order] of Object.entries(orders)) {
        const file = join(dir, `order-${name.replace(/\W/g, '-')}.xlsx`);
        writeZip(file, order(intact));
        expect([size, name, await readBoth(file)]).toEqual([size, name, [{ rows }, { rows }]]);
      }
    }
  }, 120_000);

  it("the first tab is the workbook's first visible sheet, not the first worksheet in the zip", async () => {
    const other = Buffer.from(`${SHEET_HEAD}<row r="1">${textCell('A1', 'Instruções')}</row>${SHEET_TAIL}`);
    const workbook = part(parts, WORKBOOK).data.toString('utf8');
    const rels = part(parts, RELS).data.toString('utf8');
    const sheets = /<sheets>[\s\S]*<\/sheets>/.exec(workbook)?.[0] ?? '';
    const rId = /r:id="([^"]+)"/.exec(sheets)?.[1] ?? '';
    const file = join(dir, 'tabs.xlsx');
    // The other sheets come first in the zip, and the hidden one has the lowest number.
    writeZip(file, [
      { name: 'xl/worksheets/sheet0.xml', data: other },
      { name: 'xl/worksheets/sheet2.xml', data: other },
      ...withPart(
        withPart(
          parts,
          WORKBOOK,
          workbook.replace(
            sheets,
            `<sheets><sheet name="Oculta" sheetId="9" state="hidden" r:id="rIdHidden"/><sheet name="Produtos" sheetId="1" r:id="${rId}"/><sheet name="Instruções" sheetId="2" r:id="rIdOther"/></sheets>`,
          ),
        ),
        RELS,
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rIdOther" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rIdHidden" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet0.xml"/></Relationships>',
        ),
      ),
    ]);
    expect(await readBoth(file)).toEqual([{ rows: expected }, { rows: expected }]);
  });
});

describe('limits: a small file that inflates or multiplies', () => {
  const within = (limits: Partial<SheetLimits>): SheetLimits => ({ ...SHEET_LIMITS, ...limits });
  const sheetOf = (body: string, times: number, tail = SHEET_TAIL) => bomb(SHEET, `${SHEET_HEAD}<row r="1">${textCell('A1', 'SKU')}</row>`, body, times, tail);

  it('a few MB whose worksheet inflates to 3 GB is refused before it is inflated, on both readers', async () => {
    const bomber = sheetOf(`<row r="2">${textCell('A2', 'x'.repeat(1024 * 1024 - 50))}</row>`, 3 * 1024);
    const file = join(dir, 'bomb.xlsx');
    const bytes = writeZip(file, withPart(parts, SHEET, bomber));
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    expect(bomber.raw?.size).toBeGreaterThan(3 * 1024 ** 3);
    const started = performance.now();
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_TOO_LARGE' }, { code: 'SPREADSHEET_TOO_LARGE' }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('the same bomb declaring a small size is stopped where its declared size ends', async () => {
    const row = `<row>${textCell('A1', 'x'.repeat(64))}</row>`;
    const bomber = sheetOf(row.repeat(Math.floor((1024 * 1024) / row.length)), 3 * 1024);
    const file = join(dir, 'lying-bomb.xlsx');
    writeZip(file, withPart(parts, SHEET, { ...bomber, declaredSize: 2 * 1024 * 1024 }));
    const started = performance.now();
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('rows past the limit (blank rows count): refused as the limit is crossed', async () => {
    const file = join(dir, 'rows.xlsx');
    writeZip(file, withPart(parts, SHEET, sheetOf('<row/>'.repeat(100), 50)));
    expect(await readBoth(file, within({ rows: 4000 }))).toEqual([{ code: 'SPREADSHEET_TOO_MANY_ROWS' }, { code: 'SPREADSHEET_TOO_MANY_ROWS' }]);
    expect(await readBoth(file, within({ rows: 6000 }))).toEqual([
      expect.objectContaining({ rows: expect.any(Array) }),
      expect.objectContaining({ rows: expect.any(Array) }),
    ]);
  });

  it('a million empty rows under the default limits: refused within seconds', async () => {
    const file = join(dir, 'million-rows.xlsx');
    writeZip(file, withPart(parts, SHEET, sheetOf('<row/>'.repeat(1000), SHEET_LIMITS.rows / 1000 + 10)));
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_TOO_MANY_ROWS' }, { code: 'SPREADSHEET_TOO_MANY_ROWS' }]);
  }, 90_000);

  it('rows reaching column XFD (16,384 cells each) past the cell limit', async () => {
    const file = join(dir, 'wide.xlsx');
    writeZip(file, withPart(parts, SHEET, sheetOf(`<row r="2">${textCell('XFD2', 'longe')}</row>`, 200)));
    expect(await readBoth(file, within({ cells: 2_000_000 }))).toEqual([{ code: 'SPREADSHEET_TOO_MANY_CELLS' }, { code: 'SPREADSHEET_TOO_MANY_CELLS' }]);
  });

  it('a shared-string table past the limit, with the worksheet stored first', async () => {
    const file = join(dir, 'strings.xlsx');
    const table = bomb(
      STRINGS,
      '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<si><t>x</t></si>',
      3000,
      '</sst>',
    );
    writeZip(file, reorder(withPart(parts, STRINGS, table), [SHEET], 'first'));
    expect(await readBoth(file, within({ sharedStrings: 2500 }))).toEqual([{ code: 'SPREADSHEET_TOO_MANY_TEXTS' }, { code: 'SPREADSHEET_TOO_MANY_TEXTS' }]);
  });

  it('four million shared strings under the default limits', async () => {
    const file = join(dir, 'many-strings.xlsx');
    const table = bomb(
      STRINGS,
      '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<si><t>x</t></si>'.repeat(1000),
      SHEET_LIMITS.sharedStrings / 1000 + 10,
      '</sst>',
    );
    writeZip(file, withPart(parts, STRINGS, table));
    expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_TOO_MANY_TEXTS' }, { code: 'SPREADSHEET_TOO_MANY_TEXTS' }]);
  }, 90_000);

  it('millions of nested elements (three bytes each) fail as damaged before they fill memory', async () => {
    const file = join(dir, 'nested.xlsx');
    const depth = 3_000_000;
    writeZip(file, withPart(parts, SHEET, sheetOf('<x>'.repeat(100_000), depth / 100_000, `${'</x>'.repeat(depth)}${SHEET_TAIL}`)));
    // The process's peak during these reads (the worker thread's memory is the process's too),
    // sampled rather than taken from maxRSS, which earlier tests in this process may have set.
    const rss = process.memoryUsage().rss;
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CORRUPT' }, { code: 'SPREADSHEET_CORRUPT' }]);
    } finally {
      clearInterval(sampler);
    }
    // Each open element costs the XML parser a few hundred bytes: a billion bytes for these, unguarded.
    expect(Math.max(peak, process.memoryUsage().rss) - rss).toBeLessThan(400 * 1024 * 1024);
  }, 90_000);

  it('one cell longer than the limit, in the worksheet or in the shared strings', async () => {
    const huge = 'ç'.repeat(SHEET_LIMITS.cellChars + 1);
    const inSheet = join(dir, 'cell-sheet.xlsx');
    writeZip(inSheet, withPart(parts, SHEET, `${SHEET_HEAD}<row r="1">${textCell('A1', 'SKU')}${textCell('B1', huge)}</row>${SHEET_TAIL}`));
    const inTable = join(dir, 'cell-table.xlsx');
    const table = part(parts, STRINGS).data.toString('utf8');
    writeZip(inTable, withPart(parts, STRINGS, table.replace('</sst>', `<si><t>${huge}</t></si></sst>`)));
    for (const file of [inSheet, inTable]) expect(await readBoth(file)).toEqual([{ code: 'SPREADSHEET_CELL_TOO_LONG' }, { code: 'SPREADSHEET_CELL_TOO_LONG' }]);
    // Just within it, the cell is read (the importer refuses it for its row and column).
    const fits = join(dir, 'cell-fits.xlsx');
    writeZip(fits, withPart(parts, SHEET, `${SHEET_HEAD}<row r="1">${textCell('A1', 'SKU')}${textCell('B1', huge.slice(1))}</row>${SHEET_TAIL}`));
    const [inThread, threaded] = await readBoth(fits);
    expect(inThread).toEqual(threaded);
    expect('rows' in inThread && inThread.rows[0]?.[2]?.length).toBe(SHEET_LIMITS.cellChars);
  });
});
