/**
 * Typed failures of the SP-API client. Amazon's own code, message, details and request id are kept
 * verbatim: the seller sees them next to our translated explanation and support asks for the id.
 */

/** One entry of Amazon's `{"errors":[{code, message, details?}]}` body (the `Error` definition in every model). */
export interface AmazonError {
  readonly code: string;
  readonly message: string;
  readonly details?: string;
}

export interface SpApiErrorInit {
  readonly operationId: string;
  readonly status: number;
  readonly errors: readonly AmazonError[];
  readonly requestId?: string;
  readonly retryable: boolean;
}

/** Amazon answered with a non-2xx status. `code`/`message`/`details` are the first error's, verbatim. */
export class SpApiError extends Error {
  override name = 'SpApiError';
  readonly operationId: string;
  readonly status: number;
  readonly code: string;
  /** Amazon's message, verbatim (`message` itself is prefixed with operation and status for logs). */
  readonly amazonMessage: string;
  readonly details?: string;
  readonly errors: readonly AmazonError[];
  readonly requestId?: string;
  readonly retryable: boolean;

  constructor(init: SpApiErrorInit) {
    const first = init.errors[0] ?? { code: `HTTP_${init.status}`, message: `HTTP ${init.status}` };
    super(`${init.operationId}: ${init.status} ${first.code}: ${first.message}`);
    this.operationId = init.operationId;
    this.status = init.status;
    this.code = first.code;
    this.amazonMessage = first.message;
    this.details = first.details;
    this.errors = init.errors;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
  }
}

/**
 * The body of a response was not what the model promises: malformed JSON, an HTML error page
 * from a proxy, or JSON that fails the response schema. Never retried: repeating the call would
 * most likely get the same body, and for writes the change may already have been applied.
 */
export class ResponseFormatError extends Error {
  override name = 'ResponseFormatError';
  constructor(
    readonly operationId: string,
    readonly status: number,
    readonly problem: string,
    readonly bodySnippet: string,
    readonly requestId?: string,
  ) {
    super(`${operationId}: unexpected response (${status}): ${problem}`);
  }
}

/**
 * LWA refused or failed the token exchange. `error` is LWA's code (invalid_grant, invalid_client, …),
 * or `network_error` when no answer came; then `cause` is the NetworkError saying why.
 */
export class LwaError extends Error {
  override name = 'LwaError';
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`LWA token exchange failed (${status}): ${error}${description ? `: ${description}` : ''}`, options);
  }
}

/**
 * The request got no HTTP answer. `sent` is false only when we know it never left the machine
 * (DNS failure, connection refused), which makes even a non-idempotent write safe to repeat.
 */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    readonly operationId: string,
    readonly reason: 'timeout' | 'connection' | 'aborted',
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(`${operationId}: network ${reason}${sent ? '' : ' (request not sent)'}`, options);
  }
}

/**
 * A non-idempotent write (createFeed, confirmShipment) may or may not have been applied: the
 * request may have reached Amazon before the timeout, reset or 5xx. The client never repeats it
 * on its own; the caller reconciles first (for feeds: `findFeedByDocumentId`) and only then decides.
 */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
  constructor(
    readonly operationId: string,
    options: { cause: unknown },
  ) {
    super(`${operationId}: outcome unknown, the request may have been applied; reconcile before repeating it`, options);
  }
}

/** The caller asked for something the API cannot accept (e.g. 21 identifiers); nothing was sent. */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
  constructor(
    readonly operationId: string,
    readonly problem: string,
  ) {
    super(`${operationId}: ${problem}`);
  }
}

/**
 * S3/CloudFront answered with an error (XML body, not SP-API JSON). A 403 on a document URL
 * usually means the 5-minute presigned URL expired: ask Amazon for a fresh one.
 */
export class TransferStatusError extends Error {
  override name = 'TransferStatusError';
  readonly bodySnippet: string;
  constructor(
    readonly operationId: string,
    readonly status: number,
    body: string,
  ) {
    super(`${operationId}: document URL answered ${status}`);
    this.bodySnippet = body.length > 300 ? `${body.slice(0, 300)}…` : body;
  }
}

export type AmazonClientError = SpApiError | ResponseFormatError | LwaError | NetworkError | OutcomeUnknownError | InvalidRequestError | TransferStatusError;

export function isAmazonClientError(error: unknown): error is AmazonClientError {
  return (
    error instanceof SpApiError ||
    error instanceof ResponseFormatError ||
    error instanceof LwaError ||
    error instanceof NetworkError ||
    error instanceof OutcomeUnknownError ||
    error instanceof InvalidRequestError ||
    error instanceof TransferStatusError
  );
}
