import type { Ajv } from 'ajv';
import { createAjv, rebaseRefs, toViolations, type Compiled, type Violation } from './ajv';
import { operationSpec, type OperationSpec } from './operations';
import { MODELS } from './spec-files';
import type { JsonSchema, SwaggerParameter } from './swagger';

export type QueryValue = string | readonly string[] | undefined;

export interface RequestParts {
  /** Decoded path parameters (see `operationFor`). */
  readonly path?: Readonly<Record<string, string>>;
  /** Raw query values as sent on the wire: strings, csv for arrays. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** The parsed JSON body, or undefined when none was sent. */
  readonly body?: unknown;
}

/** Keys of a parameter object that are Swagger-only and must not reach ajv as schema. */
const NON_SCHEMA_KEYS = new Set(['name', 'in', 'required', 'description', 'collectionFormat', 'schema', 'allowEmptyValue']);

const ajvByModel = new Map<string, Ajv>();
const compiledParams = new Map<string, Compiled>();
const compiledResponses = new Map<string, Compiled | null>();

function modelAjv(model: string): Ajv {
  let ajv = ajvByModel.get(model);
  if (!ajv) {
    ajv = createAjv();
    ajv.addSchema({ $id: modelId(model), definitions: MODELS[model]?.definitions ?? {} });
    ajvByModel.set(model, ajv);
  }
  return ajv;
}

function modelId(model: string): string {
  return `spapi:${model}`;
}

function compile(spec: OperationSpec, schema: JsonSchema): Compiled {
  return modelAjv(spec.model).compile(rebaseRefs(schema, modelId(spec.model)) as JsonSchema);
}

/** A non-body Swagger parameter as a JSON Schema for its (already coerced) value. */
function parameterSchema(p: SwaggerParameter): JsonSchema {
  const schema: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (!NON_SCHEMA_KEYS.has(k) && !k.startsWith('x-')) schema[k] = v;
  return schema;
}

function paramValidator(spec: OperationSpec, p: SwaggerParameter): Compiled {
  const cacheKey = `${spec.key}|${p.in}|${p.name}`;
  let v = compiledParams.get(cacheKey);
  if (!v) {
    v = compile(spec, p.in === 'body' ? (p.schema ?? {}) : parameterSchema(p));
    compiledParams.set(cacheKey, v);
  }
  return v;
}

function coerceScalar(raw: string, type: unknown): unknown {
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

const SEPARATORS = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' } as const;

/** Turns wire strings into typed values, the way an SP-API server reads them. */
function coerce(p: SwaggerParameter, raw: string | readonly string[]): unknown {
  if (p.type === 'array') {
    const itemType = p.items?.type;
    const parts =
      p.collectionFormat === 'multi'
        ? [...(typeof raw === 'string' ? [raw] : raw)]
        : (typeof raw === 'string' ? [raw] : raw).join(',').split(SEPARATORS[p.collectionFormat ?? 'csv']);
    return parts.map((s) => coerceScalar(s, itemType));
  }
  return coerceScalar(typeof raw === 'string' ? raw : raw.join(','), p.type);
}

function unknownOperation(operationId: string): Violation[] {
  return [{ location: 'operation', pointer: operationId, message: 'unknown operation' }];
}

/**
 * Validates a request against the official model of `operationId`. Returns the violations;
 * an empty list means the request is valid. Undocumented query parameters count as violations,
 * because a client that sends one is relying on behaviour Amazon does not promise.
 */
export function validateRequest(operationId: string, parts: RequestParts): Violation[] {
  const spec = operationSpec(operationId);
  if (!spec) return unknownOperation(operationId);
  const violations: Violation[] = [];
  const query = parts.query ?? {};
  const known = new Set(spec.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of Object.keys(query)) {
    if (!known.has(name) && query[name] !== undefined) {
      violations.push({ location: 'query', pointer: name, message: 'is not a parameter of this operation' });
    }
  }
  for (const p of spec.parameters) {
    if (p.in === 'header' || p.in === 'formData') continue;
    if (p.in === 'body') {
      if (parts.body === undefined) {
        if (p.required) violations.push({ location: 'body', pointer: '', message: 'a request body is required' });
        continue;
      }
      const v = paramValidator(spec, p);
      if (!v(parts.body)) violations.push(...toViolations(v.errors, 'body', ''));
      continue;
    }
    const raw = p.in === 'path' ? parts.path?.[p.name] : query[p.name];
    if (raw === undefined || (p.in === 'query' && raw === '')) {
      if (p.required) violations.push({ location: p.in, pointer: p.name, message: 'is required' });
      continue;
    }
    const v = paramValidator(spec, p);
    if (!v(coerce(p, raw))) violations.push(...toViolations(v.errors, p.in, p.name));
  }
  return violations;
}

function responseValidator(spec: OperationSpec, status: string): Compiled | null | undefined {
  const cacheKey = `${spec.key}|${status}`;
  if (compiledResponses.has(cacheKey)) return compiledResponses.get(cacheKey);
  const response = spec.operation.responses[status] ?? spec.operation.responses.default;
  if (!response) return undefined;
  const v = response.schema ? compile(spec, response.schema) : null;
  compiledResponses.set(cacheKey, v);
  return v;
}

/**
 * Validates a response body for `operationId` and HTTP `status`. `body` is the parsed JSON, or
 * undefined for an empty body. A status the model does not document is itself a violation.
 */
export function validateResponse(operationId: string, status: number, body: unknown): Violation[] {
  const spec = operationSpec(operationId);
  if (!spec) return unknownOperation(operationId);
  const v = responseValidator(spec, String(status));
  if (v === undefined) return [{ location: 'response', pointer: String(status), message: 'status is not documented for this operation' }];
  if (v === null) {
    return body === undefined || body === '' ? [] : [{ location: 'response', pointer: '', message: 'must be empty for this status' }];
  }
  if (body === undefined) return [{ location: 'response', pointer: '', message: 'a response body is required' }];
  return v(body) ? [] : toViolations(v.errors, 'response', '');
}
