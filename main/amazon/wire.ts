import { z } from 'zod';
import type { AmazonError } from './errors';
import { NetworkError } from './errors';

/** Query values as callers give them; arrays go out comma-separated (`collectionFormat: csv`). */
export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** The query as the server reads it after decoding: undefined and empty arrays dropped, arrays as csv. */
export function serializeQuery(query: Query | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[name] = value.join(',');
    } else {
      out[name] = String(value);
    }
  }
  return out;
}

/**
 * The query string. Array elements are encoded one by one and joined with literal commas, so a
 * comma inside a value (%2C) stays distinguishable from the csv separator.
 */
export function buildQueryString(query: Query | undefined): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`${encodeURIComponent(name)}=${value.map((v) => encodeURIComponent(v)).join(',')}`);
    } else {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Fills `{name}` placeholders; each value is encoded whole, so a SKU with `/` stays one segment. */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/**
 * `AppName/Version (Language=TypeScript/Node x.y; Platform=OS/release)`, the format Amazon asks
 * for, capped at its 500-character limit.
 */
export function defaultUserAgent(appVersion: string): string {
  return `Vitrine/${appVersion} (Language=TypeScript/Node ${process.versions.node}; Platform=${process.platform}/${process.arch})`.slice(0, 500);
}

const amazonErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.string().optional() });
const errorListSchema = z.array(amazonErrorSchema);
const errorBodySchema = z.object({ errors: errorListSchema });

/**
 * Amazon's error entries from a failed response. Most models wrap them as `{errors:[…]}` (v0
 * also adds `payload`); the listings-restrictions 400 is a bare array. Entries are kept verbatim.
 */
export function extractAmazonErrors(body: unknown): AmazonError[] {
  const wrapped = errorBodySchema.safeParse(body);
  if (wrapped.success) return wrapped.data.errors;
  const bare = errorListSchema.safeParse(body);
  return bare.success ? bare.data : [];
}

export type ParsedBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

/** Empty bodies (204, some DELETEs) parse to undefined; anything else must be JSON. */
export function parseJsonBody(text: string, contentType: string | null): ParsedBody {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const kind = contentType?.includes('html') || /^\s*</.test(text) ? 'an HTML page' : 'malformed JSON';
    return { ok: false, problem: `body is ${kind}` };
  }
}

export function snippet(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Errors that mean the connection never carried our request: safe to repeat any request. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED']);

/** Turns whatever fetch threw into a NetworkError; rethrows the caller's own abort unchanged. */
export function toNetworkError(operationId: string, error: unknown, callerSignal?: AbortSignal): NetworkError {
  if (callerSignal?.aborted) throw callerSignal.reason;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new NetworkError(operationId, 'timeout', true, { cause: error });
  if (name === 'AbortError') return new NetworkError(operationId, 'aborted', true, { cause: error });
  const code = errorCode(error);
  return new NetworkError(operationId, 'connection', !(code !== undefined && NOT_SENT_CODES.has(code)), { cause: error });
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
