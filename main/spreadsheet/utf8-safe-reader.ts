import { StringDecoder } from 'node:string_decoder';
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { XLSX_READER_OPTIONS } from './xlsx-options';
import { openXlsxZip } from './xlsx-zip';

const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * exceljs 4.4's streaming reader decodes every decompressed chunk to text on its own, so a
 * two-byte character ("ã", "ç") that straddles two chunks turns into "��" — about 3 cells in
 * 100,000 in a Portuguese catalog. Decoding with a StringDecoder before exceljs sees the text
 * keeps split characters whole (exceljs passes strings through unchanged). The worker thread
 * (xlsx-worker.ts) carries the same override as JavaScript source.
 */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

interface ReaderInternals {
  /** Filled by _parseSharedStrings with the `sharedStrings: 'cache'` option: text or `{ richText }`. */
  sharedStrings?: unknown[];
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string | Stream, options: object) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

class Utf8SafeWorkbookReader extends Base {
  override _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    // exceljs reads shared strings through the stream's 'data' events: a stream-level decoder.
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
}

export function createWorkbookReader(input: string | Stream): ExcelJS.stream.xlsx.WorkbookReader {
  return new Utf8SafeWorkbookReader(input, XLSX_READER_OPTIONS);
}

/**
 * The shared-string table of an xlsx (text or `{ richText }` per index, as exceljs caches it),
 * read by itself through exceljs's parser; empty when the file has none.
 */
export async function readSharedStrings(file: string): Promise<unknown[]> {
  const zip = await openXlsxZip(file);
  try {
    if (!zip.entries.has(SHARED_STRINGS)) return [];
    const reader = new Utf8SafeWorkbookReader(file, XLSX_READER_OPTIONS);
    for await (const event of reader._parseSharedStrings(await zip.open(SHARED_STRINGS))) void event;
    return reader.sharedStrings ?? [];
  } finally {
    zip.close();
  }
}

/**
 * The worksheet half of the override as JavaScript source, for the worker thread (see
 * xlsx-worker.ts); the worker never parses shared strings, this thread does (readSharedStrings).
 */
export const UTF8_SAFE_READER_SOURCE = `
const { StringDecoder } = require('node:string_decoder');
async function* decodeUtf8(chunks) {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
function utf8SafeReaderClass(WorkbookReader) {
  return class extends WorkbookReader {
    _parseWorksheet(iterator, sheetNo) { return super._parseWorksheet(decodeUtf8(iterator), sheetNo); }
  };
}
`;
