import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SheetLimits } from './limits';
import { XLSX_READER_OPTIONS } from './xlsx-options';
import { threadEntry } from '../threads/entry';
import type { RawBatch, XlsxPlan } from './xlsx-reader';
import type { XlsxThreadData, XlsxThreadMessage } from './xlsx-thread';

/**
 * Parsing an xlsx is most of an import's CPU time, and the database writes are the rest. Running
 * the reader (xlsx-reader.ts) on a thread of its own (xlsx-thread.ts) lets the two overlap on a
 * second core; rows cross over in packed batches and are converted on the main side, which
 * meanwhile reads the shared-string table.
 */

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
    const entry = threadEntry(new URL('./xlsx-thread.ts', import.meta.url), 'xlsx-thread', import.meta.url);
    if (!entry) throw new Error('the xlsx reading thread module is missing');
    const workerData: XlsxThreadData = { file, size, plan, limits, rows: workerRows, options: XLSX_READER_OPTIONS, batch: BATCH_ROWS, window: WINDOW };
    worker = new Worker(entry, {
      execArgv: [],
      workerData,
      transferList: [workerRows],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  } catch (err) {
    rows.close();
    throw new WorkerUnavailable((err as Error).message);
  }
  const queue: XlsxThreadMessage[] = [];
  let notify: (() => void) | null = null;
  const push = (m: XlsxThreadMessage) => {
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
