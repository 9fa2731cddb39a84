import type { Clock } from '../clock';

export interface RateLimit {
  /** Tokens restored per second. */
  readonly rate: number;
  /** Bucket size. */
  readonly burst: number;
}

/** Default usage plans printed in each operation's description (REFERENCE.md §4). */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  getMarketplaceParticipations: { rate: 0.016, burst: 15 },
  searchCatalogItems: { rate: 2, burst: 2 },
  getCatalogItem: { rate: 2, burst: 2 },
  searchDefinitionsProductTypes: { rate: 5, burst: 10 },
  getDefinitionsProductType: { rate: 5, burst: 10 },
  getListingsItem: { rate: 5, burst: 10 },
  putListingsItem: { rate: 5, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  deleteListingsItem: { rate: 5, burst: 5 },
  searchListingsItems: { rate: 5, burst: 5 },
  getListingsRestrictions: { rate: 5, burst: 10 },
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  getFeeds: { rate: 0.0222, burst: 10 },
  cancelFeed: { rate: 2, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  'ordersV0.getOrder': { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReports: { rate: 0.0222, burst: 10 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  submitInvoice: { rate: 1.133, burst: 25 },
  getInvoiceStatus: { rate: 1.133, burst: 25 },
  listHandoverSlots: { rate: 1, burst: 5 },
  getScheduledPackage: { rate: 1, burst: 5 },
  createScheduledPackage: { rate: 1, burst: 5 },
  updateScheduledPackages: { rate: 1, burst: 5 },
  createScheduledPackageBulk: { rate: 1, burst: 5 },
  getInventorySummaries: { rate: 2, burst: 2 },
};

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** The applied rate, for `x-amzn-RateLimit-Limit`; undefined when the operation is unmetered. */
  readonly limit: number | undefined;
}

/**
 * Server-side token buckets per seller + operation on the simulator's clock, so a VirtualClock
 * refills them without wall time. Usage plans are per application+selling partner on Amazon;
 * the simulator has one application, so seller is enough.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Readonly<Record<string, RateLimit>> = DEFAULT_RATE_LIMITS,
  ) {}

  take(sellerId: string, operationKey: string): RateDecision {
    const limit = this.limits[operationKey];
    if (!limit) return { allowed: true, limit: undefined };
    const key = `${sellerId}|${operationKey}`;
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.rate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return { allowed: false, limit: limit.rate };
    bucket.tokens -= 1;
    return { allowed: true, limit: limit.rate };
  }
}
