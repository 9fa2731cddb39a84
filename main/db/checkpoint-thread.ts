/**
 * The checkpoint thread's entry (a worker_threads module, built as its own entry): a connection of
 * its own, a PASSIVE checkpoint (never waits for readers or writers), closed. See checkpoint.ts.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointThreadData {
  readonly file: string;
  readonly binding: { readonly nativeBinding?: string };
}

const data = workerData as CheckpointThreadData;
const db = new Database(data.file, { fileMustExist: true, ...data.binding });
try {
  db.pragma('busy_timeout = 5000');
  parentPort?.postMessage((db.pragma('wal_checkpoint(PASSIVE)') as unknown[])[0]);
} finally {
  db.close();
}
