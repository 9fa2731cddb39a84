import type { SpApiClient } from '../amazon/client';
import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { listRecheckCandidates, saveRecheck, type SyncIssue } from '../db/tables/sync-listings';

/** searchListingsItems takes at most 20 identifiers per call. */
export const SKUS_PER_CALL = 20;

export interface RecheckOptions {
  readonly db: Db;
  readonly client: Pick<SpApiClient, 'searchListingsItems'>;
  readonly clock: Clock;
  readonly accountId: string;
  readonly sellerId: string;
  readonly marketplaceId: string;
  /** Calls this pass may spend (5/s plan, shared with the rest of the app). */
  readonly maxCalls: number;
  readonly issueLocale?: string;
  readonly signal?: AbortSignal;
}

/**
 * DONE is not "accepted for good": Amazon may raise issues after processing. Re-reads recently
 * sent listings, newest first, 20 SKUs per searchListingsItems call and never more calls than
 * the budget; a listing that now carries an ERROR issue turns to "error" with Amazon's words.
 * Returns how many calls it made.
 */
export async function recheckListings(options: RecheckOptions): Promise<number> {
  const skus = listRecheckCandidates(options.db, options.accountId, options.marketplaceId, options.maxCalls * SKUS_PER_CALL);
  let calls = 0;
  for (let i = 0; i < skus.length && calls < options.maxCalls; i += SKUS_PER_CALL) {
    if (options.signal?.aborted) break;
    const batch = skus.slice(i, i + SKUS_PER_CALL);
    calls += 1;
    const page = await options.client.searchListingsItems({
      sellerId: options.sellerId,
      marketplaceIds: [options.marketplaceId],
      identifiers: batch,
      identifiersType: 'SKU',
      includedData: ['summaries', 'issues'],
      pageSize: SKUS_PER_CALL,
      ...(options.issueLocale ? { issueLocale: options.issueLocale } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const now = options.clock.now();
    for (const item of page.items) {
      const issues: SyncIssue[] = (item.issues ?? []).map((i) => ({
        code: i.code,
        message: i.message,
        severity: i.severity,
        ...(i.attributeNames?.[0] ? { attributeName: i.attributeNames[0] } : {}),
      }));
      const asin = item.summaries?.find((s) => s.asin)?.asin;
      saveRecheck(options.db, options.accountId, options.marketplaceId, item.sku, { ...(asin ? { asin } : {}), issues }, now);
    }
  }
  return calls;
}
