import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createLogger } from '../../log/logger';
import type { Clock } from '../clock';
import { operationFor, validateRequest, validateResponse, type Violation } from '../models';
import { errorList, internalError, invalidInput, quotaExceeded, serviceUnavailable } from './api-errors';
import { authenticate } from './auth';
import type { Faults, MalformedKind } from './faults';
import { uuid } from './ids';
import { corruptResponse } from './malformed';
import { unknownMarketplace } from './marketplaces';
import type { ProductTypeRegistry } from './product-types';
import type { RateLimiter } from './rate-limit';
import type { SimStore } from './state';
import type { OperationHandlers, RawRoute, SimRequest, SimResponse } from './types';
import { restrictionsErrorShape } from './restrictions';

const logger = createLogger('amazon/simulator');

/** Feed uploads may be ~10 MiB; leave headroom, refuse anything absurd. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface ServerDeps {
  readonly store: SimStore;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly limiter: RateLimiter;
  readonly productTypes: ProductTypeRegistry;
  readonly handlers: OperationHandlers;
  readonly routes: readonly RawRoute[];
  readonly strictResponses: boolean;
  /** Brings lazily simulated state (feeds, orders, reports) up to the clock. */
  readonly tick: () => void;
  /** Filled once the server listens. */
  baseUrl: string;
  readonly responseViolations: ResponseViolation[];
  /** Requests that broke the models (answered 400); contract tests assert none came from the client. */
  readonly requestViolations: ResponseViolation[];
}

export interface ResponseViolation {
  readonly operation: string;
  readonly status: number;
  readonly violations: readonly Violation[];
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toSimRequest(req: IncomingMessage, raw: Buffer): SimRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query: Record<string, string> = {};
  // Repeated keys are folded into csv, which is how the models expect arrays on the wire.
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  return { method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers, raw, body: undefined };
}

/** SP-API bodies are JSON; presigned uploads keep their raw bytes and are never parsed here. */
function withJsonBody(sim: SimRequest): SimRequest & { jsonError: boolean } {
  if (sim.raw.length === 0) return { ...sim, jsonError: false };
  try {
    return { ...sim, body: JSON.parse(sim.raw.toString('utf8')) as unknown, jsonError: false };
  } catch {
    return { ...sim, jsonError: true };
  }
}

function send(res: ServerResponse, requestId: string, response: SimResponse, rateLimit?: number): void {
  const headers: Record<string, string> = { 'x-amzn-RequestId': requestId, ...(response.headers ?? {}) };
  // Best effort, as on Amazon: only 2xx/400/404 carry the applied rate.
  if (rateLimit !== undefined && (response.status < 300 || response.status === 400 || response.status === 404)) {
    headers['x-amzn-RateLimit-Limit'] = String(rateLimit);
  }
  let payload: Buffer;
  if (response.raw) payload = response.raw;
  else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json';
  } else payload = Buffer.alloc(0);
  headers['content-length'] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}

function describe(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.location} ${v.pointer}: ${v.message}`.replace(/\s+/g, ' ').trim()).join('; ');
}

async function handleOperation(deps: ServerDeps, raw: SimRequest, requestId: string, res: ServerResponse): Promise<void> {
  const match = operationFor(raw.method, raw.path);
  if (!match) {
    send(res, requestId, errorList(404, [{ code: 'NotFound', message: `No SP-API operation at ${raw.method} ${raw.path}.` }]));
    return;
  }
  const sim = withJsonBody(raw);
  const auth = authenticate(sim, deps.store, deps.clock);
  if (!auth.ok) {
    send(res, requestId, checked(deps, match.key, auth.response));
    return;
  }
  let malformed: MalformedKind | undefined;
  switch (deps.faults.pick()) {
    case 'malformed':
      malformed = deps.faults.malformedKind();
      break;
    case 'reset':
      res.socket?.destroy();
      return;
    case '5xx':
      send(res, requestId, checked(deps, match.key, deps.faults.serverErrorStatus() === 500 ? internalError() : serviceUnavailable()));
      return;
    case '429':
      send(res, requestId, checked(deps, match.key, quotaExceeded()));
      return;
    case 'slow':
      await deps.clock.sleep(deps.faults.slowMs);
      break;
    case undefined:
      break;
  }
  const decision = deps.limiter.take(auth.sellerId, match.key);
  if (!decision.allowed) {
    send(res, requestId, checked(deps, match.key, quotaExceeded()));
    return;
  }
  const response = checked(deps, match.key, await respond(deps, sim, match, auth.sellerId));
  // Broken after the strict check: the fault is the wire's, not a simulator contract violation.
  const delivered = malformed && response.status >= 200 && response.status < 300 ? corruptResponse(response, malformed) : response;
  send(res, requestId, delivered, decision.limit);
}

async function respond(
  deps: ServerDeps,
  sim: SimRequest & { jsonError: boolean },
  match: NonNullable<ReturnType<typeof operationFor>>,
  sellerId: string,
): Promise<SimResponse> {
  if (sim.jsonError) return invalidInput(match.model, 'The request body is not valid JSON.');
  const violations = validateRequest(match.key, { path: match.pathParams, query: sim.query, body: sim.body });
  if (violations.length > 0) {
    deps.requestViolations.push({ operation: match.key, status: 400, violations });
    return invalidInput(match.model, describe(violations));
  }
  const marketplace = unknownMarketplace(match.model, sim.query, sim.body);
  if (marketplace) return marketplace;
  const handler = deps.handlers[match.key];
  if (!handler)
    return errorList(403, [
      { code: 'Unauthorized', message: 'Access to requested resource is denied.', details: `${match.key} is not offered by the simulator.` },
    ]);
  deps.tick();
  return handler({
    req: sim,
    pathParams: match.pathParams,
    sellerId,
    store: deps.store,
    clock: deps.clock,
    faults: deps.faults,
    productTypes: deps.productTypes,
    baseUrl: deps.baseUrl,
  });
}

/** In strict mode a response that breaks the official model is a simulator bug: fail loudly. */
function checked(deps: ServerDeps, key: string, answer: SimResponse): SimResponse {
  const response = restrictionsErrorShape(key, answer);
  if (!deps.strictResponses) return response;
  const violations = validateResponse(key, response.status, response.body);
  if (violations.length === 0) return response;
  deps.responseViolations.push({ operation: key, status: response.status, violations });
  logger.error(`simulator response for ${key} (${response.status}) violates the model: ${describe(violations)}`);
  return errorList(500, [{ code: 'SimulatorContractViolation', message: `Response for ${key} violates the official model.`, details: describe(violations) }]);
}

export function createSimulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const requestId = uuid();
    void (async () => {
      try {
        const sim = toSimRequest(req, await readBody(req));
        const route = deps.routes.find((r) => r.method === sim.method && r.pattern.test(sim.path));
        if (route) {
          deps.tick();
          const env = { store: deps.store, clock: deps.clock, productTypes: deps.productTypes, baseUrl: deps.baseUrl };
          send(res, requestId, await route.handle(sim, route.pattern.exec(sim.path) as RegExpExecArray, env));
          return;
        }
        await handleOperation(deps, sim, requestId, res);
      } catch (err) {
        logger.error('simulator request failed', err);
        // In strict mode a crash is as much a contract failure as a malformed body.
        if (deps.strictResponses) {
          deps.responseViolations.push({
            operation: `${req.method ?? ''} ${req.url ?? ''}`,
            status: 500,
            violations: [{ location: 'response', pointer: '', message: String(err) }],
          });
        }
        if (!res.headersSent) send(res, requestId, internalError());
        else res.destroy();
      }
    })();
  });
}
