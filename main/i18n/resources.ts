import enCore from './locales/en/core.json';
import ptCore from './locales/pt-BR/core.json';
import esCore from './locales/es/core.json';
import svCore from './locales/sv/core.json';
import enListings from './locales/en/listings.json';
import ptListings from './locales/pt-BR/listings.json';
import esListings from './locales/es/listings.json';
import svListings from './locales/sv/listings.json';
import enEan from './locales/en/ean.json';
import ptEan from './locales/pt-BR/ean.json';
import esEan from './locales/es/ean.json';
import svEan from './locales/sv/ean.json';
import enAmazon from './locales/en/amazon.json';
import ptAmazon from './locales/pt-BR/amazon.json';
import esAmazon from './locales/es/amazon.json';
import svAmazon from './locales/sv/amazon.json';
import enAccounts from './locales/en/accounts.json';
import ptAccounts from './locales/pt-BR/accounts.json';
import esAccounts from './locales/es/accounts.json';
import svAccounts from './locales/sv/accounts.json';
import enCatalog from './locales/en/catalog.json';
import ptCatalog from './locales/pt-BR/catalog.json';
import esCatalog from './locales/es/catalog.json';
import svCatalog from './locales/sv/catalog.json';
import enSimulator from './locales/en/simulator.json';
import ptSimulator from './locales/pt-BR/simulator.json';
import esSimulator from './locales/es/simulator.json';
import svSimulator from './locales/sv/simulator.json';
import enMapping from './locales/en/mapping.json';
import ptMapping from './locales/pt-BR/mapping.json';
import esMapping from './locales/es/mapping.json';
import svMapping from './locales/sv/mapping.json';
import enOrders from './locales/en/orders.json';
import ptOrders from './locales/pt-BR/orders.json';
import esOrders from './locales/es/orders.json';
import svOrders from './locales/sv/orders.json';
import enSync from './locales/en/sync.json';
import ptSync from './locales/pt-BR/sync.json';
import esSync from './locales/es/sync.json';
import svSync from './locales/sv/sync.json';
import enLinking from './locales/en/linking.json';
import ptLinking from './locales/pt-BR/linking.json';
import esLinking from './locales/es/linking.json';
import svLinking from './locales/sv/linking.json';
import enFiles from './locales/en/files.json';
import ptFiles from './locales/pt-BR/files.json';
import esFiles from './locales/es/files.json';
import svFiles from './locales/sv/files.json';
import enBrazil from './locales/en/brazil.json';
import ptBrazil from './locales/pt-BR/brazil.json';
import esBrazil from './locales/es/brazil.json';
import svBrazil from './locales/sv/brazil.json';

type Messages = { [key: string]: string | Messages };

/** Deep merge, so two domains may both add keys under `errors`. A key defined twice is a bug. */
export function mergeMessages(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const existing = out[k];
      if (typeof v === 'object' && typeof existing === 'object') out[k] = mergeMessages(existing, v);
      else if (existing !== undefined) throw new Error(`i18n key defined twice: ${k}`);
      else out[k] = v;
    }
  }
  return out;
}

/** One line per domain file in each list (add yours at the end, in every language); a test checks every language has exactly the keys of en. */
export const resources = {
  en: {
    translation: mergeMessages(
      enCore,
      enListings,
      enEan,
      enAmazon,
      enAccounts,
      enCatalog,
      enSimulator,
      enMapping,
      enOrders,
      enSync,
      enLinking,
      enFiles,
      enBrazil,
    ),
  },
  'pt-BR': {
    translation: mergeMessages(
      ptCore,
      ptListings,
      ptEan,
      ptAmazon,
      ptAccounts,
      ptCatalog,
      ptSimulator,
      ptMapping,
      ptOrders,
      ptSync,
      ptLinking,
      ptFiles,
      ptBrazil,
    ),
  },
  es: {
    translation: mergeMessages(
      esCore,
      esListings,
      esEan,
      esAmazon,
      esAccounts,
      esCatalog,
      esSimulator,
      esMapping,
      esOrders,
      esSync,
      esLinking,
      esFiles,
      esBrazil,
    ),
  },
  sv: {
    translation: mergeMessages(
      svCore,
      svListings,
      svEan,
      svAmazon,
      svAccounts,
      svCatalog,
      svSimulator,
      svMapping,
      svOrders,
      svSync,
      svLinking,
      svFiles,
      svBrazil,
    ),
  },
};
