import type { Services } from '../../services';
import { enabledMarketplaceOf } from '../../accounts/enabled';
import { checkGtin } from '../../ean/gtin';
import { CatalogEanCheck } from '../../ean/catalog-check';
import { matchCatalogAsins } from '../../ean/catalog-match';
import { isCatalogProblemCode, presentCheck, presentMatch, presentReport } from '../../ean/present';
import { catalogMatchingFor } from '../../catalog-match/service';
import { catalogMatchesView, catalogMatchStatus } from '../../catalog-match/views';
import { copySampleSheet } from '../../catalog-match/sample-sheet';
import { schemaLocale } from '../../mapping/schemas';
import type { PartialHandlerMap } from '../register';

export function eanHandlers(services: Services) {
  const catalog = new CatalogEanCheck(services.db);
  return {
    'ean:check': ({ code }) => presentCheck(checkGtin(code), services.translator.t),
    'ean:report': ({ offset, limit, code, severity }) => {
      // An unknown code filters everything out rather than failing: the renderer may be newer.
      const filter = code === undefined ? undefined : isCatalogProblemCode(code) ? code : null;
      const query = { offset, limit, code: filter ?? undefined, severity };
      const report = catalog.report();
      const view = presentReport(report, query, services.translator.t);
      return filter === null ? { ...view, page: { total: 0, items: [] } } : view;
    },
    'ean:match-asins': async ({ accountId, marketplaceId, force }) => {
      const { account, marketplace } = enabledMarketplaceOf(services.db, accountId, marketplaceId, 'EAN_MARKETPLACE_NOT_ENABLED');
      const client = await services.amazon.forAccountRow(account);
      const progress = services.tasks.progress('ean:match-asins');
      const locale = schemaLocale(marketplace.language);
      const summary = await matchCatalogAsins(services.db, client, {
        marketplaceId,
        ...(locale !== 'DEFAULT' ? { locale } : {}),
        force: force === true,
        onProgress: (done, total) => progress.report('ean.progress.matching', done, total),
      });
      progress.finish('ean.progress.matching', summary.looked);
      return presentMatch(progress.taskId, summary, services.translator.t);
    },
    'ean:catalog-matches': ({ marketplaceId, skuIds }) => catalogMatchesView(services.db, skuIds, marketplaceId),
    'ean:catalog-match-status': ({ marketplaceId }) => catalogMatchStatus(services.db, catalogMatchingFor(services), marketplaceId),
    'ean:sample-sheet': () => services.fileGrants.grant(copySampleSheet(services.dataDir), 'read'),
  } satisfies PartialHandlerMap;
}
