import type { MalformedKind } from './faults';
import type { SimResponse } from './types';

/** What a misbehaving proxy or captive portal answers instead of Amazon's JSON. */
const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>\n';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of a different JSON type than the one given, so any schema for the original rejects it. */
function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 404;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { length: value.length };
  if (isPlainObject(value)) return [String(Object.keys(value).length)];
  return 'null';
}

function jsonBody(status: number, text: string, headers: SimResponse['headers']): SimResponse {
  return { status, raw: Buffer.from(text), headers: { ...headers, 'content-type': 'application/json' } };
}

/**
 * The answer with its status and headers kept and its body broken the requested way. A body with
 * nothing to remove or retype (empty, or not an object) is cut short instead, so every injected
 * fault really breaks the body and a test counting faults can expect a client error for each.
 */
export function corruptResponse(response: SimResponse, kind: MalformedKind): SimResponse {
  const { status } = response;
  const headers = response.headers ?? {};
  const body = response.body;
  const fields = isPlainObject(body) ? Object.keys(body) : [];
  if (kind === 'html') return { status, raw: Buffer.from(HTML_PAGE), headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } };
  if (kind === 'missing-fields' && fields.length > 0) return jsonBody(status, '{}', headers);
  if (kind === 'wrong-types' && isPlainObject(body) && fields.length > 0) {
    return jsonBody(status, JSON.stringify(Object.fromEntries(fields.map((k) => [k, otherType(body[k])]))), headers);
  }
  const text = response.raw ? response.raw.toString('utf8') : JSON.stringify(body ?? { payload: null });
  // Cut inside the document: a truncated transfer or a proxy that dropped the connection's tail.
  return jsonBody(status, text.length >= 2 ? text.slice(0, Math.floor(text.length / 2)) : '{"payload":', headers);
}
