import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { XLSX_READER_OPTIONS } from '../../../main/spreadsheet/xlsx-options';
import { readerModulePaths } from '../../../main/spreadsheet/xlsx-reader';

/**
 * The xlsx reader (main/spreadsheet/xlsx-reader.ts) drives exceljs's WorkbookReader through
 * its private parsers, part by part, instead of its front-to-back `parse()`. Private methods may
 * change in any release: exceljs is pinned, and these tests fail first when an upgrade moves them.
 */
const require = createRequire(import.meta.url);

interface Row {
  readonly number: number;
  readonly values: unknown[];
}
interface WorkbookReaderLike {
  _parseRels(stream: AsyncIterable<string>): Promise<void>;
  _parseWorkbook(stream: AsyncIterable<string>): Promise<void>;
  _parseStyles(stream: AsyncIterable<string>): Promise<void>;
  _parseSharedStrings(stream: AsyncIterable<string>): AsyncGenerator<unknown>;
  _parseWorksheet(stream: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<Row> }>;
  workbookRels?: unknown;
  sharedStrings?: unknown[];
}
type WorkbookReaderClass = new (input: string, options: typeof XLSX_READER_OPTIONS) => WorkbookReaderLike;

const WorkbookReader = require(readerModulePaths().reader) as WorkbookReaderClass;

/** The parts before the worksheet go in as streams, the worksheet as an async iterable of text, as the reader does. */
const stream = (text: string) => Readable.from([text]);
async function* chunks(text: string): AsyncGenerator<string> {
  yield text;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe("exceljs's private reader API", () => {
  it('is pinned to one exact version, the one installed', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const installed = (JSON.parse(readFileSync(require.resolve('exceljs/package.json'), 'utf8')) as { version: string }).version;

    expect(pkg.dependencies.exceljs).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pkg.dependencies.exceljs);
  });

  it('has the parsers the reader calls, each of the kind it awaits or iterates', () => {
    const proto = WorkbookReader.prototype as unknown as Record<string, unknown>;
    const kind = (name: string) => (proto[name] as { constructor: { name: string } } | undefined)?.constructor.name;

    expect(kind('_parseRels')).toBe('AsyncFunction');
    expect(kind('_parseWorkbook')).toBe('AsyncFunction');
    expect(kind('_parseStyles')).toBe('AsyncFunction');
    expect(kind('_parseSharedStrings')).toBe('AsyncGeneratorFunction');
    expect(kind('_parseWorksheet')).toBe('GeneratorFunction');
  });

  it('reads the shared-string table on its own, into `sharedStrings`', async () => {
    const reader = new WorkbookReader('', XLSX_READER_OPTIONS);

    for await (const event of reader._parseSharedStrings(
      stream(`<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>Caneca azul</t></si><si><t>Pires</t></si></sst>`),
    ))
      void event;

    expect(reader.sharedStrings).toEqual(['Caneca azul', 'Pires']);
  });

  it('parses a worksheet after the relationships, workbook and styles alone: one event of rows, shared strings left as indexes', async () => {
    const reader = new WorkbookReader('', XLSX_READER_OPTIONS);
    await reader._parseRels(
      stream(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    );
    await reader._parseWorkbook(
      stream(`<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Produtos" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    );
    await reader._parseStyles(stream(`<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`));
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>42</v></c></row>
      <row r="3"><c r="B3" t="inlineStr"><is><t>SKU-1</t></is></c></row>
    </sheetData></worksheet>`;

    const events = [...reader._parseWorksheet(chunks(sheet), '1')];
    const rows: { number: number; values: unknown[] }[] = [];
    for (const event of events) for await (const row of event.value) rows.push({ number: row.number, values: [...row.values] });

    expect(events.map((e) => e.eventType)).toEqual(['worksheet']);
    // The worker never reads the table: the main thread resolves { sharedString: n } with its own copy.
    expect(rows).toEqual([
      { number: 1, values: [undefined, { sharedString: 0 }, undefined, 42] },
      { number: 3, values: [undefined, undefined, 'SKU-1'] },
    ]);
  });
});
