import type { Clock } from '../clock';
import { unauthorized } from './api-errors';
import { tokenMaterial } from './ids';
import type { SimStore } from './state';
import type { RawRoute, SimRequest, SimResponse } from './types';

/** Access tokens live one hour on the simulator's clock, as on Amazon (REFERENCE.md §1). */
export const ACCESS_TOKEN_TTL_S = 3600;

function lwaError(status: number, error: string, description: string): SimResponse {
  return { status, body: { error, error_description: description } };
}

/** LWA accepts form-urlencoded (documented) and JSON (Amazon's own Java/C# helpers). */
function readFields(req: SimRequest): Record<string, string> | undefined {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const text = req.raw.toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (type.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function pruneExpired(store: SimStore, now: number): void {
  for (const [token, record] of Object.entries(store.data.accessTokens)) {
    if (record.expiresAt <= now) delete store.data.accessTokens[token];
  }
}

/** POST /auth/o2/token: refresh_token and client_credentials grants. */
export function exchangeToken(req: SimRequest, store: SimStore, clock: Clock): SimResponse {
  const fields = readFields(req);
  if (!fields) return lwaError(400, 'invalid_request', 'The request body must be form-urlencoded or JSON.');
  const { grant_type: grantType, client_id: clientId, client_secret: clientSecret } = fields;
  if (!grantType || !clientId || !clientSecret) {
    return lwaError(400, 'invalid_request', 'The request is missing a required parameter : grant_type, client_id or client_secret');
  }
  const app = store.data.apps[clientId];
  if (!app || app.clientSecret !== clientSecret) return lwaError(401, 'invalid_client', 'Client authentication failed');
  const now = clock.now();
  const expiresAt = now + ACCESS_TOKEN_TTL_S * 1000;
  const accessToken = `Atza|${tokenMaterial(160)}`;
  if (grantType === 'refresh_token') {
    if (fields.scope) return lwaError(400, 'invalid_request', 'refresh_token and scope cannot be sent together');
    const refreshToken = fields.refresh_token ?? '';
    const grant = store.data.refreshTokens[refreshToken];
    if (!grant || grant.clientId !== clientId) return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
    pruneExpired(store, now);
    store.data.accessTokens[accessToken] = { sellerId: grant.sellerId, clientId, expiresAt };
    store.markDirty();
    return { status: 200, body: { access_token: accessToken, refresh_token: refreshToken, token_type: 'bearer', expires_in: ACCESS_TOKEN_TTL_S } };
  }
  if (grantType === 'client_credentials') {
    if (!fields.scope?.startsWith('sellingpartnerapi::')) return lwaError(400, 'invalid_scope', 'An unknown scope was requested');
    pruneExpired(store, now);
    store.data.accessTokens[accessToken] = { clientId, expiresAt };
    store.markDirty();
    return { status: 200, body: { access_token: accessToken, scope: fields.scope, token_type: 'bearer', expires_in: ACCESS_TOKEN_TTL_S } };
  }
  return lwaError(400, 'unsupported_grant_type', `The authorization grant type is not supported: ${grantType}`);
}

export const lwaRoute: RawRoute = {
  method: 'POST',
  pattern: /^\/auth\/o2\/token\/?$/,
  handle: (req, _match, env) => exchangeToken(req, env.store, env.clock),
};

export type AuthResult = { readonly ok: true; readonly sellerId: string } | { readonly ok: false; readonly response: SimResponse };

/** Checks `x-amz-access-token` the way SP-API does: 403 Unauthorized with a reason in `details`. */
export function authenticate(req: SimRequest, store: SimStore, clock: Clock): AuthResult {
  const header = req.headers['x-amz-access-token'];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) return { ok: false, response: unauthorized('Access token is missing in the request header.') };
  const record = store.data.accessTokens[token];
  if (!record) return { ok: false, response: unauthorized('The access token you provided is revoked, malformed or invalid.') };
  if (record.expiresAt <= clock.now()) return { ok: false, response: unauthorized('The access token you provided has expired.') };
  if (!record.sellerId) return { ok: false, response: unauthorized('This operation requires a selling partner authorization.') };
  return { ok: true, sellerId: record.sellerId };
}
