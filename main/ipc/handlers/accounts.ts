import type { Services } from '../../services';
import { accountsServiceFor } from '../../accounts/service';
import type { PartialHandlerMap } from '../register';

export function accountsHandlers(services: Services) {
  const accounts = accountsServiceFor(services);
  return {
    'accounts:list': () => accounts.list(),
    'accounts:test-connection': (input) => accounts.testConnection(input),
    'accounts:connect': (input) => accounts.connect(input),
    'accounts:set-marketplaces': ({ accountId, marketplaceIds }) => accounts.setMarketplaces(accountId, marketplaceIds),
    'accounts:remove': async ({ accountId, deleteOrders }) => ({
      removed: await accounts.remove(accountId, deleteOrders === undefined ? {} : { deleteOrders }),
    }),
    'accounts:removal-impact': ({ accountId }) => accounts.removalImpact(accountId),
    'accounts:update-credentials': (input) => accounts.updateCredentials(input),
    'accounts:activity': ({ accountId, limit }) => accounts.activity(accountId, limit),
  } satisfies PartialHandlerMap;
}
