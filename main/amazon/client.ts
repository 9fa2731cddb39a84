import type { Clock } from './clock';
import type { Exchange } from './http';
import type { Invoke } from './api/invoke';
import type { LwaCredentials } from './lwa';
import type { LwaError } from './errors';
import type { Region } from './regions';
import type { BucketLimits } from './rate-limit';
import type { FeedDocument } from './api/feeds';
import type { ReportDocument } from './api/reports';
import type { SchemaLink } from './api/definitions';
import { systemClock } from './clock';
import { HttpPipeline } from './http';
import { LwaTokenProvider } from './lwa';
import { RateLimiter } from './rate-limit';
import { DocumentTransfer } from './documents';
import { JSON_LISTINGS_FEED_BUCKET, OPERATIONS } from './operations';
import type { OperationSpec } from './operations';
import { LWA_TOKEN_URL, regionBaseUrl } from './regions';
import { defaultUserAgent } from './wire';
import { sellersApi } from './api/sellers';
import { catalogApi } from './api/catalog';
import { definitionsApi } from './api/definitions';
import { listingsApi } from './api/listings';
import { restrictionsApi } from './api/restrictions';
import { feedsApi } from './api/feeds';
import { ordersApi } from './api/orders';
import { reportsApi } from './api/reports';
import { invoicesApi } from './api/invoices';
import { easyShipApi } from './api/easy-ship';
import { fbaInventoryApi } from './api/fba-inventory';

/**
 * Where the client talks to: a region (production or Amazon's static sandbox) or explicit URLs
 * (the offline simulator on 127.0.0.1). Nothing else differs between the three.
 */
export type SpApiEndpoint = { readonly region: Region; readonly sandbox?: boolean } | { readonly baseUrl: string; readonly lwaUrl: string };

export interface SpApiClientOptions {
  readonly endpoint: SpApiEndpoint;
  readonly credentials: LwaCredentials;
  /** Drives rate limiting and back-off; a VirtualClock makes both cost no wall time. */
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
  readonly userAgent?: string;
  /** App version for the default user-agent. */
  readonly appVersion?: string;
  /**
   * Called for every HTTP answer, errors and retried attempts included (contract tests validate
   * each against the models); attempts that got no answer (timeout, reset) are not reported. An
   * exception thrown here fails the call, so a validating hook cannot be ignored by accident.
   */
  readonly onExchange?: (exchange: Exchange) => void;
  /** Per attempt, wall-clock. */
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** Jitter source for back-off, [0, 1). */
  readonly random?: () => number;
  /**
   * LWA refused the credentials for good (revoked refresh token, rotated client secret): called
   * once; every later call of this client then fails at once with the same LwaError.
   */
  readonly onCredentialsRejected?: (error: LwaError) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 5;

/** Rate-limit key per operation; two models both call theirs `getOrder`. */
export function bucketKey(spec: OperationSpec): string {
  return `${spec.model}:${spec.operationId}`;
}

function defaultLimits(): Map<string, BucketLimits> {
  const limits = new Map<string, BucketLimits>();
  for (const spec of Object.values(OPERATIONS)) limits.set(bucketKey(spec), { rate: spec.rate, burst: spec.burst });
  limits.set(JSON_LISTINGS_FEED_BUCKET.key, { rate: JSON_LISTINGS_FEED_BUCKET.rate, burst: JSON_LISTINGS_FEED_BUCKET.burst });
  return limits;
}

/** One client per seller account (one refresh token, one region): token and buckets are per account. */
export function createSpApiClient(options: SpApiClientOptions) {
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const { endpoint } = options;
  const baseUrl = 'baseUrl' in endpoint ? endpoint.baseUrl.replace(/\/+$/, '') : regionBaseUrl(endpoint.region, endpoint.sandbox);
  const lwaUrl = 'baseUrl' in endpoint ? endpoint.lwaUrl : LWA_TOKEN_URL;

  const tokens = new LwaTokenProvider({
    url: lwaUrl,
    credentials: options.credentials,
    clock,
    fetch: fetchImpl,
    timeoutMs,
    ...(options.onCredentialsRejected ? { onCredentialsRejected: options.onCredentialsRejected } : {}),
  });
  const limiter = new RateLimiter(clock, defaultLimits());
  const http = new HttpPipeline({
    baseUrl,
    tokens,
    limiter,
    clock,
    fetch: fetchImpl,
    userAgent: options.userAgent ?? defaultUserAgent(options.appVersion ?? '0.0.0'),
    timeoutMs,
    maxRetries,
    onExchange: options.onExchange,
    random: options.random,
  });
  const documents = new DocumentTransfer({ fetch: fetchImpl, clock, timeoutMs, maxRetries });

  const invoke: Invoke = (operation, call) => {
    const spec = OPERATIONS[operation];
    return http.call({ ...call, spec, bucketKeys: [bucketKey(spec), ...(call.extraBuckets ?? [])] });
  };

  return {
    baseUrl,
    ...sellersApi(invoke),
    ...catalogApi(invoke),
    ...definitionsApi(invoke),
    ...listingsApi(invoke),
    ...restrictionsApi(invoke),
    ...feedsApi(invoke),
    ...ordersApi(invoke),
    ...reportsApi(invoke),
    ...invoicesApi(invoke),
    ...easyShipApi(invoke),
    ...fbaInventoryApi(invoke),

    /** PUT the feed to createFeedDocument's URL with the very same Content-Type; never gzip. */
    uploadFeedDocument: (url: string, contentType: string, content: Uint8Array | string) => documents.upload(url, contentType, content),

    /** The processing report, inflated when Amazon stored it gzip. */
    downloadFeedDocument: (document: FeedDocument) => documents.download('getFeedDocument', document.url, document.compressionAlgorithm),

    downloadReportDocument: (document: ReportDocument) => documents.download('getReportDocument', document.url, document.compressionAlgorithm),

    /** The zip of Easy Ship labels behind createScheduledPackageBulk's printableDocumentsUrl. */
    downloadEasyShipDocuments: (url: string) => documents.download('createScheduledPackageBulk', url),

    /** The product type JSON schema (or meta-schema) behind getDefinitionsProductType's link. */
    downloadProductTypeSchema: (link: SchemaLink) => documents.downloadJson('getDefinitionsProductType', link.link.resource),

    /** Current applied rate for an operation (after x-amzn-RateLimit-Limit adjustments). */
    currentRate: (operation: keyof typeof OPERATIONS) => limiter.currentRate(bucketKey(OPERATIONS[operation])),
  };
}

export type SpApiClient = ReturnType<typeof createSpApiClient>;
