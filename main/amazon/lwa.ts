import { z } from 'zod';
import type { Clock } from './clock';
import { LwaError } from './errors';
import { toNetworkError } from './wire';
import { createLogger } from '../log/logger';

const logger = createLogger('amazon/lwa');

export interface LwaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface LwaTokenProviderOptions {
  readonly url: string;
  readonly credentials: LwaCredentials;
  readonly clock: Clock;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  /** Refresh this long before expiry so a token never expires between check and use. */
  readonly refreshMarginMs?: number;
  /** Called once when LWA refuses the credentials for good (see isCredentialRejection). */
  readonly onCredentialsRejected?: (error: LwaError) => void;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

const errorResponseSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** LWA codes that a later attempt can cure; everything else needs the seller or the developer. */
const RETRYABLE_LWA_CODES = new Set(['server_error', 'temporarily_unavailable']);

/**
 * LWA codes that mean the stored credentials themselves are refused: the refresh token was revoked
 * or expired (invalid_grant), the client secret was rotated or expired (invalid_client), or the app
 * lost the seller's authorization (unauthorized_client). No retry can cure them; the seller must.
 */
const CREDENTIAL_LWA_CODES: ReadonlySet<string> = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

export function isCredentialRejection(error: unknown): error is LwaError {
  return error instanceof LwaError && CREDENTIAL_LWA_CODES.has(error.error);
}

const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Exchanges the seller's refresh token for an access token and caches it for its hour. Callers
 * arriving while a refresh is in flight share that one request: a burst of 100 calls at startup
 * makes one token exchange, not 100.
 */
export class LwaTokenProvider {
  private cached?: { token: string; expiresAt: number };
  private inFlight?: Promise<string>;
  /** A permanent refusal: every later call fails at once instead of asking LWA again. */
  private rejected?: LwaError;
  private readonly refreshMarginMs: number;

  constructor(private readonly options: LwaTokenProviderOptions) {
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  }

  async getAccessToken(): Promise<string> {
    const cached = this.cached;
    if (cached && this.options.clock.now() < cached.expiresAt - this.refreshMarginMs) return cached.token;
    if (this.rejected) throw this.rejected;
    this.inFlight ??= this.exchange().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Drop the cached token after Amazon said it expired or is invalid (clock skew, revocation). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async exchange(): Promise<string> {
    const { credentials, clock } = this.options;
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    const startedAt = clock.now();
    let response: Response;
    try {
      response = await this.options.fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      // The exchange has no side effect, so a network failure is simply retryable.
      throw new LwaError(0, 'network_error', error instanceof Error ? error.message : String(error), true, { cause: toNetworkError('lwaToken', error) });
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = errorResponseSchema.safeParse(json);
      const code = parsed.success ? parsed.data.error : `http_${response.status}`;
      const description = parsed.success ? (parsed.data.error_description ?? '') : text.slice(0, 200);
      const retryable = RETRYABLE_LWA_CODES.has(code) || response.status === 429 || response.status >= 500;
      logger.warn('token exchange refused', { status: response.status, error: code });
      const error = new LwaError(response.status, code, description, retryable);
      if (isCredentialRejection(error)) {
        this.rejected = error;
        this.options.onCredentialsRejected?.(error);
      }
      throw error;
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new LwaError(response.status, 'invalid_response', 'LWA answered without access_token/expires_in', false);
    }
    // Expiry counts from when we asked, not when the answer arrived: errs on the early side.
    this.cached = { token: parsed.data.access_token, expiresAt: startedAt + parsed.data.expires_in * 1000 };
    logger.debug('access token refreshed', { expiresInSeconds: parsed.data.expires_in });
    return parsed.data.access_token;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
