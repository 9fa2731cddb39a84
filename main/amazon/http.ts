import type { z } from 'zod';
import type { Clock } from './clock';
import type { LwaTokenProvider } from './lwa';
import type { RateLimiter } from './rate-limit';
import type { OperationSpec } from './operations';
import type { Query } from './wire';
import { LwaError, NetworkError, OutcomeUnknownError, ResponseFormatError, SpApiError } from './errors';
import { buildQueryString, extractAmazonErrors, fillPath, parseJsonBody, serializeQuery, snippet, toNetworkError } from './wire';
import { createLogger } from '../log/logger';

const logger = createLogger('amazon/http');

/** One request/response pair as it crossed the wire; contract tests validate both against the models. */
export interface Exchange {
  readonly operationId: string;
  readonly model: string;
  readonly method: string;
  /** Path as sent (placeholders filled, URL-encoded). */
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query as sent: arrays already joined with commas. */
  readonly query: Readonly<Record<string, string>>;
  readonly requestBody: unknown;
  readonly status: number;
  readonly responseBody: unknown;
  readonly requestId?: string;
}

export interface HttpPipelineOptions {
  readonly baseUrl: string;
  readonly tokens: LwaTokenProvider;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly fetch: typeof fetch;
  readonly userAgent: string;
  /** Per attempt, wall-clock: a network stall is real time even when the Clock is virtual. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly onExchange?: (exchange: Exchange) => void;
  /** Jitter source in [0, 1); injectable for deterministic tests. */
  readonly random?: () => number;
}

export interface CallOptions<T> {
  readonly spec: OperationSpec;
  readonly bucketKeys: readonly string[];
  readonly pathParams?: Readonly<Record<string, string>>;
  readonly query?: Query;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  /** Overrides spec.idempotent for this call (a PATCH made only of replace/delete ops). */
  readonly idempotent?: boolean;
  readonly signal?: AbortSignal;
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/**
 * The request pipeline every operation goes through: rate-limit token, LWA token, the call with a
 * timeout, then classification. Retry policy, in order:
 *  - 429: Amazon rejected the call before doing anything, so any operation is retried after
 *    draining our bucket (Amazon's is empty) and an exponential, jittered back-off.
 *  - LWA failures and connections that never opened: nothing reached Amazon; retried likewise.
 *  - 500/502/503/504, timeouts and resets: retried only for idempotent operations. For a
 *    non-idempotent write (createFeed, confirmShipment) the request may already have been applied,
 *    so we stop and throw OutcomeUnknownError; repeating it is the caller's decision after
 *    reconciling (feeds: findFeedByDocumentId), never an automatic one.
 *  - 403 saying the access token expired or was revoked: the token is dropped and the call
 *    repeated once (an auth rejection is not processed either).
 */
export class HttpPipeline {
  private readonly random: () => number;

  constructor(private readonly options: HttpPipelineOptions) {
    this.random = options.random ?? Math.random;
  }

  async call<T>(call: CallOptions<T>): Promise<T> {
    const idempotent = call.idempotent ?? call.spec.idempotent;
    let retries = 0;
    let refreshedToken = false;
    for (;;) {
      try {
        return await this.attempt(call);
      } catch (error) {
        if (error instanceof ExpiredTokenError) {
          if (!refreshedToken) {
            refreshedToken = true;
            this.options.tokens.invalidate(error.token);
            continue;
          }
          throw error.cause;
        }
        const decision = this.retryDecision(call.spec, error, idempotent);
        if (decision === 'unknown') throw new OutcomeUnknownError(call.spec.operationId, { cause: error });
        if (decision === 'fail' || retries >= this.options.maxRetries) throw error;
        const delay = this.backoffMs(retries);
        logger.info('retrying', { operationId: call.spec.operationId, attempt: retries + 1, delayMs: delay, reason: describe(error) });
        retries += 1;
        await this.options.clock.sleep(delay, call.signal);
      }
    }
  }

  private retryDecision(spec: OperationSpec, error: unknown, idempotent: boolean): 'retry' | 'fail' | 'unknown' {
    if (error instanceof LwaError) return error.retryable ? 'retry' : 'fail';
    if (error instanceof SpApiError) {
      if (error.status === 429) return 'retry';
      if (!RETRYABLE_STATUSES.has(error.status)) return 'fail';
      return idempotent ? 'retry' : 'unknown';
    }
    if (error instanceof NetworkError) {
      if (!error.sent) return 'retry';
      return idempotent ? 'retry' : 'unknown';
    }
    if (error instanceof ResponseFormatError && !idempotent && spec.method !== 'GET') {
      // A 2xx whose body we cannot read: the write happened but we lack its result (e.g. feedId).
      return error.status >= 200 && error.status < 300 ? 'unknown' : 'fail';
    }
    return 'fail';
  }

  private backoffMs(retry: number): number {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry);
    // Equal jitter: at least half the exponential step, so retries still back off, plus a random
    // half that spreads clients which failed together so they do not retry together.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private async attempt<T>(call: CallOptions<T>): Promise<T> {
    const release = await this.options.limiter.acquire(call.bucketKeys, call.signal);
    // Released as soon as the answer is in (inside send) or, at the latest, here; release is idempotent.
    try {
      return await this.send(call, release);
    } finally {
      release();
    }
  }

  private async send<T>(call: CallOptions<T>, release: () => void): Promise<T> {
    const { spec } = call;
    const { clock, limiter } = this.options;
    const token = await this.options.tokens.getAccessToken();
    const path = fillPath(spec.path, call.pathParams);
    const query = serializeQuery(call.query);
    const url = `${this.options.baseUrl}${path}${buildQueryString(call.query)}`;
    const headers: Record<string, string> = {
      'x-amz-access-token': token,
      'user-agent': this.options.userAgent,
      accept: 'application/json',
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const startedAt = clock.now();

    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, {
        method: spec.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw toNetworkError(spec.operationId, error, call.signal);
    } finally {
      release();
    }

    const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
    const parsed = parseJsonBody(text, response.headers.get('content-type'));
    const responseBody = parsed.ok ? parsed.value : text;
    logger.debug('exchange', { operationId: spec.operationId, status: response.status, requestId, ms: clock.now() - startedAt });
    this.options.onExchange?.({
      operationId: spec.operationId,
      model: spec.model,
      method: spec.method,
      path,
      pathParams: call.pathParams ?? {},
      query,
      requestBody: call.body,
      status: response.status,
      responseBody,
      requestId,
    });

    // The header describes the operation's own plan, never the extra JSON_LISTINGS_FEED cap.
    const [ownBucket] = call.bucketKeys;
    if (ownBucket) limiter.observeLimitHeader(ownBucket, response.headers.get('x-amzn-ratelimit-limit'));

    if (!response.ok) throw this.refusal(call, response, parsed, text, token, requestId);
    if (!parsed.ok) throw new ResponseFormatError(spec.operationId, response.status, parsed.problem, snippet(text), requestId);
    const validated = call.schema.safeParse(parsed.value);
    if (!validated.success) {
      const problem = validated.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw new ResponseFormatError(spec.operationId, response.status, problem, snippet(text), requestId);
    }
    return validated.data;
  }
  /** Amazon's refusal of a call, as the SpApiError the caller sees (the limiter and the log told). */
  private refusal<T>(
    call: CallOptions<T>,
    response: Response,
    parsed: ReturnType<typeof parseJsonBody>,
    text: string,
    token: string,
    requestId: string | undefined,
  ): Error {
    const { spec } = call;
    const errors = parsed.ok ? extractAmazonErrors(parsed.value) : [];
    const fallback =
      errors.length > 0
        ? errors
        : [{ code: `HTTP_${response.status}`, message: response.statusText || `HTTP ${response.status}`, details: snippet(text, 200) }];
    const error = new SpApiError({
      operationId: spec.operationId,
      status: response.status,
      errors: fallback,
      requestId,
      retryable: RETRYABLE_STATUSES.has(response.status),
    });
    if (response.status === 429) for (const key of call.bucketKeys) this.options.limiter.throttled(key);
    if (response.status === 403 && isExpiredToken(error)) return new ExpiredTokenError(token, error);
    logger.warn('amazon error', { operationId: spec.operationId, status: response.status, code: error.code, requestId });
    return error;
  }
}

/** Internal signal: Amazon rejected our access token as expired; refresh and try once more. */
class ExpiredTokenError extends Error {
  constructor(
    readonly token: string,
    override readonly cause: SpApiError,
  ) {
    super('access token expired');
  }
}

/**
 * "The access token you provided has expired" — and, after the seller revoked the app, "…is
 * revoked, malformed or invalid": a fresh exchange either works or gets LWA's own verdict
 * (invalid_grant), which then stops the account instead of a bare 403.
 */
function isExpiredToken(error: SpApiError): boolean {
  return error.errors.some((e) => /expired|revoked/i.test(`${e.message} ${e.details ?? ''}`));
}

function describe(error: unknown): string {
  if (error instanceof SpApiError) return `${error.status} ${error.code}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
