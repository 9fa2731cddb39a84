import { enabledMarketplaceOf } from '../../accounts/enabled';
import { importAmazonOnlyListings } from '../../linking';
import { linkingRunnerFor } from '../../linking/runner';
import { amazonOnlyPage, catalogOnlyPage, confirmTreatment, linkedPage, linkingOverview } from '../../linking/views';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

export function linkingHandlers(services: Services) {
  const { db } = services;
  return {
    'linking:overview': (scope) => linkingOverview(db, scope),
    'linking:read': async (scope) => {
      // The account must exist and have the marketplace enabled before Amazon is asked anything.
      enabledMarketplaceOf(db, scope.accountId, scope.marketplaceId, 'LINKING_MARKETPLACE_NOT_ENABLED');
      const progress = services.tasks.progress('linking:read');
      const summary = await linkingRunnerFor(services).read(scope, (phase) => progress.report(`linking.progress.${phase}`, 0, null));
      progress.finish('linking.progress.done', summary.listings);
      return {
        taskId: progress.taskId,
        listings: summary.listings,
        matched: { ...summary.matched },
        ambiguous: summary.ambiguous,
        overview: linkingOverview(db, scope),
      };
    },
    'linking:linked': ({ accountId, marketplaceId, offset, limit, treatment }) => linkedPage(db, { accountId, marketplaceId }, { offset, limit }, treatment),
    'linking:amazon-only': ({ accountId, marketplaceId, offset, limit }) => amazonOnlyPage(db, { accountId, marketplaceId }, { offset, limit }),
    'linking:catalog-only': ({ accountId, marketplaceId, offset, limit }) => catalogOnlyPage(db, { accountId, marketplaceId }, { offset, limit }),
    'linking:confirm': ({ accountId, marketplaceId, amazonSkus, treatment }) => {
      const scope = { accountId, marketplaceId };
      const changed = confirmTreatment(db, scope, { amazonSkus, treatment }, Date.now());
      return { changed, overview: linkingOverview(db, scope) };
    },
    'linking:import': ({ accountId, marketplaceId, amazonSkus }) => {
      const scope = { accountId, marketplaceId };
      const result = importAmazonOnlyListings(db, scope, amazonSkus, Date.now());
      return { imported: result.imported, skipped: [...result.skipped], overview: linkingOverview(db, scope) };
    },
  } satisfies PartialHandlerMap;
}
