import type { Services } from '../../services';
import { getAccount } from '../../db/tables/accounts';
import { AppError } from '../../errors';
import { checkGtin } from '../../ean/gtin';
import { CatalogEanCheck } from '../../ean/catalog-check';
import { matchCatalogAsins } from '../../ean/catalog-match';
import { isCatalogProblemCode, presentCheck, presentMatch, presentReport } from '../../ean/present';
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
    'ean:match-asins': async ({ accountId, marketplaceId }) => {
      const account = getAccount(services.db, accountId);
      if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
      if (!account.marketplaces.some((m) => m.marketplaceId === marketplaceId && m.enabled)) {
        throw new AppError('EAN_MARKETPLACE_NOT_ENABLED', { marketplaceId, label: account.label });
      }
      const client = await services.amazon.forAccountRow(account);
      const progress = services.tasks.progress('ean:match-asins');
      const summary = await matchCatalogAsins(services.db, client, {
        marketplaceId,
        onProgress: (done, total) => progress.report('ean.progress.matching', done, total),
      });
      progress.finish('ean.progress.matching', summary.looked);
      return presentMatch(progress.taskId, summary, services.translator.t);
    },
  } satisfies PartialHandlerMap;
}
