import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { XLSX_READER_OPTIONS } from './xlsx-options';
import { UTF8_SAFE_READER_SOURCE } from './utf8-safe-reader';

/**
 * Parsing an xlsx is most of an import's CPU time, and the database writes are the rest. Running
 * exceljs's streaming reader on a worker thread lets the two overlap on a second core; rows cross
 * over in batches of raw `row.values` (structured-clone friendly) and are converted on the main
 * side. The worker is plain JavaScript passed as a string so it runs the same under tsx, vitest
 * and the bundled app, where a separate worker file would need its own build entry.
 *
 * The worker reads the zip by its central directory (yauzl) and hands exceljs's own parsers the
 * parts in the order they need them: relationships, workbook, styles, shared strings, then the
 * first worksheet. exceljs's reader walks the zip front to back instead, and files written by
 * streaming writers (exceljs itself, so Vitrine's own exports) store the worksheet before the
 * shared strings: it then inflates the whole sheet into a temporary file and reads it back, and
 * the first row arrives only after that. Only the reader module of exceljs is loaded, not the
 * whole library (a third of a second on a cold start).
 */
const WORKER_SOURCE = `${UTF8_SAFE_READER_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
let credits = workerData.window;
let wake = null;
parentPort.on('message', () => { credits += 1; if (wake) { const w = wake; wake = null; w(); } });
const call = (fn) => new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
function zipEntries(zip) {
  return new Promise((resolve, reject) => {
    const entries = new Map();
    zip.on('entry', (entry) => { entries.set(entry.fileName, entry); zip.readEntry(); });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}
const SHEET = /^xl[/]worksheets[/]sheet([0-9]+)[.]xml$/;
(async () => {
  let WorkbookReader;
  let yauzl;
  try {
    WorkbookReader = require(workerData.reader);
    yauzl = require(workerData.yauzl);
  } catch (err) {
    parentPort.postMessage({ type: 'unavailable', message: String(err) });
    return;
  }
  const zip = await call((cb) => yauzl.open(workerData.file, { lazyEntries: true, autoClose: false }, cb));
  let bytes = 0;
  try {
    const entries = await zipEntries(zip);
    const open = (name) => call((cb) => zip.openReadStream(entries.get(name), cb));
    const sheetName = [...entries.keys()].find((name) => SHEET.test(name));
    if (sheetName === undefined) {
      parentPort.postMessage({ type: 'end', sheets: 0, bytes });
      return;
    }
    const sheet = entries.get(sheetName);
    // Without a shared-string table exceljs leaves those cells as { sharedString: index }: the
    // calling thread reads the table meanwhile and resolves them (see read-rows.ts).
    const reader = new (utf8SafeReaderClass(WorkbookReader))(workerData.file, workerData.options);
    if (entries.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(await open('xl/_rels/workbook.xml.rels'));
    if (entries.has('xl/workbook.xml')) await reader._parseWorkbook(await open('xl/workbook.xml'));
    if (entries.has('xl/styles.xml')) await reader._parseStyles(await open('xl/styles.xml'));
    const input = await open(sheetName);
    // Progress in file bytes, as the worksheet inflates.
    const perByte = workerData.size / (sheet.uncompressedSize || 1);
    async function* counted() {
      let inflated = 0;
      for await (const chunk of input) {
        inflated += chunk.length;
        bytes = Math.round(inflated * perByte);
        yield chunk;
      }
    }
    // A batch crosses as flat, packed arrays: exceljs's row.values has a hole at index 0, and
    // structured clone copies a holey array property by property, several times slower.
    let cells = [];
    let shape = [];
    let refs = [];
    const flush = async () => {
      if (credits <= 0) await new Promise((r) => { wake = r; });
      credits -= 1;
      const batch = { cells, shape: Int32Array.from(shape), refs: Int32Array.from(refs) };
      workerData.rows.postMessage(batch, [batch.shape.buffer, batch.refs.buffer]);
      parentPort.postMessage({ type: 'rows', bytes });
      cells = [];
      shape = [];
      refs = [];
    };
    for (const event of reader._parseWorksheet(counted(), SHEET.exec(sheetName)[1])) {
      for await (const row of event.value) {
        const values = row.values;
        shape.push(row.number, Math.max(0, values.length - 1));
        for (let c = 1; c < values.length; c += 1) {
          let value = values[c];
          if (value === undefined) value = null;
          else if (typeof value === 'object' && value !== null && typeof value.sharedString === 'number') {
            refs.push(cells.length);
            value = value.sharedString;
          }
          cells.push(value);
        }
        if (shape.length >= workerData.batch * 2) await flush();
      }
    }
    if (shape.length) await flush();
    input.destroy();
    parentPort.postMessage({ type: 'end', sheets: 1, bytes: workerData.size });
  } finally {
    zip.close();
  }
})().catch((err) => parentPort.postMessage({ type: 'error', message: err && err.message ? err.message : String(err) }));
`;

type WorkerMessage =
  | { type: 'rows'; bytes: number }
  | { type: 'end'; sheets: number; bytes: number }
  | { type: 'error'; message: string }
  | { type: 'unavailable'; message: string };

export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

/**
 * A batch as the worker sends it: every row's cells in one packed array (exceljs values, holes as
 * null), `shape` as (row number, cell count) pairs, and `refs` the positions in `cells` that hold
 * a shared-string index instead of a value.
 */
export interface RawBatch {
  readonly cells: unknown[];
  readonly shape: Int32Array;
  readonly refs: Int32Array;
}

/** Rows per batch: 400 measured a few percent faster than 1000 and 2500 at 100k rows. */
export const BATCH_ROWS = 400;
/**
 * Batches in flight (kept serialized, ~0.4 MB each). The main thread is the slower side, so a
 * short lead is enough; a longer one (16k rows) only competed with it for the second core while
 * it reads the shared strings, and measured slower.
 */
const WINDOW = 16;
/**
 * The parser allocates a short-lived object per cell and per SAX event; with a worker's default
 * young generation most of them are promoted and full GCs took over a third of the thread.
 */
const YOUNG_GENERATION_MB = 64;

/**
 * Batches travel on their own channel and are taken off it (and deserialized) only when the
 * import is ready for them: deserialized on arrival, the batches waiting in the window outlived
 * several scavenges and were copied into the old generation, most of the main thread's GC time.
 */
function takeBatch(port: MessagePort): RawBatch {
  const received = receiveMessageOnPort(port);
  if (!received) throw new Error('a batch announced by the reader did not arrive');
  return received.message as RawBatch;
}

/**
 * Yields the first worksheet's rows as exceljs gives them, a batch at a time (one await per
 * thousand rows, not per row). Throws WorkerUnavailable (before any row) when the worker cannot
 * load exceljs, so the caller can fall back to reading in-thread; a damaged file throws an Error
 * with exceljs's message.
 */
export async function* xlsxBatchesFromWorker(file: string, size: number, onBytes: (bytes: number) => void): AsyncGenerator<RawBatch> {
  let worker: Worker;
  const { port1: rows, port2: workerRows } = new MessageChannel();
  try {
    const require = createRequire(import.meta.url);
    // exceljs 4.4 has no "exports" map; the reader is the class exported as stream.xlsx.WorkbookReader.
    const reader = require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js');
    const yauzl = require.resolve('yauzl');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { file, size, reader, yauzl, rows: workerRows, options: XLSX_READER_OPTIONS, batch: BATCH_ROWS, window: WINDOW },
      transferList: [workerRows],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  } catch (err) {
    rows.close();
    throw new WorkerUnavailable((err as Error).message);
  }
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    notify?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'error', message: err.message }));
  worker.on('exit', (code) => push({ type: 'error', message: `worker exited (${code})` }));
  let yielded = false;
  try {
    for (;;) {
      if (!queue.length) await new Promise<void>((resolve) => (notify = resolve));
      notify = null;
      const m = queue.shift();
      if (!m) continue;
      if (m.type === 'unavailable') {
        if (yielded) throw new Error(m.message);
        throw new WorkerUnavailable(m.message);
      }
      if (m.type === 'error') throw new Error(m.message);
      onBytes(m.bytes);
      if (m.type === 'end') {
        if (m.sheets === 0) throw new Error('no worksheet');
        return;
      }
      const batch = takeBatch(rows);
      worker.postMessage(0);
      yielded = true;
      yield batch;
    }
  } finally {
    worker.removeAllListeners();
    rows.close();
    await worker.terminate();
  }
}
