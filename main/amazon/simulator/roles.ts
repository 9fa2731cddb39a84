import { unauthorized } from './api-errors';
import type { OperationHandlers } from './types';

/** The SP-API roles the Brazil operations need (Tax Invoicing is restricted: Amazon reviews each app). */
export type SimRole = 'taxInvoicing' | 'easyShip' | 'fbaInventory';

/**
 * The handlers of an API that needs a role: for a seller whose app was not granted it (tests set
 * that with `withholdRole`), Amazon answers every call 403 Unauthorized, as it does for a missing role.
 */
export function requiringRole(role: SimRole, handlers: OperationHandlers): OperationHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([key, handler]) => [
      key,
      (ctx: Parameters<typeof handler>[0]) => (ctx.store.data.withheldRoles?.[ctx.sellerId]?.includes(role) ? unauthorized('') : handler(ctx)),
    ]),
  );
}
