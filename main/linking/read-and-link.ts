import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { failListingRead, finishListingRead, listMatchableSkus, replaceAmazonListings, addReadCalls } from '../db/tables/amazon-listings';
import type { AmazonListing, MatchableSku } from '../db/tables/amazon-listings';
import { deleteLinksExcept, insertLinks, linkingCounts, listLinks, setLinkTreatment, skusSentByVitrine, type LinkingCounts } from '../db/tables/listing-links';
import type { SelectionScope } from '../db/tables/listing-selections';
import { saveMatchedAsins } from '../db/tables/sku-gtins';
import { addActivity } from '../db/tables/activity-log';
import { createLogger } from '../log/logger';
import { lookUpListingCodes, type CodeLookupClient } from './listing-codes';
import { matchListings, needingCodes, type MatchResult } from './matcher';
import { readListingsReport, type ReportsClient } from './read-report';

const logger = createLogger('linking/read');

export type LinkingClient = ReportsClient & CodeLookupClient;

export interface LinkRunSummary {
  readonly readId: number;
  readonly listings: number;
  readonly matched: { readonly sku: number; readonly asin: number; readonly ean: number };
  readonly ambiguous: number;
  readonly counts: LinkingCounts;
}

export interface LinkRunOptions {
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly onPhase?: (phase: 'requested' | 'waiting' | 'downloading' | 'matching') => void;
}

/** Fills in the EAN of offers known only by ASIN, when a catalog EAN could still match them. */
async function withCatalogCodes(
  db: Db,
  client: CodeLookupClient,
  scope: SelectionScope,
  readId: number,
  listings: AmazonListing[],
  catalog: readonly MatchableSku[],
  first: MatchResult,
  signal: AbortSignal | undefined,
): Promise<AmazonListing[]> {
  const missing = needingCodes(listings, first);
  // Lookups only pay off when some catalog SKU still free of a link has a code to match against.
  const linkedIds = new Set(first.links.map((l) => l.skuId));
  const catalogHasFreeCodes = catalog.some((r) => r.gtin !== null && !linkedIds.has(r.id));
  if (missing.length === 0 || !catalogHasFreeCodes) return listings;
  let calls = 0;
  const codes = await lookUpListingCodes(
    client,
    scope.marketplaceId,
    missing.map((l) => l.asin as string),
    {
      ...(signal ? { signal } : {}),
      onCall: () => void (calls += 1),
    },
  );
  addReadCalls(db, readId, calls);
  return listings.map((l) => (l.gtin14 === null && l.asin !== null && codes.has(l.asin) ? { ...l, gtin14: codes.get(l.asin) ?? null } : l));
}

/**
 * Reads the seller's current offers in one marketplace and links them to catalog SKUs.
 * Links confirmed earlier keep the seller's choice; new ones start unconfirmed, so the send
 * engine leaves them alone until the seller decides — except offers Vitrine itself created,
 * which stay managed by Vitrine. The snapshot and the links are written in
 * one transaction.
 */
export async function readAndLinkListings(db: Db, client: LinkingClient, scope: SelectionScope, options: LinkRunOptions): Promise<LinkRunSummary> {
  const { clock, signal } = options;
  const read = await readListingsReport(db, client, scope, { clock, ...(signal ? { signal } : {}), ...(options.onPhase ? { onPhase: options.onPhase } : {}) });
  try {
    options.onPhase?.('matching');
    const existing = new Map(listLinks(db, scope).map((l) => [l.amazonSku, l.skuId]));
    const catalog = listMatchableSkus(db);
    const first = matchListings({ listings: read.listings, catalog, existing });
    const listings = await withCatalogCodes(db, client, scope, read.readId, read.listings, catalog, first, signal);
    const result = listings === read.listings ? first : matchListings({ listings, catalog, existing });
    const ambiguous = new Set(result.ambiguous);
    const skuOf = new Map(catalog.map((r) => [r.id, r]));
    const asinBySku = new Map(listings.map((l) => [l.sku, l.asin]));
    db.transaction(() => {
      replaceAmazonListings(
        db,
        scope,
        read.readId,
        listings.map((l) => ({ ...l, unmatchedReason: ambiguous.has(l.sku) ? 'ambiguous' : null })),
      );
      deleteLinksExcept(db, scope, result.kept);
      insertLinks(db, scope, result.links, clock.now());
      // Offers Vitrine created itself come back in every report: they are not the seller's to re-decide.
      const ours = skusSentByVitrine(
        db,
        scope,
        result.links.map((l) => l.amazonSku),
      );
      setLinkTreatment(db, scope, ours, 'vitrine-manages', clock.now());
      // The offer's ASIN is the product's ASIN: later sends and EAN reports reuse it (only empty cells are filled).
      saveMatchedAsins(
        db,
        result.links.flatMap((l) => {
          const asin = asinBySku.get(l.amazonSku);
          const sku = skuOf.get(l.skuId)?.sku;
          return asin && sku ? [{ sku, asin }] : [];
        }),
      );
      finishListingRead(db, read.readId, listings.length, clock.now());
    })();
    const counts = linkingCounts(db, scope);
    addActivity(db, {
      domain: 'linking',
      severity: counts.unconfirmed > 0 ? 'warning' : 'info',
      messageKey: 'linking.activity.read',
      params: {
        marketplaceId: scope.marketplaceId,
        count: listings.length,
        linked: counts.linked,
        unconfirmed: counts.unconfirmed,
        amazonOnly: counts.amazonOnly,
      },
      route: '/linking',
    });
    const by = (m: string) => result.links.filter((l) => l.matchedBy === m).length;
    const summary = {
      readId: read.readId,
      listings: listings.length,
      matched: { sku: by('sku'), asin: by('asin'), ean: by('ean') },
      ambiguous: ambiguous.size,
      counts,
    };
    logger.info(`linked ${scope.accountId}/${scope.marketplaceId}: ${JSON.stringify(summary)}`);
    return summary;
  } catch (err) {
    // The report was read; what failed is the lookup or the write, so the next run asks afresh.
    failListingRead(db, read.readId, err instanceof Error ? err.message : String(err), clock.now());
    throw err;
  }
}
