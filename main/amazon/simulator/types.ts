import type { Clock } from '../clock';
import type { Faults } from './faults';
import type { ProductTypeRegistry } from './product-types';
import type { SimStore } from './state';

/** A request as the simulator's handlers see it: the body already read, the query flattened. */
export interface SimRequest {
  readonly method: string;
  /** Path without the query string, still URL-encoded. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly raw: Buffer;
  /** The JSON body when the request sent one; undefined otherwise. */
  readonly body: unknown;
}

export interface SimResponse {
  readonly status: number;
  /** Serialised as JSON unless `raw` is given. */
  readonly body?: unknown;
  readonly raw?: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What every SP-API operation handler receives. */
export interface OperationContext {
  readonly req: SimRequest;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The selling partner the access token belongs to. */
  readonly sellerId: string;
  readonly store: SimStore;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly productTypes: ProductTypeRegistry;
  /** Base URL of this simulator (for presigned document links). */
  readonly baseUrl: string;
}

export type OperationHandler = (ctx: OperationContext) => SimResponse | Promise<SimResponse>;

/** Handlers keyed by operation key (see models/operations.ts). */
export type OperationHandlers = Readonly<Record<string, OperationHandler>>;

/** A non-SP-API route served by the simulator (LWA, presigned uploads/downloads, schema links). */
export interface RawRoute {
  readonly method: string;
  readonly pattern: RegExp;
  handle(req: SimRequest, match: RegExpExecArray, env: RawRouteEnv): SimResponse | Promise<SimResponse>;
}

export interface RawRouteEnv {
  readonly store: SimStore;
  readonly clock: Clock;
  readonly productTypes: ProductTypeRegistry;
  readonly baseUrl: string;
}

export function json(status: number, body: unknown, headers?: Readonly<Record<string, string>>): SimResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** Splits a csv query value; undefined/empty gives an empty list. */
export function csv(value: string | undefined): string[] {
  return value ? value.split(',').filter((v) => v !== '') : [];
}

let lastMs = Number.NaN;
let lastIso = '';

/** ISO 8601 of a time; a feed's thousands of items share one time, so the last one is kept. */
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
