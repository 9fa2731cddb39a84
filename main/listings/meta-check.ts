import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Ajv2019 from 'ajv/dist/2019.js';
import { createLogger } from '../log/logger';
import { amazonMetaSchema } from './amazon-vocabulary';

const logger = createLogger('listings/meta-check');

/**
 * Plain JavaScript run on a worker thread (like the xlsx reader, it needs no build entry): checks
 * product type schemas against Amazon's meta-schema, one JSON text per message.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Ajv2019 = require(workerData.ajv).default;
const ajv = new Ajv2019(workerData.options);
ajv.addMetaSchema(workerData.meta);
parentPort.on('message', ({ id, json }) => {
  try {
    const valid = ajv.validateSchema(JSON.parse(json));
    parentPort.postMessage({ id, error: valid ? null : 'schema is invalid: ' + ajv.errorsText(ajv.errors) });
  } catch (err) {
    parentPort.postMessage({ id, error: 'schema is invalid: ' + String(err && err.message || err) });
  }
});
`;

/** What the meta-schema check needs of the validator's Ajv options (the verdict and its wording). */
const OPTIONS = {
  allErrors: true,
  strictSchema: false,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
  validateSchema: false,
  logger: false,
} as const;

let worker: { post(json: string): Promise<string | null> } | null | undefined;

function startWorker(): typeof worker {
  try {
    const ajv = createRequire(import.meta.url).resolve('ajv/dist/2019.js');
    const thread = new Worker(SOURCE, { eval: true, execArgv: [], workerData: { ajv, meta: amazonMetaSchema, options: OPTIONS } });
    let nextId = 1;
    const waiting = new Map<number, { resolve(error: string | null): void; reject(err: Error): void }>();
    // Idle, the thread must not keep the process alive (a CLI run ends when its work does); while
    // a check is under way it must, or its answer would be lost. Listening for messages refs the
    // thread, so it is unref'd after the listeners are in place, and ref'd per check.
    const settle = () => {
      if (waiting.size === 0) thread.unref();
    };
    thread.on('message', ({ id, error }: { id: number; error: string | null }) => {
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
          thread.postMessage({ id, json });
        }),
    };
  } catch (err) {
    logger.warn('could not start the meta-schema thread; checking on this thread', err);
    return null;
  }
}

/** The same check on this thread (no worker could start). */
function checkHere(json: string): string | null {
  const ajv = new Ajv2019(OPTIONS);
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
