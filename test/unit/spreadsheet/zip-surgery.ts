import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

/**
 * Hostile xlsx files for tests: a zip is taken apart into its parts, which can be edited, reordered,
 * cut or swapped for bombs, and written back with a writer of our own (so the damage is exactly
 * the one intended: sizes and checksums are honest unless a test says otherwise).
 */
export interface ZipPart {
  readonly name: string;
  /** The inflated content; ignored when `raw` is given. */
  readonly data: Buffer;
  /** Store instead of deflate. */
  readonly stored?: boolean;
  /** Already-deflated bytes with their inflated size and CRC (bombs built without inflating them here). */
  readonly raw?: { readonly deflated: Buffer; readonly size: number; readonly crc: number };
  /** Lies the central directory tells about this part. */
  readonly declaredSize?: number;
  readonly declaredCrc?: number;
}

/** The parts of a zip in central-directory order, inflated. */
export function readParts(file: string): Promise<ZipPart[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const parts: ZipPart[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(parts));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export function part(parts: readonly ZipPart[], name: string): ZipPart {
  const found = parts.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} in ${parts.map((p) => p.name).join(', ')}`);
  return found;
}

/** The parts with `name` replaced (or, with `data` undefined, removed). */
export function withPart(parts: readonly ZipPart[], name: string, data: Buffer | string | ZipPart | undefined): ZipPart[] {
  if (data === undefined) return parts.filter((p) => p.name !== name);
  const next: ZipPart = typeof data === 'string' || Buffer.isBuffer(data) ? { name, data: Buffer.from(data) } : data;
  return parts.map((p) => (p.name === name ? next : p));
}

/** The parts with the named ones moved to the front or back, in the given order. */
export function reorder(parts: readonly ZipPart[], names: readonly string[], where: 'first' | 'last'): ZipPart[] {
  const moved = names.map((n) => part(parts, n));
  const rest = parts.filter((p) => !names.includes(p.name));
  return where === 'first' ? [...moved, ...rest] : [...rest, ...moved];
}

/** Writes a zip of the parts in the order given; answers its bytes. */
export function writeZip(file: string, parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.raw ? p.raw.deflated : p.stored ? p.data : deflateRawSync(p.data, { level: 6 });
    const size = p.declaredSize ?? (p.raw ? p.raw.size : p.data.length);
    const crc = p.declaredCrc ?? (p.raw ? p.raw.crc : crc32(p.data));
    const method = p.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10);
    local.writeUInt16LE(0x5b21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x6000, 12);
    central.writeUInt16LE(0x5b21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const bytes = Buffer.concat([...locals, directory, end]);
  writeFileSync(file, bytes);
  return bytes;
}

/**
 * A deflated part of `head`, then `body` repeated `times`, then `tail`, built without ever holding
 * the inflated text: each piece is deflated on its own and flushed to a byte boundary, so the
 * pieces concatenate into one valid stream. A few MB can inflate to gigabytes.
 */
export function bomb(name: string, head: string, body: string, times: number, tail: string): ZipPart {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const block = flushed(body);
  const bodyBytes = Buffer.from(body);
  let crc = crc32(head);
  for (let i = 0; i < times; i += 1) crc = crc32(bodyBytes, crc);
  crc = crc32(tail, crc);
  const deflated = Buffer.concat([flushed(head), ...Array.from({ length: times }, () => block), deflateRawSync(Buffer.from(tail))]);
  return { name, data: Buffer.alloc(0), raw: { deflated, size: Buffer.byteLength(head) + bodyBytes.length * times + Buffer.byteLength(tail), crc } };
}

/** A worksheet's XML around the given `<row>` elements. */
export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** An inline-string cell. */
export function textCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
}
