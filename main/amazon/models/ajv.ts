import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './swagger';

// ajv-formats ships CommonJS with a default export; under ESM interop it can arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/**
 * An ajv instance for Swagger 2.0 / draft-07 documents. `strict: false` because Amazon's models
 * carry vendor keywords (`x-docgen-enum-table-extension`, `example`) that are not JSON Schema.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

export interface Violation {
  /** Where the problem is: a request part or the response body. */
  readonly location: 'path' | 'query' | 'body' | 'header' | 'response' | 'operation';
  /** Parameter name, or a JSON pointer inside the body. */
  readonly pointer: string;
  readonly message: string;
}

export function toViolations(errors: readonly ErrorObject[] | null | undefined, location: Violation['location'], prefix: string): Violation[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'enum'
        ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
        : e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})`
          : '';
    return { location, pointer: `${prefix}${e.instancePath}`, message: `${e.message ?? e.keyword}${extra}` };
  });
}

/** Rewrites local `#/definitions/X` references so they resolve inside the model registered as `id`. */
export function rebaseRefs(schema: unknown, id: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebaseRefs(s, id));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${id}${v}` : rebaseRefs(v, id);
  }
  return out;
}

export type Compiled = ValidateFunction<unknown>;
export type { JsonSchema };
