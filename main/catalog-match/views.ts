import type { Db } from '../db/connection';
import { catalogMatchCounts, catalogMatchesOf } from '../db/tables/catalog-matches';
import type { CatalogMatching } from './service';

/** Amazon's stored answers for these SKUs in one marketplace (contract arrays are mutable). */
export function catalogMatchesView(db: Db, skuIds: readonly number[], marketplaceId: string) {
  return [...catalogMatchesOf(db, skuIds, marketplaceId).values()].map((m) => ({ ...m, candidates: [...m.candidates] }));
}

/** Whether matching runs now (and where), with the marketplace's stored outcome counts. */
export function catalogMatchStatus(db: Db, matching: CatalogMatching, marketplaceId: string) {
  const status = matching.status;
  return {
    running: status.running,
    runningMarketplaceId: status.marketplaceId,
    done: status.done,
    total: status.total,
    ...catalogMatchCounts(db, marketplaceId),
  };
}
