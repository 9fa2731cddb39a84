import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SheetLimits } from './limits';
import { XLSX_READER_OPTIONS } from './xlsx-options';
import { readerModulePaths, XLSX_READER_SOURCE, type RawBatch, type XlsxPlan } from './xlsx-reader-source';

/**
 * Parsing an xlsx is most of an import's CPU time, and the database writes are the rest. Running
 * the reader (xlsx-reader-source.ts) on a worker thread lets the two overlap on a second core;
 * rows cross over in packed batches and are converted on the main side, which meanwhile reads the
 * shared-string table. Only the reader module of exceljs is loaded, not the whole library (a third
 * of a second on a cold start).
 */
const WORKER_SOURCE = `${XLSX_READER_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
let credits = workerData.window;
let wake = null;
parentPort.on('message', () => {
  credits += 1;
  if (wake) {
    const w = wake;
    wake = null;
    w();
  }
});
(async () => {
  let deps;
  try {
    deps = { WorkbookReader: require(workerData.reader), saxes: require(workerData.saxes), yauzl: require(workerData.yauzl), options: workerData.options };
  } catch (err) {
    parentPort.postMessage({ type: 'unavailable', message: String(err) });
    return;
  }
  // Progress in file bytes, as the worksheet inflates.
  const perByte = workerData.size / (workerData.plan.sheetBytes || 1);
  let bytes = 0;
  await readSheet(deps, workerData.file, workerData.plan, workerData.limits, {
    batchRows: workerData.batch,
    progress: (inflated) => {
      bytes = Math.round(inflated * perByte);
    },
    batch: async (batch) => {
      if (credits <= 0) await new Promise((resolve) => { wake = resolve; });
      credits -= 1;
      workerData.rows.postMessage(batch, [batch.shape.buffer, batch.refs.buffer]);
      parentPort.postMessage({ type: 'rows', bytes });
    },
  });
  parentPort.postMessage({ type: 'end', bytes: workerData.size });
})().catch((err) => parentPort.postMessage({ type: 'error', reason: (err && err.reason) || 'corrupt', message: err && err.message ? err.message : String(err) }));
`;

type WorkerMessage =
  | { type: 'rows'; bytes: number }
  | { type: 'end'; bytes: number }
  | { type: 'error'; reason: string; message: string }
  | { type: 'unavailable'; message: string };

export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

/** A failure the worker reported: `reason` is 'corrupt' or the limit exceeded, as the reader's SheetProblem. */
export class WorkerSheetError extends Error {
  override name = 'WorkerSheetError';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
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
 * Yields the planned worksheet's rows a batch at a time (one await per 400 rows, not per row).
 * Throws WorkerUnavailable (before any row) when the worker cannot start or load its modules, so
 * the caller can read in this thread instead; a damaged file or a limit throws WorkerSheetError.
 */
export async function* xlsxBatchesFromWorker(
  file: string,
  size: number,
  plan: XlsxPlan,
  limits: SheetLimits,
  onBytes: (bytes: number) => void,
): AsyncGenerator<RawBatch> {
  let worker: Worker;
  const { port1: rows, port2: workerRows } = new MessageChannel();
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { file, size, plan, limits, ...readerModulePaths(), rows: workerRows, options: XLSX_READER_OPTIONS, batch: BATCH_ROWS, window: WINDOW },
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
  worker.on('error', (err) => push({ type: 'error', reason: 'corrupt', message: err.message }));
  worker.on('exit', (code) => push({ type: 'error', reason: 'corrupt', message: `worker exited (${code})` }));
  let yielded = false;
  try {
    for (;;) {
      if (!queue.length) await new Promise<void>((resolve) => (notify = resolve));
      notify = null;
      const m = queue.shift();
      if (!m) continue;
      if (m.type === 'unavailable') {
        if (yielded) throw new WorkerSheetError('corrupt', m.message);
        throw new WorkerUnavailable(m.message);
      }
      if (m.type === 'error') throw new WorkerSheetError(m.reason, m.message);
      onBytes(m.bytes);
      if (m.type === 'end') return;
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
