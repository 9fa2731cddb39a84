import type { Services } from '../../services';
import { saveLocale, storedLocale } from '../../services';
import type { AppInfo } from '../../../preload/contract';
import { readChecklist } from '../../dashboard/checklist';
import { dashboardSummary } from '../../dashboard/summary';
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
    'dashboard:summary': () => dashboardSummary(services.db, Date.now()),
    'dashboard:checklist': (scope) => readChecklist(services, scope),
    'app:set-open-at-login': ({ enabled }) => {
      services.loginItem.set(enabled);
      return appInfo(services);
    },
  } satisfies PartialHandlerMap;
}
