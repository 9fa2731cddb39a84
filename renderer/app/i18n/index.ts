import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../preload/contract';
import { namespaces, resources } from './resources';

/** Any Portuguese → pt-BR, anything else → en (the same rule main applies to the OS locale). */
export function matchLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/**
 * The renderer's i18next instance. It starts in the browser's language only for the instant
 * before `app:info` answers; from then on main's choice (OS or the seller's pick) rules.
 */
export function createI18n(initial: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: initial,
    fallbackLng: false,
    supportedLngs: ['pt-BR', 'en'],
    ns: namespaces,
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
