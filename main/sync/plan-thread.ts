/**
 * The planning thread's entry (a worker_threads module, built as its own entry): plans one
 * marketplace at a time with a read-only connection of its own and posts each plan to the core's
 * thread a batch at a time (plan-host.ts). It writes nothing: the core persists what it is sent.
 */
import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { setNativeBinding } from '../db/native-binding';
import { timeSlice } from '../background/yield';
import { Translator } from '../i18n';
import { configureLogging } from '../log/logger';
import { encodeBatch, type PlanThreadData, type PlanThreadReply, type PlanThreadRequest } from './plan-protocol';
import { planMarketplacePages } from './planner';

/** Work done between two posts: big enough that posting costs little, small enough that the core can start early. */
const BATCH_MS = 100;

async function plan(id: number, data: PlanThreadData): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('plan-thread must run on a worker thread');
  setNativeBinding(data.binding);
  if (data.logDir) configureLogging({ dir: data.logDir, console: false, level: 'warn' });
  const db = openDatabase(data.file, { readonly: true });
  try {
    for await (const batch of planMarketplacePages(db, data.request, new Translator(data.locale), timeSlice(BATCH_MS))) {
      const { message, transfer } = encodeBatch(id, batch);
      port.postMessage(message satisfies PlanThreadReply, transfer);
    }
    port.postMessage({ kind: 'done', id } satisfies PlanThreadReply);
  } finally {
    db.close();
  }
}

parentPort?.on('message', (request: PlanThreadRequest) => {
  plan(request.id, request.data).catch((err: unknown) => {
    const error = err instanceof Error ? { message: err.message, stack: err.stack ?? '' } : { message: String(err), stack: '' };
    parentPort?.postMessage({ kind: 'failed', id: request.id, ...error } satisfies PlanThreadReply);
  });
});
