import type { Services } from '../../services';
import type { HandlerMap } from '../register';
import { linkingHandlers } from './linking';
import { rulesHandlers } from './rules';
import { appHandlers } from './app';
import { accountsHandlers } from './accounts';
import { eanHandlers } from './ean';
import { catalogHandlers } from './catalog';
import { ordersHandlers } from './orders';
import { mappingHandlers } from './mapping';
import { syncHandlers } from './sync';
import { filesHandlers } from './files';
import { brazilHandlers } from './brazil';

/** The full handler map: one file per domain. A channel without a handler fails to compile. */
export function createHandlers(services: Services): HandlerMap {
  return {
    ...appHandlers(services),
    ...accountsHandlers(services),
    ...eanHandlers(services),
    ...catalogHandlers(services),
    ...ordersHandlers(services),
    ...linkingHandlers(services),
    ...rulesHandlers(services),
    ...mappingHandlers(services),
    ...syncHandlers(services),
    ...filesHandlers(services),
    ...brazilHandlers(services),
  };
}
