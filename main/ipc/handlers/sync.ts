import type { Services } from '../../services';
import { syncOverview, syncProducts } from '../../sync/overview';
import { syncServiceFor } from '../../sync/service';
import { readSyncSettings } from '../../sync/settings';
import { readSendIntervals, saveSendIntervals, toSendIntervals } from '../../sync/scheduler';
import { systemClock } from '../../amazon/clock';
import { recheckRestrictions } from '../../restrictions/for-account';
import { restrictionsOfMarketplace, restrictionsOfProductView } from '../../restrictions/views';
import type { PartialHandlerMap } from '../register';

/** The send intervals and, from the running scheduler, when each lane runs next. */
function sendSchedule(services: Services) {
  const { nextFull, nextFast } = syncServiceFor(services).scheduler.schedule;
  return { ...readSendIntervals(services.db), nextFull, nextFast };
}

export function syncHandlers(services: Services) {
  return {
    'sync:get-schedule': () => sendSchedule(services),
    'sync:set-schedule': (input) => {
      syncServiceFor(services).scheduler.setIntervals(toSendIntervals(saveSendIntervals(services.db, input)));
      return sendSchedule(services);
    },
    'sync:run-now': () => syncServiceFor(services).runNow(),
    'sync:status': ({ accountId, marketplaceId, statuses, productId, offset, limit }) =>
      syncServiceFor(services).status({
        accountId,
        offset,
        limit,
        ...(marketplaceId ? { marketplaceId } : {}),
        ...(statuses ? { statuses } : {}),
        ...(productId === undefined ? {} : { productId }),
      }),
    'sync:activity': ({ accountId, offset, limit }) => syncServiceFor(services).activity(accountId, offset, limit),
    'sync:feed-document': ({ id }) => ({ id, content: syncServiceFor(services).feedDocument(id) }),
    'sync:overview': ({ accountId, marketplaceId }) => syncOverview(services, { accountId, marketplaceId }),
    'sync:products': ({ accountId, marketplaceId, statuses, cause, search, offset, limit }) =>
      syncProducts(services, {
        accountId,
        marketplaceId,
        offset,
        limit,
        ...(statuses ? { statuses } : {}),
        ...(cause ? { cause } : {}),
        ...(search ? { search } : {}),
      }),
    'sync:get-settings': ({ accountId, marketplaceId }) => readSyncSettings(services.db, accountId, marketplaceId),
    'sync:set-settings': ({ accountId, marketplaceId, settings }) => syncServiceFor(services).saveSettings(accountId, marketplaceId, settings),
    'sync:restrictions': (input) => {
      if ('productId' in input) {
        const items = restrictionsOfProductView(services.db, services.translator, input.accountId, input.productId);
        return { total: items.length, items };
      }
      const { accountId, marketplaceId, states, offset, limit } = input;
      return restrictionsOfMarketplace(services.db, services.translator, { accountId, marketplaceId }, { states, offset, limit });
    },
    'sync:recheck-restrictions': async ({ accountId, marketplaceId, skus }) => {
      const client = await services.amazon.forAccount(accountId);
      const { asked, allowed, restricted, error } = await recheckRestrictions({
        db: services.db,
        client,
        clock: systemClock,
        accountId,
        marketplaceId,
        locale: services.translator.locale,
        skus,
      });
      return { asked, allowed, restricted, error };
    },
  } satisfies PartialHandlerMap;
}
