import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../errors';
import { fromExcelValue, type Cell } from './cell';
import { restoreFormulaText } from './formula-text';
import { isSheetLimit, limitError, SHEET_LIMITS, type SheetLimits } from './limits';
import { sniffFormat, type SheetFormat } from './sniff';
import { XLSX_READER_OPTIONS } from './xlsx-options';
import { inThreadReader, type BatchSink, type RawBatch, type XlsxPlan } from './xlsx-reader';
import { BATCH_ROWS, WorkerUnavailable, xlsxBatchesFromWorker } from './xlsx-worker';

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
   * instead of once per row. Use either this or rows(), once. Every row has been read, and the
   * whole file checked, only when the generator ends without an error.
   */
  batches(): AsyncGenerator<SheetRow[]>;
}

export interface OpenOptions {
  /** Parse xlsx on a worker thread, for long imports where parsing and writing should overlap. */
  readonly threaded?: boolean;
  readonly limits?: SheetLimits;
}

/** No CSV record may be larger than this: a missing closing quote would otherwise swallow the file. */
const MAX_CSV_RECORD_CHARS = 4 * 1024 * 1024;

export { XLSX_READER_OPTIONS };

/** A reader failure as the seller reads it: a limit the file exceeds, or a damaged file. */
function sheetFailure(file: string, err: unknown, limits: SheetLimits): AppError {
  if (err instanceof AppError) return err;
  const { reason, message } = err as { reason?: unknown; message?: string };
  if (isSheetLimit(reason)) return limitError(file, reason, limits, message);
  return new AppError('SPREADSHEET_CORRUPT', { file }, { cause: message ?? String(err) });
}

function cellOf(value: unknown): Cell {
  const cell = fromExcelValue(value);
  return typeof cell === 'string' && cell.charCodeAt(0) === 0x27 ? restoreFormulaText(cell) : cell;
}

/**
 * Rows of a batch, with the cells left as shared-string indexes looked up in `strings`. An index
 * the table does not have (a missing or cut shared-string part, a damaged cell) makes the file
 * damaged: read as a blank cell, the text would be lost without a word.
 */
function toSheetRows({ cells, shape, refs }: RawBatch, strings: readonly unknown[]): SheetRow[] {
  for (const at of refs) {
    const index = cells[at] as number;
    if (!(Number.isInteger(index) && index >= 0 && index < strings.length))
      throw new Error(`shared string ${String(index)} is not in the table of ${strings.length}`);
    cells[at] = strings[index];
  }
  const rows = new Array<SheetRow>(shape.length / 2);
  let at = 0;
  for (let r = 0; r < rows.length; r += 1) {
    const count = shape[r * 2 + 1] as number;
    const row: Cell[] = new Array<Cell>(count);
    for (let c = 0; c < count; c += 1) row[c] = cellOf(cells[at + c]);
    at += count;
    rows[r] = { number: shape[r * 2] as number, cells: row };
  }
  return rows;
}

/** Which parts of the workbook to read; refuses a damaged zip or one that declares too much, before inflating it. */
async function planXlsx(file: string, limits: SheetLimits): Promise<XlsxPlan> {
  const { reader, deps } = inThreadReader();
  const xlsx = await reader.openXlsx(deps.yauzl, file, limits);
  try {
    return await reader.planWorkbook({ ...deps, options: XLSX_READER_OPTIONS }, xlsx, limits);
  } finally {
    xlsx.close();
  }
}

/**
 * The reader run in this thread: the same code as the worker's, handing over one batch at a time
 * (it waits until the import has taken the last one).
 */
async function* inThreadBatches(file: string, plan: XlsxPlan, limits: SheetLimits, onInflated: (bytes: number) => void): AsyncGenerator<RawBatch> {
  const { reader, deps } = inThreadReader();
  const queue: RawBatch[] = [];
  let finished = false;
  let failure: unknown;
  let stopped = false;
  let wakeReader: (() => void) | undefined;
  let wakeImport: (() => void) | undefined;
  const stop = new Error('stopped');
  const sink: BatchSink = {
    batchRows: BATCH_ROWS,
    progress: onInflated,
    async batch(batch) {
      if (stopped) throw stop;
      queue.push(batch);
      wakeImport?.();
      while (queue.length > 0 && !stopped) await new Promise<void>((resolve) => (wakeReader = resolve));
      if (stopped) throw stop;
    },
  };
  const running = reader
    .readSheet({ ...deps, options: XLSX_READER_OPTIONS }, file, plan, limits, sink)
    .then(
      () => undefined,
      (err: unknown) => {
        failure = err;
      },
    )
    .finally(() => {
      finished = true;
      wakeImport?.();
    });
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        wakeReader?.();
        yield batch;
      } else if (finished) {
        if (failure !== undefined) throw failure;
        return;
      } else await new Promise<void>((resolve) => (wakeImport = resolve));
    }
  } finally {
    stopped = true;
    wakeReader?.();
    await running;
  }
}

/**
 * An xlsx, read by its central directory. Threaded: the worker parses the worksheet while this
 * thread reads the shared-string table, the other half of the parsing, so the first rows are
 * ready when the table is. Otherwise (and when no worker can start) the same reader runs here,
 * shared strings first.
 */
async function* xlsxBatches(file: string, size: number, threaded: boolean, limits: SheetLimits, onBytes: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const { reader, deps } = inThreadReader();
  const withOptions = { ...deps, options: XLSX_READER_OPTIONS };
  let batches: AsyncGenerator<RawBatch> | undefined;
  try {
    const plan = await planXlsx(file, limits);
    const perByte = size / (plan.sheetBytes || 1);
    const inThread = () => inThreadBatches(file, plan, limits, (inflated) => onBytes(Math.round(inflated * perByte)));
    let strings: unknown[];
    if (threaded) {
      batches = xlsxBatchesFromWorker(file, size, plan, limits, onBytes);
      const next = batches.next();
      // Handled below, after the strings; this only keeps it from counting as unhandled meanwhile.
      next.catch(() => undefined);
      try {
        strings = await reader.readSharedStrings(withOptions, file, plan, limits);
      } catch (err) {
        // The worker's own verdict on the file comes first, unless it could not start.
        await next.catch((workerErr: unknown) => {
          if (!(workerErr instanceof WorkerUnavailable)) throw workerErr;
        });
        throw err;
      }
      try {
        const first = await next;
        if (first.done) return;
        yield toSheetRows(first.value, strings);
      } catch (err) {
        if (!(err instanceof WorkerUnavailable)) throw err;
        await batches.return(undefined);
        batches = inThread();
      }
    } else {
      strings = await reader.readSharedStrings(withOptions, file, plan, limits);
      batches = inThread();
    }
    for await (const batch of batches) yield toSheetRows(batch, strings);
  } catch (err) {
    throw sheetFailure(file, err, limits);
  } finally {
    await batches?.return(undefined);
  }
}

/** Rows per batch when reading CSV: one await per batch downstream. */
const CSV_BATCH_ROWS = 512;

async function* inBatches(rows: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow[]> {
  let batch: SheetRow[] = [];
  try {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length >= CSV_BATCH_ROWS) {
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

async function* csvRows(file: string, format: Extract<SheetFormat, { kind: 'csv' }>, input: ReadStream, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const parser = parse({
    delimiter: format.delimiter,
    // Lines may end in CRLF, LF or CR, mixed in one file (rows pasted from another system): with
    // one delimiter guessed from the first line, the others would merge rows silently.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(iconv.decodeStream(format.encoding)).pipe(parser);
  let number = 0;
  let cells = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      cells += record.length;
      if (number > limits.rows) throw limitError(file, 'rows', limits);
      if (cells > limits.cells) throw limitError(file, 'cells', limits);
      for (let i = 0; i < record.length; i += 1) {
        const cell = record[i] ?? '';
        // The apostrophe Vitrine's writers put before formula-like text (formula-text.ts).
        if (cell.charCodeAt(0) === 0x27) record[i] = restoreFormulaText(cell);
      }
      yield { number, cells: record };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as Error & { code?: string };
    throw new AppError('CSV_MALFORMED', { file, row: number + 1, reason: e.code ?? e.message }, { cause: e.message });
  } finally {
    input.destroy();
  }
}

/**
 * Opens a spreadsheet for streaming: xlsx through exceljs's parsers, everything else as CSV. Every
 * failure is an AppError: a damaged file is SPREADSHEET_CORRUPT, one past a limit (limits.ts)
 * names it.
 */
export async function openSheet(file: string, options: OpenOptions = {}): Promise<SheetSource> {
  const limits = options.limits ?? SHEET_LIMITS;
  const format = await sniffFormat(file);
  const { size } = await stat(file);
  if (format.kind === 'csv' && size > limits.inflatedBytes) throw limitError(file, 'inflatedBytes', limits);
  let counter: () => number = () => 0;
  const batches = (): AsyncGenerator<SheetRow[]> => {
    if (format.kind === 'xlsx') {
      let bytes = 0;
      counter = () => bytes;
      return xlsxBatches(file, size, options.threaded === true, limits, (n) => (bytes = n));
    }
    const stream = createReadStream(file, { start: format.bomBytes, highWaterMark: 256 * 1024 });
    let read = format.bomBytes;
    stream.on('data', (chunk) => (read += chunk.length));
    counter = () => read;
    return inBatches(csvRows(file, format, stream, limits));
  };
  return {
    format,
    sizeBytes: size,
    bytesRead: () => counter(),
    rows: () => flatten(batches()),
    batches,
  };
}
