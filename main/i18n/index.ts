import i18next, { type i18n, type TFunction } from 'i18next';
import { resources } from './resources';
import { localeSchema, type Locale } from '../../preload/contract';

export const SUPPORTED_LOCALES: readonly Locale[] = localeSchema.options;

/**
 * Picks a supported locale from an OS/browser locale (`pt_BR.UTF-8`, `es-MX`, `sv`): any Portuguese
 * → pt-BR, any Spanish → es, any Swedish → sv, anything else → English.
 */
export function matchLocale(osLocale: string | undefined): Locale {
  const language = /^[a-z]+/.exec(osLocale?.toLowerCase() ?? '')?.[0];
  switch (language) {
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

/**
 * The BCP 47 tag Intl formats numbers, money and dates with for a UI language (the renderer's rule
 * too): Spanish text is neutral Latin-American, so Spanish formats follow the system's own Spanish
 * region, Mexico otherwise ("$1,234.50" there, "1234,50 €" in Spain); Swedish is Sweden's.
 */
export function intlLocale(locale: Locale, system: string | undefined = Intl.DateTimeFormat().resolvedOptions().locale): string {
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

/**
 * Main-process strings (errors, tray, notifications, CLI). Each domain keeps its own JSON file per
 * language under locales/<lang>/<domain>.json, merged in resources.ts.
 */
export class Translator {
  private readonly instance: i18n;
  constructor(locale: Locale) {
    this.instance = i18next.createInstance();
    void this.instance.init({
      lng: locale,
      fallbackLng: 'en',
      initAsync: false,
      resources,
      interpolation: { escapeValue: false },
      returnNull: false,
      // One namespace; keys may contain ':' (CLI command names such as db:migrate).
      nsSeparator: false,
    });
  }
  get locale(): Locale {
    return this.instance.language as Locale;
  }
  /** What Intl should format this language's numbers, money and dates with (see intlLocale). */
  get intlLocale(): string {
    return intlLocale(this.locale);
  }
  setLocale(locale: Locale): void {
    void this.instance.changeLanguage(locale);
  }
  addMessages(locale: Locale, messages: Record<string, unknown>): void {
    this.instance.addResourceBundle(locale, 'translation', messages, true, true);
  }
  get t(): TFunction {
    return this.instance.t.bind(this.instance) as TFunction;
  }
  has(key: string): boolean {
    return this.instance.exists(key);
  }
}
