import { Worker } from 'node:worker_threads';
import { threadEntry } from '../threads/entry';
import { createLogger } from '../log/logger';
import type { CheckpointThreadData } from './checkpoint-thread';
import { nativeBindingOption } from './native-binding';

const logger = createLogger('db/checkpoint');

/**
 * Copies a database's write-ahead log into the database file on a worker thread (checkpoint-thread.ts). After a bulk
 * write (a 100k-row import leaves ~40 MB of log) the automatic checkpoint would run inside the
 * committing call on the main thread — and on a slow disk that copy and its fsync take far
 * longer than the 0.15 s measured here — so bulk writers turn it off for their connection
 * and call this after committing. Resolves when done; failures are logged (the log stays valid
 * and the next checkpoint takes it).
 */
export function checkpointInBackground(file: string): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const entry = threadEntry(new URL('./checkpoint-thread.ts', import.meta.url), 'checkpoint-thread', import.meta.url);
      if (!entry) throw new Error('the checkpoint thread module is missing');
      const workerData: CheckpointThreadData = { file, binding: nativeBindingOption() };
      worker = new Worker(entry, { execArgv: [], workerData });
    } catch (err) {
      logger.warn('could not start the checkpoint thread', err);
      return resolve();
    }
    worker.once('message', (result: unknown) => logger.info(`checkpoint: ${JSON.stringify(result)}`));
    worker.once('error', (err) => logger.warn('checkpoint failed', err));
    worker.once('exit', () => resolve());
  });
}
