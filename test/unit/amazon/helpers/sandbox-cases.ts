import { isDeepStrictEqual } from 'node:util';
import { MODELS } from '../../../../main/amazon/models/spec-files';
import { OPERATIONS } from '../../../../main/amazon/operations';
import type { OperationName, OperationSpec } from '../../../../main/amazon/operations';
import type { SeenRequest } from './fake-amazon';

/** One `x-amzn-api-sandbox.static` entry of an official model, for an operation the client uses. */
export interface SandboxCase {
  readonly name: string;
  readonly operation: OperationName;
  readonly spec: OperationSpec;
  readonly status: number;
  /** Listed parameter name → value (`body` is the JSON body); absent `value` means "any". */
  readonly parameters: Readonly<Record<string, { readonly value?: unknown }>>;
  readonly response: unknown;
}

interface RawOperation {
  readonly operationId?: string;
  readonly responses?: Record<string, { 'x-amzn-api-sandbox'?: { static?: { request: { parameters: SandboxCase['parameters'] }; response: unknown }[] } }>;
}

export function loadSandboxCases(): SandboxCase[] {
  const cases: SandboxCase[] = [];
  for (const [operation, spec] of Object.entries(OPERATIONS) as [OperationName, OperationSpec][]) {
    const doc = MODELS[spec.model] as unknown as { paths: Record<string, Record<string, RawOperation>> };
    const raw = doc.paths[spec.path]?.[spec.method.toLowerCase()];
    if (!raw || raw.operationId !== spec.operationId) throw new Error(`${operation} not found in ${spec.model}`);
    for (const [status, response] of Object.entries(raw.responses ?? {})) {
      (response['x-amzn-api-sandbox']?.static ?? []).forEach((c, i) => {
        cases.push({
          name: `${operation} ${status} #${i + 1}`,
          operation,
          spec,
          status: Number(status),
          parameters: c.request.parameters,
          response: c.response,
        });
      });
    }
  }
  return cases;
}

function pathParams(spec: OperationSpec, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => {
    names.push(n);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
}

function matches(c: SandboxCase, request: SeenRequest, params: Record<string, string>): boolean {
  for (const [name, listed] of Object.entries(c.parameters)) {
    if (!('value' in listed)) continue;
    const expected = listed.value;
    if (name === 'body' || name === 'payload') {
      if (!isDeepStrictEqual(request.json, expected)) return false;
      continue;
    }
    const raw = params[name] ?? request.query.get(name);
    if (raw === null || raw === undefined) return false;
    const actual = Array.isArray(expected) ? raw.split(',') : raw;
    const wanted = Array.isArray(expected) ? expected.map(String) : String(expected);
    if (!isDeepStrictEqual(actual, wanted)) return false;
  }
  return true;
}

/**
 * The static sandbox's rule: among the cases of the requested operation, reply with the most
 * specific one (most listed values) whose listed values all equal the request's.
 */
export function pickCase(cases: readonly SandboxCase[], request: SeenRequest): SandboxCase | undefined {
  let best: { c: SandboxCase; score: number } | undefined;
  for (const c of cases) {
    if (c.spec.method !== request.method) continue;
    const params = pathParams(c.spec, request.path);
    if (!params || !matches(c, request, params)) continue;
    const score = Object.values(c.parameters).filter((p) => 'value' in p).length;
    if (!best || score > best.score) best = { c, score };
  }
  return best?.c;
}
