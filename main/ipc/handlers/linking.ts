import type { LinkingOverview } from '../../../preload/contract/linking';
import { getAccount } from '../../db/tables/accounts';
import { lastListingRead } from '../../db/tables/amazon-listings';
import { linkingCounts, listAmazonOnlyItems, listCatalogOnlyItems, listLinkedItems, setLinkTreatment } from '../../db/tables/listing-links';
import type { SelectionScope } from '../../db/tables/listing-selections';
import { addActivity } from '../../db/tables/activity-log';
import { AppError } from '../../errors';
import { importAmazonOnlyListings } from '../../linking';
import { linkingRunnerFor } from '../../linking/runner';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

function overview(services: Services, scope: SelectionScope): LinkingOverview {
  const read = lastListingRead(services.db, scope);
  return {
    counts: linkingCounts(services.db, scope),
    lastRead: read ? { state: read.state, startedAt: read.startedAt, finishedAt: read.finishedAt, listings: read.listings, apiCalls: read.apiCalls } : null,
  };
}

/** The account must exist and have the marketplace enabled before Amazon is asked anything. */
function enabledAccount(services: Services, scope: SelectionScope) {
  const account = getAccount(services.db, scope.accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  if (!account.marketplaces.some((m) => m.marketplaceId === scope.marketplaceId && m.enabled)) {
    throw new AppError('LINKING_MARKETPLACE_NOT_ENABLED', { marketplaceId: scope.marketplaceId, label: account.label });
  }
  return account;
}

export function linkingHandlers(services: Services) {
  const { db } = services;
  return {
    'linking:overview': (scope) => overview(services, scope),
    'linking:read': async (scope) => {
      enabledAccount(services, scope);
      const progress = services.tasks.progress('linking:read');
      const summary = await linkingRunnerFor(services).read(scope, (phase) => progress.report(`linking.progress.${phase}`, 0, null));
      progress.finish('linking.progress.done', summary.listings);
      return { taskId: progress.taskId, listings: summary.listings, matched: { ...summary.matched }, ambiguous: summary.ambiguous, overview: overview(services, scope) };
    },
    'linking:linked': ({ accountId, marketplaceId, offset, limit, treatment }) => {
      const scope = { accountId, marketplaceId };
      const counts = linkingCounts(db, scope);
      const total = treatment === undefined ? counts.linked : { unconfirmed: counts.unconfirmed, 'keep-amazon': counts.keepAmazon, 'vitrine-manages': counts.vitrineManages }[treatment];
      return { total, items: listLinkedItems(db, scope, { offset, limit }, treatment) };
    },
    'linking:amazon-only': ({ accountId, marketplaceId, offset, limit }) => {
      const scope = { accountId, marketplaceId };
      return { total: linkingCounts(db, scope).amazonOnly, items: listAmazonOnlyItems(db, scope, { offset, limit }) };
    },
    'linking:catalog-only': ({ accountId, marketplaceId, offset, limit }) => {
      const scope = { accountId, marketplaceId };
      return { total: linkingCounts(db, scope).catalogOnly, items: listCatalogOnlyItems(db, scope, { offset, limit }) };
    },
    'linking:confirm': ({ accountId, marketplaceId, amazonSkus, treatment }) => {
      const scope = { accountId, marketplaceId };
      const changed = setLinkTreatment(db, scope, amazonSkus, treatment, Date.now());
      if (changed > 0) {
        addActivity(db, { domain: 'linking', severity: 'info', messageKey: `linking.activity.${treatment}`, params: { marketplaceId, count: changed }, route: '/linking' });
      }
      return { changed, overview: overview(services, scope) };
    },
    'linking:import': ({ accountId, marketplaceId, amazonSkus }) => {
      const scope = { accountId, marketplaceId };
      const result = importAmazonOnlyListings(db, scope, amazonSkus, Date.now());
      return { imported: result.imported, skipped: [...result.skipped], overview: overview(services, scope) };
    },
  } satisfies PartialHandlerMap;
}
