import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { XLSX_READER_OPTIONS } from './xlsx-options';
import { UTF8_SAFE_READER_SOURCE } from './utf8-safe-reader';

/**
 * Parsing an xlsx is most of an import's CPU time, and the database writes are the rest. Running
 * exceljs's streaming reader on a worker thread lets the two overlap on a second core; rows cross
 * over in batches of raw `row.values` (structured-clone friendly) and are converted on the main
 * side. The worker is plain JavaScript passed as a string so it runs the same under tsx, vitest
 * and the bundled app, where a separate worker file would need its own build entry.
 */
const WORKER_SOURCE = `${UTF8_SAFE_READER_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let credits = workerData.window;
let wake = null;
parentPort.on('message', () => { credits += 1; if (wake) { const w = wake; wake = null; w(); } });
(async () => {
  let ExcelJS;
  try { ExcelJS = require(workerData.exceljs); } catch (err) { parentPort.postMessage({ type: 'unavailable', message: String(err) }); return; }
  const input = fs.createReadStream(workerData.file, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  input.on('data', (c) => { bytes += c.length; });
  const Reader = utf8SafeReaderClass(ExcelJS);
  const reader = new Reader(input, workerData.options);
  let batch = [];
  let sheets = 0;
  const flush = async () => {
    if (credits <= 0) await new Promise((r) => { wake = r; });
    credits -= 1;
    parentPort.postMessage({ type: 'rows', rows: batch, bytes });
    batch = [];
  };
  for await (const worksheet of reader) {
    sheets += 1;
    for await (const row of worksheet) {
      batch.push(row.number, row.values);
      if (batch.length >= workerData.batch * 2) await flush();
    }
    break;
  }
  if (batch.length) await flush();
  input.destroy();
  parentPort.postMessage({ type: 'end', sheets, bytes });
})().catch((err) => parentPort.postMessage({ type: 'error', message: err && err.message ? err.message : String(err) }));
`;

type WorkerMessage =
  | { type: 'rows'; rows: unknown[]; bytes: number }
  | { type: 'end'; sheets: number; bytes: number }
  | { type: 'error'; message: string }
  | { type: 'unavailable'; message: string };

export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

export interface RawRow {
  readonly number: number;
  readonly values: unknown[];
}

const BATCH_ROWS = 1000;
/** Batches in flight: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 4;
/**
 * The parser allocates a short-lived object per cell and per SAX event; with a worker's default
 * young generation most of them are promoted and full GCs took over a third of the thread.
 */
const YOUNG_GENERATION_MB = 64;

/**
 * Yields the first worksheet's rows as exceljs gives them. Throws WorkerUnavailable (before any
 * row) when the worker cannot load exceljs, so the caller can fall back to reading in-thread;
 * a damaged file throws an Error with exceljs's message.
 */
export async function* xlsxRowsFromWorker(file: string, onBytes: (bytes: number) => void): AsyncGenerator<RawRow> {
  let worker: Worker;
  try {
    const exceljs = createRequire(import.meta.url).resolve('exceljs');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, exceljs, options: XLSX_READER_OPTIONS, batch: BATCH_ROWS, window: WINDOW },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  } catch (err) {
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
      worker.postMessage(0);
      for (let i = 0; i < m.rows.length; i += 2) {
        yielded = true;
        yield { number: m.rows[i] as number, values: m.rows[i + 1] as unknown[] };
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
