import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../log/logger';
import { nativeBindingOption } from './native-binding';

const logger = createLogger('db/checkpoint');

/**
 * Plain JavaScript run on a worker thread (like the xlsx reader, it needs no build entry): a
 * connection of its own, a PASSIVE checkpoint (never waits for readers or writers), closed.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true, ...workerData.binding });
try {
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]);
} finally {
  db.close();
}
`;

/**
 * Copies a database's write-ahead log into the database file on a worker thread. After a bulk
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
      const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(SOURCE, { eval: true, execArgv: [], workerData: { file, sqlite, binding: nativeBindingOption() } });
    } catch (err) {
      logger.warn('could not start the checkpoint thread', err);
      return resolve();
    }
    worker.once('message', (result: unknown) => logger.info(`checkpoint: ${JSON.stringify(result)}`));
    worker.once('error', (err) => logger.warn('checkpoint failed', err));
    worker.once('exit', () => resolve());
  });
}
