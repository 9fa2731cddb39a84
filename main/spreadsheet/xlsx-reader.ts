import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import type * as yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { SheetLimits } from './limits';

/**
 * The one xlsx reader: the reading thread runs it (xlsx-thread.ts, started by xlsx-worker.ts) and
 * the import's own thread runs the very same code for small files and when no thread can start
 * (`inThreadReader`).
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
export type SheetProblemReason = 'corrupt' | 'inflatedBytes' | 'rows' | 'cells' | 'sharedStrings' | 'cellChars';

/** A failure of the reader: a damaged file, or a limit it exceeds. */
export class SheetProblem extends Error {
  override name = 'SheetProblem';
  constructor(
    readonly reason: SheetProblemReason,
    message: string,
  ) {
    super(message);
  }
}

export const isSheetProblem = (err: unknown): err is SheetProblem => err instanceof SheetProblem;

const corrupt = (message: string) => new SheetProblem('corrupt', message);
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface XlsxPlan {
  readonly rels?: string | undefined;
  readonly workbook?: string | undefined;
  readonly styles?: string | undefined;
  readonly sharedStrings?: string | undefined;
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

interface Relationship {
  readonly Id?: string;
  readonly Type?: string;
  readonly Target?: string;
  readonly TargetMode?: string;
}

interface Row {
  readonly number: number;
  readonly values: unknown[];
}

/**
 * The part of exceljs's streaming WorkbookReader this reader drives: its private parsers, part by
 * part (exceljs is pinned to one version, and test/unit/spreadsheet/exceljs-private-api.test.ts
 * fails first when an upgrade moves them), and what they leave on the reader.
 */
interface WorkbookReader {
  workbookRels?: Relationship[] | undefined;
  model?: { sheets?: ({ state?: string; rId?: string } | undefined)[] };
  sharedStrings?: unknown[];
  properties?: { model: object };
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>;
  _parseWorksheet(text: AsyncIterable<string>, sheetNo: string): Iterable<{ value: AsyncIterable<Row> }>;
}

/** The XML parser's prototype, as the depth guard patches it. */
interface SaxesPrototype {
  tags: unknown[];
  vitrineXmlDepth?: number;
  vitrineOpenTag?: () => void;
  openTag(): void;
  fail(message: string): void;
}

/** The modules the reader needs: exceljs's streaming reader, the XML parser it loads, and yauzl. */
export interface ReaderDeps {
  readonly WorkbookReader: new (input: string, options: object) => WorkbookReader;
  readonly yauzl: typeof yauzl;
  /** The XML parser exceljs itself loads (the depth guard patches it). */
  readonly saxes: { readonly SaxesParser: { readonly prototype: unknown } };
  readonly options: object;
}

/**
 * The XML parser keeps every open element on a stack: a part of nothing but nested tags ("<x><x>…",
 * three bytes each) would fill memory long before any other limit. No spreadsheet part nests
 * deeper than a dozen levels; past limits.xmlDepth the parser fails, as on any malformed XML.
 */
function guardXmlDepth(saxes: ReaderDeps['saxes'], limits: SheetLimits): void {
  const proto = saxes.SaxesParser.prototype as SaxesPrototype;
  proto.vitrineXmlDepth = limits.xmlDepth;
  if (proto.vitrineOpenTag) return;
  proto.vitrineOpenTag = proto.openTag;
  proto.openTag = function openTagWithinDepth(this: SaxesPrototype) {
    const depth = this.vitrineXmlDepth ?? limits.xmlDepth;
    if (this.tags.length >= depth) this.fail(`elements nested more than ${depth} deep`);
    return this.vitrineOpenTag?.();
  };
}

export interface XlsxHandle {
  readonly zip: ZipFile;
  readonly entries: ReadonlyMap<string, Entry>;
  /** The entry's name as stored, found regardless of case (some writers differ from the relationships). */
  find(name: string | undefined): string | undefined;
  close(): void;
}

export function openXlsx(yauzl: ReaderDeps['yauzl'], file: string, limits: SheetLimits): Promise<XlsxHandle> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(corrupt(messageOf(err)));
      const entries = new Map<string, Entry>();
      const lowerCase = new Map<string, string>();
      const fail = (error: Error) => {
        zip.close();
        reject(error);
      };
      zip.on('entry', (entry: Entry) => {
        const lower = entry.fileName.toLowerCase();
        // Two parts of one name: which one a program reads depends on how it walks the zip.
        if (lowerCase.has(lower)) return fail(corrupt(`two zip entries are named ${entry.fileName}`));
        if (entries.size >= limits.zipEntries) return fail(corrupt(`more than ${limits.zipEntries} zip entries`));
        entries.set(entry.fileName, entry);
        lowerCase.set(lower, entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () =>
        resolve({
          zip,
          entries,
          find: (name) => (name === undefined ? undefined : entries.has(name) ? name : lowerCase.get(name.toLowerCase())),
          close: () => zip.close(),
        }),
      );
      zip.on('error', (error: Error) => fail(corrupt(error.message)));
      zip.readEntry();
    });
  });
}

function openEntry(xlsx: XlsxHandle, name: string): Promise<Readable> {
  const entry = xlsx.entries.get(name);
  if (!entry) return Promise.reject(corrupt(`${name} is missing`));
  return new Promise((resolve, reject) =>
    xlsx.zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(corrupt(messageOf(err))) : resolve(stream))),
  );
}

/** Whether the text that ends a part closes the element that opened it (comments may follow). */
function xmlEnds(head: string, tail: string): boolean {
  const root = /<([A-Za-z_][\w.:-]*)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  if (!root?.[1]) return false;
  const end = tail.replace(/(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)+$/, '');
  const name = root[1].replace(/[.]/g, '[.]');
  return new RegExp(`</${name}\\s*>$`).test(end) || new RegExp(`<${name}(?:\\s[^<]*)?/>$`).test(end);
}

/**
 * A part's text as it inflates, checked as described above. UTF-8 is decoded here with a
 * StringDecoder: exceljs decodes chunk by chunk on its own, and a two-byte character ("ã", "ç")
 * split between two chunks would turn into "��" (about 3 cells in 100,000 in a Portuguese catalog).
 */
async function* checkedText(stream: Readable, entry: Entry, limits: SheetLimits, onInflated?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const declared = entry.uncompressedSize;
  let bytes = 0;
  let crc = 0;
  let head = '';
  let tail = '';
  // Characters since the last '<' or '>': no cell's text (nor any tag) may run longer than the limit.
  let run = 0;
  const tooLong = () => new SheetProblem('cellChars', `${entry.fileName} holds more than ${limits.cellChars} characters between two tags`);
  const take = (text: string) => {
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
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > declared) throw corrupt(`${entry.fileName} inflates past its declared size`);
      crc = crc32(chunk, crc);
      onInflated?.(bytes);
      const text = decoder.write(chunk);
      if (!text) continue;
      take(text);
      yield text;
    }
  } catch (err) {
    throw err instanceof SheetProblem ? err : corrupt(`${entry.fileName}: ${messageOf(err)}`);
  } finally {
    stream.destroy();
  }
  const rest = decoder.end();
  if (rest) {
    take(rest);
    yield rest;
  }
  if (bytes !== declared) throw corrupt(`${entry.fileName} ends after ${bytes} of its ${declared} bytes`);
  if (crc >>> 0 !== entry.crc32 >>> 0) throw corrupt(`${entry.fileName} fails its checksum`);
  if (!xmlEnds(head, tail)) throw corrupt(`${entry.fileName} stops before the end of its XML`);
}

function entryOf(xlsx: XlsxHandle, name: string): Entry {
  const entry = xlsx.entries.get(name);
  if (!entry) throw corrupt(`${name} is missing`);
  return entry;
}

/** A small part's whole text, checked (read whole: exceljs's parsers stop at its last element). */
async function partText(xlsx: XlsxHandle, name: string, limits: SheetLimits): Promise<string> {
  const entry = entryOf(xlsx, name);
  if (entry.uncompressedSize > limits.smallPartBytes) throw new SheetProblem('inflatedBytes', `${name} inflates to ${entry.uncompressedSize} bytes`);
  let text = '';
  for await (const piece of checkedText(await openEntry(xlsx, name), entry, limits)) text += piece;
  return text;
}

const xmlStream = (text: string) => Readable.from([text]);

/** Resolves a relationship's target against the folder of the part that owns it. */
function target(xlsx: XlsxHandle, folder: string, rel: Relationship | undefined): string | undefined {
  if (!rel?.Target || rel.TargetMode === 'External') return undefined;
  const path = rel.Target.startsWith('/') ? rel.Target.slice(1) : posix.join(folder, rel.Target);
  return xlsx.find(posix.normalize(path));
}

const ofType = (rels: readonly Relationship[] | undefined, type: string) =>
  (rels ?? []).find((rel) => typeof rel.Type === 'string' && rel.Type.endsWith(`/${type}`));
const SHEET = /^xl[/]worksheets[/]sheet([0-9]+)[.]xml$/i;
const sheetNumber = (name: string) => Number(SHEET.exec(name)?.[1] ?? 0);

/** The sheet the catalog is on: the workbook's first visible one, else the lowest-numbered worksheet. */
function firstSheet(xlsx: XlsxHandle, folder: string, reader: WorkbookReader): string | undefined {
  const sheets = reader.model?.sheets ?? [];
  const first = sheets.find((s) => s && s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets.find((s) => s);
  const sheet = first
    ? target(
        xlsx,
        folder,
        (reader.workbookRels ?? []).find((rel) => rel.Id === first.rId),
      )
    : undefined;
  // No usable workbook: the lowest-numbered worksheet, as most readers would.
  return sheet ?? [...xlsx.entries.keys()].filter((n) => SHEET.test(n)).sort((a, b) => sheetNumber(a) - sheetNumber(b))[0];
}

/**
 * Which parts hold the catalog: the workbook's first visible sheet (its first tab), found through
 * the workbook's relationships, and the shared strings and styles it uses. Refuses a file whose
 * parts declare more than the limits allow, before anything large is inflated.
 */
export async function planWorkbook(deps: ReaderDeps, xlsx: XlsxHandle, limits: SheetLimits): Promise<XlsxPlan> {
  guardXmlDepth(deps.saxes, limits);
  const reader = new deps.WorkbookReader('', deps.options);
  const rootRels = xlsx.find('_rels/.rels');
  let workbookName = 'xl/workbook.xml';
  if (rootRels) {
    await reader._parseRels(xmlStream(await partText(xlsx, rootRels, limits)));
    workbookName = target(xlsx, '', ofType(reader.workbookRels, 'officeDocument')) ?? workbookName;
    reader.workbookRels = undefined;
  }
  const workbook = xlsx.find(workbookName);
  const folder = workbook ? posix.dirname(workbook) : 'xl';
  const rels = xlsx.find(posix.join(folder, '_rels', `${posix.basename(workbook ?? 'workbook.xml')}.rels`));
  if (rels) await reader._parseRels(xmlStream(await partText(xlsx, rels, limits)));
  if (workbook) await reader._parseWorkbook(xmlStream(await partText(xlsx, workbook, limits)));
  const sheet = firstSheet(xlsx, folder, reader);
  if (!sheet) throw corrupt('no worksheet');
  const plan = {
    rels,
    workbook,
    styles: target(xlsx, folder, ofType(reader.workbookRels, 'styles')) ?? xlsx.find(posix.join(folder, 'styles.xml')),
    sharedStrings: target(xlsx, folder, ofType(reader.workbookRels, 'sharedStrings')) ?? xlsx.find(posix.join(folder, 'sharedStrings.xml')),
    sheet,
    sheetNo: SHEET.exec(sheet)?.[1] ?? '1',
  };
  let inflated = 0;
  for (const name of new Set([plan.rels, plan.workbook, plan.styles, plan.sharedStrings, plan.sheet])) {
    if (name !== undefined) inflated += entryOf(xlsx, name).uncompressedSize;
  }
  if (inflated > limits.inflatedBytes) throw new SheetProblem('inflatedBytes', `the workbook inflates to ${inflated} bytes`);
  return { ...plan, sheetBytes: entryOf(xlsx, sheet).uncompressedSize };
}

/** A reader with what a worksheet's cells need: relationships, workbook properties (1904 dates) and styles (date formats). */
async function preparedReader(deps: ReaderDeps, xlsx: XlsxHandle, plan: XlsxPlan, limits: SheetLimits): Promise<WorkbookReader> {
  const reader = new deps.WorkbookReader('', deps.options);
  if (plan.rels) await reader._parseRels(xmlStream(await partText(xlsx, plan.rels, limits)));
  if (plan.workbook) await reader._parseWorkbook(xmlStream(await partText(xlsx, plan.workbook, limits)));
  else reader.properties = { model: {} };
  if (plan.styles) await reader._parseStyles(xmlStream(await partText(xlsx, plan.styles, limits)));
  return reader;
}

/** The shared-string table (text or { richText } per index, as exceljs caches it); empty when there is none. */
export async function readSharedStrings(deps: ReaderDeps, file: string, plan: XlsxPlan, limits: SheetLimits): Promise<unknown[]> {
  const part = plan.sharedStrings;
  if (!part) return [];
  guardXmlDepth(deps.saxes, limits);
  const xlsx = await openXlsx(deps.yauzl, file, limits);
  try {
    const reader = new deps.WorkbookReader('', deps.options);
    const entry = entryOf(xlsx, part);
    const tooMany = () => new SheetProblem('sharedStrings', `more than ${limits.sharedStrings} shared strings`);
    async function* counted(): AsyncGenerator<string> {
      for await (const text of checkedText(await openEntry(xlsx, part as string), entry, limits)) {
        // exceljs fills the table as it parses each piece of text.
        if ((reader.sharedStrings?.length ?? 0) > limits.sharedStrings) throw tooMany();
        yield text;
      }
    }
    for await (const event of reader._parseSharedStrings(Readable.from(counted()))) void event;
    const strings = reader.sharedStrings ?? [];
    if (strings.length > limits.sharedStrings) throw tooMany();
    return strings;
  } finally {
    xlsx.close();
  }
}

/** Rows packed into one batch (see RawBatch), checked against the limits as they come. */
class BatchPacker {
  private rows = 0;
  private cellCount = 0;
  private cells: unknown[] = [];
  private shape: number[] = [];
  private refs: number[] = [];

  constructor(private readonly limits: SheetLimits) {}

  add(row: Row): void {
    const values = row.values;
    const count = values.length > 1 ? values.length - 1 : 0;
    this.rows += 1;
    this.cellCount += count;
    if (this.rows > this.limits.rows) throw new SheetProblem('rows', `more than ${this.limits.rows} rows`);
    if (this.cellCount > this.limits.cells) throw new SheetProblem('cells', `more than ${this.limits.cells} cells`);
    this.shape.push(row.number, count);
    for (let c = 1; c < values.length; c += 1) {
      let value = values[c];
      if (value === undefined) value = null;
      else if (typeof value === 'object' && value !== null && typeof (value as { sharedString?: unknown }).sharedString === 'number') {
        this.refs.push(this.cells.length);
        value = (value as { sharedString: number }).sharedString;
      }
      this.cells.push(value);
    }
  }

  get size(): number {
    return this.shape.length / 2;
  }

  take(): RawBatch {
    const batch = { cells: this.cells, shape: Int32Array.from(this.shape), refs: Int32Array.from(this.refs) };
    this.cells = [];
    this.shape = [];
    this.refs = [];
    return batch;
  }
}

/**
 * The worksheet's rows in batches of packed arrays, handed to sink.batch (awaited: the sink holds
 * the reader back while the import catches up). 'cells' holds every row's cells (exceljs values,
 * holes as null), 'shape' (row number, cell count) pairs, 'refs' the positions in 'cells' that
 * hold a shared-string index: the strings are resolved by whoever read the table. A flat batch,
 * because structured clone copies exceljs's holey row arrays property by property.
 */
export async function readSheet(deps: ReaderDeps, file: string, plan: XlsxPlan, limits: SheetLimits, sink: BatchSink): Promise<void> {
  guardXmlDepth(deps.saxes, limits);
  const xlsx = await openXlsx(deps.yauzl, file, limits);
  try {
    const reader = await preparedReader(deps, xlsx, plan, limits);
    const entry = xlsx.entries.get(plan.sheet);
    if (!entry || entry.uncompressedSize !== plan.sheetBytes) throw corrupt('the file changed while it was read');
    const text = checkedText(await openEntry(xlsx, plan.sheet), entry, limits, (bytes) => sink.progress(bytes));
    const packer = new BatchPacker(limits);
    for (const event of reader._parseWorksheet(text, plan.sheetNo)) {
      for await (const row of event.value) {
        packer.add(row);
        if (packer.size >= sink.batchRows) await sink.batch(packer.take());
      }
    }
    if (packer.size > 0) await sink.batch(packer.take());
  } finally {
    xlsx.close();
  }
}

/** Where exceljs's streaming reader (exceljs 4.4 has no "exports" map), its XML parser and yauzl are. */
export function readerModulePaths(): { reader: string; saxes: string; yauzl: string } {
  const require = createRequire(import.meta.url);
  const reader = require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js');
  return { reader, saxes: createRequire(reader).resolve('saxes'), yauzl: require.resolve('yauzl') };
}

/** The reader's modules, loaded once per thread (only exceljs's reader, not the whole library: a third of a second cold). */
let loaded: Omit<ReaderDeps, 'options'> | undefined;
export function readerDeps(): Omit<ReaderDeps, 'options'> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const paths = readerModulePaths();
    loaded = {
      WorkbookReader: require(paths.reader) as ReaderDeps['WorkbookReader'],
      saxes: require(paths.saxes) as ReaderDeps['saxes'],
      yauzl: require(paths.yauzl) as ReaderDeps['yauzl'],
    };
  }
  return loaded;
}

export interface XlsxReader {
  openXlsx: typeof openXlsx;
  planWorkbook: typeof planWorkbook;
  readSharedStrings: typeof readSharedStrings;
  readSheet: typeof readSheet;
  isSheetProblem: typeof isSheetProblem;
}

/** The reader on this thread, with its modules loaded (once). */
export function inThreadReader(): { reader: XlsxReader; deps: Omit<ReaderDeps, 'options'> } {
  return { reader: { openXlsx, planWorkbook, readSharedStrings, readSheet, isSheetProblem }, deps: readerDeps() };
}
