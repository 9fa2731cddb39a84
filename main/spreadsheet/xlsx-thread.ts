/**
 * The xlsx reading thread's entry (a worker_threads module, built as its own entry): reads the
 * planned worksheet with xlsx-reader.ts and hands its rows over in packed batches on their own
 * channel, at most `window` batches ahead of the import (each batch taken frees one credit).
 * See xlsx-worker.ts for the other side.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { SheetLimits } from './limits';
import { readerDeps, readSheet, type ReaderDeps, type XlsxPlan } from './xlsx-reader';

export interface XlsxThreadData {
  readonly file: string;
  readonly size: number;
  readonly plan: XlsxPlan;
  readonly limits: SheetLimits;
  readonly rows: MessagePort;
  readonly options: object;
  readonly batch: number;
  readonly window: number;
}

export type XlsxThreadMessage =
  | { readonly type: 'rows'; readonly bytes: number }
  | { readonly type: 'end'; readonly bytes: number }
  | { readonly type: 'error'; readonly reason: string; readonly message: string }
  | { readonly type: 'unavailable'; readonly message: string };

const data = workerData as XlsxThreadData;
const post = (message: XlsxThreadMessage) => parentPort?.postMessage(message);
let credits = data.window;
let wake: (() => void) | null = null;
parentPort?.on('message', () => {
  credits += 1;
  const w = wake;
  wake = null;
  w?.();
});

async function read(): Promise<void> {
  let deps: ReaderDeps;
  try {
    deps = { ...readerDeps(), options: data.options };
  } catch (err) {
    return post({ type: 'unavailable', message: String(err) });
  }
  // Progress in file bytes, as the worksheet inflates.
  const perByte = data.size / (data.plan.sheetBytes || 1);
  let bytes = 0;
  await readSheet(deps, data.file, data.plan, data.limits, {
    batchRows: data.batch,
    progress: (inflated) => {
      bytes = Math.round(inflated * perByte);
    },
    batch: async (batch) => {
      if (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
      credits -= 1;
      data.rows.postMessage(batch, [batch.shape.buffer as ArrayBuffer, batch.refs.buffer as ArrayBuffer]);
      post({ type: 'rows', bytes });
    },
  });
  post({ type: 'end', bytes: data.size });
}

read().catch((err: unknown) => {
  const reason =
    typeof err === 'object' && err !== null && typeof (err as { reason?: unknown }).reason === 'string' ? (err as { reason: string }).reason : 'corrupt';
  post({ type: 'error', reason, message: err instanceof Error ? err.message : String(err) });
});
