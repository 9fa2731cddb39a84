import type { Services } from '../../services';
import { saveLocale, storedLocale } from '../../services';
import { readDashboardCounters, readOrdersByDay, readSendTimes } from '../../db/tables/dashboard';
import type { AppInfo } from '../../../preload/contract';
import { readChecklist } from '../../dashboard/checklist';
import type { PartialHandlerMap } from '../register';

function appInfo(services: Services): AppInfo {
  return {
    name: 'Vitrine',
    version: services.version,
    platform: services.platform,
    locale: services.translator.locale,
    localeFollowsSystem: storedLocale(services.db) === undefined,
    openAtLogin: services.loginItem.get(),
    openAtLoginSupported: services.loginItem.supported,
  };
}

export function appHandlers(services: Services) {
  return {
    'app:info': () => appInfo(services),
    'app:set-locale': ({ locale }) => {
      saveLocale(services, locale);
      return appInfo(services);
    },
    'dashboard:summary': () => {
      const ordersByDay = readOrdersByDay(services.db, Date.now());
      return {
        ...readDashboardCounters(services.db),
        ...readSendTimes(services.db),
        ordersByDay: { days: [...ordersByDay.days], orders: [...ordersByDay.orders], sales: ordersByDay.sales.map((s) => ({ currency: s.currency, cents: [...s.cents] })) },
      };
    },
    'dashboard:checklist': (scope) => readChecklist(services, scope),
    'app:set-open-at-login': ({ enabled }) => {
      services.loginItem.set(enabled);
      return appInfo(services);
    },
  } satisfies PartialHandlerMap;
}
