import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeSchema, type Locale } from '../../../preload/contract';
import { namespaces, resources } from './resources';

/** Any Portuguese → pt-BR, Spanish → es, Swedish → sv, anything else → en (main's rule for the OS locale). */
export function matchLocale(language: string | undefined): Locale {
  const code = /^[a-z]+/.exec(language?.toLowerCase() ?? '')?.[0];
  switch (code) {
    case 'pt':
      return 'pt-BR';
    case 'es':
      return 'es';
    case 'sv':
      return 'sv';
    default:
      return 'en';
  }
}

/** The UI language i18next is showing, as one of Vitrine's locales (English for anything else). */
export function asLocale(language: string | undefined): Locale {
  const parsed = localeSchema.safeParse(language);
  return parsed.success ? parsed.data : 'en';
}

/**
 * The BCP 47 tag Intl formats numbers, money and dates with for a UI language. Spanish text is
 * neutral Latin-American, but a seller in Spain expects "1234,50 €" and one in Mexico "$1,234.50":
 * the system's own Spanish region wins, Mexico otherwise. Swedish is Sweden's.
 */
export function intlLocale(locale: Locale, system: string | undefined = globalThis.navigator?.language): string {
  switch (locale) {
    case 'pt-BR':
    case 'en':
      return locale;
    case 'es':
      return system !== undefined && /^es-[a-z0-9]{2,3}$/i.test(system) ? Intl.getCanonicalLocales(system)[0]! : 'es-MX';
    case 'sv':
      return 'sv-SE';
  }
}

/** When a test defines `globalThis.__vitrineMissingKeys = []`, every key asked for and not found is pushed there. */
export const MISSING_KEYS = '__vitrineMissingKeys';
type MissingKeysHost = { [MISSING_KEYS]?: string[] };

/**
 * The renderer's i18next instance. It starts in the browser's language only for the instant
 * before `app:info` answers; from then on main's choice (OS or the seller's pick) rules.
 */
export function createI18n(initial: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: initial,
    fallbackLng: false,
    supportedLngs: localeSchema.options,
    ns: namespaces,
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key no catalog has shows as the key itself; tests collect such keys (see MISSING_KEYS).
    saveMissing: true,
    missingKeyHandler: (_languages, namespace, key) => (globalThis as MissingKeysHost)[MISSING_KEYS]?.push(`${namespace}:${key}`),
  });
  return instance;
}
