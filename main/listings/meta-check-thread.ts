/**
 * The meta-schema thread's entry (a worker_threads module, built as its own entry): checks product
 * type schemas against Amazon's meta-schema, one JSON text per message. See meta-check.ts.
 */
import { parentPort } from 'node:worker_threads';
import Ajv2019 from 'ajv/dist/2019.js';
import { amazonMetaSchema } from './amazon-vocabulary';
import { META_CHECK_OPTIONS, type MetaCheckReply, type MetaCheckRequest } from './meta-check-options';

const ajv = new Ajv2019(META_CHECK_OPTIONS);
ajv.addMetaSchema(amazonMetaSchema);

parentPort?.on('message', ({ id, json }: MetaCheckRequest) => {
  let error: string | null;
  try {
    error = ajv.validateSchema(JSON.parse(json) as object) ? null : `schema is invalid: ${ajv.errorsText(ajv.errors)}`;
  } catch (err) {
    error = `schema is invalid: ${err instanceof Error ? err.message : String(err)}`;
  }
  parentPort?.postMessage({ id, error } satisfies MetaCheckReply);
});
