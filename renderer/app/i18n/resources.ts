import enCommon from './locales/en/common.json';
import ptCommon from './locales/pt-BR/common.json';
import esCommon from './locales/es/common.json';
import svCommon from './locales/sv/common.json';
import enShell from './locales/en/shell.json';
import ptShell from './locales/pt-BR/shell.json';
import esShell from './locales/es/shell.json';
import svShell from './locales/sv/shell.json';
import enDashboard from './locales/en/dashboard.json';
import ptDashboard from './locales/pt-BR/dashboard.json';
import esDashboard from './locales/es/dashboard.json';
import svDashboard from './locales/sv/dashboard.json';
import enSettings from './locales/en/settings.json';
import ptSettings from './locales/pt-BR/settings.json';
import esSettings from './locales/es/settings.json';
import svSettings from './locales/sv/settings.json';
import enAccounts from './locales/en/accounts.json';
import ptAccounts from './locales/pt-BR/accounts.json';
import esAccounts from './locales/es/accounts.json';
import svAccounts from './locales/sv/accounts.json';
import enProducts from './locales/en/products.json';
import ptProducts from './locales/pt-BR/products.json';
import esProducts from './locales/es/products.json';
import svProducts from './locales/sv/products.json';
import enOrders from './locales/en/orders.json';
import ptOrders from './locales/pt-BR/orders.json';
import esOrders from './locales/es/orders.json';
import svOrders from './locales/sv/orders.json';
import enLinking from './locales/en/linking.json';
import ptLinking from './locales/pt-BR/linking.json';
import esLinking from './locales/es/linking.json';
import svLinking from './locales/sv/linking.json';
import enRules from './locales/en/rules.json';
import ptRules from './locales/pt-BR/rules.json';
import esRules from './locales/es/rules.json';
import svRules from './locales/sv/rules.json';
import enMapping from './locales/en/mapping.json';
import ptMapping from './locales/pt-BR/mapping.json';
import esMapping from './locales/es/mapping.json';
import svMapping from './locales/sv/mapping.json';
import enSync from './locales/en/sync.json';
import ptSync from './locales/pt-BR/sync.json';
import esSync from './locales/es/sync.json';
import svSync from './locales/sv/sync.json';
import enBrazil from './locales/en/brazil.json';
import ptBrazil from './locales/pt-BR/brazil.json';
import esBrazil from './locales/es/brazil.json';
import svBrazil from './locales/sv/brazil.json';

/**
 * One i18next namespace per feature, one JSON file per namespace and language. Add a feature by
 * adding its file to every language here; a unit test checks each language has exactly the keys
 * of `en`, with the same {{placeholders}}.
 */
export const resources = {
  en: {
    common: enCommon,
    shell: enShell,
    dashboard: enDashboard,
    settings: enSettings,
    accounts: enAccounts,
    products: enProducts,
    orders: enOrders,
    linking: enLinking,
    rules: enRules,
    mapping: enMapping,
    sync: enSync,
    brazil: enBrazil,
  },
  'pt-BR': {
    common: ptCommon,
    shell: ptShell,
    dashboard: ptDashboard,
    settings: ptSettings,
    accounts: ptAccounts,
    products: ptProducts,
    orders: ptOrders,
    linking: ptLinking,
    rules: ptRules,
    mapping: ptMapping,
    sync: ptSync,
    brazil: ptBrazil,
  },
  es: {
    common: esCommon,
    shell: esShell,
    dashboard: esDashboard,
    settings: esSettings,
    accounts: esAccounts,
    products: esProducts,
    orders: esOrders,
    linking: esLinking,
    rules: esRules,
    mapping: esMapping,
    sync: esSync,
    brazil: esBrazil,
  },
  sv: {
    common: svCommon,
    shell: svShell,
    dashboard: svDashboard,
    settings: svSettings,
    accounts: svAccounts,
    products: svProducts,
    orders: svOrders,
    linking: svLinking,
    rules: svRules,
    mapping: svMapping,
    sync: svSync,
    brazil: svBrazil,
  },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
