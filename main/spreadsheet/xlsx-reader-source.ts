import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import type { SheetLimits } from './limits';

/**
 * The one xlsx reader, as plain JavaScript source: the worker thread runs it (xlsx-worker.ts) and
 * this thread runs the very same code for small files and when no worker can start
 * (`inThreadReader`). Source text, not a module, so it needs no build entry of its own under tsx,
 * vitest and the bundled app alike (the database checkpoint thread does the same).
 *
 * It reads the zip by its central directory (yauzl), never front to back: the parts are taken in
 * the order their parsers need them — package and workbook relationships, the workbook, styles,
 * the shared strings, then the first worksheet — wherever the writer stored them. (Read front to
 * back, a worksheet stored before the shared strings or the styles is parsed without them:
 * exceljs's own reader spools it to a temporary file, loses text cells depending on that file's
 * path, and reads a date-formatted cell as a bare number.) exceljs's parsers do the XML.
 *
 * Every part read is checked whole before the read counts as done: its declared size against the
 * limits before a byte is inflated, then its inflated size and CRC-32 against the zip's central
 * directory, and its XML for an end (the XML parser stops silently where a cut file ends, so a
 * worksheet cut at row 30,000 would otherwise read as a shorter, valid one). Any failure throws a
 * SheetProblem: `reason` is 'corrupt' or the limit exceeded (limits.ts).
 */
export const XLSX_READER_SOURCE = String.raw`
const { StringDecoder } = require('node:string_decoder');
const { Readable } = require('node:stream');
const { posix } = require('node:path');
const { crc32 } = require('node:zlib');

class SheetProblem extends Error {
  constructor(reason, message) {
    super(message);
    this.name = 'SheetProblem';
    this.reason = reason;
  }
}
const corrupt = (message) => new SheetProblem('corrupt', message);

/**
 * The XML parser keeps every open element on a stack: a part of nothing but nested tags ("<x><x>…",
 * three bytes each) would fill memory long before any other limit. No spreadsheet part nests
 * deeper than a dozen levels; past limits.xmlDepth the parser fails, as on any malformed XML.
 */
function guardXmlDepth(saxes, limits) {
  const proto = saxes.SaxesParser.prototype;
  proto.vitrineXmlDepth = limits.xmlDepth;
  if (proto.vitrineOpenTag) return;
  proto.vitrineOpenTag = proto.openTag;
  proto.openTag = function openTagWithinDepth() {
    if (this.tags.length >= this.vitrineXmlDepth) this.fail('elements nested more than ' + this.vitrineXmlDepth + ' deep');
    return this.vitrineOpenTag();
  };
}

function openXlsx(yauzl, file, limits) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err) return reject(corrupt(err.message));
      const entries = new Map();
      const lowerCase = new Map();
      const fail = (err) => { zip.close(); reject(err); };
      zip.on('entry', (entry) => {
        const lower = entry.fileName.toLowerCase();
        // Two parts of one name: which one a program reads depends on how it walks the zip.
        if (lowerCase.has(lower)) return fail(corrupt('two zip entries are named ' + entry.fileName));
        if (entries.size >= limits.zipEntries) return fail(corrupt('more than ' + limits.zipEntries + ' zip entries'));
        entries.set(entry.fileName, entry);
        lowerCase.set(lower, entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve({
        zip,
        entries,
        /** The entry's name as stored, found regardless of case (some writers differ from the relationships). */
        find: (name) => (name === undefined ? undefined : entries.has(name) ? name : lowerCase.get(name.toLowerCase())),
        close: () => zip.close(),
      }));
      zip.on('error', (err) => fail(corrupt(err.message)));
      zip.readEntry();
    });
  });
}

function openEntry(xlsx, name) {
  const entry = xlsx.entries.get(name);
  if (!entry) return Promise.reject(corrupt(name + ' is missing'));
  return new Promise((resolve, reject) => xlsx.zip.openReadStream(entry, (err, stream) => (err ? reject(corrupt(err.message)) : resolve(stream))));
}

/** Whether the text that ends a part closes the element that opened it (comments may follow). */
function xmlEnds(head, tail) {
  const root = /<([A-Za-z_][\w.:-]*)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  if (!root) return false;
  const end = tail.replace(/(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)+$/, '');
  const name = root[1].replace(/[.]/g, '[.]');
  return new RegExp('</' + name + '\\s*>$').test(end) || new RegExp('<' + name + '(?:\\s[^<]*)?/>$').test(end);
}

/**
 * A part's text as it inflates, checked as described above. UTF-8 is decoded here with a
 * StringDecoder: exceljs decodes chunk by chunk on its own, and a two-byte character ("ã", "ç")
 * split between two chunks would turn into "��" (about 3 cells in 100,000 in a Portuguese catalog).
 */
async function* checkedText(stream, entry, limits, onInflated) {
  const decoder = new StringDecoder('utf8');
  const declared = entry.uncompressedSize;
  let bytes = 0;
  let crc = 0;
  let head = '';
  let tail = '';
  // Characters since the last '<' or '>': no cell's text (nor any tag) may run longer than the limit.
  let run = 0;
  const tooLong = () => new SheetProblem('cellChars', entry.fileName + ' holds more than ' + limits.cellChars + ' characters between two tags');
  const take = (text) => {
    if (run + text.length <= limits.cellChars) {
      const last = Math.max(text.lastIndexOf('<'), text.lastIndexOf('>'));
      run = last < 0 ? run + text.length : text.length - 1 - last;
    } else {
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        if (code === 60 || code === 62) run = 0;
        else if (++run > limits.cellChars) throw tooLong();
      }
    }
    if (head.length < 1024) head += text.slice(0, 1024 - head.length);
    tail = tail.length + text.length > 2048 ? (tail + text).slice(-1024) : tail + text;
  };
  try {
    for await (const chunk of stream) {
      bytes += chunk.length;
      if (bytes > declared) throw corrupt(entry.fileName + ' inflates past its declared size');
      crc = crc32(chunk, crc);
      if (onInflated) onInflated(bytes);
      const text = decoder.write(chunk);
      if (!text) continue;
      take(text);
      yield text;
    }
  } catch (err) {
    throw err instanceof SheetProblem ? err : corrupt(entry.fileName + ': ' + (err && err.message ? err.message : String(err)));
  } finally {
    stream.destroy();
  }
  const rest = decoder.end();
  if (rest) {
    take(rest);
    yield rest;
  }
  if (bytes !== declared) throw corrupt(entry.fileName + ' ends after ' + bytes + ' of its ' + declared + ' bytes');
  if (crc >>> 0 !== entry.crc32 >>> 0) throw corrupt(entry.fileName + ' fails its checksum');
  if (!xmlEnds(head, tail)) throw corrupt(entry.fileName + ' stops before the end of its XML');
}

/** A small part's whole text, checked (read whole: exceljs's parsers stop at its last element). */
async function partText(xlsx, name, limits) {
  const entry = xlsx.entries.get(name);
  if (entry && entry.uncompressedSize > limits.smallPartBytes) throw new SheetProblem('inflatedBytes', name + ' inflates to ' + entry.uncompressedSize + ' bytes');
  let text = '';
  for await (const piece of checkedText(await openEntry(xlsx, name), entry, limits)) text += piece;
  return text;
}

const xmlStream = (text) => Readable.from([text]);

/** Resolves a relationship's target against the folder of the part that owns it. */
function target(xlsx, folder, rel) {
  if (!rel || !rel.Target || rel.TargetMode === 'External') return undefined;
  const path = rel.Target.startsWith('/') ? rel.Target.slice(1) : posix.join(folder, rel.Target);
  return xlsx.find(posix.normalize(path));
}

const ofType = (rels, type) => (rels || []).find((rel) => typeof rel.Type === 'string' && rel.Type.endsWith('/' + type));
const SHEET = /^xl[/]worksheets[/]sheet([0-9]+)[.]xml$/i;

/**
 * Which parts hold the catalog: the workbook's first visible sheet (its first tab), found through
 * the workbook's relationships, and the shared strings and styles it uses. Refuses a file whose
 * parts declare more than the limits allow, before anything large is inflated.
 */
async function planWorkbook(deps, xlsx, limits) {
  guardXmlDepth(deps.saxes, limits);
  const reader = new deps.WorkbookReader('', deps.options);
  const rootRels = xlsx.find('_rels/.rels');
  let workbook = 'xl/workbook.xml';
  if (rootRels) {
    await reader._parseRels(xmlStream(await partText(xlsx, rootRels, limits)));
    workbook = target(xlsx, '', ofType(reader.workbookRels, 'officeDocument')) || workbook;
    reader.workbookRels = undefined;
  }
  workbook = xlsx.find(workbook);
  const folder = workbook ? posix.dirname(workbook) : 'xl';
  const workbookRels = xlsx.find(posix.join(folder, '_rels', posix.basename(workbook || 'workbook.xml') + '.rels'));
  if (workbookRels) await reader._parseRels(xmlStream(await partText(xlsx, workbookRels, limits)));
  if (workbook) await reader._parseWorkbook(xmlStream(await partText(xlsx, workbook, limits)));
  const sheets = (reader.model && reader.model.sheets) || [];
  const first = sheets.find((s) => s && s.state !== 'hidden' && s.state !== 'veryHidden') || sheets.find((s) => s);
  let sheet = first ? target(xlsx, folder, (reader.workbookRels || []).find((rel) => rel.Id === first.rId)) : undefined;
  if (!sheet) {
    // No usable workbook: the lowest-numbered worksheet, as most readers would.
    const numbered = [...xlsx.entries.keys()].filter((n) => SHEET.test(n)).sort((a, b) => Number(SHEET.exec(a)[1]) - Number(SHEET.exec(b)[1]));
    sheet = numbered[0];
  }
  if (!sheet) throw corrupt('no worksheet');
  const plan = {
    rels: workbookRels,
    workbook,
    styles: target(xlsx, folder, ofType(reader.workbookRels, 'styles')) || xlsx.find(posix.join(folder, 'styles.xml')),
    sharedStrings: target(xlsx, folder, ofType(reader.workbookRels, 'sharedStrings')) || xlsx.find(posix.join(folder, 'sharedStrings.xml')),
    sheet,
    sheetNo: (SHEET.exec(sheet) || [])[1] || '1',
  };
  let inflated = 0;
  for (const name of new Set([plan.rels, plan.workbook, plan.styles, plan.sharedStrings, plan.sheet])) {
    if (name !== undefined) inflated += xlsx.entries.get(name).uncompressedSize;
  }
  if (inflated > limits.inflatedBytes) throw new SheetProblem('inflatedBytes', 'the workbook inflates to ' + inflated + ' bytes');
  plan.sheetBytes = xlsx.entries.get(sheet).uncompressedSize;
  return plan;
}

/** A reader with what a worksheet's cells need: relationships, workbook properties (1904 dates) and styles (date formats). */
async function preparedReader(deps, xlsx, plan, limits) {
  const reader = new deps.WorkbookReader('', deps.options);
  if (plan.rels) await reader._parseRels(xmlStream(await partText(xlsx, plan.rels, limits)));
  if (plan.workbook) await reader._parseWorkbook(xmlStream(await partText(xlsx, plan.workbook, limits)));
  else reader.properties = { model: {} };
  if (plan.styles) await reader._parseStyles(xmlStream(await partText(xlsx, plan.styles, limits)));
  return reader;
}

/** The shared-string table (text or { richText } per index, as exceljs caches it); empty when there is none. */
async function readSharedStrings(deps, file, plan, limits) {
  if (!plan.sharedStrings) return [];
  guardXmlDepth(deps.saxes, limits);
  const xlsx = await openXlsx(deps.yauzl, file, limits);
  try {
    const reader = new deps.WorkbookReader('', deps.options);
    const entry = xlsx.entries.get(plan.sharedStrings);
    async function* counted() {
      for await (const text of checkedText(await openEntry(xlsx, plan.sharedStrings), entry, limits)) {
        // exceljs fills the table as it parses each piece of text.
        if (reader.sharedStrings && reader.sharedStrings.length > limits.sharedStrings) throw new SheetProblem('sharedStrings', 'more than ' + limits.sharedStrings + ' shared strings');
        yield text;
      }
    }
    for await (const event of reader._parseSharedStrings(Readable.from(counted()))) void event;
    const strings = reader.sharedStrings || [];
    if (strings.length > limits.sharedStrings) throw new SheetProblem('sharedStrings', 'more than ' + limits.sharedStrings + ' shared strings');
    return strings;
  } finally {
    xlsx.close();
  }
}

/**
 * The worksheet's rows in batches of packed arrays, handed to sink.batch (awaited: the sink holds
 * the reader back while the import catches up). 'cells' holds every row's cells (exceljs values,
 * holes as null), 'shape' (row number, cell count) pairs, 'refs' the positions in 'cells' that
 * hold a shared-string index: the strings are resolved by whoever read the table. A flat batch,
 * because structured clone copies exceljs's holey row arrays property by property.
 */
async function readSheet(deps, file, plan, limits, sink) {
  guardXmlDepth(deps.saxes, limits);
  const xlsx = await openXlsx(deps.yauzl, file, limits);
  try {
    const reader = await preparedReader(deps, xlsx, plan, limits);
    const entry = xlsx.entries.get(plan.sheet);
    if (!entry || entry.uncompressedSize !== plan.sheetBytes) throw corrupt('the file changed while it was read');
    const text = checkedText(await openEntry(xlsx, plan.sheet), entry, limits, sink.progress);
    let rows = 0;
    let cellCount = 0;
    let cells = [];
    let shape = [];
    let refs = [];
    for (const event of reader._parseWorksheet(text, plan.sheetNo)) {
      for await (const row of event.value) {
        const values = row.values;
        const count = values.length > 1 ? values.length - 1 : 0;
        rows += 1;
        cellCount += count;
        if (rows > limits.rows) throw new SheetProblem('rows', 'more than ' + limits.rows + ' rows');
        if (cellCount > limits.cells) throw new SheetProblem('cells', 'more than ' + limits.cells + ' cells');
        shape.push(row.number, count);
        for (let c = 1; c < values.length; c += 1) {
          let value = values[c];
          if (value === undefined) value = null;
          else if (typeof value === 'object' && value !== null && typeof value.sharedString === 'number') {
            refs.push(cells.length);
            value = value.sharedString;
          }
          cells.push(value);
        }
        if (shape.length >= sink.batchRows * 2) {
          await sink.batch({ cells, shape: Int32Array.from(shape), refs: Int32Array.from(refs) });
          cells = [];
          shape = [];
          refs = [];
        }
      }
    }
    if (shape.length) await sink.batch({ cells, shape: Int32Array.from(shape), refs: Int32Array.from(refs) });
  } finally {
    xlsx.close();
  }
}
`;

export interface XlsxPlan {
  readonly rels?: string;
  readonly workbook?: string;
  readonly styles?: string;
  readonly sharedStrings?: string;
  readonly sheet: string;
  readonly sheetNo: string;
  /** The worksheet's inflated size, for progress in file bytes. */
  readonly sheetBytes: number;
}

/**
 * A batch as the reader hands it over: every row's cells in one packed array (exceljs values,
 * holes as null), `shape` as (row number, cell count) pairs, and `refs` the positions in `cells`
 * that hold a shared-string index instead of a value.
 */
export interface RawBatch {
  readonly cells: unknown[];
  readonly shape: Int32Array;
  readonly refs: Int32Array;
}

export interface BatchSink {
  readonly batchRows: number;
  batch(batch: RawBatch): Promise<void>;
  progress(inflatedBytes: number): void;
}

/** The modules the source needs, resolved by the caller (the worker gets their paths). */
export interface ReaderDeps {
  readonly WorkbookReader: unknown;
  readonly yauzl: unknown;
  /** The XML parser exceljs itself loads (the depth guard patches it). */
  readonly saxes: unknown;
  readonly options: object;
}

/** A failure of the reader: a damaged file, or a limit it exceeds. */
export interface SheetProblem extends Error {
  readonly reason: 'corrupt' | 'inflatedBytes' | 'rows' | 'cells' | 'sharedStrings' | 'cellChars';
}

interface XlsxHandle {
  close(): void;
}

export interface XlsxReader {
  openXlsx(yauzl: unknown, file: string, limits: SheetLimits): Promise<XlsxHandle>;
  planWorkbook(deps: ReaderDeps, xlsx: XlsxHandle, limits: SheetLimits): Promise<XlsxPlan>;
  readSharedStrings(deps: ReaderDeps, file: string, plan: XlsxPlan, limits: SheetLimits): Promise<unknown[]>;
  readSheet(deps: ReaderDeps, file: string, plan: XlsxPlan, limits: SheetLimits, sink: BatchSink): Promise<void>;
  isSheetProblem(err: unknown): err is SheetProblem;
}

/** Where the worker finds exceljs's streaming reader (exceljs 4.4 has no "exports" map), its XML parser and yauzl. */
export function readerModulePaths(): { reader: string; saxes: string; yauzl: string } {
  const require = createRequire(import.meta.url);
  const reader = require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js');
  return { reader, saxes: createRequire(reader).resolve('saxes'), yauzl: require.resolve('yauzl') };
}

let inThread: { reader: XlsxReader; deps: Omit<ReaderDeps, 'options'> } | undefined;

/** The reader compiled in this thread, with its modules loaded (once). */
export function inThreadReader(): { reader: XlsxReader; deps: Omit<ReaderDeps, 'options'> } {
  if (!inThread) {
    const require = createRequire(import.meta.url);
    const factory = runInThisContext(
      `(function (require) {${XLSX_READER_SOURCE}\nreturn { openXlsx, planWorkbook, readSharedStrings, readSheet, isSheetProblem: (err) => err instanceof SheetProblem };\n})`,
      { filename: 'vitrine-xlsx-reader.js' },
    ) as (require: NodeJS.Require) => XlsxReader;
    const paths = readerModulePaths();
    inThread = { reader: factory(require), deps: { WorkbookReader: require(paths.reader), saxes: require(paths.saxes), yauzl: require(paths.yauzl) } };
  }
  return inThread;
}
