import type { LinkingOverview, LinkTreatment } from '../../preload/contract/linking';
import type { Db } from '../db/connection';
import { addActivity } from '../db/tables/activity-log';
import { lastListingRead } from '../db/tables/amazon-listings';
import { linkingCounts, listAmazonOnlyItems, listCatalogOnlyItems, listLinkedItems, setLinkTreatment } from '../db/tables/listing-links';
import type { SelectionScope } from '../db/tables/listing-selections';

interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** The "Anúncios existentes" counts and the last read of the seller's offers. */
export function linkingOverview(db: Db, scope: SelectionScope): LinkingOverview {
  const read = lastListingRead(db, scope);
  return {
    counts: linkingCounts(db, scope),
    lastRead: read ? { state: read.state, startedAt: read.startedAt, finishedAt: read.finishedAt, listings: read.listings, apiCalls: read.apiCalls } : null,
  };
}

/** One page of linked offers, all of them or those with one treatment. */
export function linkedPage(db: Db, scope: SelectionScope, page: Page, treatment?: LinkTreatment) {
  const counts = linkingCounts(db, scope);
  const total =
    treatment === undefined
      ? counts.linked
      : { unconfirmed: counts.unconfirmed, 'keep-amazon': counts.keepAmazon, 'vitrine-manages': counts.vitrineManages }[treatment];
  return { total, items: listLinkedItems(db, scope, page, treatment) };
}

/** One page of offers on Amazon that match no catalog SKU. */
export function amazonOnlyPage(db: Db, scope: SelectionScope, page: Page) {
  return { total: linkingCounts(db, scope).amazonOnly, items: listAmazonOnlyItems(db, scope, page) };
}

/** One page of catalog SKUs with no offer on Amazon. */
export function catalogOnlyPage(db: Db, scope: SelectionScope, page: Page) {
  return { total: linkingCounts(db, scope).catalogOnly, items: listCatalogOnlyItems(db, scope, page) };
}

/** The seller's decision on linked offers: these Amazon SKUs (null: every one still unconfirmed) get this treatment. */
export interface TreatmentDecision {
  readonly amazonSkus: readonly string[] | null;
  readonly treatment: Exclude<LinkTreatment, 'unconfirmed'>;
}

/** Records the seller's decision and notes it in the activity. Answers how many offers changed. */
export function confirmTreatment(db: Db, scope: SelectionScope, { amazonSkus, treatment }: TreatmentDecision, now: number): number {
  const changed = setLinkTreatment(db, scope, amazonSkus, treatment, now);
  if (changed > 0) {
    addActivity(db, {
      domain: 'linking',
      severity: 'info',
      messageKey: `linking.activity.${treatment}`,
      params: { marketplaceId: scope.marketplaceId, count: changed },
      route: '/linking',
    });
  }
  return changed;
}
