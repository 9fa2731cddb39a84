import type { Services } from '../../services';
import { syncServiceFor } from '../../sync/service';
import type { PartialHandlerMap } from '../register';

export function syncHandlers(services: Services) {
  return {
    'sync:run-now': () => syncServiceFor(services).runNow(),
    'sync:status': ({ accountId, marketplaceId, statuses, offset, limit }) =>
      syncServiceFor(services).status({ accountId, offset, limit, ...(marketplaceId ? { marketplaceId } : {}), ...(statuses ? { statuses } : {}) }),
    'sync:activity': ({ accountId, offset, limit }) => syncServiceFor(services).activity(accountId, offset, limit),
  } satisfies PartialHandlerMap;
}
