import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../errors';
import { fromExcelValue, type Cell } from './cell';
import { sniffFormat, type SheetFormat } from './sniff';
import { createWorkbookReader, readSharedStrings } from './utf8-safe-reader';
import { FORMULA_START } from './write-rows';
import { WorkerUnavailable, xlsxBatchesFromWorker, type RawBatch } from './xlsx-worker';

export interface SheetRow {
  /** 1-based row number as the seller sees it in Excel (the header is row 1). */
  readonly number: number;
  readonly cells: Cell[];
}

export interface SheetSource {
  readonly format: SheetFormat;
  readonly sizeBytes: number;
  /** Bytes consumed so far: progress for files whose row count is unknown until the end. */
  bytesRead(): number;
  rows(): AsyncGenerator<SheetRow>;
  /**
   * The same rows in arrays, as they become available: a long import awaits once per batch
   * instead of once per row. Use either this or rows(), once.
   */
  batches(): AsyncGenerator<SheetRow[]>;
}

/** No CSV record may be larger than this: a missing closing quote would otherwise swallow the file. */
const MAX_CSV_RECORD_CHARS = 4 * 1024 * 1024;

export { XLSX_READER_OPTIONS } from './xlsx-options';

function countingStream(file: string, start: number): { stream: ReadStream; read: () => number } {
  const stream = createReadStream(file, { start, highWaterMark: 256 * 1024 });
  let read = start;
  stream.on('data', (chunk) => (read += chunk.length));
  return { stream, read: () => read };
}

function toCells(values: readonly unknown[]): Cell[] {
  const cells: Cell[] = new Array<Cell>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i += 1) cells[i - 1] = fromExcelValue(values[i]);
  return cells;
}

/** Rows from the worker, with the cells it left as shared-string indexes looked up in `strings`. */
function toSheetRows({ cells, shape, refs }: RawBatch, strings: readonly unknown[]): SheetRow[] {
  for (const at of refs) cells[at] = strings[cells[at] as number];
  const rows = new Array<SheetRow>(shape.length / 2);
  let at = 0;
  for (let r = 0; r < rows.length; r += 1) {
    const count = shape[r * 2 + 1] as number;
    const row: Cell[] = new Array<Cell>(count);
    for (let c = 0; c < count; c += 1) row[c] = fromExcelValue(cells[at + c]);
    at += count;
    rows[r] = { number: shape[r * 2] as number, cells: row };
  }
  return rows;
}

/**
 * Reads on a worker thread when possible (see xlsx-worker.ts), in this thread otherwise. The
 * worker parses the worksheet while this thread reads the shared-string table, the other half
 * of the parsing, so the first rows are ready when the table is.
 */
async function* xlsxBatchesThreaded(file: string, size: number, onBytes: (n: number) => void, fallback: () => AsyncGenerator<SheetRow[]>): AsyncGenerator<SheetRow[]> {
  const batches = xlsxBatchesFromWorker(file, size, onBytes);
  try {
    let next = batches.next();
    // Handled below, after the strings; this only keeps it from counting as unhandled meanwhile.
    next.catch(() => undefined);
    let strings: unknown[] = [];
    try {
      strings = await readSharedStrings(file);
    } catch (err) {
      // The worker's own verdict on the file comes first: unavailable (fall back) or its error.
      await next;
      throw err;
    }
    for (;;) {
      const { done, value } = await next;
      if (done) return;
      yield toSheetRows(value, strings);
      next = batches.next();
    }
  } catch (err) {
    if (err instanceof WorkerUnavailable) {
      yield* fallback();
      return;
    }
    throw new AppError('SPREADSHEET_CORRUPT', { file }, { cause: (err as Error).message });
  } finally {
    await batches.return(undefined);
  }
}

/** Rows per batch when reading in this thread (CSV, small xlsx): one await per batch downstream. */
const IN_THREAD_BATCH_ROWS = 512;

async function* inBatches(rows: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  try {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= IN_THREAD_BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  } finally {
    await rows.return(undefined);
  }
}

async function* flatten(batches: AsyncGenerator<SheetRow[]>): AsyncGenerator<SheetRow> {
  for await (const batch of batches) yield* batch;
}

async function* xlsxRows(file: string, input: ReadStream): AsyncGenerator<SheetRow> {
  const reader = createWorkbookReader(input);
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      for await (const row of worksheet) {
        yield { number: row.number, cells: toCells(row.values as unknown[]) };
      }
      // Only the first worksheet is the catalog; stop instead of inflating the rest of the zip.
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('SPREADSHEET_CORRUPT', { file }, { cause: (err as Error).message });
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw new AppError('SPREADSHEET_CORRUPT', { file }, { cause: 'no worksheet' });
}

async function* csvRows(file: string, format: Extract<SheetFormat, { kind: 'csv' }>, input: ReadStream): AsyncGenerator<SheetRow> {
  const parser = parse({
    delimiter: format.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(iconv.decodeStream(format.encoding)).pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      for (let i = 0; i < record.length; i += 1) {
        const cell = record[i] ?? '';
        // The apostrophe Vitrine's CSV writer puts before formula-like text (write-rows.ts).
        if (cell.charCodeAt(0) === 0x27 && FORMULA_START.test(cell.slice(1, 2))) record[i] = cell.slice(1);
      }
      yield { number, cells: record };
    }
  } catch (err) {
    const e = err as Error & { code?: string };
    throw new AppError('CSV_MALFORMED', { file, row: number + 1, reason: e.code ?? e.message }, { cause: e.message });
  } finally {
    input.destroy();
  }
}

/**
 * Opens a spreadsheet for streaming: xlsx through exceljs, everything else as CSV. `threaded`
 * parses xlsx on a worker thread, for long imports where parsing and writing should overlap.
 */
export async function openSheet(file: string, options: { threaded?: boolean } = {}): Promise<SheetSource> {
  const format = await sniffFormat(file);
  const { size } = await stat(file);
  const start = format.kind === 'csv' ? format.bomBytes : 0;
  let counter: (() => number) | undefined;
  const inThread = (): AsyncGenerator<SheetRow> => {
    const { stream, read } = countingStream(file, start);
    counter = read;
    return format.kind === 'xlsx' ? xlsxRows(file, stream) : csvRows(file, format, stream);
  };
  const threaded = format.kind === 'xlsx' && options.threaded === true;
  const batches = (): AsyncGenerator<SheetRow[]> => {
    if (!threaded) return inBatches(inThread());
    let bytes = 0;
    counter = () => bytes;
    return xlsxBatchesThreaded(file, size, (n) => (bytes = n), () => inBatches(inThread()));
  };
  return {
    format,
    sizeBytes: size,
    bytesRead: () => counter?.() ?? 0,
    rows: () => (threaded ? flatten(batches()) : inThread()),
    batches,
  };
}
