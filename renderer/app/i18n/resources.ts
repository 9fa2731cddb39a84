import enAccounts from './locales/en/accounts.json';
import enCommon from './locales/en/common.json';
import enDashboard from './locales/en/dashboard.json';
import enSettings from './locales/en/settings.json';
import enProducts from './locales/en/products.json';
import enShell from './locales/en/shell.json';
import enOrders from './locales/en/orders.json';
import ptAccounts from './locales/pt-BR/accounts.json';
import ptCommon from './locales/pt-BR/common.json';
import ptDashboard from './locales/pt-BR/dashboard.json';
import ptSettings from './locales/pt-BR/settings.json';
import ptProducts from './locales/pt-BR/products.json';
import ptShell from './locales/pt-BR/shell.json';
import ptOrders from './locales/pt-BR/orders.json';
import enLinking from './locales/en/linking.json';
import ptLinking from './locales/pt-BR/linking.json';
import enRules from './locales/en/rules.json';
import ptRules from './locales/pt-BR/rules.json';
import enMapping from './locales/en/mapping.json';
import ptMapping from './locales/pt-BR/mapping.json';
import enSync from './locales/en/sync.json';
import ptSync from './locales/pt-BR/sync.json';

/**
 * One i18next namespace per feature, one JSON file per namespace and language. Add a feature by
 * adding its file to both languages here; a unit test checks both languages have the same keys.
 */
export const resources = {
  en: { common: enCommon, shell: enShell, dashboard: enDashboard, settings: enSettings, accounts: enAccounts, products: enProducts, orders: enOrders, linking: enLinking, rules: enRules, mapping: enMapping, sync: enSync },
  'pt-BR': { common: ptCommon, shell: ptShell, dashboard: ptDashboard, settings: ptSettings, accounts: ptAccounts, products: ptProducts, orders: ptOrders, linking: ptLinking, rules: ptRules, mapping: ptMapping, sync: ptSync },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
