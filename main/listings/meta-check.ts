import { Worker } from 'node:worker_threads';
import Ajv2019 from 'ajv/dist/2019.js';
import { createLogger } from '../log/logger';
import { threadEntry } from '../threads/entry';
import { amazonMetaSchema } from './amazon-vocabulary';
import { META_CHECK_OPTIONS, type MetaCheckReply, type MetaCheckRequest } from './meta-check-options';

const logger = createLogger('listings/meta-check');

/** The meta-schema thread (meta-check-thread.ts), started on first use; null when it cannot run. */
let worker: { post(json: string): Promise<string | null> } | null | undefined;

function startWorker(): typeof worker {
  try {
    const entry = threadEntry(new URL('./meta-check-thread.ts', import.meta.url), 'meta-check-thread', import.meta.url);
    if (!entry) throw new Error('the meta-schema thread module is missing');
    const thread = new Worker(entry, { execArgv: [] });
    let nextId = 1;
    const waiting = new Map<number, { resolve(error: string | null): void; reject(err: Error): void }>();
    // Idle, the thread must not keep the process alive (a CLI run ends when its work does); while
    // a check is under way it must, or its answer would be lost. Listening for messages refs the
    // thread, so it is unref'd after the listeners are in place, and ref'd per check.
    const settle = () => {
      if (waiting.size === 0) thread.unref();
    };
    thread.on('message', ({ id, error }: MetaCheckReply) => {
      waiting.get(id)?.resolve(error);
      waiting.delete(id);
      settle();
    });
    const fail = (err: Error) => {
      logger.warn('meta-schema thread stopped; checking on this thread', err);
      worker = null;
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => code !== 0 && fail(new Error(`exit ${code}`)));
    thread.unref();
    return {
      post: (json) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          if (waiting.size === 0) thread.ref();
          waiting.set(id, { resolve, reject });
          thread.postMessage({ id, json } satisfies MetaCheckRequest);
        }),
    };
  } catch (err) {
    logger.warn('could not start the meta-schema thread; checking on this thread', err);
    return null;
  }
}

/** The same check on this thread (no worker could start). */
function checkHere(json: string): string | null {
  const ajv = new Ajv2019(META_CHECK_OPTIONS);
  ajv.addMetaSchema(amazonMetaSchema);
  return ajv.validateSchema(JSON.parse(json) as object) ? null : `schema is invalid: ${ajv.errorsText(ajv.errors)}`;
}

/**
 * Checks a product type schema (its JSON text) against Amazon's meta-schema on a worker thread:
 * a tenth of a second for a real one, which the core's thread does not wait through. Throws the
 * validator's "schema is invalid: …" error when it fails.
 */
export async function checkAgainstMetaSchemaOffThread(json: string): Promise<void> {
  if (worker === undefined) worker = startWorker();
  let error: string | null;
  try {
    error = worker ? await worker.post(json) : checkHere(json);
  } catch {
    error = checkHere(json);
  }
  if (error !== null) throw new Error(error);
}
