import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../errors';

export type SheetFormat =
  { readonly kind: 'xlsx' } | { readonly kind: 'csv'; readonly encoding: string; readonly bomBytes: number; readonly delimiter: string };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The pre-2007 binary .xls (OLE2) format, which exceljs cannot read. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const SAMPLE_BYTES = 64 * 1024;

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new AppError(err.code === 'ENOENT' ? 'SPREADSHEET_NOT_FOUND' : 'SPREADSHEET_UNREADABLE', { file }, { cause: err.code });
  });
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when the whole file decodes as UTF-8; checked in chunks so a 100 MB file costs no memory. */
async function isUtf8(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks a legacy encoding for a file that is not UTF-8. Brazilian Excel writes Windows-1252;
 * chardet tells it apart from the rarer others. ISO-8859-1 is read as Windows-1252, its superset
 * (the 0x80–0x9F range holds “ ” € – in real files, never C1 controls).
 */
function legacyEncoding(sample: Buffer): string {
  const guesses = chardet.analyse(sample);
  for (const g of guesses) {
    const name = g.name.toLowerCase();
    if (name === 'iso-8859-1' || name === 'windows-1252') return 'windows-1252';
    if (name !== 'utf-8' && iconv.encodingExists(name)) return name;
  }
  return 'windows-1252';
}

/** Counts separators outside quotes on the first line; the commonest wins (Brazil uses ';'). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) if (n > bestCount) [best, bestCount] = [d, n];
  return best;
}

/**
 * Decides how to read a file from its bytes, never from its extension: a CSV saved as .xlsx is
 * read as CSV, and binary content under any name is refused.
 */
export async function sniffFormat(file: string): Promise<SheetFormat> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new AppError(err.code === 'ENOENT' ? 'SPREADSHEET_NOT_FOUND' : 'SPREADSHEET_UNREADABLE', { file }, { cause: err.code });
  });
  if (!info.isFile()) throw new AppError('SPREADSHEET_UNREADABLE', { file });
  if (info.size === 0) throw new AppError('SPREADSHEET_EMPTY', { file });
  const head = await readHead(file, SAMPLE_BYTES);
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return { kind: 'xlsx' };
  if (head.subarray(0, 4).equals(OLE2_MAGIC)) throw new AppError('XLS_NOT_SUPPORTED', { file });

  let encoding: string;
  let bomBytes = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) [encoding, bomBytes] = ['utf-8', 3];
  else if (head[0] === 0xff && head[1] === 0xfe) [encoding, bomBytes] = ['utf-16le', 2];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, bomBytes] = ['utf-16be', 2];
  else encoding = (await isUtf8(file)) ? 'utf-8' : legacyEncoding(head);

  const text = iconv.decode(head.subarray(bomBytes), encoding);
  // NUL or other control characters in the text mean a binary file (an image, a PDF, a zip
  // renamed .csv), not a spreadsheet that happens to look odd.
  const sample = text.slice(0, 4096);
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 0x09 || (code > 0x0d && code < 0x20)) throw new AppError('NOT_A_SPREADSHEET', { file });
  }
  // Many store systems' "Excel" exports are an HTML table or Excel 2003 XML named .xls: read as
  // CSV they would only fail later with a puzzling "no SKU column".
  if (/^\s*<(?:!doctype html|html|table|\?xml|\?mso)/i.test(sample)) throw new AppError('SPREADSHEET_WEB_FORMAT', { file });
  // Blank lines before the header are common (a title row deleted in Excel).
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  return { kind: 'csv', encoding, bomBytes, delimiter: detectDelimiter(firstLine) };
}
