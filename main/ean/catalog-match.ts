import type { Db } from '../db/connection';
import { matchCatalog, type CatalogMatchSummary, type MatchCatalogOptions } from '../catalog-match/run';
import type { CatalogSearchClient } from './asin-match';

export type { CatalogMatchSummary } from '../catalog-match/run';

/**
 * The EAN panel's "look up on Amazon now" for one marketplace: the same pass the background
 * matching runs after an import (main/catalog-match), answering its summary.
 */
export function matchCatalogAsins(db: Db, client: CatalogSearchClient, options: MatchCatalogOptions): Promise<CatalogMatchSummary> {
  return matchCatalog(db, client, options);
}
