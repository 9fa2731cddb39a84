import { AppError } from '../errors';
import type { Translator } from '../i18n';
import { InvalidRequestError, LwaError, NetworkError, OutcomeUnknownError, ResponseFormatError, SpApiError, TransferStatusError } from './errors';

/**
 * Turns an SP-API client failure into what the seller sees: a stable code whose localized text
 * (main/i18n/locales/<lang>/amazon.json) explains it in plain words with a fix hint, while
 * Amazon's own code, message and request id are kept verbatim in `details.amazon`.
 */
/**
 * No answer came at all: the name did not resolve, the connection was refused or the network is
 * unreachable, or nothing answered before the timeout. That is this machine's connection (or a
 * firewall), not Amazon refusing anything, and the seller is told so.
 */
function offline(err: NetworkError): boolean {
  return !err.sent || err.reason === 'timeout';
}

export function explainAmazonError(err: unknown): AppError | undefined {
  if (err instanceof LwaError && err.error === 'network_error' && err.cause instanceof NetworkError && offline(err.cause)) {
    return new AppError('NO_INTERNET', { reason: err.cause.reason }, undefined, err.message);
  }
  if (err instanceof LwaError) {
    const code =
      err.error === 'invalid_grant'
        ? 'LWA_INVALID_GRANT'
        : err.error === 'invalid_client'
          ? 'LWA_INVALID_CLIENT'
          : err.error === 'unauthorized_client'
            ? 'LWA_UNAUTHORIZED_CLIENT'
            : err.retryable
              ? 'LWA_UNAVAILABLE'
              : 'LWA_OTHER';
    return new AppError(code, { error: err.error, description: err.description }, { amazon: { code: err.error, message: err.description } }, err.message);
  }
  if (err instanceof SpApiError) {
    const amazon = { code: err.code, message: err.errors[0]?.message ?? '', details: err.details, requestId: err.requestId, status: err.status };
    const code =
      err.status === 403 ? 'SPAPI_UNAUTHORIZED' : err.status === 429 ? 'SPAPI_THROTTLED' : err.status >= 500 ? 'SPAPI_UNAVAILABLE' : 'SPAPI_REJECTED';
    return new AppError(
      code,
      { code: err.code, message: amazon.message, requestId: err.requestId ?? '—', operation: err.operationId },
      { amazon },
      err.message,
    );
  }
  if (err instanceof NetworkError && !err.sent) return new AppError('NO_INTERNET', { reason: err.reason }, undefined, err.message);
  if (err instanceof NetworkError) return new AppError('AMAZON_UNREACHABLE', { operation: err.operationId, reason: err.reason }, undefined, err.message);
  if (err instanceof OutcomeUnknownError) return new AppError('AMAZON_OUTCOME_UNKNOWN', { operation: err.operationId }, undefined, err.message);
  if (err instanceof ResponseFormatError) {
    return new AppError(
      'AMAZON_BAD_RESPONSE',
      { operation: err.operationId, status: err.status, problem: err.problem },
      { snippet: err.bodySnippet },
      err.message,
    );
  }
  if (err instanceof TransferStatusError)
    return new AppError('AMAZON_DOCUMENT_TRANSFER', { operation: err.operationId, status: err.status }, undefined, err.message);
  if (err instanceof InvalidRequestError)
    return new AppError('AMAZON_INVALID_REQUEST', { operation: err.operationId, problem: err.problem }, undefined, err.message);
  return undefined;
}

/** Rethrows client failures as explained AppErrors; anything else passes through untouched. */
export async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw explainAmazonError(err) ?? err;
  }
}

/**
 * What an issue Amazon raised on a listing means for the seller, by Amazon's code
 * (`sync.explain.<code>`: 8106 an invalid product code, 90220 a missing value…), or the general
 * advice to read Amazon's message, which is always shown beside it verbatim.
 */
export function explainListingIssue(translator: Pick<Translator, 't' | 'has'>, code: string): string {
  const key = `sync.explain.${code}`;
  return translator.has(key) ? translator.t(key) : translator.t('sync.explain.other');
}
